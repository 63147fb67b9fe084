import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { requireActor } from '../auth/index.js';
import type { Context } from '../app/context.js';
import { Region } from '../regions/index.js';
import { parseMonth } from '../wallet/index.js';
import { dashboardRegion } from './dashboard.service.js';
import { DashboardRow, DashboardStats } from './dashboard.types.js';

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
