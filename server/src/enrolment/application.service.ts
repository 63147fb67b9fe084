// Applications: application → staged reviews (with 公示) → enrolment and 告知书.
// Stages, roles and notice length come from the policy document.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import type { EventBus } from '../common/events.js';
import { badInput, ErrorCode, fail, isUniqueViolation } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { assertElderInScope, elderScope } from '../elders/index.js';
import { todayInShanghai } from '../common/calendar.js';
import {
  evaluateEligibility,
  type EligibilityVerdict,
  type PolicyDocument,
  policyDocument,
} from '../policies/index.js';
import { activePolicy, dateOnly, elderFacts } from './eligibility.service.js';
import { noticeLetter } from './notice-letter.js';
import { enrolmentTarget } from './programme-end.js';

type Stage = 'COMMUNITY_REVIEW' | 'PUBLIC_NOTICE' | 'STREET_REVIEW' | 'DISTRICT_FILING';
const ROLE_NAMES: Record<string, string> = {
  COMMUNITY_WORKER: '社区（村）工作人员',
  STREET_OFFICER: '街道（乡镇）',
  DISTRICT_ADMIN: '区（县）民政部门',
};
const STAGE_NAMES: Record<string, string> = {
  COMMUNITY_REVIEW: '社区初审',
  PUBLIC_NOTICE: '公示',
  STREET_REVIEW: '街道审批',
  DISTRICT_FILING: '区民政备案',
  DONE: '已办结',
};

const channelOf = (a: Actor) =>
  a.role === 'ELDER' || a.role === 'FAMILY'
    ? 'MINIPROGRAM'
    : a.role === 'OPERATOR'
      ? 'HOTLINE'
      : a.role === 'BOT'
        ? 'BOT'
        : 'WORKER';

export interface SubmitApplicationData {
  elderId: string;
  policyCode: string;
  category?: string | null;
  requestedServices?: string[] | null;
  agentName?: string | null;
  agentRelation?: string | null;
  agentPhone?: string | null;
}

/**
 * Files an application for the elder, by the elder, a family member or staff. Refuses a second
 * pending application or an active enrolment for the same programme (INVALID_STATE), and an
 * elder the rules do not admit (NOT_ELIGIBLE, with the reason). Writes nothing when it refuses.
 */
export async function submitApplication(prisma: PrismaClient, actor: Actor, input: SubmitApplicationData, now: Date) {
  await assertElderInScope(prisma, authorize(actor, 'submitApplication'), input.elderId);
  const { policy, doc } = await activePolicy(prisma, input.policyCode);
  const today = todayInShanghai(now);
  if (doc.effective.to && today > doc.effective.to && !doc.successor) {
    fail(
      ErrorCode.PROGRAMME_ENDED,
      `《${doc.name}》已于 ${doc.effective.to} 结束，不再受理新的申请；请等新一期项目下达后再申请。`,
    );
  }
  const { elder, facts } = await elderFacts(prisma, input.elderId, doc, today);
  if (!facts.livesInRegion) fail(ErrorCode.NOT_ELIGIBLE, `${elder.name}不住在${doc.region.name}，不能申请本项目。`);
  const verdict = evaluateEligibility(doc, facts, input.category ?? undefined);
  if (!verdict.eligible)
    fail(ErrorCode.NOT_ELIGIBLE, `${elder.name}${verdict.explanation}`, { reasons: verdict.reasons });
  const ok = verdict as Extract<EligibilityVerdict, { eligible: true }>;
  if (input.agentPhone && !/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(input.agentPhone.replace(/\s/g, ''))) {
    throw badInput('agentPhone', '代理人电话格式不对。');
  }
  const stages =
    ok.intake === 'REGISTRY_SCREENING' && doc.workflow.screeningStages
      ? doc.workflow.screeningStages
      : doc.workflow.stages.map((s) => s.stage);
  try {
    return await prisma.$transaction(async (tx) => {
      if (
        await tx.enrolment.findFirst({
          where: {
            elderId: elder.id,
            policyId: policy.id,
            status: 'ACTIVE',
            OR: [{ endedOn: null }, { endedOn: { gte: dateOnly(today) } }],
          },
        })
      ) {
        fail(ErrorCode.INVALID_STATE, `${elder.name}已经在享受本项目的服务，不需要再申请。`);
      }
      const application = await tx.application.create({
        data: {
          elderId: elder.id,
          policyId: policy.id,
          category: ok.category,
          requestedServices: input.requestedServices ?? [],
          agentName: input.agentName ?? null,
          agentRelation: input.agentRelation ?? null,
          agentPhone: input.agentPhone ?? null,
          channel: channelOf(actor),
          submittedById: actor.userId,
          stage: stages[0] as Stage,
          eligibility: {
            category: ok.category,
            intake: ok.intake,
            explanation: ok.explanation,
            stages,
          } as Prisma.InputJsonValue,
        },
      });
      await audit(tx, actor, {
        action: 'APPLICATION_SUBMITTED',
        entity: 'Application',
        entityId: application.id,
        detail: { policy: policy.code, category: ok.category, intake: ok.intake },
      });
      return application;
    });
  } catch (err) {
    // The partial unique index allows one PENDING application per elder and programme.
    if (isUniqueViolation(err))
      fail(ErrorCode.INVALID_STATE, `${elder.name}已有一份本项目的申请正在办理，请勿重复申请。`);
    throw err;
  }
}

function stagesOf(app: { eligibility: unknown }, doc: PolicyDocument): Stage[] {
  return ((app.eligibility as { stages?: Stage[] } | null)?.stages ??
    doc.workflow.stages.map((s) => s.stage)) as Stage[];
}

/** People to tell about an application's outcome: the elder's own account, their family, the submitter. */
async function applicantUsers(tx: Tx, elderId: string, submittedById: string | null) {
  const [self, family] = await Promise.all([
    tx.user.findMany({ where: { elderId }, select: { id: true } }),
    tx.familyLink.findMany({ where: { elderId }, select: { userId: true } }),
  ]);
  return [
    ...new Set([...self.map((u) => u.id), ...family.map((f) => f.userId), ...(submittedById ? [submittedById] : [])]),
  ];
}

/**
 * Decides the application's current stage. Only the stage's role, within the elder's region, may
 * decide (FORBIDDEN otherwise, checked before anything about the application's state is said);
 * a decided or closed application is INVALID_STATE. The public
 * notice closes only after its last day and with no objection standing. A rejection needs a reason,
 * which goes to the applicant. The last approval creates the enrolment and the 告知书.
 */
export async function reviewApplication(
  prisma: PrismaClient,
  events: EventBus,
  actor: Actor,
  input: { id: string; decision: 'APPROVE' | 'REJECT'; comment?: string | null },
  now: Date,
) {
  authorize(actor, 'reviewApplication');
  const app = await prisma.application.findUnique({
    where: { id: input.id },
    include: { elder: { include: { community: true } }, policy: true, objections: true },
  });
  if (!app) return fail(ErrorCode.NOT_FOUND, '没有找到这份申请。');
  const doc = policyDocument(app.policy);
  const stage = app.stage as Stage;
  // A rejected application keeps its stage, so the same people are refused before and after; an
  // approved one (DONE) has no reviewer left, and the officials covering it hear that it is closed.
  const rule = doc.workflow.stages.find((s) => s.stage === stage);
  authorize(actor, 'reviewApplication', {
    regionPath: app.elder.community.path,
    onlyRole: rule && {
      role: rule.role,
      refusal: `这份申请正处于“${STAGE_NAMES[stage]}”环节，应由${ROLE_NAMES[rule.role ?? ''] ?? '相应部门'}办理。`,
    },
  });
  if (app.status !== 'PENDING')
    fail(ErrorCode.INVALID_STATE, `这份申请已${app.status === 'APPROVED' ? '批准' : '办结'}，不能再审核。`);
  const comment = input.comment?.trim() || null;
  if (input.decision === 'REJECT' && !comment) throw badInput('comment', '不通过时请写明原因，系统会告知申请人。');
  if (stage === 'PUBLIC_NOTICE' && input.decision === 'APPROVE') {
    if (app.noticeEndsAt && now < app.noticeEndsAt) {
      fail(
        ErrorCode.INVALID_STATE,
        `公示期到 ${todayInShanghai(new Date(app.noticeEndsAt.getTime() - 1))} 结束，期满无异议后才能上报。`,
      );
    }
    const standing = app.objections.filter((o) => !o.dismissedAt);
    if (standing.length)
      fail(ErrorCode.INVALID_STATE, `公示期间收到 ${standing.length} 条异议，须核实处理后才能上报。`);
  }
  const stages = stagesOf(app, doc);
  const next = stages[stages.indexOf(stage) + 1] as Stage | undefined;
  const approveLast = input.decision === 'APPROVE' && !next;
  const noticeRule =
    next === 'PUBLIC_NOTICE' ? doc.workflow.stages.find((s) => s.stage === 'PUBLIC_NOTICE') : undefined;
  // Service starts next month: past the programme's last day it goes to the successor or is
  // refused (PROGRAMME_ENDED) before anything is written.
  const target = approveLast ? await enrolmentTarget(prisma, app, doc, todayInShanghai(now)) : null;

  let approved: { enrolmentId: string; startedOn: string; policyId: string } | null = null;
  const result = await prisma
    .$transaction(async (tx) => {
      // Claim the stage: a concurrent decision on the same stage finds it moved and stops here.
      const claimed = await tx.application.updateMany({
        where: { id: app.id, status: 'PENDING', stage },
        data:
          input.decision === 'REJECT'
            ? { status: 'REJECTED', decidedAt: now }
            : approveLast
              ? { status: 'APPROVED', stage: 'DONE', decidedAt: now }
              : {
                  stage: next!,
                  ...(noticeRule
                    ? { noticeStartsAt: now, noticeEndsAt: new Date(now.getTime() + noticeRule.days! * 86_400_000) }
                    : {}),
                },
      });
      if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, '这份申请刚被其他人办理过，请刷新后查看。');
      await tx.applicationReview.create({
        data: { applicationId: app.id, stage, decision: input.decision, comment, reviewerId: actor.userId, at: now },
      });
      await audit(tx, actor, {
        action: `APPLICATION_${input.decision}`,
        entity: 'Application',
        entityId: app.id,
        detail: { stage, comment },
      });
      const recipients = await applicantUsers(tx, app.elderId, app.submittedById);
      if (input.decision === 'REJECT') {
        await tx.notice.createMany({
          data: recipients.map((userId) => ({
            userId,
            elderId: app.elderId,
            kind: 'APPLICATION_REJECTED',
            title: '居家养老服务申请未通过',
            body: `${app.elder.name}的《${doc.name}》申请在“${STAGE_NAMES[stage]}”环节未通过，原因：${comment}`,
            dedupeKey: `application:${app.id}:rejected:${userId}`,
          })),
        });
      }
      if (target) {
        const today = todayInShanghai(now);
        // Service and the monthly allowance start on the first day of the next month.
        const { startedOn } = target;
        const letter = noticeLetter(target.doc, {
          elderName: app.elder.name,
          startedOn,
          communityName: app.elder.community.name,
          issuedOn: today,
        });
        const enrolment = await tx.enrolment.create({
          data: {
            elderId: app.elderId,
            policyId: target.policyId,
            applicationId: app.id,
            category: target.category,
            startedOn: dateOnly(startedOn),
            noticeLetter: letter,
          },
        });
        await tx.elder.update({ where: { id: app.elderId }, data: { status: 'ENROLLED' } });
        await tx.notice.createMany({
          data: recipients.map((userId) => ({
            userId,
            elderId: app.elderId,
            kind: 'ENROLMENT_NOTICE_LETTER',
            title: '居家养老服务告知书',
            body: letter,
            dedupeKey: `application:${app.id}:approved:${userId}`,
          })),
        });
        await audit(tx, actor, {
          action: 'ENROLMENT_CREATED',
          entity: 'Enrolment',
          entityId: enrolment.id,
          detail: {
            application: app.id,
            startedOn,
            policy: target.doc.code,
            carriedOverFrom: target.carriedOverFrom ?? null,
          },
        });
        approved = { enrolmentId: enrolment.id, startedOn, policyId: target.policyId };
      }
      return tx.application.findUniqueOrThrow({ where: { id: app.id } });
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) fail(ErrorCode.INVALID_STATE, '这一环节已经办理过了。');
      throw err;
    });
  const done = approved as { enrolmentId: string; startedOn: string; policyId: string } | null;
  if (done) await events.publish('enrolment.approved', { ...done, elderId: app.elderId, at: now });
  return result;
}

export async function getApplication(prisma: PrismaClient, actor: Actor, id: string) {
  const grant = authorize(actor, 'application');
  const app = await prisma.application.findUnique({ where: { id } });
  if (!app) return fail(ErrorCode.NOT_FOUND, '没有找到这份申请。');
  await assertElderInScope(prisma, grant, app.elderId);
  return app;
}

export async function listApplications(
  prisma: PrismaClient,
  actor: Actor,
  filter: { status?: string | null; stage?: string | null; policyCode?: string | null },
  page: PageArgs,
) {
  const scope = elderScope(authorize(actor, 'applications'));
  const { take, afterId } = pageWindow(page);
  const where: Prisma.ApplicationWhereInput = {
    elder: scope as Prisma.ElderWhereInput,
    ...(filter.status ? { status: filter.status as never } : {}),
    ...(filter.stage ? { stage: filter.stage as never } : {}),
    ...(filter.policyCode ? { policy: { code: filter.policyCode } } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.application.findMany({
      where: afterId ? { AND: [where, { id: { gt: afterId } }] } : where,
      orderBy: { id: 'asc' },
      take: take + 1,
    }),
    prisma.application.count({ where }),
  ]);
  return toConnection(rows, take, total);
}

/** Batched for DataLoader: each application's reviews and objections, oldest first. */
export async function reviewsByApplicationIds(prisma: PrismaClient, ids: readonly string[]) {
  const rows = await prisma.applicationReview.findMany({
    where: { applicationId: { in: [...ids] } },
    orderBy: { at: 'asc' },
  });
  return ids.map((id) => rows.filter((r) => r.applicationId === id));
}

export async function objectionsByApplicationIds(prisma: PrismaClient, ids: readonly string[]) {
  const rows = await prisma.applicationObjection.findMany({
    where: { applicationId: { in: [...ids] } },
    orderBy: { at: 'asc' },
  });
  return ids.map((id) => rows.filter((r) => r.applicationId === id));
}
