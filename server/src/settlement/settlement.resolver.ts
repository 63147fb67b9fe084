import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireActor } from '../auth/index.js';
import type { Context } from '../app/context.js';
import { monthInShanghai } from '../common/calendar.js';
import { ProviderRef } from '../orders/index.js';
import {
  approveSettlement,
  latestEvaluation,
  listSettlements,
  markSettlementPaid,
  recordQualityEvaluation,
  runSettlement,
  submitRectification,
} from './settlement.service.js';
import { heldByName, holdSettlement, releaseSettlementHold } from './settlement.hold.js';
import { QualityEvaluation, QualityEvaluationInput, RectificationInput, Settlement } from './settlement.types.js';

@Resolver(() => Settlement)
export class SettlementResolver {
  @Mutation(() => QualityEvaluation, { description: '第三方评估机构提交服务机构的月度质量评估' })
  async recordQualityEvaluation(
    @Arg('input', () => QualityEvaluationInput) input: QualityEvaluationInput,
    @Ctx() ctx: Context,
  ) {
    return recordQualityEvaluation(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => QualityEvaluation, {
    description:
      '服务机构对未通过的质量评估提交整改报告，之后第三方机构可复查（复查结果取代原评估，结算以最新一次为准）',
  })
  async submitRectification(@Arg('input', () => RectificationInput) input: RectificationInput, @Ctx() ctx: Context) {
    return submitRectification(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => [Settlement], { description: '生成（或重新生成）某月结算单；已审核的月份不再变化' })
  async runSettlement(@Arg('month', () => String) month: string, @Ctx() ctx: Context) {
    return runSettlement(ctx.prisma, requireActor(ctx.actor), month, monthInShanghai(ctx.app.clock()), ctx.app.clock());
  }

  @Mutation(() => Settlement, { description: '审核结算单' })
  async approveSettlement(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return approveSettlement(ctx.prisma, requireActor(ctx.actor), id, ctx.app.clock());
  }

  @Mutation(() => Settlement, {
    description:
      '暂缓结算单（原因必填，2–200 字）：暂缓期间不能审核、不能登记付款，重新生成也保留。已付款的不能暂缓；同一原因重复提交不重复记录',
  })
  async holdSettlement(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ) {
    return holdSettlement(ctx.prisma, requireActor(ctx.actor), id, reason, ctx.app.clock());
  }

  @Mutation(() => Settlement, { description: '取消暂缓（只清除人工暂缓；评估未通过等自动暂缓原因仍然有效）' })
  async releaseSettlementHold(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return releaseSettlementHold(ctx.prisma, requireActor(ctx.actor), id);
  }

  @Mutation(() => Settlement, { description: '登记已付款' })
  async markSettlementPaid(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return markSettlementPaid(ctx.prisma, requireActor(ctx.actor), id, ctx.app.clock());
  }

  @Query(() => [Settlement])
  async settlements(@Arg('month', () => String) month: string, @Ctx() ctx: Context) {
    return listSettlements(ctx.prisma, requireActor(ctx.actor), month);
  }

  @FieldResolver(() => ProviderRef)
  async provider(@Root() s: Settlement, @Ctx() ctx: Context) {
    return ctx.loaders.providerById.load(s.providerId);
  }

  // Shown beside the statement line in the officials' console (issue 24): the evaluation settlement follows.
  @FieldResolver(() => QualityEvaluation, {
    nullable: true,
    description: '该机构当月最新的第三方质量评估（000 七；复查后为复查结果），没有则为空',
  })
  async evaluation(@Root() s: Settlement, @Ctx() ctx: Context) {
    return latestEvaluation(ctx.prisma, s.providerId, s.month);
  }

  @FieldResolver(() => String, { nullable: true, description: '人工暂缓的经办人' })
  async manualHeldByName(@Root() s: Settlement, @Ctx() ctx: Context) {
    return heldByName(ctx.prisma, s);
  }

  @FieldResolver(() => Int, { description: '政府应付 = 补贴 + 时长折算 + 线上服务费 − 扣款' })
  governmentFen(@Root() s: Settlement): number {
    return s.subsidyFen + s.hoursValueFen + s.onlineServiceFen - s.penaltyFen;
  }
}
