import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { requireActor, authorize } from '../auth/index.js';
import type { Context } from '../app/context.js';
import { Region } from '../regions/index.js';
import { todayInShanghai } from '../common/calendar.js';
import { elderAge, getElder, listElders, registerElder, revealIdNumber } from './elders.service.js';
import {
  Elder,
  ElderConnection,
  ElderFilter,
  FamilyLinkCode,
  FamilyMember,
  RegisterElderInput,
} from './elders.types.js';
import { FAMILY_RELATIONS, issueFamilyLinkCode, linkElder } from './family-link.service.js';

@ArgsType()
class EldersArgs {
  @Field(() => ElderFilter, { nullable: true }) filter?: ElderFilter;
  @Field(() => Int, { nullable: true, description: '每页条数，≤ 100，默认 20' }) first?: number;
  @Field(() => String, { nullable: true }) after?: string;
}

@Resolver(() => Elder)
export class ElderResolver {
  @Query(() => ElderConnection, { description: '我能查看的老人（按角色和辖区）' })
  async elders(@Args(() => EldersArgs) args: EldersArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const actor = requireActor(ctx.actor);
    return ctx.prefetch
      .elders(info, ['edges', 'node'])
      .page((include) =>
        listElders(ctx.prisma, ctx.app.vault, actor, args.filter ?? {}, args, ctx.app.clock(), include),
      );
  }

  @Query(() => Elder, { nullable: true })
  async elder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.elders(info).one((include) => getElder(ctx.prisma, requireActor(ctx.actor), id, include));
  }

  @Mutation(() => FamilyLinkCode, {
    description:
      '社区工作人员为老人发放家属关联码（8 位，72 小时内有效，用一次）。非工作人员或辖区外老人：FORBIDDEN / NOT_FOUND；同一老人一天超过 10 个：RATE_LIMITED。',
  })
  async issueFamilyLinkCode(@Arg('elderId', () => ID) elderId: string, @Ctx() ctx: Context) {
    return issueFamilyLinkCode(
      ctx.prisma,
      ctx.app.config.secrets.jwtSecret,
      requireActor(ctx.actor),
      elderId,
      ctx.app.clock(),
    );
  }

  @Mutation(() => Elder, {
    description:
      '家属输入关联码关联老人。码格式不对、无效、已用或过期，关系不在 familyRelations 中：BAD_USER_INPUT；一小时输错 10 次：RATE_LIMITED；已关联' +
      '：INVALID_STATE；非家属账号：FORBIDDEN。出错时不建立关联。',
  })
  async linkElder(
    @Arg('code', () => String) code: string,
    @Arg('relation', () => String) relation: string,
    @Ctx() ctx: Context,
  ) {
    return linkElder(
      ctx.prisma,
      ctx.app.config.secrets.jwtSecret,
      requireActor(ctx.actor),
      { code, relation },
      ctx.app.clock(),
    );
  }

  @Query(() => [String], { description: '家属与老人的关系选项' })
  familyRelations(): readonly string[] {
    return FAMILY_RELATIONS;
  }

  @Mutation(() => Elder, { description: '登记老人（社区工作人员、街道、区民政）' })
  async registerElder(@Arg('input', () => RegisterElderInput) input: RegisterElderInput, @Ctx() ctx: Context) {
    return registerElder(ctx.prisma, ctx.app.vault, requireActor(ctx.actor), input, todayInShanghai(ctx.app.clock()));
  }

  @FieldResolver(() => String)
  birthDate(@Root() elder: { birthDate: Date | string }): string {
    return typeof elder.birthDate === 'string' ? elder.birthDate : elder.birthDate.toISOString().slice(0, 10);
  }

  @FieldResolver(() => Int)
  age(@Root() elder: { birthDate: Date }, @Ctx() ctx: Context): number {
    return elderAge(elder.birthDate, todayInShanghai(ctx.app.clock()));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '完整身份证号：仅社区、街道、区民政可见，每次查看都记入审计日志',
  })
  async idNumber(@Root() elder: Elder, @Ctx() ctx: Context): Promise<string> {
    return revealIdNumber(ctx.prisma, ctx.app.vault, requireActor(ctx.actor), elder.id);
  }

  @FieldResolver()
  phone(@Root() elder: Elder, @Ctx() ctx: Context): string | null {
    authorize(ctx.actor, 'Elder.phone');
    return elder.phone;
  }

  @FieldResolver()
  address(@Root() elder: Elder, @Ctx() ctx: Context): string {
    authorize(ctx.actor, 'Elder.address');
    return elder.address;
  }

  @FieldResolver(() => Region)
  async community(@Root() elder: Elder, @Ctx() ctx: Context) {
    return ctx.loaders.regionById.load(elder.communityId);
  }

  @FieldResolver(() => [FamilyMember])
  async family(@Root() elder: Elder, @Ctx() ctx: Context) {
    authorize(ctx.actor, 'Elder.family');
    return ctx.loaders.familyByElderId.load(elder.id);
  }
}
