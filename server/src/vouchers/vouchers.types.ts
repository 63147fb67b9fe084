import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Unit, enumOf } from '../common/enums.js';

export const VoucherStatus = enumOf('ISSUED', 'REDEEMED');
export type VoucherStatus = keyof typeof VoucherStatus;
registerEnumType(VoucherStatus, { name: 'VoucherStatus', description: '未使用 / 已使用' });

@ObjectType({
  description:
    '补贴券（003 三(二)）：每位服务对象每月每天一张，面值为当天的服务时长，当月有效、不滚存（假定）；' +
    '经确认的一次上门服务使用一张',
})
export class Voucher {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: '券号，印在券上并做成二维码，扫码或输入券号使用' }) serial!: string;
  @Field(() => ID) elderId!: string;
  @Field(() => String, { description: '所属月份 YYYY-MM' }) month!: string;
  @Field(() => Int, { description: '当月第几张' }) seq!: number;
  @Field(() => Unit) unit!: Unit;
  @Field(() => Int, { description: '面值（分钟或分，见 unit）' }) faceValue!: number;
  @Field(() => String, { description: '发放日 YYYY-MM-DD' }) issuedOn!: string;
  @Field(() => String, { description: '有效期最后一天 YYYY-MM-DD（含）' }) expiresOn!: string;
  @Field(() => VoucherStatus) status!: VoucherStatus;
  @Field(() => ID, { nullable: true, description: '使用这张券的工单' }) orderId!: string | null;
  @Field(() => Date, { nullable: true }) redeemedAt!: Date | null;
}

@ObjectType({ description: '一张可打印的补贴券：券号和二维码图片' })
export class PrintableVoucher extends Voucher {
  @Field(() => String, { description: '券号的二维码（PNG data URL），打印用' }) qrDataUrl!: string;
}

@ObjectType({ description: '一次发券的结果' })
export class VoucherIssue {
  @Field(() => String) month!: string;
  @Field(() => Int, { description: '本次发券的老人数' }) elders!: number;
  @Field(() => Int, { description: '本次新发的券数' }) issued!: number;
  @Field(() => Int, { description: '已经发过、本次跳过的老人数' }) skipped!: number;
}

@ObjectType({ description: '居家养老服务时长和补贴券，按县（市、区）和月份（003 三(二)）' })
export class HomeCareReportRow {
  @Field(() => String) regionCode!: string;
  @Field(() => String) regionName!: string;
  @Field(() => String) month!: string;
  @Field(() => Int, { description: '当月发放的服务时长（分钟）' }) minutesCredited!: number;
  @Field(() => Int, { description: '已确认服务使用的时长（分钟）' }) minutesUsed!: number;
  @Field(() => Int) vouchersIssued!: number;
  @Field(() => Int) vouchersRedeemed!: number;
  @Field(() => Int, {
    nullable: true,
    description: '已用时长按服务当天本县小时最低工资标准折算的费用（分）；有未公布标准的日子时为空',
  })
  costFen!: number | null;
  @Field(() => Int, { description: '没有小时最低工资标准数额（待补来源）的已用分钟数' }) minutesWithoutWage!: number;
  @Field(() => String) source!: string;
}
