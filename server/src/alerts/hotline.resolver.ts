import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { hotlineCalls, hotlineReport, recordHotlineCall } from './hotline.service.js';
import { HotlineCall, HotlineReport, RecordHotlineCallInput } from './hotline.types.js';

@Resolver()
export class HotlineResolver {
  @Mutation(() => HotlineCall, {
    description:
      '热线坐席登记来电（12349，003 二(二)2、三(三)）：来电人、老人、需求、结果（下单、转介或解答）；只能登记本级辖区内的来电',
  })
  async recordHotlineCall(
    @Arg('input', () => RecordHotlineCallInput) input: RecordHotlineCallInput,
    @Ctx() ctx: Context,
  ) {
    return recordHotlineCall(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Query(() => [HotlineCall], { description: '本辖区的热线来电（最新在前，最多 500 条），可按月份筛选' })
  async hotlineCalls(
    @Arg('policyCode', () => String) policyCode: string,
    @Arg('month', () => String, { nullable: true }) month: string | null,
    @Ctx() ctx: Context,
  ) {
    return hotlineCalls(ctx.prisma, requireActor(ctx.actor), { policyCode, month });
  }

  @Query(() => HotlineReport, { description: '热线来电按层级、区划和月份汇总' })
  async hotlineReport(
    @Arg('policyCode', () => String) policyCode: string,
    @Arg('month', () => String, { nullable: true }) month: string | null,
    @Ctx() ctx: Context,
  ) {
    return hotlineReport(ctx.prisma, requireActor(ctx.actor), { policyCode, month });
  }
}
