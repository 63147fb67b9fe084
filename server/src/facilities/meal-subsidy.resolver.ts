import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { accrueMealSubsidy } from './meal-subsidy.service.js';
import { FacilityGrant } from './facilities.types.js';

@Resolver(() => FacilityGrant)
export class MealSubsidyResolver {
  @Mutation(() => [FacilityGrant], {
    description:
      '核拨某月的老年助餐运营补助（002 二(二)7）：按助餐人次、食品安全评分和老人满意度的公式计算，当月结束后办理；' +
      '没有检查评分、评分低于要求或没有助餐记录的为 INVALID_STATE；重复提交返回第一次的记账',
  })
  async accrueMealSubsidy(
    @Arg('facilityId', () => ID) facilityId: string,
    @Arg('month', () => String) month: string,
    @Ctx() ctx: Context,
  ) {
    return accrueMealSubsidy(ctx.prisma, requireActor(ctx.actor), { facilityId, month }, ctx.app.clock());
  }
}
