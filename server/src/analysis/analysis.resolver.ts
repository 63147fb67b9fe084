import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { areaAnalysis } from './analysis.service.js';
import { AreaAnalysis } from './analysis.types.js';

@Resolver()
export class AnalysisResolver {
  @Query(() => AreaAnalysis, {
    description:
      '养老服务大数据分析（002 二(五)13）：本辖区及下辖街道或社区按月的服务对象、工单、上门、时长、支出与预算、满意度、' +
      '投诉、告警、异常工单和信用，含趋势和地区比较；社区、街道、区民政部门查看本辖区；最多 24 个月。' +
      '辖区外：FORBIDDEN；月份不合法：BAD_USER_INPUT。同样的数据可导出 /exports/analysis.xlsx?from=&to=&region=',
  })
  async areaAnalysis(
    @Arg('fromMonth', () => String) fromMonth: string,
    @Arg('toMonth', () => String) toMonth: string,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Ctx() ctx: Context,
  ) {
    return areaAnalysis(ctx.prisma, requireActor(ctx.actor), { fromMonth, toMonth, regionCode }, ctx.app.clock());
  }
}
