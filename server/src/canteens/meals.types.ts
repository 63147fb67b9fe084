// Meal service (002 二(二)7; 000 四 集中就餐) and food safety (002 二(七)22).
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../common/enums.js';

export const MealKind = enumOf('BREAKFAST', 'LUNCH', 'DINNER');
registerEnumType(MealKind, { name: 'MealKind', description: '早餐 / 午餐 / 晚餐' });
export const MealSite = enumOf('HOME', 'FACILITY');
registerEnumType(MealSite, { name: 'MealSite', description: '在老人家中核验（送餐）/ 在食堂或助餐点核验（堂食）' });

@ObjectType({ description: '一位老人的一餐' })
export class MealRecord {
  @Field(() => ID) id!: string;
  @Field(() => ID) elderId!: string;
  @Field(() => ID) facilityId!: string;
  @Field(() => String) itemCode!: string;
  @Field(() => String, { description: '就餐日期（YYYY-MM-DD）' }) servedOn!: string;
  @Field(() => MealKind) meal!: string;
  @Field(() => MealSite) verifiedAt!: string;
  @Field(() => Int, { nullable: true, description: '老人满意度 1–5' }) satisfaction!: number | null;
}

@InputType({ description: '登记一餐：堂食在食堂或助餐点现场核验，送餐在老人家中核验' })
export class RecordMealInput {
  @Field(() => ID) facilityId!: string;
  @Field(() => ID) elderId!: string;
  @Field(() => String, { description: '服务清单中的助餐项目代码' }) itemCode!: string;
  @Field(() => MealKind) meal!: string;
  @Field(() => MealSite, { description: '登记所在地' }) site!: string;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field(() => Int, { nullable: true, description: '老人满意度 1–5，可不填' }) satisfaction?: number | null;
}

@ObjectType({ description: '一个食堂或助餐点某月的助餐情况和按公式核算的运营补助' })
export class MealMonth {
  @Field(() => ID) facilityId!: string;
  @Field(() => String) month!: string;
  @Field(() => Int, { description: '助餐人次' }) meals!: number;
  @Field(() => Int, { description: '有满意度评价的人次' }) rated!: number;
  @Field(() => Float, { nullable: true }) satisfactionAverage!: number | null;
  @Field(() => Int, { nullable: true, description: '月底前最近一次食品安全检查评分' }) qualityScore!: number | null;
  @Field(() => Int, { nullable: true, description: '每餐补助标准（分）' }) fenPerMeal!: number | null;
  @Field(() => Int, { nullable: true, description: '按公式核算的补助（分）；不能补助时为空' }) amountFen!:
    number | null;
  @Field(() => String, { nullable: true, description: '不能补助的原因' }) refusal!: string | null;
  @Field(() => Boolean, { description: '补助标准原文未给出，为演示值' }) pendingSource!: boolean;
  @Field(() => String) source!: string;
}

@ObjectType({ description: '一次食品安全检查（002 二(二)7）' })
export class FoodSafetyInspection {
  @Field(() => ID) id!: string;
  @Field(() => ID) facilityId!: string;
  @Field(() => String) inspectedOn!: string;
  @Field(() => Int, { description: '评分 0–100' }) score!: number;
  @Field(() => String, { nullable: true }) findings!: string | null;
  @Field(() => String, { nullable: true }) rectifyBy!: string | null;
  @Field(() => String, { nullable: true, description: '整改措施' }) fix!: string | null;
  @Field(() => String, { nullable: true }) fixedOn!: string | null;
}

@InputType({ description: '登记一次食品安全检查' })
export class FoodSafetyInput {
  @Field(() => ID) facilityId!: string;
  @Field(() => String, { description: '检查日期（YYYY-MM-DD）' }) inspectedOn!: string;
  @Field(() => Int, { description: '评分 0–100' }) score!: number;
  @Field(() => String, { nullable: true, description: '发现的问题；没有问题不填' }) findings?: string | null;
  @Field(() => String, { nullable: true, description: '整改期限，发现问题时必填' }) rectifyBy?: string | null;
}

@ObjectType({ description: '食堂“互联网+明厨亮灶”状态（002 二(七)22）' })
export class KitchenCamera {
  @Field(() => ID) facilityId!: string;
  @Field(() => Boolean) kitchenCamera!: boolean;
}
