import type { Actor } from '../auth/index.js';
import type { Tx } from '../db/database.js';
import type { Prisma } from '../db/prisma.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string;
  detail?: Prisma.InputJsonValue;
}

/** Writes who did what, when, to what. Callers pass their transaction so the record commits with the change. */
export async function audit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      detail: entry.detail,
    },
  });
}
