// Training and education (issue 21): smart-technology training sessions whose attendees count toward the
// 万名老年人 target (002 二(五)15), anti-fraud education sessions (二(七)22 识骗防骗宣传教育), their notice to
// the families of the community's elders through the notices area (二(六)17, 二(七)20), and family-carer
// training records (二(二)6: trainee, the elder cared for, course, hours, certificate, the subsidy 按规定 from
// the document). A record for an elder outside the programme's region is ELDER_OUTSIDE_PROGRAMME; nothing
// is written.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { calendarDay, todayInShanghai } from '../common/calendar.js';
import { ErrorCode, badInput, fail, isUniqueViolation } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { assertElderInScope } from '../elders/index.js';
import { programmeInScope } from '../goals/index.js';
import { elderAudience, notify } from '../notices/index.js';
import { loadPolicy } from '../policies/index.js';
import { pathWithin } from '../regions/index.js';

const SESSION_KINDS = ['SMART_TECH', 'ANTI_FRAUD'] as const;
const KIND_LABEL: Record<string, string> = { SMART_TECH: '智慧养老知识培训', ANTI_FRAUD: '识骗防骗宣传教育' };
const ymd = (d: Date) => d.toISOString().slice(0, 10);

function pastDay(field: string, value: string, label: string, now: Date) {
  const d = calendarDay(field, value, label);
  if (value > todayInShanghai(now)) throw badInput(field, `${label}不能晚于今天。`);
  return d;
}
function text(field: string, value: string | null | undefined, label: string) {
  const v = value?.trim();
  if (!v) throw badInput(field, `请填写${label}。`);
  return v;
}
function positiveMinutes(value: number) {
  if (!Number.isInteger(value) || value <= 0 || value > 24 * 60 * 30)
    throw badInput('minutes', '培训时长请填正整数（分钟）。');
  return value;
}

/** Refuses elders who do not live within the programme's region (ELDER_OUTSIDE_PROGRAMME). */
async function eldersInRegion(
  prisma: PrismaClient,
  elderIds: readonly string[],
  region: { path: string; name: string },
) {
  const elders = await prisma.elder.findMany({ where: { id: { in: [...elderIds] } }, include: { community: true } });
  if (elders.length !== new Set(elderIds).size) return fail(ErrorCode.NOT_FOUND, '有老人没有找到，请核对后再登记。');
  const outside = elders.filter((e) => !pathWithin(e.community.path, region.path));
  if (outside.length)
    fail(
      ErrorCode.ELDER_OUTSIDE_PROGRAMME,
      `${outside.map((e) => e.name).join('、')}不住在${region.name}，不能登记本区的培训。`,
    );
  return elders;
}

export async function createTrainingSession(
  prisma: PrismaClient,
  actor: Actor,
  input: { policyCode: string; kind: string; title: string; communityCode: string; heldOn: string; minutes: number },
  now: Date,
) {
  const grant = authorize(actor, 'createTrainingSession');
  const community = await prisma.region.findUnique({ where: { code: input.communityCode } });
  if (!community || community.level !== 'COMMUNITY') throw badInput('communityCode', '没有这个社区，请核对社区代码。');
  authorize(grant.actor, 'createTrainingSession', { regionPath: community.path });
  if (!SESSION_KINDS.includes(input.kind as never))
    throw badInput('kind', '培训类型应为智慧养老知识培训或识骗防骗宣传教育；家庭照护者培训请逐人登记。');
  const { policy, region } = await programmeInScope(prisma, grant, input.policyCode);
  if (!pathWithin(community.path, region.path)) throw badInput('communityCode', '这个社区不在该项目的范围内。');
  const title = text('title', input.title, '培训名称');
  const heldOn = pastDay('heldOn', input.heldOn, '培训日期', now);
  const minutes = positiveMinutes(input.minutes);
  return prisma.$transaction(async (tx) => {
    const row = await tx.trainingSession.create({
      data: {
        policyId: policy.id,
        kind: input.kind as never,
        title,
        communityId: community.id,
        heldOn,
        minutes,
        createdById: actor.userId,
        createdAt: now,
      },
    });
    await audit(tx, actor, { action: 'TRAINING_SESSION_CREATED', entity: 'TrainingSession', entityId: row.id });
    return presentSession(row, 0);
  });
}

const presentSession = (
  s: { id: string; kind: string; title: string; communityId: string; heldOn: Date; minutes: number },
  attendees: number,
) => ({ ...s, heldOn: ymd(s.heldOn), attendees });

async function sessionInScope(
  prisma: PrismaClient,
  actor: Actor,
  action: 'recordTrainingAttendance' | 'announceTrainingSession',
  id: string,
) {
  const grant = authorize(actor, action);
  const s = await prisma.trainingSession.findUnique({ where: { id } });
  if (!s) return fail(ErrorCode.NOT_FOUND, '没有找到这次培训。');
  const community = await prisma.region.findUniqueOrThrow({ where: { id: s.communityId } });
  authorize(grant.actor, action, { regionPath: community.path });
  const policy = await prisma.policy.findUniqueOrThrow({ where: { id: s.policyId }, include: { region: true } });
  return { s, community, region: policy.region };
}

/** Adds attendees (registered elders of the district); an elder already on the list is kept once. */
export async function recordTrainingAttendance(
  prisma: PrismaClient,
  actor: Actor,
  input: { sessionId: string; elderIds: string[] },
  now: Date,
) {
  authorize(actor, 'recordTrainingAttendance');
  if (!input.elderIds.length || input.elderIds.length > 100)
    throw badInput('elderIds', '请选择 1 到 100 位参加培训的老人，人多时分批登记。');
  const { s, region } = await sessionInScope(prisma, actor, 'recordTrainingAttendance', input.sessionId);
  await eldersInRegion(prisma, input.elderIds, region);
  return prisma.$transaction(async (tx) => {
    const added = await tx.trainingAttendance.createMany({
      data: [...new Set(input.elderIds)].map((elderId) => ({ sessionId: s.id, elderId, createdAt: now })),
      skipDuplicates: true,
    });
    await audit(tx, actor, {
      action: 'TRAINING_ATTENDANCE_RECORDED',
      entity: 'TrainingSession',
      entityId: s.id,
      detail: { added: added.count },
    });
    return presentSession(s, await tx.trainingAttendance.count({ where: { sessionId: s.id } }));
  });
}

/** Tells the families of the community's elders about the session (through notices; once per family member). */
export async function announceTrainingSession(
  prisma: PrismaClient,
  actor: Actor,
  sessionId: string,
  note?: string | null,
) {
  authorize(actor, 'announceTrainingSession');
  if (note != null && !note.trim()) throw badInput('note', '补充说明不能只有空格；不需要时请不填。');
  const { s, community } = await sessionInScope(prisma, actor, 'announceTrainingSession', sessionId);
  const elders = await prisma.elder.findMany({
    where: { communityId: community.id, status: { not: 'DECEASED' } },
    select: { id: true },
  });
  let sent = 0;
  await prisma.$transaction(async (tx) => {
    for (const e of elders)
      sent += await notify(tx, await elderAudience(tx, e.id), {
        elderId: e.id,
        kind: 'EVENT_NOTICE',
        title: `${KIND_LABEL[s.kind] ?? '活动'}通知`,
        body:
          `${community.name}将于 ${ymd(s.heldOn)} 举办“${s.title}”（约 ${s.minutes} 分钟），欢迎老人和家属参加。` +
          (note ? note.trim() : ''),
        dedupe: `event:${s.id}:${e.id}`,
      });
    await audit(tx, actor, {
      action: 'TRAINING_ANNOUNCED',
      entity: 'TrainingSession',
      entityId: s.id,
      detail: { sent },
    });
  });
  return sent;
}

export async function recordCarerTraining(
  prisma: PrismaClient,
  actor: Actor,
  input: {
    policyCode: string;
    elderId: string;
    traineeName: string;
    traineePhone?: string | null;
    relation: string;
    course: string;
    minutes: number;
    completedOn: string;
    certificateNo?: string | null;
  },
  now: Date,
) {
  const grant = authorize(actor, 'recordCarerTraining');
  const loaded = await loadPolicy(prisma, { code: input.policyCode });
  if (!loaded) throw badInput('policyCode', '没有这个项目，请核对项目代码。');
  const { policy, doc } = loaded;
  const region = await prisma.region.findUniqueOrThrow({ where: { id: policy.regionId } });
  // 002 二(二)6: the programme trains the carers of its own district's elders; then the caller's scope.
  await eldersInRegion(prisma, [input.elderId], region);
  await assertElderInScope(prisma, grant, input.elderId);
  const traineeName = text('traineeName', input.traineeName, '参训家属姓名');
  const relation = text('relation', input.relation, '与老人的关系');
  const course = text('course', input.course, '培训内容');
  const minutes = positiveMinutes(input.minutes);
  const completedOn = pastDay('completedOn', input.completedOn, '培训完成日期', now);
  const rule = doc.training?.carerSubsidy;
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.carerTraining.create({
        data: {
          policyId: policy.id,
          elderId: input.elderId,
          traineeName,
          traineePhone: input.traineePhone?.trim() || null,
          relation,
          course,
          minutes,
          completedOn,
          certificateNo: input.certificateNo?.trim() || null,
          // 按规定给予补贴: the document's figure, none while it is pendingSource.
          subsidyFen: rule && !rule.pendingSource ? rule.fenPerTrainee : null,
          createdById: actor.userId,
          createdAt: now,
        },
      });
      await audit(tx, actor, { action: 'CARER_TRAINING_RECORDED', entity: 'CarerTraining', entityId: row.id });
      return {
        ...row,
        completedOn: ymd(row.completedOn),
        subsidyPendingSource: rule?.pendingSource ?? true,
        subsidySource: rule?.source ?? '002 二(二)6',
      };
    });
  } catch (err) {
    if (isUniqueViolation(err)) fail(ErrorCode.INVALID_STATE, '这位家属的这次培训已经登记过了。');
    throw err;
  }
}
