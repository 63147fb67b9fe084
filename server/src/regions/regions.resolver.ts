import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { listRegions } from './regions.service.js';
import { Region } from './regions.types.js';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: '下级行政区划；不传 parentCode 时返回各区县' })
  async regions(@Arg('parentCode', () => String, { nullable: true }) parentCode: string | null, @Ctx() ctx: Context) {
    return listRegions(ctx.prisma, parentCode);
  }

  @FieldResolver(() => Region, { nullable: true })
  async parent(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | null> {
    return region.parentId ? ctx.loaders.regionById.load(region.parentId) : null;
  }
}
