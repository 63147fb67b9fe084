import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireActor } from '../auth/index.js';
import { PageArgsType } from '../common/connection.js';
import type { Context } from '../app/context.js';
import { Order } from '../orders/index.js';
import {
  closeComplaint,
  fileComplaint,
  followUpTasks,
  listComplaints,
  rateOrder,
  recordFollowUp,
  respondToComplaint,
} from './feedback.service.js';
import {
  Complaint,
  ComplaintConnection,
  ComplaintFilter,
  FileComplaintInput,
  FollowUp,
  FollowUpTaskConnection,
  Rating,
  Satisfaction,
} from './feedback.types.js';

@Resolver(() => Complaint)
export class FeedbackResolver {
  @Mutation(() => Rating, { description: '老人或家属评价已完成的服务（1–5 星）' })
  async rateOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('stars', () => Int) stars: number,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: Context,
  ) {
    return rateOrder(ctx.prisma, requireActor(ctx.actor), orderId, stars, comment, ctx.app.clock());
  }

  @Query(() => FollowUpTaskConnection, { description: '待回访的服务，时限早的在前' })
  async followUpTasks(
    @Args(() => PageArgsType) page: PageArgsType,
    @Arg('overdueOnly', () => Boolean, { nullable: true }) overdueOnly: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return followUpTasks(ctx.prisma, requireActor(ctx.actor), { ...page, overdueOnly }, ctx.app.clock());
  }

  @Mutation(() => FollowUp, { description: '记录回访结果（满意度）' })
  async recordFollowUp(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('satisfaction', () => Satisfaction) satisfaction: Satisfaction,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return recordFollowUp(ctx.prisma, requireActor(ctx.actor), orderId, satisfaction, note, ctx.app.clock());
  }

  @Query(() => ComplaintConnection, { description: '我能查看的投诉' })
  async complaints(
    @Arg('filter', () => ComplaintFilter, { nullable: true }) filter: ComplaintFilter | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    return listComplaints(ctx.prisma, requireActor(ctx.actor), filter ?? {}, page);
  }

  @Mutation(() => Complaint, { description: '登记投诉（48 小时内处理）' })
  async fileComplaint(@Arg('input', () => FileComplaintInput) input: FileComplaintInput, @Ctx() ctx: Context) {
    return fileComplaint(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock(), (e) =>
      ctx.app.alertBus.publish(e),
    );
  }

  @Mutation(() => Complaint, { description: '服务机构答复投诉' })
  async respondToComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('response', () => String) response: string,
    @Ctx() ctx: Context,
  ) {
    return respondToComplaint(ctx.prisma, requireActor(ctx.actor), id, response, ctx.app.clock());
  }

  @Mutation(() => Complaint, {
    description:
      '回访投诉人：满意则办结，不满意退回服务机构重新处理；核实是否为服务机构责任。热线、社区或街道、区民政部门办理；' +
      '服务机构答复前不能回访（INVALID_STATE）；note 为回访情况（可选，最多 500 字）',
  })
  async closeComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('satisfied', () => Boolean) satisfied: boolean,
    @Arg('providerAtFault', () => Boolean) providerAtFault: boolean,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    const actor = requireActor(ctx.actor);
    return closeComplaint(ctx.prisma, actor, id, satisfied, providerAtFault, ctx.app.clock(), note, ctx.app.events);
  }
}

@Resolver(() => Order)
export class OrderFeedbackResolver {
  @FieldResolver(() => Rating, { nullable: true })
  async rating(@Root() order: Order, @Ctx() ctx: Context) {
    return ctx.loaders.ratingByOrderId.load(order.id);
  }

  @FieldResolver(() => FollowUp, { nullable: true })
  async followUp(@Root() order: Order, @Ctx() ctx: Context) {
    return ctx.loaders.followUpByOrderId.load(order.id);
  }
}
