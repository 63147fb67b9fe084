import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requireActor, authorize } from '../auth/index.js';
import { PageArgsType } from '../common/connection.js';
import type { Context } from '../app/context.js';
import { Elder } from '../elders/index.js';
import { Region } from '../regions/index.js';
import type { AlertEvent } from './alert-bus.js';
import { shortRef } from '../common/refs.js';
import { maskAddress, maskName, maskPhone } from '../common/mask.js';
import {
  acknowledgeAlert,
  alertByRef,
  ALERT_LABELS,
  alertSummary,
  alertVisibleTo,
  escalationHours,
  listAlerts,
  resolveAlert,
  type AlertKind as Kind,
} from './alerts.service.js';
import { Alert, AlertConnection, AlertFilter } from './alerts.types.js';

@Resolver(() => Alert)
export class AlertResolver {
  @Query(() => AlertConnection, { description: '我辖区的告警，最新的在前；since 用于断线重连后补齐' })
  async alerts(
    @Arg('filter', () => AlertFilter, { nullable: true }) filter: AlertFilter | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    return listAlerts(ctx.prisma, requireActor(ctx.actor), filter ?? {}, page);
  }

  @Mutation(() => Alert, { description: '确认告警（有人在处理）' })
  async acknowledgeAlert(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return acknowledgeAlert(ctx.prisma, requireActor(ctx.actor), id, ctx.app.clock());
  }

  @Mutation(() => Alert, { description: '处理完告警，写明结果（如已上门、已帮助下单、已启动终止）' })
  async resolveAlert(
    @Arg('id', () => ID) id: string,
    @Arg('outcome', () => String) outcome: string,
    @Ctx() ctx: Context,
  ) {
    return resolveAlert(ctx.prisma, requireActor(ctx.actor), id, outcome, ctx.app.clock());
  }

  @Subscription(() => Alert, {
    description: '实时告警：只推送订阅者辖区内的（可指定社区）',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      return ctx.app.alertBus.subscribe(
        alertVisibleTo(ctx.prisma, requireActor(ctx.actor), (args as { communityCode?: string | null }).communityCode),
      );
    },
  })
  alertRaised(
    @Root() event: AlertEvent,
    @Arg('communityCode', () => String, { nullable: true }) _communityCode: string | null,
  ): Alert {
    return { ...event, kind: event.kind as Kind, status: 'RAISED', raisedAt: new Date(event.raisedAt) } as Alert;
  }

  @FieldResolver(() => String, { description: '短编号（群聊里用，如“确认 3f9a12bc”）' })
  ref(@Root() alert: Alert): string {
    return shortRef(alert.id);
  }

  @Query(() => Alert, { description: '按短编号查告警（辖区内）' })
  async alertByRef(@Arg('ref', () => String) ref: string, @Ctx() ctx: Context) {
    return alertByRef(ctx.prisma, requireActor(ctx.actor), ref);
  }

  @FieldResolver(() => Elder, { description: '告警涉及的老人（机器人本身的账号不能读取，见 elderMaskedName）' })
  async elder(@Root() alert: Alert, @Ctx() ctx: Context) {
    // Not for the bot's own account: what it posts to a group is the masked name (PIPL Art. 28:
    // an elder's health and whereabouts are sensitive); a bound worker asks the bot privately.
    authorize(ctx.actor, 'Alert.elder');
    return ctx.loaders.elderById.load(alert.elderId);
  }

  @FieldResolver(() => String, { description: '脱敏姓名（如 张*兰），发到群里用' })
  async elderMaskedName(@Root() alert: Alert, @Ctx() ctx: Context): Promise<string> {
    const elder = await ctx.loaders.elderById.load(alert.elderId);
    return maskName(elder?.name ?? '');
  }

  @FieldResolver(() => String, { nullable: true, description: '脱敏电话（如 138****5678），发到群里用' })
  async elderMaskedPhone(@Root() alert: Alert, @Ctx() ctx: Context): Promise<string | null> {
    const elder = await ctx.loaders.elderById.load(alert.elderId);
    return elder?.phone ? maskPhone(elder.phone) : null;
  }

  @FieldResolver(() => String, { description: '脱敏住址（只到街道、社区和路名），发到群里用' })
  async elderMaskedAddress(@Root() alert: Alert, @Ctx() ctx: Context): Promise<string> {
    const elder = await ctx.loaders.elderById.load(alert.elderId);
    return maskAddress(elder?.address ?? '');
  }

  @FieldResolver(() => String, {
    description: '发生了什么（投诉原文与处理时限、未接来电次数等），不含老人姓名、电话和住址',
  })
  async summary(@Root() alert: Alert, @Ctx() ctx: Context): Promise<string> {
    return alertSummary(ctx.prisma, alert);
  }

  @FieldResolver(() => Date, { description: '请在此前确认，逾时无人确认上报街道' })
  acknowledgeBy(@Root() alert: Alert, @Ctx() ctx: Context): Date {
    return new Date(new Date(alert.raisedAt).getTime() + escalationHours(ctx.app.config) * 3600_000);
  }

  @FieldResolver(() => Region)
  async community(@Root() alert: Alert, @Ctx() ctx: Context) {
    return ctx.loaders.regionById.load(alert.communityId);
  }

  @FieldResolver(() => String, { description: '告警原因（中文）' })
  reason(@Root() alert: Alert): string {
    return ALERT_LABELS[alert.kind as Kind];
  }

  @FieldResolver(() => String, { nullable: true, description: '详情（JSON）' })
  detail(@Root() alert: Alert): string | null {
    return alert.detail == null ? null : JSON.stringify(alert.detail);
  }
}
