import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { centreAttendance, recordCentreAttendance, setCentreService } from './centres.service.js';
import { CentreAttendance, CentreAttendanceInput, CentreService, CentreServiceInput } from './centres.types.js';

@Resolver(() => CentreService)
export class CentreResolver {
  @Mutation(() => CentreService, {
    description: '核定日间照料中心的一项服务的市场价格和低偿价格（003 二(一)3）；低偿价格不低于市场价格的拒绝',
  })
  async setCentreService(
    @Arg('facilityId', () => ID) facilityId: string,
    @Arg('input', () => CentreServiceInput) input: CentreServiceInput,
    @Ctx() ctx: Context,
  ) {
    return setCentreService(ctx.prisma, requireActor(ctx.actor), { facilityId, ...input });
  }

  @Mutation(() => CentreAttendance, {
    description:
      '登记老人到日间照料中心接受一次服务，按档次收费（003 二(一)3）：享受政府居家养老服务补贴的无偿，' +
      '低收入老人低偿，其他老人按市场价格；同一请求编号重复提交返回第一次的登记',
  })
  async recordCentreAttendance(
    @Arg('input', () => CentreAttendanceInput) input: CentreAttendanceInput,
    @Ctx() ctx: Context,
  ) {
    return recordCentreAttendance(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Query(() => [CentreAttendance], { description: '日间照料中心某月的服务登记（最多 500 条），含收费档次和实收价格' })
  async centreAttendance(
    @Arg('facilityId', () => ID) facilityId: string,
    @Arg('month', () => String) month: string,
    @Ctx() ctx: Context,
  ) {
    return centreAttendance(ctx.prisma, requireActor(ctx.actor), facilityId, month);
  }
}
