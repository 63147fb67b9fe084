import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.js';
import { enumOf } from '../common/enums.js';
import { CALL_KINDS } from '../policies/index.js';

// The policy document's list, so a programme's care calls and the API's kinds cannot drift apart.
export const CallKind = enumOf(...CALL_KINDS);
export type CallKind = keyof typeof CallKind;
export const CallTaskStatus = enumOf('PENDING', 'DONE', 'UNREACHED', 'CANCELLED');
export type CallTaskStatus = keyof typeof CallTaskStatus;
registerEnumType(CallKind, {
  name: 'CallKind',
  description: '电话关爱 / 心理慰藉 / 生日祝福 / 用药叮嘱 / 节日问候 / 安全提醒 / 服务回访',
});
registerEnumType(CallTaskStatus, { name: 'CallTaskStatus', description: '待拨打 / 已完成 / 联系不上 / 已取消' });

@ObjectType({ description: '一次拨打' })
export class CallAttempt {
  @Field(() => Boolean) answered!: boolean;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) at!: Date;
}

@ObjectType({ description: '关爱电话任务' })
export class CallTask {
  @Field(() => ID) id!: string;
  elderId!: string;
  @Field(() => CallKind) kind!: CallKind;
  @Field(() => CallTaskStatus) status!: CallTaskStatus;
  @Field(() => Date) scheduledFor!: Date;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [CallAttempt]) attempts!: CallAttempt[];
}

export const CallTaskConnection = ConnectionType(CallTask, 'CallTask');

@InputType()
export class CallTaskFilter {
  @Field(() => CallTaskStatus, { nullable: true }) status?: CallTaskStatus | null;
  @Field(() => Boolean, { nullable: true, description: '只看分给我的' }) mine?: boolean | null;
  @Field(() => ID, { nullable: true }) elderId?: string | null;
}
