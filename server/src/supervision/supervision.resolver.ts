import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { recordSupervision, starRatings, supervisionRecords } from './supervision.service.js';
import { RecordSupervisionInput, StarRatings, SupervisionKind, SupervisionRecord } from './supervision.types.js';

@Resolver()
export class SupervisionResolver {
  @Query(() => StarRatings, {
    description: '星级评定（003 四(三)）：本辖区内项目的设施和服务机构按项目文件的量化指标计分定星',
  })
  async starRatings(@Arg('policyCode', () => String) policyCode: string, @Ctx() ctx: Context) {
    return starRatings(ctx.prisma, requireActor(ctx.actor), policyCode, ctx.app.clock());
  }

  @Query(() => [SupervisionRecord], {
    description: '监管登记（通报批评、取消服务资格、表彰），最新在前；服务机构只看到自己的',
  })
  async supervisionRecords(
    @Arg('policyCode', () => String) policyCode: string,
    @Arg('kind', () => SupervisionKind, { nullable: true }) kind: string | null,
    @Ctx() ctx: Context,
  ) {
    return supervisionRecords(ctx.prisma, requireActor(ctx.actor), { policyCode, kind });
  }

  @Mutation(() => SupervisionRecord, {
    description:
      '登记通报批评、取消服务资格或表彰（003 四(三)）。取消服务资格后该机构不能接单、派单，其运营的设施不能领取补助' +
      '（PROVIDER_DISQUALIFIED）；已取消的再次取消为 INVALID_STATE',
  })
  async recordSupervision(
    @Arg('input', () => RecordSupervisionInput) input: RecordSupervisionInput,
    @Ctx() ctx: Context,
  ) {
    return recordSupervision(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }
}
