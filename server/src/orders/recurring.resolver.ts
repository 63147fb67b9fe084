import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver, registerEnumType } from 'type-graphql';
import { requireActor } from '../auth/index.js';
import type { Context } from '../app/context.js';
import { Order } from './orders.types.js';
import { MAX_OCCURRENCES, placeRecurringOrders } from './recurring.service.js';

export enum Repeat {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
}
registerEnumType(Repeat, { name: 'Repeat', description: 'DAILY 每天 / WEEKLY 每周' });

@InputType({ description: '连续预约：同一项服务每天或每周一次，到某一天为止，每次是一张单独的工单' })
export class PlaceRecurringOrdersInput {
  @Field(() => ID) elderId!: string;
  @Field(() => String, { description: '服务指南中的服务编码' }) serviceCode!: string;
  @Field(() => Int, { description: '每次的数量' }) quantity!: number;
  @Field(() => Date, { description: '第一次上门的时间；以后每次同一时间' }) scheduledAt!: Date;
  @Field(() => Repeat) repeat!: Repeat;
  @Field(() => String, { description: '最后一天（YYYY-MM-DD，北京时间，含当天）' }) until!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String, {
    description: '客户端生成的唯一编号（8–60 位）；每次工单的编号为“编号:序号”，重复提交不会重复下单',
  })
  idempotencyKey!: string;
}

@Resolver(() => Order)
export class RecurringOrdersResolver {
  @Mutation(() => [Order], {
    description:
      `连续预约（每天或每周，到截止日期为止，最多 ${MAX_OCCURRENCES} 次，60 天以内）：一次下多张工单，每张各自冻结额度，` +
      '可单独改期或取消。同一编号重复提交返回已下的工单并补下未下成的；编号用于另一组预约：IDEMPOTENCY_CONFLICT。' +
      '中途某次被拒（如余额不足）时，之前的工单保留，错误说明已预约几次、哪一天未能预约。',
  })
  async placeRecurringOrders(
    @Arg('input', () => PlaceRecurringOrdersInput) input: PlaceRecurringOrdersInput,
    @Ctx() ctx: Context,
  ) {
    return placeRecurringOrders(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }
}
