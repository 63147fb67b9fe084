import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { reviewVisitAgreement, signVisitAgreement, visitAgreementsOf } from './agreements.service.js';
import { SignVisitAgreementInput, VisitAgreement } from './agreements.types.js';

@Resolver(() => VisitAgreement)
export class VisitAgreementResolver {
  @Query(() => [VisitAgreement], { description: '老人的居家养老上门服务协议，含截止日前已确认的上门次数和进度预警' })
  async visitAgreements(@Arg('elderId', () => ID) elderId: string, @Ctx() ctx: Context) {
    return visitAgreementsOf(ctx.prisma, requireActor(ctx.actor), elderId, ctx.app.clock());
  }

  @Mutation(() => VisitAgreement, {
    description:
      '录入老人与服务机构签订的服务协议（004 五(二)3）；拒绝：A、B 类以外不足 24 个月（AGREEMENT_TERM_TOO_SHORT）、' +
      '已建成家庭养老床位（HAS_ACCEPTED_CARE_BED）',
  })
  async signVisitAgreement(
    @Arg('providerId', () => ID) providerId: string,
    @Arg('input', () => SignVisitAgreementInput) input: SignVisitAgreementInput,
    @Ctx() ctx: Context,
  ) {
    return signVisitAgreement(ctx.prisma, requireActor(ctx.actor), { ...input, providerId }, ctx.app.clock());
  }

  @Mutation(() => VisitAgreement, { description: '服务协议的街道（镇）审查和区市核定备案；不同意须说明理由' })
  async reviewVisitAgreement(
    @Arg('id', () => ID) id: string,
    @Arg('approved', () => Boolean) approved: boolean,
    @Arg('opinion', () => String, { nullable: true }) opinion: string | null,
    @Ctx() ctx: Context,
  ) {
    return reviewVisitAgreement(ctx.prisma, requireActor(ctx.actor), { id, approved, opinion }, ctx.app.clock());
  }
}
