import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { requireActor } from '../auth/index.js';
import type { Context } from '../app/context.js';
import { todayInShanghai } from '../common/calendar.js';
import { Region } from '../regions/index.js';
import { parseMonth } from '../wallet/index.js';
import { dashboardRegion } from './dashboard.service.js';
import { DashboardRow, DashboardStats, ServerTime } from './dashboard.types.js';

@Resolver(() => DashboardRow)
export class DashboardResolver {
  @Query(() => DashboardRow, { description: '统计看板：某月某地区（默认本人辖区），children 为下一级地区' })
  async dashboard(
    @Arg('month', () => String) month: string,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Ctx() ctx: Context,
  ): Promise<DashboardRow> {
    parseMonth(month);
    const region = await dashboardRegion(ctx.prisma, requireActor(ctx.actor), regionCode);
    return { month, regionId: region.id, path: region.path };
  }

  // The console's default month follows the app clock, so a shifted clock (tests, a demo) moves it too (issue 24).
  @Query(() => ServerTime, { description: '服务器当前时间（北京时间的今天、本月和上月）' })
  serverTime(@Ctx() ctx: Context): ServerTime {
    const now = ctx.app.clock();
    const today = todayInShanghai(now);
    const last = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1));
    return { now, today, month: today.slice(0, 7), lastMonth: last.toISOString().slice(0, 7) };
  }

  @FieldResolver(() => Region)
  async region(@Root() row: DashboardRow, @Ctx() ctx: Context) {
    return ctx.loaders.regionById.load(row.regionId);
  }

  @FieldResolver(() => DashboardStats)
  async stats(@Root() row: DashboardRow, @Ctx() ctx: Context) {
    return ctx.loaders.dashboardStats.load(`${row.month}|${row.path}`);
  }

  @FieldResolver(() => [DashboardRow], { description: '下一级地区（街道或社区）' })
  async children(@Root() row: DashboardRow, @Ctx() ctx: Context): Promise<DashboardRow[]> {
    const kids = await ctx.prisma.region.findMany({ where: { parentId: row.regionId }, orderBy: { code: 'asc' } });
    return kids.map((k) => ({ month: row.month, regionId: k.id, path: k.path }));
  }
}
