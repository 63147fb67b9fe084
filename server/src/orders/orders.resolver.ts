import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireActor, authorize } from '../auth/index.js';
import { ServiceItem } from '../catalogue/index.js';
import { PageArgsType } from '../common/connection.js';
import type { Context } from '../app/context.js';
import { Elder } from '../elders/index.js';
import { cancelOrder, listOrders, orderByRef, orderInScope, placeOrder, quoteOrder } from './orders.service.js';
import { assignOrder, suggestCaregivers } from './dispatch.service.js';
import { shortRef } from '../common/refs.js';
import { confirmVisitBySignOff, requestVisitSignOff } from './signoff.service.js';
import { checkIn, checkOut, confirmOrder, confirmVisitByCall, homeQrToken } from './visits.service.js';
import {
  CaregiverRef,
  CaregiverSuggestion,
  CheckInInput,
  CheckOutInput,
  Order,
  OrderConnection,
  OrderFilter,
  OrderQuote,
  PlaceOrderInput,
  QuoteOrderInput,
  ProviderRef,
  VisitInfo,
  VisitSignOffRequest,
} from './orders.types.js';

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => OrderConnection, { description: '我能查看的工单（按角色和辖区），最新的在前' })
  async orders(
    @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.prefetch
      .orders(info, ['edges', 'node'])
      .page((include) => listOrders(ctx.prisma, requireActor(ctx.actor), filter ?? {}, page, include));
  }

  @Query(() => Order)
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return orderInScope(ctx.prisma, authorize(ctx.actor, 'order'), id);
  }

  @Query(() => [CaregiverSuggestion], {
    description: '派单建议：本机构在岗、证书在服务当天有效的护理员，当天工单少的在前',
  })
  async caregiverSuggestions(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context) {
    return suggestCaregivers(ctx.prisma, requireActor(ctx.actor), orderId, ctx.app.clock());
  }

  @Query(() => OrderQuote, {
    description:
      '下单前试算：补贴抵扣多少、自费多少、自费余额是否够（不够时 missingFen > 0，不报错）。不冻结任何额度。服务项目或数量不合法：BAD_USER_INPUT；未纳入服务：NOT_ELIGIBLE；' +
      '无权查看该老人：FORBIDDEN / NOT_FOUND。',
  })
  async quoteOrder(@Arg('input', () => QuoteOrderInput) input: QuoteOrderInput, @Ctx() ctx: Context) {
    return quoteOrder(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => Order, {
    description:
      '下单：先用补贴（按服务类型对应的额度），不足部分自费；预约时冻结相应额度。' +
      '预约时间不在项目规定的上门时段内（夜间照护项目除外）：OUTSIDE_BOOKING_HOURS',
  })
  async placeOrder(@Arg('input', () => PlaceOrderInput) input: PlaceOrderInput, @Ctx() ctx: Context) {
    return placeOrder(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => Order, { description: '服务机构把工单派给本机构的护理员' })
  async assignOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('caregiverId', () => ID) caregiverId: string,
    @Ctx() ctx: Context,
  ) {
    return assignOrder(ctx.prisma, requireActor(ctx.actor), orderId, caregiverId, ctx.app.clock());
  }

  @Mutation(() => Order, { description: '取消尚未开始的工单，释放冻结的额度' })
  async cancelOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ) {
    return cancelOrder(ctx.prisma, requireActor(ctx.actor), orderId, reason);
  }

  @Mutation(() => Order, { description: '护理员到老人家扫码签到（定位 + 现场照片）' })
  async checkIn(@Arg('input', () => CheckInInput) input: CheckInInput, @Ctx() ctx: Context) {
    return checkIn(ctx.prisma, ctx.app.visits, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => Order, { description: '护理员服务结束签出（定位 + 现场照片），记录服务分钟数' })
  async checkOut(@Arg('input', () => CheckOutInput) input: CheckOutInput, @Ctx() ctx: Context) {
    return checkOut(ctx.prisma, ctx.app.visits, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => Order, {
    description: '老人或家属确认服务完成，冻结的额度转为扣费（计时服务按实际时长）；护理员和服务机构不能确认',
  })
  async confirmOrder(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context) {
    return confirmOrder(ctx.prisma, requireActor(ctx.actor), orderId, ctx.app.clock());
  }

  @Mutation(() => VisitSignOffRequest, {
    description: '护理员签出后申请服务确认码：发给老人和家属（不发给护理员），老人核实服务后把码告诉护理员',
  })
  async requestVisitSignOff(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context) {
    return requestVisitSignOff(
      ctx.prisma,
      ctx.app.config.secrets.jwtSecret,
      requireActor(ctx.actor),
      orderId,
      ctx.app.clock(),
    );
  }

  @Mutation(() => Order, { description: '护理员输入老人报出的服务确认码，以老人确认为依据扣费（输错 5 次作废）' })
  async confirmVisitBySignOff(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('code', () => String) code: string,
    @Ctx() ctx: Context,
  ) {
    return confirmVisitBySignOff(
      ctx.prisma,
      ctx.app.config.secrets.jwtSecret,
      requireActor(ctx.actor),
      orderId,
      code,
      ctx.app.clock(),
    );
  }

  @Mutation(() => Order, {
    description:
      '热线客服或社区工作人员电话回访老人、核实服务后确认（老人或家属无法在小程序确认时）；note 记录通话情况',
  })
  async confirmVisitByCall(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: Context,
  ) {
    return confirmVisitByCall(ctx.prisma, requireActor(ctx.actor), orderId, note, ctx.app.clock());
  }

  @Query(() => String, { description: '老人家中张贴的上门签到二维码内容（社区工作人员打印；rotate 使旧码作废）' })
  async homeQrToken(
    @Arg('elderId', () => ID) elderId: string,
    @Arg('rotate', () => Boolean, { nullable: true }) rotate: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return homeQrToken(ctx.prisma, ctx.app.visits, requireActor(ctx.actor), elderId, rotate ?? false);
  }

  @FieldResolver(() => String, { description: '短编号（群聊里用，如“工单 3f9a12bc”）' })
  ref(@Root() order: Order): string {
    return shortRef(order.id);
  }

  @Query(() => Order, { description: '按短编号查工单（辖区内）' })
  async orderByRef(@Arg('ref', () => String) ref: string, @Ctx() ctx: Context) {
    return orderByRef(ctx.prisma, requireActor(ctx.actor), ref);
  }

  @FieldResolver(() => Elder)
  async elder(@Root() order: Order, @Ctx() ctx: Context) {
    return ctx.loaders.elderById.load(order.elderId);
  }

  @FieldResolver(() => ServiceItem)
  async service(@Root() order: Order, @Ctx() ctx: Context) {
    return ctx.loaders.serviceItemById.load(order.serviceItemId);
  }

  @FieldResolver(() => ProviderRef, { nullable: true })
  async provider(@Root() order: Order, @Ctx() ctx: Context) {
    return order.providerId ? ctx.loaders.providerById.load(order.providerId) : null;
  }

  @FieldResolver(() => CaregiverRef, { nullable: true })
  async caregiver(@Root() order: Order, @Ctx() ctx: Context) {
    return order.caregiverId ? ctx.loaders.caregiverById.load(order.caregiverId) : null;
  }

  @FieldResolver(() => VisitInfo, { nullable: true })
  async visit(@Root() order: Order, @Ctx() ctx: Context) {
    return ctx.loaders.visitByOrderId.load(order.id);
  }
}

@Resolver(() => Elder)
export class ElderOrdersResolver {
  @FieldResolver(() => OrderConnection, { description: '这位老人的工单，最新的在前' })
  async orders(
    @Root() elder: Elder,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.prefetch
      .orders(info, ['edges', 'node'])
      .page((include) => listOrders(ctx.prisma, requireActor(ctx.actor), { elderId: elder.id }, page, include));
  }
}

@Resolver(() => VisitInfo)
export class VisitResolver {
  @FieldResolver(() => [String], { description: '现场照片地址（GET，需登录；仅能看到该工单的人可取）' })
  photoUrls(@Root() visit: VisitInfo) {
    return [visit.checkInPhotoId, visit.checkOutPhotoId].filter((id): id is string => !!id).map((id) => `/files/${id}`);
  }
}
