import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireActor } from '../auth/index.js';
import type { Context } from '../app/context.js';
import {
  alertDelivered,
  bindRoom,
  bindWorker,
  botContext,
  botRooms,
  issueBindingCode,
  undeliveredAlerts,
} from './groupchat.service.js';
import {
  BindingCode,
  BindingPurpose,
  BotContext,
  BotDigest,
  BotRoom,
  BotWorker,
  UndeliveredAlert,
} from './groupchat.types.js';
import { dailyDigest } from './digest.service.js';

@Resolver()
export class BotResolver {
  @Mutation(() => BindingCode, {
    description: '社区工作人员领取绑定码：私聊机器人“绑定 码”绑定本人，群里“绑定群 码”绑定工作群',
  })
  async issueBotBindingCode(@Arg('purpose', () => BindingPurpose) purpose: BindingPurpose, @Ctx() ctx: Context) {
    return issueBindingCode(
      ctx.prisma,
      ctx.app.config.secrets.jwtSecret,
      requireActor(ctx.actor),
      purpose,
      ctx.app.clock(),
    );
  }

  @Mutation(() => BotWorker, { nullable: true, description: '（机器人）用绑定码绑定发消息的微信联系人' })
  async bindBotWorker(
    @Arg('code', () => String) code: string,
    @Arg('contactId', () => String) contactId: string,
    @Arg('contactName', () => String) contactName: string,
    @Ctx() ctx: Context,
  ) {
    return bindWorker(
      ctx.prisma,
      ctx.app.config.secrets.jwtSecret,
      requireActor(ctx.actor),
      { code, contactId, contactName },
      ctx.app.clock(),
    );
  }

  @Mutation(() => BotRoom, { nullable: true, description: '（机器人）用绑定码把群绑定到工作人员的社区' })
  async bindBotRoom(
    @Arg('code', () => String) code: string,
    @Arg('roomId', () => String) roomId: string,
    @Arg('topic', () => String) topic: string,
    @Arg('contactId', () => String) contactId: string,
    @Ctx() ctx: Context,
  ) {
    return bindRoom(
      ctx.prisma,
      ctx.app.config.secrets.jwtSecret,
      requireActor(ctx.actor),
      { code, roomId, topic, contactId },
      ctx.app.clock(),
    );
  }

  @Query(() => BotContext, {
    description: '（机器人）发消息的人和群的绑定情况。只认联系人和群的 id；id 变了要用新的绑定码重新绑定',
  })
  async botContext(
    @Arg('contactId', () => String) contactId: string,
    @Arg('contactName', () => String, {
      nullable: true,
      deprecationReason: '不再使用：昵称谁都能改成一样的，不能证明身份',
    })
    _contactName: string | null,
    @Arg('roomId', () => String, { nullable: true }) roomId: string | null,
    @Arg('topic', () => String, {
      nullable: true,
      deprecationReason: '不再使用：群名谁都能改成一样的，不能证明是同一个群',
    })
    _topic: string | null,
    @Ctx() ctx: Context,
  ) {
    return botContext(ctx.prisma, requireActor(ctx.actor), { contactId, roomId });
  }

  @Query(() => [UndeliveredAlert], { description: '（机器人）还没发到群里的告警（默认近 24 小时）' })
  async botUndeliveredAlerts(@Arg('since', () => Date, { nullable: true }) since: Date | null, @Ctx() ctx: Context) {
    return undeliveredAlerts(
      ctx.prisma,
      requireActor(ctx.actor),
      since ?? new Date(ctx.app.clock().getTime() - 86_400_000),
    );
  }

  @Mutation(() => Boolean, { description: '（机器人）告警已发到群里（发送成功后才报告）' })
  async botAlertDelivered(
    @Arg('alertId', () => String) alertId: string,
    @Arg('roomId', () => String) roomId: string,
    @Ctx() ctx: Context,
  ) {
    return alertDelivered(ctx.prisma, requireActor(ctx.actor), alertId, roomId, ctx.app.clock());
  }

  @Query(() => [BotDigest], { description: '（机器人）每个绑定群今天的简报：今日上门、未签到、超时投诉' })
  async botDailyDigest(@Ctx() ctx: Context) {
    return dailyDigest(ctx.prisma, requireActor(ctx.actor), ctx.app.clock());
  }

  @Query(() => [BotRoom], { description: '（机器人）通过本机器人账号绑定的工作群' })
  async botRooms(@Ctx() ctx: Context) {
    return botRooms(ctx.prisma, requireActor(ctx.actor));
  }
}
