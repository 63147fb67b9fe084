import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Alert } from '../alerts/index.js';
import { enumOf } from '../common/enums.js';

export const BindingPurpose = enumOf('WORKER', 'ROOM');
export type BindingPurpose = keyof typeof BindingPurpose;
registerEnumType(BindingPurpose, { name: 'BindingPurpose', description: '绑定本人微信 / 绑定工作群' });

@ObjectType({ description: '一次性绑定码（6 位，10 分钟内有效，只能用一次）' })
export class BindingCode {
  @Field(() => String) code!: string;
  @Field(() => BindingPurpose) purpose!: BindingPurpose;
  @Field(() => Date) expiresAt!: Date;
}

@ObjectType({ description: '与机器人绑定的工作人员' })
export class BotWorker {
  @Field(() => String) userId!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String) communityCode!: string;
  @Field(() => String) communityName!: string;
}

@ObjectType({ description: '与机器人绑定的工作群' })
export class BotRoom {
  @Field(() => String) roomId!: string;
  @Field(() => String) topic!: string;
  @Field(() => String) communityCode!: string;
  @Field(() => String) communityName!: string;
}

@ObjectType({ description: '消息发送人和所在群的绑定情况' })
export class BotContext {
  @Field(() => BotWorker, { nullable: true }) worker!: BotWorker | null;
  @Field(() => BotRoom, { nullable: true }) room!: BotRoom | null;
}

@ObjectType({ description: '还没有发到群里的告警，以及缺它的群' })
export class UndeliveredAlert {
  @Field(() => Alert) alert!: Alert;
  @Field(() => [String]) roomIds!: string[];
}

@ObjectType({ description: '（机器人）每个工作群的每日简报：今日上门、未签到、超时投诉' })
export class BotDigest {
  @Field(() => String) roomId!: string;
  @Field(() => String) communityName!: string;
  @Field(() => String, { description: 'YYYY-MM-DD（北京时间）' }) day!: string;
  @Field(() => Int, { description: '今日预约的上门服务' }) visitsToday!: number;
  @Field(() => Int, { description: '已签到' }) checkedIn!: number;
  @Field(() => Int, { description: '已过预约时间 30 分钟仍未签到' }) notCheckedIn!: number;
  @Field(() => [String], { description: '未签到的上门（时间、脱敏姓名、项目），最多 10 条' })
  notCheckedInLines!: string[];
  @Field(() => Int, { description: '已超过处理时限的投诉' }) overdueComplaints!: number;
}
