import { type Role } from '../common/enums.js';
import { ErrorCode, fail } from '../common/errors.js';
import { pathWithin } from '../regions/regions.service.js';

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

export const REGION_ROLES: readonly Role[] = ['COMMUNITY_WORKER', 'STREET_OFFICER', 'DISTRICT_ADMIN', 'OPERATOR'];

/** Roles whose work needs the full ID number (applications, registry checks); each view is audited. */
export const FULL_ID_ROLES: readonly Role[] = ['COMMUNITY_WORKER', 'STREET_OFFICER', 'DISTRICT_ADMIN'];

export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) fail(ErrorCode.UNAUTHENTICATED);
  return actor as Actor;
}

export function requireRole(actor: Actor | null | undefined, roles: readonly Role[]): Actor {
  const a = requireActor(actor);
  if (!roles.includes(a.role)) fail(ErrorCode.FORBIDDEN);
  return a;
}

/** True when `path` (a region's code path) lies within the actor's region. */
export function coversRegion(actor: Actor, path: string): boolean {
  return !!actor.regionPath && pathWithin(path, actor.regionPath);
}
