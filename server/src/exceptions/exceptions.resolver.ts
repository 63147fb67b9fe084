import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { PageArgsType } from '../common/connection.js';
import { ProviderRef } from '../orders/index.js';
import { listVisitExceptions, resolveVisitException } from './exceptions.service.js';
import {
  ResolveVisitExceptionInput,
  VisitException,
  VisitExceptionConnection,
  VisitExceptionFilter,
} from './exceptions.types.js';

@Resolver(() => VisitException)
export class VisitExceptionResolver {
  @Query(() => VisitExceptionConnection, {
    description: '异常工单（街道、区民政部门看辖区内的，服务机构看本机构的），最新的在前',
  })
  async visitExceptions(
    @Arg('filter', () => VisitExceptionFilter, { nullable: true }) filter: VisitExceptionFilter | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    return listVisitExceptions(ctx.prisma, requireActor(ctx.actor), filter ?? {}, page);
  }

  @Mutation(() => VisitException, {
    description: '处理异常工单：接受、调整扣费（退回部分）或拒付（全部退回）；只能处理一次，结算单审核后不能再处理',
  })
  async resolveVisitException(
    @Arg('input', () => ResolveVisitExceptionInput) input: ResolveVisitExceptionInput,
    @Ctx() ctx: Context,
  ) {
    return resolveVisitException(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock(), ctx.app.events);
  }

  @FieldResolver(() => ProviderRef)
  async provider(@Root() x: VisitException, @Ctx() ctx: Context) {
    return ctx.loaders.providerById.load(x.providerId);
  }
}
