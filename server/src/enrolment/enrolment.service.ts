// Enrolment: ending service (《居家养老服务终止表》, 000 附件3) and looking enrolments up. A
// termination is requested, reviewed by the community and then the street with their opinions, and
// takes effect on the last approval; the programme may let a death or hukou move take effect on
// filing. Each exit reason carries its own effective date. All of it is policy data.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import type { EventBus } from '../common/events.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import { badInput, ErrorCode, fail, isUniqueViolation } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { assertElderInScope, elderScope } from '../elders/index.js';
import { todayInShanghai } from '../common/calendar.js';
import { type PolicyDocument, policyDocument } from '../policies/index.js';
import { dateOnly } from './eligibility.service.js';

// app/loaders.ts reads the applications' batch functions from here.
export { objectionsByApplicationIds, reviewsByApplicationIds } from './application.service.js';

/** The last day of service: the month's end where the programme stops service "from next month". */
export function lastServiceDay(today: string, effective: 'NEXT_MONTH' | 'IMMEDIATE'): string {
  if (effective === 'IMMEDIATE') return today;
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The end of a day in Asia/Shanghai, as an instant. */
const endOfShanghaiDay = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000);

/**
 * Enrolments that still serve at `now`: active ones, and terminated ones whose service runs on to
 * `serviceEndsAt` (000 六·流程5 从下月起终止: until then the elder orders, is called and is charged).
 */
export const servingWhere = (now: Date): Prisma.EnrolmentWhereInput => ({
  OR: [{ status: 'ACTIVE' }, { status: 'TERMINATED', serviceEndsAt: { gt: now } }],
});

export interface TerminationInput {
  elderId: string;
  reason: string;
  note?: string | null;
}

type Effect = { enrolmentId: string; elderId: string; policyId: string; reason: string; lastServiceDay: string };

/** Ends the enrolment inside the caller's transaction, with the reason's own effective date. */
async function effectTermination(
  tx: Tx,
  actor: Actor,
  enrolment: { id: string; elderId: string; policyId: string },
  doc: PolicyDocument,
  input: { reason: string; note: string | null },
  now: Date,
): Promise<Effect> {
  const rule = doc.terminationReasons.find((r) => r.reason === input.reason)!;
  const effective = rule.effective ?? doc.timeLimits.terminationEffective;
  const lastDay = lastServiceDay(todayInShanghai(now), effective);
  const serviceEndsAt = effective === 'IMMEDIATE' ? now : endOfShanghaiDay(lastDay);
  const claimed = await tx.enrolment.updateMany({
    where: { id: enrolment.id, status: 'ACTIVE' },
    data: {
      status: 'TERMINATED',
      endedOn: dateOnly(lastDay),
      serviceEndsAt,
      terminationReason: input.reason as never,
      terminationNote: input.note,
      terminatedById: actor.userId,
    },
  });
  if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, '这项服务已经终止了。');
  await tx.elder.update({
    where: { id: enrolment.elderId },
    data: { status: input.reason === 'DIED' ? 'DECEASED' : 'TERMINATED' },
  });
  await audit(tx, actor, {
    action: 'ENROLMENT_TERMINATED',
    entity: 'Enrolment',
    entityId: enrolment.id,
    detail: { reason: input.reason, lastServiceDay: lastDay, effective, source: rule.source, note: input.note },
  });
  return {
    enrolmentId: enrolment.id,
    elderId: enrolment.elderId,
    policyId: enrolment.policyId,
    reason: input.reason,
    lastServiceDay: lastDay,
  };
}

const publishEffect = (events: EventBus, effect: Effect | null, now: Date) =>
  effect ? events.publish('enrolment.terminated', { ...effect, at: now }) : Promise.resolve();

/**
 * Files a termination request (《终止表》) for the elder's active enrolment, for a reason the
 * programme lists (BAD_USER_INPUT otherwise, with the list). It waits for the programme's reviews
 * (000 附件3: 社区（村）, then 街（乡）); a reason the programme fast-tracks (death, hukou moved)
 * takes effect at once and needs the proof named in the note. No active enrolment, or a request
 * already under review: INVALID_STATE. Nothing is written when it refuses. Other areas (the
 * elders' exit suggestions) call this through enrolment/index.ts.
 */
export async function requestTermination(
  prisma: PrismaClient,
  events: EventBus,
  actor: Actor,
  input: TerminationInput,
  now: Date,
  action: 'requestTermination' | 'terminateEnrolment' = 'requestTermination',
) {
  const elder = await assertElderInScope(prisma, authorize(actor, action), input.elderId);
  const enrolment = await prisma.enrolment.findFirst({
    where: { elderId: elder.id, status: 'ACTIVE' },
    include: { policy: true },
  });
  if (!enrolment) return fail(ErrorCode.INVALID_STATE, `${elder.name}目前没有正在享受的服务，无需终止。`);
  const doc = policyDocument(enrolment.policy);
  const rule = doc.terminationReasons.find((r) => r.reason === input.reason);
  if (!rule)
    throw badInput(
      'reason',
      `《${doc.name}》的终止原因不包括这一项，可选：${doc.terminationReasons.map((r) => r.label).join('、')}。`,
    );
  const note = input.note?.trim() || null;
  if (rule.fastTrack && !note)
    throw badInput('note', `“${rule.label}”直接生效，请在备注中写明依据（如死亡证明、户口迁移证明或家属告知情况）。`);
  const firstStage = doc.terminationReview.stages[0]!.stage;
  let effect: Effect | null = null;
  const request = await prisma
    .$transaction(async (tx) => {
      const row = await tx.terminationRequest.create({
        data: {
          enrolmentId: enrolment.id,
          elderId: elder.id,
          reason: input.reason as never,
          note,
          requestedById: actor.userId,
          requestedAt: now,
          ...(rule.fastTrack
            ? { status: 'APPROVED', stage: 'DONE', fastTracked: true, decidedAt: now }
            : { stage: firstStage }),
        },
      });
      await audit(tx, actor, {
        action: 'TERMINATION_REQUESTED',
        entity: 'Enrolment',
        entityId: enrolment.id,
        detail: { request: row.id, reason: input.reason, fastTrack: rule.fastTrack, note },
      });
      if (rule.fastTrack) {
        effect = await effectTermination(tx, actor, enrolment, doc, { reason: input.reason, note }, now);
        return tx.terminationRequest.update({
          where: { id: row.id },
          data: { lastServiceDay: dateOnly(effect.lastServiceDay) },
        });
      }
      return row;
    })
    .catch((err: unknown) => {
      // The partial unique index allows one PENDING request per enrolment.
      if (isUniqueViolation(err))
        fail(ErrorCode.INVALID_STATE, `${elder.name}已有一份终止申请正在审核，请等待审核结果。`);
      throw err;
    });
  await publishEffect(events, effect, now);
  return { request, enrolment: await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } }) };
}

/** The older entry point (《终止表》 by an official): files the same request; the enrolment is returned. */
export async function terminateEnrolment(
  prisma: PrismaClient,
  events: EventBus,
  actor: Actor,
  input: TerminationInput,
  now: Date,
) {
  return (await requestTermination(prisma, events, actor, input, now, 'terminateEnrolment')).enrolment;
}

const STAGE_NAMES: Record<string, string> = { COMMUNITY_REVIEW: '社区（村）审核', STREET_REVIEW: '街（乡）审核' };
const ROLE_NAMES: Record<string, string> = {
  COMMUNITY_WORKER: '社区（村）工作人员',
  STREET_OFFICER: '街道（乡镇）',
  DISTRICT_ADMIN: '区（县）民政部门',
};

/**
 * Decides the current stage of a termination request with the reviewer's opinion (required either
 * way: 附件3 has each level sign its 审核意见). Out of the reviewer's region: FORBIDDEN; decided, or
 * the stage belongs to another level: INVALID_STATE. A rejection closes the request and service
 * goes on; the last approval ends the enrolment with the reason's effective date.
 */
export async function reviewTermination(
  prisma: PrismaClient,
  events: EventBus,
  actor: Actor,
  input: { id: string; decision: 'APPROVE' | 'REJECT'; comment?: string | null },
  now: Date,
) {
  authorize(actor, 'reviewTermination');
  const request = await prisma.terminationRequest.findUnique({
    where: { id: input.id },
    include: { enrolment: { include: { policy: true, elder: { include: { community: true } } } } },
  });
  if (!request) return fail(ErrorCode.NOT_FOUND, '没有找到这份终止申请。');
  authorize(actor, 'reviewTermination', { regionPath: request.enrolment.elder.community.path });
  if (request.status !== 'PENDING')
    fail(ErrorCode.INVALID_STATE, `这份终止申请已${request.status === 'APPROVED' ? '生效' : '退回'}，不能再审核。`);
  const doc = policyDocument(request.enrolment.policy);
  const stages = doc.terminationReview.stages;
  const at = stages.findIndex((st) => st.stage === request.stage);
  const rule = stages[at]!;
  if (actor.role !== rule.role)
    fail(
      ErrorCode.INVALID_STATE,
      `这份终止申请正处于“${STAGE_NAMES[rule.stage]}”环节，应由${ROLE_NAMES[rule.role]}办理。`,
    );
  const comment = input.comment?.trim() || null;
  if (!comment) throw badInput('comment', '请填写审核意见，《终止表》要求社区（村）、街（乡）分别签署意见。');
  const next = stages[at + 1]?.stage;
  const approveLast = input.decision === 'APPROVE' && !next;
  let effect: Effect | null = null;
  const updated = await prisma
    .$transaction(async (tx) => {
      const claimed = await tx.terminationRequest.updateMany({
        where: { id: request.id, status: 'PENDING', stage: request.stage },
        data:
          input.decision === 'REJECT'
            ? { status: 'REJECTED', decidedAt: now }
            : approveLast
              ? { status: 'APPROVED', stage: 'DONE', decidedAt: now }
              : { stage: next! },
      });
      if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, '这份终止申请刚被其他人办理过，请刷新后查看。');
      await tx.terminationReview.create({
        data: {
          requestId: request.id,
          stage: request.stage,
          decision: input.decision,
          comment,
          reviewerId: actor.userId,
          at: now,
        },
      });
      await audit(tx, actor, {
        action: `TERMINATION_${input.decision}`,
        entity: 'Enrolment',
        entityId: request.enrolmentId,
        detail: { request: request.id, stage: request.stage, comment },
      });
      if (approveLast) {
        effect = await effectTermination(
          tx,
          actor,
          request.enrolment,
          doc,
          { reason: request.reason, note: request.note },
          now,
        );
        await tx.terminationRequest.update({
          where: { id: request.id },
          data: { lastServiceDay: dateOnly(effect.lastServiceDay) },
        });
      }
      return tx.terminationRequest.findUniqueOrThrow({ where: { id: request.id } });
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) fail(ErrorCode.INVALID_STATE, '这一环节已经审核过了。');
      throw err;
    });
  await publishEffect(events, effect, now);
  return updated;
}

/** Termination requests in the caller's region, oldest first; PENDING ones are those waiting for review. */
export async function listTerminationRequests(
  prisma: PrismaClient,
  actor: Actor,
  filter: { status?: string | null },
  page: PageArgs,
) {
  const scope = elderScope(authorize(actor, 'terminationRequests'));
  const { take, afterId } = pageWindow(page);
  const where: Prisma.TerminationRequestWhereInput = {
    enrolment: { elder: scope as Prisma.ElderWhereInput },
    ...(filter.status ? { status: filter.status as never } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.terminationRequest.findMany({
      where: afterId ? { AND: [where, { id: { gt: afterId } }] } : where,
      orderBy: { id: 'asc' },
      take: take + 1,
      include: { reviews: { orderBy: { at: 'asc' } } },
    }),
    prisma.terminationRequest.count({ where }),
  ]);
  return toConnection(rows, take, total);
}

/** Batched for DataLoader: each request's reviews, oldest first. */
export async function reviewsByTerminationIds(prisma: PrismaClient, ids: readonly string[]) {
  const rows = await prisma.terminationReview.findMany({
    where: { requestId: { in: [...ids] } },
    orderBy: { at: 'asc' },
  });
  return ids.map((id) => rows.filter((r) => r.requestId === id));
}

export const enrolmentById = (prisma: PrismaClient, id: string) => prisma.enrolment.findUnique({ where: { id } });
