import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireActor } from '../auth/index.js';
import { PageArgsType } from '../common/connection.js';
import type { Context } from '../app/context.js';
import { Elder } from '../elders/index.js';
import { listCallTasks, recordCallAttempt } from './outreach.service.js';
import { CallTask, CallTaskConnection, CallTaskFilter } from './outreach.types.js';

@Resolver(() => CallTask)
export class CallTaskResolver {
  @Query(() => CallTaskConnection, { description: '关爱电话任务（呼叫中心）' })
  async callTasks(
    @Arg('filter', () => CallTaskFilter, { nullable: true }) filter: CallTaskFilter | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    return listCallTasks(ctx.prisma, requireActor(ctx.actor), filter ?? {}, page);
  }

  @Mutation(() => CallTask, { description: '记录一次拨打：接通即完成；24 小时内三次未接通会提醒社区上门' })
  async recordCallAttempt(
    @Arg('callTaskId', () => ID) callTaskId: string,
    @Arg('answered', () => Boolean) answered: boolean,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    const { task, alert } = await recordCallAttempt(
      ctx.prisma,
      requireActor(ctx.actor),
      callTaskId,
      answered,
      note,
      ctx.app.clock(),
    );
    if (alert) ctx.app.alertBus.publish(alert);
    return {
      ...task,
      attempts: await ctx.prisma.callAttempt.findMany({ where: { callTaskId }, orderBy: { at: 'asc' } }),
    };
  }

  @FieldResolver(() => Elder)
  async elder(@Root() task: CallTask, @Ctx() ctx: Context) {
    return ctx.loaders.elderById.load(task.elderId);
  }
}
