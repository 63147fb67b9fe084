import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireActor } from '../auth/index.js';
import { PageArgsType } from '../common/connection.js';
import type { Context } from '../app/context.js';
import { Elder, PolicyRef } from '../elders/index.js';
import { getApplication, listApplications, reviewApplication, submitApplication } from './application.service.js';
import { dismissObjection, objectToApplication } from './objection.service.js';
import {
  listTerminationRequests,
  requestTermination,
  reviewTermination,
  terminateEnrolment,
} from './enrolment.service.js';
import { checkEligibility, recordCapabilityAssessment, screenEligibleElders } from './eligibility.service.js';
import {
  Application,
  ApplicationConnection,
  ApplicationFilter,
  ApplicationReview,
  CapabilityAssessment,
  CapabilityAssessmentInput,
  EligibilityResult,
  Enrolment,
  Objection,
  ReviewDecision,
  Reviewer,
  ScreeningConnection,
  SubmitApplicationInput,
  TerminationReason,
  TerminationRequest,
  TerminationRequestConnection,
  TerminationRequestFilter,
  TerminationReview,
} from './enrolment.types.js';

const toDay = (d: Date | string | null) =>
  d === null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10);

@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => ApplicationConnection, { description: '我能查看的申请（按角色和辖区）' })
  async applications(
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    return listApplications(ctx.prisma, requireActor(ctx.actor), filter ?? {}, page);
  }

  @Query(() => Application)
  async application(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getApplication(ctx.prisma, requireActor(ctx.actor), id);
  }

  @Query(() => EligibilityResult, { description: '按项目规则判断老人是否符合条件，并说明原因' })
  async checkEligibility(
    @Arg('elderId', () => ID) elderId: string,
    @Arg('policyCode', () => String) policyCode: string,
    @Ctx() ctx: Context,
  ) {
    const v = await checkEligibility(ctx.prisma, requireActor(ctx.actor), elderId, policyCode, ctx.app.clock());
    return v.eligible ? { ...v, reasons: [] } : { ...v, category: null };
  }

  @Query(() => ScreeningConnection, { description: '信息库筛选：辖区内符合项目条件、尚未纳入也未申请的老人' })
  async screenEligibleElders(
    @Arg('policyCode', () => String) policyCode: string,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    return screenEligibleElders(ctx.prisma, requireActor(ctx.actor), policyCode, page, ctx.app.clock());
  }

  @Mutation(() => Application, { description: '提交居家养老服务申请（本人或代理人）' })
  async submitApplication(
    @Arg('input', () => SubmitApplicationInput) input: SubmitApplicationInput,
    @Ctx() ctx: Context,
  ) {
    return submitApplication(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => Application, { description: '审核当前环节：社区初审、公示期满上报、街道审批、区民政备案' })
  async reviewApplication(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => ReviewDecision) decision: 'APPROVE' | 'REJECT',
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: Context,
  ) {
    return reviewApplication(
      ctx.prisma,
      ctx.app.events,
      requireActor(ctx.actor),
      { id, decision, comment },
      ctx.app.clock(),
    );
  }

  @Mutation(() => Objection, {
    description:
      '公示期间提出异议（任何登录用户）；返回登记的异议。申请本身只有能查看这位老人的人才能查看。不在公示期：INVALID_STATE。',
  })
  async objectToApplication(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ) {
    return objectToApplication(ctx.prisma, requireActor(ctx.actor), { id, reason }, ctx.app.clock());
  }

  @Mutation(() => Application, { description: '社区核实后认为异议不成立，记录核实情况并解除' })
  async dismissObjection(
    @Arg('objectionId', () => ID) objectionId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ) {
    return dismissObjection(ctx.prisma, requireActor(ctx.actor), { objectionId, reason }, ctx.app.clock());
  }

  @FieldResolver(() => Elder)
  async elder(@Root() app: Application, @Ctx() ctx: Context) {
    return ctx.loaders.elderById.load(app.elderId);
  }

  @FieldResolver(() => PolicyRef)
  async policy(@Root() app: Application, @Ctx() ctx: Context) {
    return ctx.loaders.policyById.load(app.policyId);
  }

  @FieldResolver(() => [ApplicationReview])
  async reviews(@Root() app: Application, @Ctx() ctx: Context) {
    return ctx.loaders.reviewsByApplicationId.load(app.id);
  }

  @FieldResolver(() => [Objection])
  async objections(@Root() app: Application, @Ctx() ctx: Context) {
    return ctx.loaders.objectionsByApplicationId.load(app.id);
  }

  @FieldResolver(() => String)
  eligibilityExplanation(@Root() app: Application): string {
    return (app.eligibility as { explanation?: string } | null)?.explanation ?? '';
  }
}

@Resolver(() => ApplicationReview)
export class ApplicationReviewResolver {
  @FieldResolver(() => Reviewer)
  async reviewer(@Root() review: ApplicationReview, @Ctx() ctx: Context) {
    return ctx.loaders.userById.load(review.reviewerId);
  }
}

@Resolver(() => Enrolment)
export class EnrolmentMutations {
  @Mutation(() => Enrolment, {
    description:
      '提交终止服务（《终止表》）：与 requestTermination 相同，经社区（村）、街（乡）审核后按终止原因的生效规则停止服务；死亡、户籍迁出等按项目规定直接生效。返回服务（审核期间仍在服务）',
  })
  async terminateEnrolment(
    @Arg('elderId', () => ID) elderId: string,
    @Arg('reason', () => TerminationReason) reason: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return terminateEnrolment(
      ctx.prisma,
      ctx.app.events,
      requireActor(ctx.actor),
      { elderId, reason, note },
      ctx.app.clock(),
    );
  }

  @Mutation(() => CapabilityAssessment, { description: '录入专业机构的能力评估结果' })
  async recordCapabilityAssessment(
    @Arg('input', () => CapabilityAssessmentInput) input: CapabilityAssessmentInput,
    @Ctx() ctx: Context,
  ) {
    const row = await recordCapabilityAssessment(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
    return { ...row, assessedOn: toDay(row.assessedOn) };
  }

  @FieldResolver(() => String)
  startedOn(@Root() e: { startedOn: Date | string }) {
    return toDay(e.startedOn);
  }

  @FieldResolver(() => String, { nullable: true })
  endedOn(@Root() e: { endedOn: Date | string | null }) {
    return toDay(e.endedOn);
  }
}

const asDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const shapeRequest = <T extends { lastServiceDay: Date | null }>(r: T) => ({
  ...r,
  lastServiceDay: asDay(r.lastServiceDay),
});

@Resolver(() => TerminationRequest)
export class TerminationResolver {
  @Mutation(() => TerminationRequest, {
    description:
      '提交终止申请（《居家养老服务终止表》，000 附件3）：待社区（村）、街（乡）审核；项目规定可直接生效的原因（如死亡）须在备注写明依据。已有审核中的申请、没有在享受的服务：INVALID_STATE；原因不' +
      '在项目所列：BAD_USER_INPUT',
  })
  async requestTermination(
    @Arg('elderId', () => ID) elderId: string,
    @Arg('reason', () => TerminationReason) reason: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return shapeRequest(
      (
        await requestTermination(
          ctx.prisma,
          ctx.app.events,
          requireActor(ctx.actor),
          { elderId, reason, note },
          ctx.app.clock(),
        )
      ).request,
    );
  }

  @Mutation(() => TerminationRequest, {
    description:
      '审核终止申请的当前环节，须填写审核意见；最后一级通过后按终止原因的生效规则停止服务。辖区外：FORBIDDEN；已办结或不是本级环节：INVALID_STATE',
  })
  async reviewTermination(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => ReviewDecision) decision: 'APPROVE' | 'REJECT',
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: Context,
  ) {
    return shapeRequest(
      await reviewTermination(
        ctx.prisma,
        ctx.app.events,
        requireActor(ctx.actor),
        { id, decision, comment },
        ctx.app.clock(),
      ),
    );
  }

  @Query(() => TerminationRequestConnection, { description: '我辖区内的终止申请（可按状态筛选，审核中的为待办）' })
  async terminationRequests(
    @Arg('filter', () => TerminationRequestFilter, { nullable: true }) filter: TerminationRequestFilter | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    const c = await listTerminationRequests(ctx.prisma, requireActor(ctx.actor), filter ?? {}, page);
    return { ...c, edges: c.edges.map((e) => ({ ...e, node: shapeRequest(e.node) })) };
  }

  @FieldResolver(() => Elder)
  async elder(@Root() r: TerminationRequest, @Ctx() ctx: Context) {
    return ctx.loaders.elderById.load(r.elderId);
  }

  @FieldResolver(() => [TerminationReview])
  async reviews(@Root() r: TerminationRequest, @Ctx() ctx: Context) {
    // A listed page carries its reviews; a single request reads its own.
    return r.reviews ?? ctx.prisma.terminationReview.findMany({ where: { requestId: r.id }, orderBy: { at: 'asc' } });
  }
}

@Resolver(() => TerminationReview)
export class TerminationReviewResolver {
  @FieldResolver(() => Reviewer)
  async reviewer(@Root() review: TerminationReview, @Ctx() ctx: Context) {
    return ctx.loaders.userById.load(review.reviewerId);
  }
}

// Elder.enrolment lives here, with the area that decides it: the elder's current (or latest)
// enrolment, as the elders page and the dashboard show it.
@Resolver(() => Elder)
export class ElderEnrolmentResolver {
  @FieldResolver(() => Enrolment, { nullable: true, description: '当前（或最近一次）享受服务资格' })
  async enrolment(@Root() elder: Elder, @Ctx() ctx: Context) {
    return ctx.loaders.enrolmentByElderId.load(elder.id);
  }
}

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => PolicyRef)
  async policy(@Root() enrolment: Enrolment, @Ctx() ctx: Context) {
    return ctx.loaders.policyById.load(enrolment.policyId);
  }
}
