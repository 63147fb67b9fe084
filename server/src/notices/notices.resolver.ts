import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { recordConsents } from './subscribe-message.js';
import { requireActor, authorize } from '../auth/index.js';
import { PageArgsType } from '../common/connection.js';
import type { Context } from '../app/context.js';
import { markNoticeRead, myNotices } from './notices.service.js';
import { MessageTemplate, Notice, NoticeConnection } from './notices.types.js';

@Resolver(() => Notice)
export class NoticeResolver {
  @Query(() => NoticeConnection, { description: '我的通知，最新的在前' })
  async notices(
    @Args(() => PageArgsType) page: PageArgsType,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return myNotices(ctx.prisma, authorize(ctx.actor, 'notices').actor, { ...page, unreadOnly });
  }

  // Photos are shown as images (GET /files/:id with the caller's token, which checks the order's
  // scope), never written into the body as paths (issue 25).
  @FieldResolver(() => [String], { description: '随通知的现场照片地址（GET /files/:id，带登录凭证）' })
  photoUrls(@Root() notice: Notice): string[] {
    return (notice.photoFileIds ?? []).map((id) => `/files/${id}`);
  }

  @Query(() => [MessageTemplate], { description: '小程序可请求订阅的消息模板（wx.requestSubscribeMessage 用）' })
  messageTemplates(@Ctx() ctx: Context): MessageTemplate[] {
    return Object.entries(ctx.app.messages.templates).map(([kind, templateId]) => ({ kind, templateId: templateId! }));
  }

  @Mutation(() => Int, { description: '记录用户刚同意的订阅消息模板（每次同意可发一条）；返回记下的条数' })
  async recordMessageConsents(@Arg('templateIds', () => [String]) templateIds: string[], @Ctx() ctx: Context) {
    return recordConsents(
      ctx.prisma,
      authorize(ctx.actor, 'recordMessageConsents').actor.userId,
      templateIds,
      ctx.app.messages.templates,
      ctx.app.clock(),
    );
  }

  @Mutation(() => Notice, { description: '标记为已读' })
  async markNoticeRead(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return markNoticeRead(ctx.prisma, requireActor(ctx.actor), id, ctx.app.clock());
  }
}
