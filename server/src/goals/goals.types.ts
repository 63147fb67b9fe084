// Targets with deadlines and their progress (issue 21; 002 二(二)4/5/7, 二(四)11, 二(五)15, 二(七)22).
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../common/enums.js';

export const GoalStatus = enumOf('MET', 'ON_TRACK', 'AT_RISK', 'MISSED');
registerEnumType(GoalStatus, { name: 'GoalStatus', description: '已完成 / 进度正常 / 有延期风险 / 逾期未完成' });

@ObjectType({ description: '一个街道或社区对一项目标的完成情况' })
export class GoalRegionProgress {
  @Field(() => ID) regionId!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'STREET 或 COMMUNITY' }) level!: string;
  @Field(() => Int, { description: '已完成数（设施数、覆盖的社区、达标的设施、人数等）' }) achieved!: number;
  @Field(() => Int, { nullable: true, description: '对应的总数或每个单位的目标数；单纯计人数时为空' }) total!:
    number | null;
  @Field(() => Float, { nullable: true, description: '完成比例（%）' }) percent!: number | null;
  @Field(() => Boolean, { description: '本单位是否达到目标' }) met!: boolean;
  @Field(() => [GoalRegionProgress], { description: '街道下各社区' }) communities!: GoalRegionProgress[];
}

@ObjectType({ description: '一项目标在某月末的完成情况' })
export class GoalTrendPoint {
  @Field(() => String, { description: 'YYYY-MM；本月为截至今天' }) month!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float, { description: '目标完成程度（%）' }) progressPercent!: number;
}

@ObjectType({ description: '一项目标（来自政策文件）及其按记录计算的进度，进度不能手工填写' })
export class GoalProgress {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: '统计口径（FACILITIES_ACCEPTED、FACILITY_COVERAGE 等）' }) metric!: string;
  @Field(() => Int, { description: '目标值' }) target!: number;
  @Field(() => String, { description: 'COUNT（个、人）或 PERCENT（%）' }) unit!: string;
  @Field(() => String, { description: '考核单位：DISTRICT、STREET 或 COMMUNITY' }) per!: string;
  @Field(() => String, { description: '完成期限（YYYY-MM-DD，含当日）' }) deadline!: string;
  @Field(() => String, { description: '政策依据条款' }) source!: string;
  @Field(() => Boolean, { description: '原文未写明、由平台假定的部分' }) assumed!: boolean;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Float, { description: '当前值：比例（%）、达标单位数或人数' }) value!: number;
  @Field(() => Int) achieved!: number;
  @Field(() => Int, { nullable: true }) total!: number | null;
  @Field(() => Float, { description: '目标完成程度（%）' }) progressPercent!: number;
  @Field(() => Float, { description: '按均匀进度今天应完成的程度（%）' }) expectedPercent!: number;
  @Field(() => Boolean) met!: boolean;
  @Field(() => GoalStatus) status!: string;
  @Field(() => [GoalRegionProgress]) streets!: GoalRegionProgress[];
  @Field(() => [GoalTrendPoint], { description: '按月趋势，最早在前' }) trend!: GoalTrendPoint[];
}

@ObjectType({ description: '一个项目的全部目标、按月趋势和有延期风险的目标' })
export class ProgrammeGoals {
  @Field(() => String) policyCode!: string;
  @Field(() => String, { description: '统计截至日（北京时间今天）' }) asOf!: string;
  @Field(() => String, { description: '延期风险的判断规则' }) atRiskRule!: string;
  @Field(() => Int, { description: '落后均匀进度多少个百分点算有风险' }) atRiskShortfallPercent!: number;
  @Field(() => Boolean, { description: '风险阈值是否为平台假定' }) atRiskAssumed!: boolean;
  @Field(() => [GoalProgress]) goals!: GoalProgress[];
  @Field(() => [GoalProgress], { description: '有延期风险或已逾期的目标' }) atRisk!: GoalProgress[];
}

@ObjectType({ description: '社区养老顾问（002 二(二)5）' })
export class CareAdvisor {
  @Field(() => ID) id!: string;
  @Field(() => ID) communityId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { description: '上岗日期（YYYY-MM-DD）' }) since!: string;
}

@InputType({ description: '登记一位社区养老顾问' })
export class AppointCareAdvisorInput {
  @Field(() => String) policyCode!: string;
  @Field(() => String, { description: '社区代码' }) communityCode!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { description: '上岗日期（YYYY-MM-DD），不能晚于今天' }) since!: string;
}

@ObjectType({ description: '老人的健康管理记录（002 二(四)11）' })
export class HealthManagementRecord {
  @Field(() => ID) id!: string;
  @Field(() => ID) elderId!: string;
  @Field(() => String) institution!: string;
  @Field(() => String) since!: string;
}

@InputType({ description: '登记老人纳入健康管理（家庭医生签约、健康档案）' })
export class HealthManagementInput {
  @Field(() => ID) elderId!: string;
  @Field(() => String, { description: '提供健康管理的医疗卫生机构' }) institution!: string;
  @Field(() => String, { description: '纳入健康管理的日期（YYYY-MM-DD），不能晚于今天' }) since!: string;
}
