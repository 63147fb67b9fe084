import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.js';
import { enumOf } from '../common/enums.js';

export const AlertKind = enumOf(
  'MISSED_CONTACT',
  'NO_RECENT_ORDER',
  'COMPLAINT',
  'SLA_BREACH',
  'LOW_BALANCE',
  // 000 四 线上服务表: 紧急救援, 联络紧急联络人, 定位查询 from the app, for the call centre (help.service.ts).
  'HELP_CALL',
  // 004 五(一): a smart care bed's device (紧急呼叫、跌倒、久未活动、燃气、烟感), answered within 24 hours.
  'DEVICE_EVENT',
  // 004 三(二): a home-visit agreement whose confirmed visits fall behind an even pace to its 30 by the deadline.
  'VISIT_PACE',
);
export type AlertKind = keyof typeof AlertKind;
export const AlertStatus = enumOf('RAISED', 'ACKNOWLEDGED', 'RESOLVED');
export type AlertStatus = keyof typeof AlertStatus;
registerEnumType(AlertKind, {
  name: 'AlertKind',
  description:
    '多次联系不上 / 两周未下单 / 投诉 / 投诉超时 / 余额不足 / 一键求助 / 智能床位设备报警 / 上门服务进度落后',
});
registerEnumType(AlertStatus, { name: 'AlertStatus', description: '待确认 / 已确认处理中 / 已处理' });

@ObjectType({ description: '给社区工作人员的告警' })
export class Alert {
  @Field(() => ID) id!: string;
  elderId!: string;
  communityId!: string;
  @Field(() => AlertKind) kind!: AlertKind;
  @Field(() => AlertStatus) status!: AlertStatus;
  detail!: unknown;
  @Field(() => Date) raisedAt!: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt?: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt?: Date | null;
  @Field(() => String, { nullable: true, description: '处理结果' }) outcome?: string | null;
  @Field(() => Date, { nullable: true, description: '无人确认、已上报街道的时间' }) escalatedAt?: Date | null;
}

export const AlertConnection = ConnectionType(Alert, 'Alert');

@InputType()
export class AlertFilter {
  @Field(() => String, { nullable: true }) communityCode?: string | null;
  @Field(() => AlertStatus, { nullable: true }) status?: AlertStatus | null;
  @Field(() => AlertKind, { nullable: true }) kind?: AlertKind | null;
  @Field(() => Date, { nullable: true, description: '只看此时间之后产生的（断线重连后补齐）' }) since?: Date | null;
}
