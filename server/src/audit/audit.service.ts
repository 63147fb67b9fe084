import type { Role } from '../common/enums.js';
import type { Tx } from '../db/database.js';
import type { Prisma } from '../db/prisma.js';

/** Who acted, as audit needs it (structurally an auth Actor; audit sits below auth, so it names no auth type). */
export interface AuditActor {
  readonly userId: string;
  readonly role: Role;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string;
  detail?: Prisma.InputJsonValue;
}

/** Writes who did what, when, to what. Callers pass their transaction so the record commits with the change. */
export async function audit(tx: Tx, actor: AuditActor | null, entry: AuditEntry): Promise<void> {
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
