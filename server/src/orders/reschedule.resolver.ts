import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { requireActor } from '../auth/index.js';
import type { Context } from '../app/context.js';
import { Order } from './orders.types.js';
import { orderReschedules, rescheduleOrder } from './reschedule.service.js';

@ObjectType({ description: '一次改期：从哪个时间改到哪个时间' })
export class OrderRescheduleRecord {
  @Field(() => ID) id!: string;
  @Field(() => Date, { description: '原来的上门时间' }) fromAt!: Date;
  @Field(() => Date, { description: '改到的上门时间' }) toAt!: Date;
  @Field(() => Date, { description: '改期的时间' }) createdAt!: Date;
}

@Resolver(() => Order)
export class OrderRescheduleResolver {
  @Mutation(() => Order, {
    description:
      '改期：把尚未开始（护理员签到前）的工单改到新的时间，冻结的额度不变；已派单的退回服务机构重新派单。' +
      '新时间早于现在、超过 60 天或在老人服务终止之后：BAD_USER_INPUT；不在项目的上门服务时段：OUTSIDE_BOOKING_HOURS；' +
      '已开始、完成或取消：INVALID_STATE；同一请求编号用于另一次改期：IDEMPOTENCY_CONFLICT。',
  })
  async rescheduleOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('startAt', () => Date) startAt: Date,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ) {
    return rescheduleOrder(ctx.prisma, requireActor(ctx.actor), { orderId, startAt, idempotencyKey }, ctx.app.clock());
  }

  @FieldResolver(() => [OrderRescheduleRecord], { description: '这张工单的改期记录，最早的在前' })
  async reschedules(@Root() order: Order, @Ctx() ctx: Context) {
    return orderReschedules(ctx.prisma, order.id);
  }
}
