import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireActor } from '../auth/actor.js';
import { PageArgsType } from '../common/connection.js';
import type { Context } from '../common/context.js';
import { markNoticeRead, myNotices } from './notices.service.js';
import { Notice, NoticeConnection } from './notices.types.js';

@Resolver(() => Notice)
export class NoticeResolver {
  @Query(() => NoticeConnection, { description: '我的通知，最新的在前' })
  async notices(@Args(() => PageArgsType) page: PageArgsType, @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly: boolean | null, @Ctx() ctx: Context) {
    return myNotices(ctx.prisma, requireActor(ctx.actor), { ...page, unreadOnly });
  }

  @Mutation(() => Notice, { description: '标记为已读' })
  async markNoticeRead(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return markNoticeRead(ctx.prisma, requireActor(ctx.actor), id, ctx.app.clock());
  }
}
