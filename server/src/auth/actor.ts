import { type Role } from '../common/enums.js';
import { ErrorCode, fail } from '../common/errors.js';

/** Who is calling, with the scope their role gives them (docs/ARCHITECTURE.md, "Roles and scope"). */
export interface Actor {
  userId: string;
  role: Role;
  displayName: string;
  /** Officials and workers: the region they cover, as a materialised code path. */
  regionPath?: string;
  providerId?: string;
  elderId?: string;
  qaAgencyId?: string;
  /** Set when the group-chat bot acts for a bound worker: orders are recorded as channel BOT. */
  channel?: 'BOT';
  /** The bot's service account behind an acting actor. */
  viaUserId?: string;
}

export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) fail(ErrorCode.UNAUTHENTICATED);
  return actor as Actor;
}
