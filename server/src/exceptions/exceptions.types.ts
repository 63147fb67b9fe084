import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.js';
import { enumOf } from '../common/enums.js';
import { RESOLUTIONS, VISIT_EXCEPTION_REASONS, VISIT_EXCEPTION_STATUSES } from './exceptions.service.js';

export const VisitExceptionReason = enumOf(...VISIT_EXCEPTION_REASONS);
export type VisitExceptionReason = keyof typeof VisitExceptionReason;
registerEnumType(VisitExceptionReason, {
  name: 'VisitExceptionReason',
  description:
    '异常原因：服务时长远短于预约 / 签到不在预约时间窗内 / 同一地点短时间内签到签出 / 同一护理员同时在两户 / 现场照片重复使用 / 签到定位多次完全相同',
});

export const VisitExceptionStatus = enumOf(...VISIT_EXCEPTION_STATUSES);
export type VisitExceptionStatus = keyof typeof VisitExceptionStatus;
registerEnumType(VisitExceptionStatus, {
  name: 'VisitExceptionStatus',
  description: '待处理 / 已接受 / 已调整扣费 / 已拒付',
});

export const VisitExceptionResolution = enumOf(...RESOLUTIONS);
export type VisitExceptionResolution = keyof typeof VisitExceptionResolution;
registerEnumType(VisitExceptionResolution, {
  name: 'VisitExceptionResolution',
  description: '接受（按已扣费用结算）/ 调整扣费（退回部分）/ 拒付（全部退回）',
});

@ObjectType({ description: '异常工单：需要街道或区民政部门复核的上门服务；未处理的暂缓该机构当月结算' })
export class VisitException {
  @Field(() => ID) id!: string;
  @Field(() => ID) orderId!: string;
  @Field(() => ID) providerId!: string;
  @Field(() => String, { description: '所属结算月份 YYYY-MM' }) month!: string;
  @Field(() => VisitExceptionReason) reason!: VisitExceptionReason;
  @Field(() => String, { description: '发现的情况' }) detail!: string;
  @Field(() => VisitExceptionStatus) status!: VisitExceptionStatus;
  @Field(() => Int, { nullable: true, description: '复核退回的费用（分；时长按单价折算）' }) reversedFen!:
    number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

export const VisitExceptionConnection = ConnectionType(VisitException, 'VisitException');

@InputType()
export class VisitExceptionFilter {
  @Field(() => String, { nullable: true, description: 'YYYY-MM' }) month?: string | null;
  @Field(() => VisitExceptionReason, { nullable: true }) reason?: VisitExceptionReason | null;
  @Field(() => VisitExceptionStatus, { nullable: true }) status?: VisitExceptionStatus | null;
  @Field(() => ID, { nullable: true }) providerId?: string | null;
}

@InputType()
export class ResolveVisitExceptionInput {
  @Field(() => ID) id!: string;
  @Field(() => VisitExceptionResolution) resolution!: VisitExceptionResolution;
  @Field(() => Int, { nullable: true, description: '调整扣费时退回的金额（分）' }) amountFen?: number | null;
  @Field(() => String, { description: '处理意见' }) note!: string;
}
