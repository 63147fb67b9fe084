import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../common/enums.js';

export const SettlementStatus = enumOf('DRAFT', 'HELD', 'APPROVED', 'PAID');
export type SettlementStatus = keyof typeof SettlementStatus;
registerEnumType(SettlementStatus, { name: 'SettlementStatus', description: '待审核 / 暂缓结算 / 已审核 / 已付款' });

@ObjectType({ description: '第三方质量评估' })
export class QualityEvaluation {
  @Field(() => ID) id!: string;
  @Field(() => ID) providerId!: string;
  @Field(() => String) month!: string;
  @Field(() => Int) score!: number;
  @Field(() => Boolean) passed!: boolean;
  @Field(() => String) report!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => ID, { nullable: true, description: '复查时：被本次复查取代的那次评估' }) supersedesId!: string | null;
  @Field(() => String, { nullable: true, description: '服务机构提交的整改报告' }) rectificationReport!: string | null;
  @Field(() => Date, { nullable: true }) rectifiedAt!: Date | null;
}

@InputType()
export class RectificationInput {
  @Field(() => String, { description: 'YYYY-MM：未通过评估的月份' }) month!: string;
  @Field(() => String) report!: string;
}

@ObjectType({ description: '服务机构月度结算单（金额为分）' })
export class Settlement {
  @Field(() => ID) id!: string;
  providerId!: string;
  @Field(() => String) month!: string;
  @Field(() => SettlementStatus) status!: SettlementStatus;
  @Field(() => Int, { description: '已确认的服务单数' }) orders!: number;
  @Field(() => Int, { description: '补贴额度支付（分）' }) subsidyFen!: number;
  @Field(() => Int, { description: '免费服务时长（分钟）' }) subsidyMinutes!: number;
  @Field(() => Int, { description: '免费时长折算金额（按单价，不超过每小时上限）' }) hoursValueFen!: number;
  @Field(() => Int, { description: '老人自费（分）' }) selfPaidFen!: number;
  @Field(() => Int, { description: '线上服务费（平台）：当月实际服务人数 × 每人标准，审核时由项目经费记入平台应付' })
  onlineServiceFen!: number;
  @Field(() => Int) penaltyFen!: number;
  @Field(() => String, {
    nullable: true,
    description: '暂缓结算的原因（每次生成时按评估、异常工单和机构状态重新计算）',
  })
  heldReason!: string | null;
  @Field(() => String, {
    nullable: true,
    description: '区民政部门人工暂缓的原因；暂缓期间不能审核、不能登记付款，重新生成也保留，取消暂缓后清除',
  })
  manualHoldReason!: string | null;
  manualHeldById!: string | null;
  @Field(() => Date, { nullable: true, description: '人工暂缓的时间' }) manualHeldAt!: Date | null;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field(() => Date, { nullable: true }) paidAt!: Date | null;
}

@InputType()
export class QualityEvaluationInput {
  @Field(() => ID) providerId!: string;
  @Field(() => String) month!: string;
  @Field(() => Int) score!: number;
  @Field(() => Boolean) passed!: boolean;
  @Field(() => String) report!: string;
}
