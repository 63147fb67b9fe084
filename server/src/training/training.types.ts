// Training and education sessions (002 二(五)15, 二(七)22) and family-carer training (002 二(二)6).
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '一次培训或宣传教育活动' })
export class TrainingSession {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'SMART_TECH 智慧养老知识培训 / ANTI_FRAUD 识骗防骗宣传教育' }) kind!: string;
  @Field(() => String) title!: string;
  @Field(() => ID) communityId!: string;
  @Field(() => String, { description: '培训日期（YYYY-MM-DD）' }) heldOn!: string;
  @Field(() => Int, { description: '时长（分钟）' }) minutes!: number;
  @Field(() => Int, { description: '参加的老人数' }) attendees!: number;
}

@InputType({ description: '登记一次培训或宣传教育活动' })
export class TrainingSessionInput {
  @Field(() => String) policyCode!: string;
  @Field(() => String, { description: 'SMART_TECH 或 ANTI_FRAUD' }) kind!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: '举办的社区代码' }) communityCode!: string;
  @Field(() => String, { description: '培训日期（YYYY-MM-DD），不能晚于今天' }) heldOn!: string;
  @Field(() => Int, { description: '时长（分钟）' }) minutes!: number;
}

@ObjectType({ description: '一条家庭照护者技能培训记录（002 二(二)6）' })
export class CarerTraining {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: '被照护的老人' }) elderId!: string;
  @Field(() => String) traineeName!: string;
  @Field(() => String) relation!: string;
  @Field(() => String) course!: string;
  @Field(() => Int, { description: '培训时长（分钟）' }) minutes!: number;
  @Field(() => String) completedOn!: string;
  @Field(() => String, { nullable: true }) certificateNo!: string | null;
  @Field(() => Int, { nullable: true, description: '补贴（分）；标准待定时为空' }) subsidyFen!: number | null;
  @Field(() => Boolean, { description: '补贴标准原文未给出（按规定）' }) subsidyPendingSource!: boolean;
  @Field(() => String) subsidySource!: string;
}

@InputType({ description: '登记一位家庭照护者的技能培训' })
export class CarerTrainingInput {
  @Field(() => String) policyCode!: string;
  @Field(() => ID, { description: '被照护的老人（须住在项目区域内）' }) elderId!: string;
  @Field(() => String) traineeName!: string;
  @Field(() => String, { nullable: true }) traineePhone?: string | null;
  @Field(() => String, { description: '与老人的关系' }) relation!: string;
  @Field(() => String, { description: '培训课程' }) course!: string;
  @Field(() => Int, { description: '培训时长（分钟）' }) minutes!: number;
  @Field(() => String, { description: '完成日期（YYYY-MM-DD）' }) completedOn!: string;
  @Field(() => String, { nullable: true, description: '培训证书编号' }) certificateNo?: string | null;
}
