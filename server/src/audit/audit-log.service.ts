// Reading the audit log: the district sees what accounts of its area did, newest first.
import { authorize, type Actor } from '../auth/index.js';
import { badInput } from '../common/errors.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { subtreeOf } from '../regions/index.js';

export interface AuditFilterInput {
  action?: string | null;
  entity?: string | null;
  entityId?: string | null;
  since?: Date | null;
  until?: Date | null;
}

const NAME = /^[A-Za-z_]{1,64}$/;

export async function listAuditLog(prisma: PrismaClient, actor: Actor, filter: AuditFilterInput, page: PageArgs) {
  const grant = authorize(actor, 'auditLog');
  // Checked before any query: the names are the code's own constants, never free text.
  if (filter.action && !NAME.test(filter.action))
    throw badInput('action', '操作名称应为英文大写，如 SETTLEMENT_APPROVED。');
  if (filter.entity && !NAME.test(filter.entity)) throw badInput('entity', '对象类型应为英文，如 Settlement。');
  if (filter.since && filter.until && filter.since >= filter.until) throw badInput('until', '截止时间应晚于起始时间。');
  const { take, afterId } = pageWindow(page);
  const where: Prisma.AuditLogWhereInput = {
    AND: [
      { actor: { region: subtreeOf(grant.actor.regionPath!) } },
      filter.action ? { action: filter.action } : {},
      filter.entity ? { entity: filter.entity } : {},
      filter.entityId ? { entityId: filter.entityId } : {},
      filter.since ? { at: { gte: filter.since } } : {},
      filter.until ? { at: { lt: filter.until } } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.auditLog.findMany({
      where: { AND: [where, afterId ? { id: { lt: afterId } } : {}] },
      orderBy: { id: 'desc' },
      take: take + 1,
      include: { actor: { select: { displayName: true } } },
    }),
    prisma.auditLog.count({ where }),
  ]);
  const entries = rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    actorName: r.actor?.displayName ?? null,
    actorRole: r.actorRole,
    detail: r.detail === null ? null : JSON.stringify(r.detail),
  }));
  return toConnection(entries, take, total);
}
