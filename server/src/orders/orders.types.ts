import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.js';
import { enumOf } from '../common/enums.js';
import { VISIT_EVIDENCE } from '../policies/index.js';

export const OrderStatus = enumOf('PLACED', 'ASSIGNED', 'IN_SERVICE', 'COMPLETED', 'CONFIRMED', 'CANCELLED');
export type OrderStatus = keyof typeof OrderStatus;
export const Channel = enumOf('MINIPROGRAM', 'BOT', 'HOTLINE', 'WORKER', 'SYSTEM');
export type Channel = keyof typeof Channel;
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: '已下单 / 已派单 / 服务中 / 已完成待确认 / 已确认 / 已取消',
});
registerEnumType(Channel, { name: 'Channel', description: '小程序 / 群机器人 / 热线 / 社区工作人员 / 系统' });
export const VisitEvidence = enumOf(...VISIT_EVIDENCE);
export type VisitEvidence = keyof typeof VisitEvidence;
registerEnumType(VisitEvidence, {
  name: 'VisitEvidence',
  description: '服务确认依据：老人在小程序确认 / 家属在小程序确认 / 老人报出确认码 / 回访电话核实',
});

@ObjectType({ description: '服务机构' })
export class ProviderRef {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: '护理员' })
export class CaregiverRef {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: '可派的护理员（证书在服务当天有效）及其工作量（派单建议：当天工单少的在前）' })
export class CaregiverSuggestion {
  @Field(() => CaregiverRef) caregiver!: CaregiverRef;
  @Field(() => Int, { description: '在办工单数（已派单、服务中）' }) openOrders!: number;
  @Field(() => Int, { description: '服务当天已排给这位护理员的其他工单数（不含已取消）' }) dayOrders!: number;
}

@ObjectType({ description: '上门服务记录' })
export class VisitInfo {
  checkInPhotoId!: string | null;
  checkOutPhotoId!: string | null;
  @Field(() => Int, { nullable: true, description: '签到点离老人家的距离（米）' }) checkInDistanceM!: number | null;
  @Field(() => Date, { nullable: true }) checkInAt!: Date | null;
  @Field(() => Date, { nullable: true }) checkOutAt!: Date | null;
  @Field(() => Int, { nullable: true }) durationMinutes!: number | null;
  @Field(() => Date, { nullable: true, description: '服务器收到签到的时间（离线补传时晚于签到时间）' })
  checkInReceivedAt!: Date | null;
  @Field(() => Boolean, { description: '签到是离线记录、网络恢复后补传的' }) checkInSentLate!: boolean;
  @Field(() => Date, { nullable: true, description: '服务器收到签退的时间' }) checkOutReceivedAt!: Date | null;
  @Field(() => Boolean, { description: '签退是离线记录、网络恢复后补传的' }) checkOutSentLate!: boolean;
  @Field(() => String, { nullable: true, description: '护理员填写的服务记录（做了什么）' }) serviceNotes!:
    string | null;
  signatureFileId!: string | null;
}

@ObjectType({ description: '签到时间窗（项目规定的预约时间前后）' })
export class VisitWindow {
  @Field(() => Date, { description: '最早可签到' }) opensAt!: Date;
  @Field(() => Date, { description: '最晚可签到' }) closesAt!: Date;
  @Field(() => String, { description: '依据条款' }) source!: string;
}

@ObjectType({ description: '服务工单' })
export class Order {
  @Field(() => ID) id!: string;
  @Field(() => OrderStatus) status!: OrderStatus;
  elderId!: string;
  serviceItemId!: string;
  providerId!: string | null;
  caregiverId!: string | null;
  @Field(() => Int) quantity!: number;
  @Field(() => Date) scheduledAt!: Date;
  @Field(() => Date, { nullable: true, description: '护理员点“出发”的时间（家属可见）' }) departedAt!: Date | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Channel) channel!: Channel;
  @Field(() => Int, { description: '服务金额（分）' }) amountFen!: number;
  @Field(() => Int, { description: '补贴承担（分；时长补贴按每小时上限折算）' }) subsidyFen!: number;
  @Field(() => Int, { description: '使用的免费服务时长（分钟）' }) subsidyMinutes!: number;
  @Field(() => Int, { description: '自费（分）' }) selfPaidFen!: number;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
  @Field(() => VisitEvidence, {
    nullable: true,
    description: '服务确认的依据（确认后才有）；服务机构和护理员不能自己确认',
  })
  evidence!: VisitEvidence | null;
  @Field(() => Int, { nullable: true, description: '确认时实际扣费（分；计时服务按实际服务时长，不超过预约时长）' })
  chargedFen!: number | null;
  @Field(() => Int, { nullable: true, description: '计时服务按实际时长计费的分钟数（向上取整到项目规定的步长）' })
  chargedMinutes!: number | null;
  @Field(() => Date) createdAt!: Date;
}

export const OrderConnection = ConnectionType(Order, 'Order');

@ObjectType({ description: '已发出的服务确认码（码本身只发给老人和家属，不返回给护理员）' })
export class VisitSignOffRequest {
  @Field(() => Date, { description: '确认码失效时间' }) expiresAt!: Date;
  @Field(() => Int, { description: '收到确认码的账号数（老人本人和家属）' }) recipients!: number;
}

@InputType()
export class PlaceOrderInput {
  @Field(() => ID) elderId!: string;
  @Field(() => String, { description: '服务指南中的服务编码' }) serviceCode!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Date) scheduledAt!: Date;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String, { description: '客户端生成的唯一编号；重复提交只下一单' }) idempotencyKey!: string;
}

@InputType()
export class QuoteOrderInput {
  @Field(() => ID) elderId!: string;
  @Field(() => String, { description: '服务指南中的服务编码' }) serviceCode!: string;
  @Field(() => Int) quantity!: number;
}

@ObjectType({ description: '下单前的费用试算：补贴抵扣多少、自费多少（不冻结额度）' })
export class OrderQuote {
  @Field(() => Int, { description: '总价（分）' }) amountFen!: number;
  @Field(() => Int, { description: '补贴抵扣（分；按小时补贴的项目为所抵小时按限价折算）' }) subsidyFen!: number;
  @Field(() => Int, { description: '抵扣的补贴时长（分钟）' }) subsidyMinutes!: number;
  @Field(() => Int, { description: '需自费（分）' }) selfPaidFen!: number;
  @Field(() => Int, { description: '自费余额还差多少（分）；0 表示可以直接下单' }) missingFen!: number;
  @Field(() => Int, { description: '当前可用自费余额（分）' }) selfPaidAvailableFen!: number;
  @Field(() => String, { description: '承接服务的机构' }) providerName!: string;
  @Field(() => Int, { description: '机构价格清单中的单价（分/单位；001 五(二)2）；高于补贴限价的部分计入自费' })
  unitPriceFen!: number;
}

@InputType()
export class OrderFilter {
  @Field(() => ID, { nullable: true }) elderId?: string | null;
  @Field(() => [OrderStatus], { nullable: true }) status?: OrderStatus[] | null;
  @Field(() => ID, { nullable: true }) providerId?: string | null;
  @Field(() => Date, { nullable: true, description: '预约时间起（含）' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: '预约时间止（不含）' }) to?: Date | null;
}

@InputType()
export class CheckInInput {
  @Field(() => ID) orderId!: string;
  @Field(() => String, { description: '老人家中张贴的二维码内容' }) qrToken!: string;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field(() => ID, { description: 'POST /files 上传的现场照片' }) photoId!: string;
  @Field(() => Date, {
    nullable: true,
    description: '离线时手机记录的签到时间（网络恢复后补传）；按此时间判断时间窗，24 小时内有效',
  })
  recordedAt?: Date | null;
}

@InputType()
export class CheckOutInput {
  @Field(() => ID) orderId!: string;
  @Field(() => String, { nullable: true, description: '签退时再扫老人家中的二维码（填写则核验）' })
  qrToken?: string | null;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field(() => ID) photoId!: string;
  @Field(() => Date, { nullable: true, description: '离线时手机记录的签退时间（网络恢复后补传），用于计算服务时长' })
  recordedAt?: Date | null;
}
