import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { Region } from '../regions/index.js';
import { listPolicies, serviceGuide } from './catalogue.service.js';
import { Policy, ServiceItem } from './catalogue.types.js';

// The service guide and the programmes are public government information: no login needed, so
// families can browse before they have an account.
@Resolver()
export class CatalogueResolver {
  @Query(() => [Policy], { description: '正在实施的政府购买居家养老服务项目' })
  async policies(@Ctx() ctx: Context) {
    return listPolicies(ctx.prisma);
  }

  @Query(() => [ServiceItem], { description: '服务指南：项目、单价、单位和服务标准' })
  async serviceGuide(
    @Arg('policyCode', () => String) policyCode: string,
    @Arg('category', () => String, { nullable: true }) category: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.app.catalogue.guide(policyCode, category, () => serviceGuide(ctx.prisma, policyCode, category));
  }
}

@Resolver(() => Policy)
export class PolicyResolver {
  @FieldResolver(() => Region)
  async region(@Root() policy: Policy, @Ctx() ctx: Context) {
    return ctx.loaders.regionById.load(policy.regionId);
  }
}
