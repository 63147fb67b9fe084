import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { inspectFacility, inspectionsOf, recordRectification } from './inspections.service.js';
import { Facility } from './facilities.types.js';
import { FacilityInspection, InspectFacilityInput } from './inspections.types.js';

@Resolver(() => Facility)
export class InspectionResolver {
  @FieldResolver(() => [FacilityInspection], { description: '检查和整改记录，最新在前' })
  async inspections(@Root() f: { id: string }, @Ctx() ctx: Context) {
    // The facility was already read in the caller's scope.
    return inspectionsOf(ctx.prisma, f.id, ctx.app.clock());
  }

  @Mutation(() => FacilityInspection, {
    description: '登记一次设施检查（督促检查，003 四(一)、四(三)）；发现问题须写整改期限，计入星级评定',
  })
  async inspectFacility(@Arg('input', () => InspectFacilityInput) input: InspectFacilityInput, @Ctx() ctx: Context) {
    return inspectFacility(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => FacilityInspection, {
    description: '登记检查问题的整改完成日期；晚于期限的记为逾期整改，没有问题或已整改的为 INVALID_STATE',
  })
  async recordRectification(
    @Arg('inspectionId', () => ID) inspectionId: string,
    @Arg('rectifiedOn', () => String) rectifiedOn: string,
    @Ctx() ctx: Context,
  ) {
    return recordRectification(ctx.prisma, requireActor(ctx.actor), { inspectionId, rectifiedOn }, ctx.app.clock());
  }
}
