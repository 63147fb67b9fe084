// The inbox of families, elders and officials. Every notice has a dedupe key, so the same event
// never lands twice however often it is raised.
import { type Actor, authorize } from '../auth/index.js';
import { ErrorCode, fail } from '../common/errors.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import { POLICY_STAMP, policyDocumentOf } from '../policies/index.js';

export interface NoticeInput {
  elderId?: string | null;
  kind: string;
  title: string;
  body: string;
  /** Unique per recipient: `${dedupe}:${userId}`. */
  dedupe: string;
  /** What the notice is about: the family taps it to open the order or the complaint (issue 25). */
  orderId?: string | null;
  complaintId?: string | null;
  /** Photos that go with it (the visit's), shown as images; never written into the body as paths. */
  photoFileIds?: readonly string[];
}

/**
 * The service hotline of the elder's programme (003 二(二)2, 三(三) 统一服务受理号码: 12349 for Luoyang), added
 * to the notice's body so every notice about an elder of such a programme carries the number.
 */
async function withHotline(tx: Tx | PrismaClient, n: NoticeInput): Promise<string> {
  if (!n.elderId) return n.body;
  const enrolment = await tx.enrolment.findFirst({
    where: { elderId: n.elderId, status: 'ACTIVE' },
    select: { policy: { select: POLICY_STAMP } },
    orderBy: { startedOn: 'desc' },
  });
  const hotline = enrolment ? (await policyDocumentOf(tx, enrolment.policy)).calls?.hotline : undefined;
  if (!hotline || n.body.includes(hotline.phone)) return n.body;
  return `${n.body}（${hotline.name}：${hotline.phone}）`;
}

export async function notify(tx: Tx | PrismaClient, userIds: readonly string[], n: NoticeInput) {
  const unique = [...new Set(userIds)];
  if (!unique.length) return 0;
  const body = await withHotline(tx, n);
  const r = await tx.notice.createMany({
    data: unique.map((userId) => ({
      userId,
      elderId: n.elderId ?? null,
      kind: n.kind,
      title: n.title,
      orderId: n.orderId ?? null,
      complaintId: n.complaintId ?? null,
      photoFileIds: [...(n.photoFileIds ?? [])],
      body,
      dedupeKey: `${n.dedupe}:${userId}`,
    })),
    skipDuplicates: true,
  });
  return r.count;
}

/** Who hears about an elder: their family members and the elder's own account. */
export async function elderAudience(tx: Tx | PrismaClient, elderId: string): Promise<string[]> {
  // One statement (relation joins): the check-out's notice is on a visit's path (issue 22).
  const elder = await tx.elder.findUnique({
    where: { id: elderId },
    select: { family: { select: { userId: true } }, selfUser: { select: { id: true, active: true } } },
  });
  if (!elder) return [];
  return [...elder.family.map((f) => f.userId), ...(elder.selfUser?.active ? [elder.selfUser.id] : [])];
}

export async function myNotices(prisma: PrismaClient, actor: Actor, page: PageArgs & { unreadOnly?: boolean | null }) {
  const { take, afterId } = pageWindow(page);
  const where = { userId: actor.userId, ...(page.unreadOnly ? { readAt: null } : {}) };
  const [rows, total] = await Promise.all([
    prisma.notice.findMany({
      where: { ...where, ...(afterId ? { id: { lt: afterId } } : {}) },
      orderBy: { id: 'desc' },
      take: take + 1,
    }),
    prisma.notice.count({ where }),
  ]);
  return toConnection(rows, take, total);
}

export async function markNoticeRead(prisma: PrismaClient, actor: Actor, id: string, now: Date) {
  authorize(actor, 'markNoticeRead');
  const n = await prisma.notice.findUnique({ where: { id } });
  if (!n) return fail(ErrorCode.NOT_FOUND, '没有找到这条通知。');
  authorize(actor, 'markNoticeRead', { ownerUserIds: [n.userId] });
  return n.readAt ? n : prisma.notice.update({ where: { id }, data: { readAt: now } });
}
