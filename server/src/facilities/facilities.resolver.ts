import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { changeFacilityStatus, createFacility, facilities, facility } from './facilities.service.js';
import { accrueFacilityGrant, disburseStartupGrant, proposeStartupGrant } from './grants.service.js';
import { facilityReport } from './facilities.report.js';
import {
  CreateFacilityInput,
  FacilityReport,
  Facility,
  FacilityGrant,
  FacilityStatus,
  StartupGrant,
} from './facilities.types.js';

@Resolver(() => Facility)
export class FacilityResolver {
  @Query(() => Facility, { description: '一个养老服务设施，含面积分类达标情况（003 二(一)2）、状态记录和补助' })
  async facility(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return facility(ctx.prisma, requireActor(ctx.actor), id);
  }

  @Query(() => [Facility], { description: '本辖区的养老服务设施（最多 200 个）；可按行政区划代码筛选' })
  async facilities(
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Ctx() ctx: Context,
  ) {
    return facilities(ctx.prisma, requireActor(ctx.actor), regionCode);
  }

  @Query(() => FacilityReport, {
    description: '设施报表：各区县覆盖和面积达标、所有社区建成日间照料中心的进度（003 一）、补助汇总和追回登记',
  })
  async facilityReport(@Ctx() ctx: Context) {
    return facilityReport(ctx.prisma, requireActor(ctx.actor));
  }

  @Mutation(() => Facility, {
    description:
      '登记养老服务设施（状态为规划中）。面积低于分类标准的只提示差额，不拒绝；社区不在项目范围内、运营机构未签协议的拒绝',
  })
  async createFacility(@Arg('input', () => CreateFacilityInput) input: CreateFacilityInput, @Ctx() ctx: Context) {
    return createFacility(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => Facility, {
    description:
      '变更设施状态：规划→建设→验收→运营⇄暂停→关闭，其他变更返回 INVALID_STATE；暂停或关闭须写原因，' +
      '收到开办补助两年内暂停或关闭的，全额追回（003 三(一)）',
  })
  async changeFacilityStatus(
    @Arg('facilityId', () => ID) facilityId: string,
    @Arg('to', () => FacilityStatus) to: FacilityStatus,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ) {
    return changeFacilityStatus(ctx.prisma, requireActor(ctx.actor), { facilityId, to, reason }, ctx.app.clock());
  }

  @Mutation(() => StartupGrant, {
    description:
      '区级提出一次性开办补助意见（003 三(一)）：运营未满 3 个月为 GRANT_TOO_EARLY，金额不在 5–20 万元为 GRANT_OUT_OF_RANGE',
  })
  async proposeStartupGrant(
    @Arg('facilityId', () => ID) facilityId: string,
    @Arg('amountFen', () => Int) amountFen: number,
    @Arg('scaleNote', () => String, { nullable: true }) scaleNote: string | null,
    @Ctx() ctx: Context,
  ) {
    return proposeStartupGrant(
      ctx.prisma,
      requireActor(ctx.actor),
      { facilityId, amountFen, scaleNote },
      ctx.app.clock(),
    );
  }

  @Mutation(() => StartupGrant, {
    description:
      '市级审核拨付设施的一次性开办补助，按资金分担比例记账；只有项目所在市（县）的账号可以办理；重复提交只拨付一次',
  })
  async disburseStartupGrant(@Arg('facilityId', () => ID) facilityId: string, @Ctx() ctx: Context) {
    return disburseStartupGrant(ctx.prisma, requireActor(ctx.actor), facilityId, ctx.app.clock());
  }

  @Mutation(() => [FacilityGrant], {
    description:
      '核拨某月的运行补贴（每月每平方米 10 元，003 三(一)）或幸福食堂年度补助的月度部分（000 八），按资金来源分笔记账；' +
      '设施暂停或当月未运营为 FACILITY_NOT_OPERATING；同一月份重复提交返回已拨付的记录',
  })
  async accrueFacilityGrant(
    @Arg('facilityId', () => ID) facilityId: string,
    @Arg('month', () => String) month: string,
    @Ctx() ctx: Context,
  ) {
    return accrueFacilityGrant(ctx.prisma, requireActor(ctx.actor), { facilityId, month }, ctx.app.clock());
  }
}
