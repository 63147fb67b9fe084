// Care calls (000 四 线上服务: 电话关爱、心理慰藉、生日祝福、用药叮嘱、节日问候; 000 六 4: the call
// centre schedules them as work orders and records each outcome) and greetings to families.
import { type Actor, authorize } from '../auth/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { todayInShanghai } from '../common/calendar.js';
import { elderScope } from '../elders/index.js';
import { elderAudience, notify } from '../notices/index.js';
import { policyDocument } from '../policies/index.js';
import { pathWithin } from '../regions/index.js';
import { detectMissedContact, type AlertEvent } from '../alerts/index.js';
import { festivalsOn, isoWeek } from './calendar.js';
import { servingWhere } from '../enrolment/index.js';

/** Calls are placed from 09:00 Asia/Shanghai on their day. */
const callTime = (day: string) => new Date(`${day}T01:00:00Z`);

/**
 * Creates the day's call tasks for every active enrolment from its programme's outreach list:
 * weekly ones on Mondays, monthly ones on the 1st, birthdays on the day, festivals on the lunar
 * date; each keyed so any number of runs makes one task. Families get a greeting notice on the
 * elder's birthday and on festivals. Tasks go to the least-loaded operator covering the elder.
 */
export async function generateCallTasks(
  prisma: PrismaClient,
  now: Date,
): Promise<{ tasks: number; greetings: number }> {
  const day = todayInShanghai(now);
  const monday = new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
  const operators = await prisma.user.findMany({
    where: { role: 'OPERATOR', active: true },
    include: { region: true },
  });
  const load = new Map<string, number>();
  for (const r of await prisma.callTask.groupBy({
    by: ['operatorId'],
    where: { status: 'PENDING', operatorId: { not: null } },
    _count: true,
  }))
    load.set(r.operatorId!, r._count);
  let tasks = 0;
  let greetings = 0;
  for (const policy of await prisma.policy.findMany()) {
    const doc = policyDocument(policy);
    // Calls go on until a terminated enrolment's service ends (000 六·流程5 从下月起终止).
    const enrolments = await prisma.enrolment.findMany({
      where: {
        policyId: policy.id,
        ...servingWhere(new Date(`${day}T00:00:00+08:00`)),
        startedOn: { lte: new Date(`${day}T00:00:00Z`) },
      },
      include: { elder: { include: { community: true } } },
    });
    for (const en of enrolments) {
      const elder = en.elder;
      const birthday = elder.birthDate.toISOString().slice(5, 10) === day.slice(5);
      const due: { kind: string; key: string; note: string }[] = [];
      for (const o of doc.outreach) {
        if (o.cadence === 'WEEKLY' && monday) due.push({ kind: o.kind, key: isoWeek(day), note: o.name });
        if (o.cadence === 'MONTHLY' && day.endsWith('-01'))
          due.push({ kind: o.kind, key: day.slice(0, 7), note: o.name });
        if (o.cadence === 'BIRTHDAY' && birthday) due.push({ kind: o.kind, key: day, note: o.name });
        if (o.cadence === 'FESTIVALS')
          for (const f of festivalsOn(o.festivals ?? [], day))
            due.push({ kind: o.kind, key: `${f}:${day.slice(0, 4)}`, note: `${f}${o.name}` });
      }
      if (!due.length) continue;
      const covering = operators.filter((u) => u.region && pathWithin(elder.community.path, u.region.path));
      for (const d of due) {
        const operator = covering.sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0))[0];
        const created = await prisma.callTask.createMany({
          data: [
            {
              elderId: elder.id,
              kind: d.kind as never,
              scheduledFor: callTime(day),
              operatorId: operator?.id ?? null,
              dedupeKey: `call:${elder.id}:${d.kind}:${d.key}`,
              note: d.note,
            },
          ],
          skipDuplicates: true,
        });
        if (created.count && operator) load.set(operator.id, (load.get(operator.id) ?? 0) + 1);
        tasks += created.count;
        if (d.kind === 'BIRTHDAY' || d.kind === 'FESTIVAL') {
          const title = d.kind === 'BIRTHDAY' ? `今天是${elder.name}的生日` : `${d.note.replace(/节日问候$/, '')}到了`;
          greetings += await notify(prisma, await elderAudience(prisma, elder.id), {
            elderId: elder.id,
            kind: d.kind === 'BIRTHDAY' ? 'BIRTHDAY_GREETING' : 'FESTIVAL_GREETING',
            title,
            body:
              d.kind === 'BIRTHDAY'
                ? `平台已代家人向${elder.name}送上生日祝福，也别忘了给老人打个电话。`
                : `平台已代家人向${elder.name}送上${d.note.replace(/节日问候$/, '')}的问候，祝节日快乐。`,
            dedupe: `greeting:${elder.id}:${d.kind}:${d.key}`,
          });
        }
      }
    }
  }
  return { tasks, greetings };
}

export async function listCallTasks(
  prisma: PrismaClient,
  actor: Actor,
  filter: { status?: string | null; mine?: boolean | null; elderId?: string | null },
  page: PageArgs,
) {
  const grant = authorize(actor, 'callTasks');
  const { take, afterId } = pageWindow(page);
  const where: Prisma.CallTaskWhereInput = {
    AND: [
      { elder: elderScope(grant) },
      filter.status ? { status: filter.status as never } : {},
      filter.mine ? { operatorId: actor.userId } : {},
      filter.elderId ? { elderId: filter.elderId } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.callTask.findMany({
      where: { AND: [where, afterId ? { id: { gt: afterId } } : {}] },
      orderBy: { id: 'asc' },
      take: take + 1,
      include: { attempts: { orderBy: { at: 'asc' } } },
    }),
    prisma.callTask.count({ where }),
  ]);
  return toConnection(rows, take, total);
}

/**
 * An operator's call: answered closes the task; unanswered leaves it open for another try, and
 * the programme's missed-contact rule (000 六 5: 24 小时内三次未接听) may raise an alert.
 */
export async function recordCallAttempt(
  prisma: PrismaClient,
  actor: Actor,
  callTaskId: string,
  answered: boolean,
  note: string | null | undefined,
  now: Date,
): Promise<{ task: Awaited<ReturnType<PrismaClient['callTask']['findUniqueOrThrow']>>; alert: AlertEvent | null }> {
  const grant = authorize(actor, 'recordCallAttempt');
  if (note && note.length > 1000) throw badInput('note', '通话记录不能超过 1000 字。');
  const task = await prisma.callTask.findFirst({
    where: { id: callTaskId, elder: elderScope(grant) },
    include: { elder: { include: { enrolments: { where: servingWhere(now), include: { policy: true } } } } },
  });
  if (!task) return fail(ErrorCode.NOT_FOUND, '没有找到这项关爱电话任务。');
  if (task.status !== 'PENDING') fail(ErrorCode.INVALID_STATE, '这项任务已经完成了。');
  return prisma.$transaction(async (tx) => {
    await tx.callAttempt.create({
      data: { callTaskId, operatorId: actor.userId, answered, note: note?.trim() || null, at: now },
    });
    if (answered)
      await tx.callTask.update({
        where: { id: callTaskId },
        data: { status: 'DONE', operatorId: task.operatorId ?? actor.userId },
      });
    const policy = task.elder.enrolments[0]?.policy;
    const doc = policy && policyDocument(policy);
    const alert = !answered && doc ? await detectMissedContact(tx, task.elderId, doc, now) : null;
    if (alert) await tx.callTask.update({ where: { id: callTaskId }, data: { status: 'UNREACHED' } });
    return { task: await tx.callTask.findUniqueOrThrow({ where: { id: callTaskId } }), alert };
  });
}
