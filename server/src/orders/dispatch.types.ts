import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../common/enums.js';
import { Order } from './orders.types.js';

export const DispatchRisk = enumOf('NO_CAREGIVER', 'NOT_CHECKED_IN');
export type DispatchRisk = keyof typeof DispatchRisk;
registerEnumType(DispatchRisk, {
  name: 'DispatchRisk',
  description: '快到（或已过）预约时间还没派护理员 / 已过预约时间护理员还没签到',
});

@ObjectType({ description: '有风险的工单及原因' })
export class AtRiskOrder {
  @Field(() => Order) order!: Order;
  @Field(() => DispatchRisk) risk!: DispatchRisk;
  @Field(() => Int, { description: '距预约时间的分钟数（负数为已过预约时间）' }) minutesToStart!: number;
}

@ObjectType({ description: '今天（北京时间）本机构工单的进度' })
export class DispatchProgress {
  @Field(() => Int, { description: '今天预约的工单（不含已取消）' }) total!: number;
  @Field(() => Int, { description: '待派单' }) unassigned!: number;
  @Field(() => Int, { description: '已派单待签到' }) assigned!: number;
  @Field(() => Int, { description: '服务中' }) inService!: number;
  @Field(() => Int, { description: '已签退（含已确认）' }) done!: number;
  @Field(() => Int, { description: '已取消' }) cancelled!: number;
}

@ObjectType({ description: '服务机构的派单看板' })
export class DispatchBoard {
  @Field(() => String, { description: 'YYYY-MM-DD（北京时间）' }) day!: string;
  @Field(() => [Order], { description: '待派单的工单（今天及以后），预约时间早的在前' }) unassigned!: Order[];
  @Field(() => [AtRiskOrder], { description: '有风险的工单：快开始还没派人，或过了预约时间没签到' })
  atRisk!: AtRiskOrder[];
  @Field(() => DispatchProgress) progress!: DispatchProgress;
}
