// Feedback on visits (000 六 3–4: 48 小时内电话回访记录满意度; 投诉 48 小时内处理并再次回访直到
// 老人满意) and the programme's penalty for verified complaints (001 八(二)1: 三次被投诉经核实责任在
// 服务机构 → 约谈、督促整改、暂停资金结算).
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail, isUniqueViolation } from '../common/errors.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import type { Tx } from '../db/database.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { assertElderInScope, elderScope } from '../elders/index.js';
import { elderAudience, notify } from '../notices/index.js';
import { orderInScope } from '../orders/index.js';
import { type PolicyDocument, policyDocument } from '../policies/index.js';
import { suspendForComplaints } from '../providers/index.js';
import { type AlertEvent, raiseAlert } from '../alerts/index.js';
import type { EventBus } from '../common/events.js';

/** Where a programme sets no time limit, the platform uses 000 六's 48 hours (assumed). */
const DEFAULT_HOURS = 48;
const HOUR = 3600_000;

async function policyOfElder(prisma: PrismaClient | Tx, elderId: string): Promise<PolicyDocument | null> {
  const e = await prisma.enrolment.findFirst({
    where: { elderId },
    orderBy: [{ status: 'asc' }, { startedOn: 'desc' }],
    include: { policy: true },
  });
  return e ? policyDocument(e.policy) : null;
}

/** The elder or family rate a completed visit once: 1–5 whole stars, an optional comment. */
export async function rateOrder(
  prisma: PrismaClient,
  actor: Actor,
  orderId: string,
  stars: number,
  comment: string | null | undefined,
  now: Date,
) {
  const order = await orderInScope(prisma, authorize(actor, 'rateOrder'), orderId);
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) throw badInput('stars', '请选择 1 到 5 颗星。');
  if (comment && comment.length > 500) throw badInput('comment', '评价内容不能超过 500 字。');
  if (order.status !== 'COMPLETED' && order.status !== 'CONFIRMED')
    fail(ErrorCode.INVALID_STATE, '服务完成后才能评价。');
  const rating = prisma.rating.create({
    data: { orderId, stars, comment: comment?.trim() || null, byUserId: actor.userId, at: now },
  });
  try {
    if (!order.caregiverId) return await rating;
    // The caregiver's summary moves with the rating, in its transaction; a second rating of the order
    // fails on the unique orderId and takes the increment back with it. The order is completed, so its
    // caregiver can no longer change (dispatch reassigns only placed and assigned orders).
    const [created] = await prisma.$transaction([
      rating,
      prisma.caregiver.update({
        where: { id: order.caregiverId },
        data: { ratingCount: { increment: 1 }, ratingStars: { increment: stars } },
        select: { id: true },
      }),
    ]);
    return created;
  } catch (err) {
    if (isUniqueViolation(err)) fail(ErrorCode.INVALID_STATE, '这次服务已经评价过了。');
    throw err;
  }
}

/** Completed visits without a follow-up call yet, for the call centre; overdue ones first. */
export async function followUpTasks(
  prisma: PrismaClient,
  actor: Actor,
  page: PageArgs & { overdueOnly?: boolean | null },
  now: Date,
) {
  const grant = authorize(actor, 'followUpTasks');
  const { take, afterId } = pageWindow(page);
  const where: Prisma.OrderWhereInput = {
    elder: elderScope(grant),
    status: { in: ['COMPLETED', 'CONFIRMED'] },
    followUp: null,
  };
  const rows = await prisma.order.findMany({
    where,
    include: { visit: true, elder: { select: { name: true, phone: true } } },
    orderBy: { id: 'asc' },
  });
  const tasks = [];
  for (const o of rows) {
    const doc = await policyOfElder(prisma, o.elderId);
    const dueAt = new Date(
      (o.visit?.checkOutAt ?? o.updatedAt).getTime() + (doc?.timeLimits.followUpHours ?? DEFAULT_HOURS) * HOUR,
    );
    const overdue = dueAt.getTime() < now.getTime();
    if (page.overdueOnly && !overdue) continue;
    tasks.push({ id: o.id, orderId: o.id, elderName: o.elder.name, elderPhone: o.elder.phone, dueAt, overdue });
  }
  tasks.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
  const start = afterId ? tasks.findIndex((t) => t.id === afterId) + 1 : 0;
  return toConnection(tasks.slice(start, start + take + 1), take, tasks.length);
}

/** The operator's follow-up call (000 六 3): satisfaction recorded once per visit. */
export async function recordFollowUp(
  prisma: PrismaClient,
  actor: Actor,
  orderId: string,
  satisfaction: 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED',
  note: string | null | undefined,
  now: Date,
) {
  const order = await orderInScope(prisma, authorize(actor, 'recordFollowUp'), orderId);
  if (note && note.length > 1000) throw badInput('note', '回访记录不能超过 1000 字。');
  if (order.status !== 'COMPLETED' && order.status !== 'CONFIRMED')
    fail(ErrorCode.INVALID_STATE, '服务完成后才能回访。');
  const visit = await prisma.visit.findUnique({ where: { orderId } });
  const doc = await policyOfElder(prisma, order.elderId);
  const dueAt = new Date(
    (visit?.checkOutAt ?? order.updatedAt).getTime() + (doc?.timeLimits.followUpHours ?? DEFAULT_HOURS) * HOUR,
  );
  try {
    return await prisma.followUp.create({
      data: { orderId, satisfaction, note: note?.trim() || null, operatorId: actor.userId, dueAt, at: now },
    });
  } catch (err) {
    if (isUniqueViolation(err)) fail(ErrorCode.INVALID_STATE, '这次服务已经回访过了。');
    throw err;
  }
}

/**
 * A complaint about an elder's service, due for handling within the programme's hours (000 六 4:
 * 48 小时). Tied to an order when one is named (it must be the elder's); otherwise to the provider
 * serving the elder's latest order.
 */
export async function fileComplaint(
  prisma: PrismaClient,
  actor: Actor,
  input: { elderId: string; orderId?: string | null; content: string },
  now: Date,
  onAlert: (e: AlertEvent) => void = () => {},
) {
  const elder = await assertElderInScope(prisma, authorize(actor, 'fileComplaint'), input.elderId);
  const content = input.content?.trim() ?? '';
  if (content.length < 5 || content.length > 1000) throw badInput('content', '请用 5 到 1000 字说明投诉的事情。');
  let providerId: string | null = null;
  if (input.orderId) {
    const order = await prisma.order.findUnique({ where: { id: input.orderId } });
    if (!order || order.elderId !== elder.id) throw badInput('orderId', '这张工单不是这位老人的。');
    providerId = order.providerId;
  } else {
    providerId =
      (
        await prisma.order.findFirst({
          where: { elderId: elder.id, providerId: { not: null } },
          orderBy: { id: 'desc' },
        })
      )?.providerId ?? null;
  }
  const doc = await policyOfElder(prisma, elder.id);
  const dueAt = new Date(now.getTime() + (doc?.timeLimits.complaintHours ?? DEFAULT_HOURS) * HOUR);
  const { complaint, alert } = await prisma.$transaction(async (tx) => {
    const complaint = await tx.complaint.create({
      data: {
        elderId: elder.id,
        orderId: input.orderId ?? null,
        providerId,
        content,
        filedById: actor.userId,
        dueAt,
        createdAt: now,
      },
    });
    // The community hears at once (one open COMPLAINT alert per elder; a second complaint joins it).
    const alert = await raiseAlert(tx, {
      elderId: elder.id,
      kind: 'COMPLAINT',
      detail: { complaintId: complaint.id },
      at: now,
    });
    await notify(tx, [...(await elderAudience(tx, elder.id)), actor.userId], {
      elderId: elder.id,
      kind: 'COMPLAINT_UPDATED',
      title: '投诉已受理',
      body: `关于${elder.name}的投诉已登记，将在 ${formatCn(dueAt)} 前处理。`,
      dedupe: `complaint:${complaint.id}:filed`,
      complaintId: complaint.id,
      orderId: complaint.orderId,
    });
    await audit(tx, actor, {
      action: 'COMPLAINT_FILED',
      entity: 'Complaint',
      entityId: complaint.id,
      detail: { orderId: input.orderId ?? null },
    });
    return { complaint, alert };
  });
  if (alert) onAlert(alert);
  return complaint;
}

/** The provider answers a complaint about its service. */
export async function respondToComplaint(prisma: PrismaClient, actor: Actor, id: string, response: string, now: Date) {
  authorize(actor, 'respondToComplaint');
  const complaint = await prisma.complaint.findUnique({ where: { id }, include: { elder: true } });
  if (!complaint) return fail(ErrorCode.NOT_FOUND, '没有找到这条投诉。');
  authorize(actor, 'respondToComplaint', { providerIds: [complaint.providerId] });
  const text = response?.trim() ?? '';
  if (text.length < 5 || text.length > 1000) throw badInput('response', '请用 5 到 1000 字说明处理情况。');
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.complaint.updateMany({
      where: { id, status: 'OPEN' },
      data: { status: 'RESPONDED', response: text, respondedAt: now },
    });
    if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, '这条投诉已经答复或办结了。');
    await notify(tx, [...(await elderAudience(tx, complaint.elderId)), complaint.filedById], {
      elderId: complaint.elderId,
      kind: 'COMPLAINT_UPDATED',
      title: '投诉有了答复',
      body: `服务机构答复：${text}`,
      dedupe: `complaint:${id}:responded:${complaint.revisits}`,
      complaintId: id,
      orderId: complaint.orderId,
    });
    await audit(tx, actor, { action: 'COMPLAINT_RESPONDED', entity: 'Complaint', entityId: id });
    return tx.complaint.findUniqueOrThrow({ where: { id } });
  });
}

/**
 * The revisit (000 六 4: 再次回访直到老人满意): satisfied closes the complaint; not satisfied sends it
 * back to the provider with a new deadline where the programme requires revisits until satisfied.
 * A complaint found to be the provider's fault counts toward the programme's suspension threshold.
 */
/** The revisit's note (回访情况): optional for the hotline's quick close, trimmed, at most 500 characters. */
function revisitNoteOf(raw: string | null | undefined): string | null {
  const note = raw?.trim() ?? '';
  if ([...note].length > 500) throw badInput('note', '回访情况最多 500 个字，请精简后再提交。');
  return note || null;
}

export async function closeComplaint(
  prisma: PrismaClient,
  actor: Actor,
  id: string,
  satisfied: boolean,
  providerAtFault: boolean,
  now: Date,
  rawNote?: string | null,
  events?: EventBus,
) {
  const grant = authorize(actor, 'closeComplaint');
  const note = revisitNoteOf(rawNote);
  const complaint = await prisma.complaint.findUnique({ where: { id } });
  if (!complaint) return fail(ErrorCode.NOT_FOUND, '没有找到这条投诉。');
  await assertElderInScope(prisma, grant, complaint.elderId);
  const doc = await policyOfElder(prisma, complaint.elderId);
  const reopen = !satisfied && (doc?.timeLimits.complaintRevisitUntilSatisfied ?? true);
  const result = await prisma.$transaction(async (tx) => {
    const claimed = await tx.complaint.updateMany({
      where: { id, status: 'RESPONDED' },
      data: reopen
        ? {
            status: 'OPEN',
            revisits: { increment: 1 },
            ...(note ? { revisitNote: note } : {}),
            satisfied: false,
            providerAtFault: providerAtFault || complaint.providerAtFault === true,
            dueAt: new Date(now.getTime() + (doc?.timeLimits.complaintHours ?? DEFAULT_HOURS) * HOUR),
          }
        : {
            status: 'CLOSED',
            revisits: { increment: 1 },
            ...(note ? { revisitNote: note } : {}),
            satisfied,
            providerAtFault: providerAtFault || complaint.providerAtFault === true,
            closedAt: now,
          },
    });
    if (claimed.count !== 1)
      fail(
        ErrorCode.INVALID_STATE,
        complaint.status === 'OPEN' ? '服务机构还没有答复，答复后再回访。' : '这条投诉已经办结了。',
      );
    const after = await tx.complaint.findUniqueOrThrow({ where: { id }, include: { elder: true } });
    await notify(tx, [...(await elderAudience(tx, after.elderId)), after.filedById], {
      elderId: after.elderId,
      kind: 'COMPLAINT_UPDATED',
      title: reopen ? '投诉重新处理' : '投诉已办结',
      body: reopen
        ? `回访未满意，已要求服务机构在 ${formatCn(after.dueAt)} 前重新处理。`
        : `关于${after.elder.name}的投诉已办结，感谢您的反馈。`,
      dedupe: `complaint:${id}:revisit:${after.revisits}`,
      complaintId: id,
      orderId: after.orderId,
    });
    if (!reopen)
      await tx.alert.updateMany({
        where: { elderId: after.elderId, kind: 'COMPLAINT', status: { not: 'RESOLVED' } },
        data: {
          status: 'RESOLVED',
          resolvedAt: now,
          resolvedById: actor.userId,
          outcome: satisfied ? '投诉已办结，老人满意' : '投诉已办结',
        },
      });
    await audit(tx, actor, {
      action: reopen ? 'COMPLAINT_REOPENED' : 'COMPLAINT_CLOSED',
      entity: 'Complaint',
      entityId: id,
      detail: { satisfied, providerAtFault, note },
    });
    if (after.providerAtFault && after.providerId && complaint.providerAtFault !== true)
      await suspendForComplaints(tx, actor, after.providerId, doc, now);
    return after;
  });
  // 002 二(三)10: a complaint found at fault the first time goes on the provider's credit record (after commit).
  if (result.providerAtFault && result.providerId && complaint.providerAtFault !== true)
    await events?.publish('complaint.atFault', {
      complaintId: id,
      elderId: result.elderId,
      providerId: result.providerId,
      orderId: result.orderId,
      at: now,
    });
  return result;
}

/**
 * Complaints past their deadline and not closed (000 六 4), published for the areas that keep records of it (the
 * credit record, 002 二(三)10). Run with the alert sweep; a listener records each complaint once.
 */
export async function publishOverdueComplaints(prisma: PrismaClient, events: EventBus, now: Date) {
  const overdue = await prisma.complaint.findMany({ where: { status: { not: 'CLOSED' }, dueAt: { lt: now } } });
  for (const c of overdue)
    await events.publish('complaint.overdue', {
      complaintId: c.id,
      elderId: c.elderId,
      providerId: c.providerId,
      orderId: c.orderId,
      dueAt: c.dueAt,
      at: now,
    });
  return overdue.length;
}

const formatCn = (d: Date) => {
  const s = new Date(d.getTime() + 8 * HOUR).toISOString();
  return `${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日 ${s.slice(11, 16)}`;
};

export async function listComplaints(
  prisma: PrismaClient,
  actor: Actor,
  filter: { status?: string | null; elderId?: string | null },
  page: PageArgs,
) {
  const { take, afterId } = pageWindow(page);
  const grant = authorize(actor, 'complaints');
  const scope: Prisma.ComplaintWhereInput =
    grant.scope === 'PROVIDER' ? { providerId: actor.providerId! } : { elder: elderScope(grant) };
  const where: Prisma.ComplaintWhereInput = {
    AND: [
      scope,
      filter.status ? { status: filter.status as never } : {},
      filter.elderId ? { elderId: filter.elderId } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.complaint.findMany({
      where: { AND: [where, afterId ? { id: { lt: afterId } } : {}] },
      orderBy: { id: 'desc' },
      take: take + 1,
    }),
    prisma.complaint.count({ where }),
  ]);
  return toConnection(rows, take, total);
}
