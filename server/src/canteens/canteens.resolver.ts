import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { canteensForElder } from './canteens.service.js';
import { Canteen } from './canteens.types.js';

@Resolver(() => Canteen)
export class CanteenResolver {
  @Query(() => [Canteen], {
    description: '老人可以去集中就餐的助餐点（老人所在街道的幸福食堂、助餐点）；就餐时由助餐点扫码核验',
  })
  async canteens(@Arg('elderId', () => ID) elderId: string, @Ctx() ctx: Context) {
    return canteensForElder(ctx.prisma, requireActor(ctx.actor), elderId);
  }
}
