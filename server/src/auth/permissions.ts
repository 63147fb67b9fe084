// Who may do what: one table of every action the API offers (each Query, Mutation and
// Subscription root field, the elder fields that carry personal data, and the two HTTP routes),
// the roles permitted, and for each role the scope rule that bounds its targets. Services assert
// it with `authorize(actor, action, target?)` before they read or change anything; the
// authorization-matrix test (permissions.matrix.test.ts) is generated from it, and fails when the
// schema has an operation the table does not name. The idea, not the code, follows GraphQL Hive's
// console: one table of permitted actions plus an assertion.
import { Role } from '../common/enums.js';
import { ErrorCode, fail } from '../common/errors.js';
import { pathWithin } from '../regions/index.js';
import type { Actor } from './actor.js';
import { REGISTRY_ROWS } from './permissions.rows.registry.js';
import { SERVICE_ROWS } from './permissions.rows.services.js';
import { CAREBED_ROWS } from './permissions.rows.carebeds.js';
import { FACILITY_ROWS } from './permissions.rows.facilities.js';
import { HELP_ROWS } from './permissions.rows.help.js';
import { AUDIT_ROWS } from './permissions.rows.audit.js';

/**
 * What bounds a permitted role's targets. Lists are filtered by the same rule (elderScope,
 * orderScope); a single target is checked against it.
 */
export type Scope =
  /**
   * Within the caller's region (its code path): a worker's community, an officer's street,
   * an admin's or operator's district.
   */
  | 'REGION'
  /** A family member: the elders linked to them by a worker's link code. */
  | 'LINKED_ELDERS'
  /** A family member linked to the elder and marked as its payer. */
  | 'PAYER'
  /** An elder: their own record. */
  | 'SELF'
  /** Provider staff: the provider's orders, and the elders of those orders. */
  | 'PROVIDER'
  /** A caregiver: the orders assigned to them, and the elders of those orders. */
  | 'OWN_VISITS'
  /** An evaluation agency: providers it has no relation to. */
  | 'QA_AGENCY'
  /** The bot's own account: communities where its deployment has bound a group. */
  | 'BOT_ROOMS'
  /** Any signed-in account: only what is its own (its notices, consents, the top-ups it paid). */
  | 'OWN_ACCOUNT'
  /** Any signed-in account, any target (objections while a public notice runs). */
  | 'ANY';

export interface Rule {
  /** The roles permitted, each with the scope that bounds it. A role not listed is refused. */
  roles: Partial<Record<Role, Scope>>;
  /** No sign-in needed: public government information and the logins. */
  anyone?: true;
  /** What a role that is not permitted is told: who does this instead. */
  refusal?: string;
  /** Roles refused with a more specific code than FORBIDDEN. */
  refuse?: Partial<Record<Role, ErrorCode>>;
  /** A target outside the scope is FORBIDDEN, or hidden as NOT_FOUND where saying it exists says too much. */
  outOfScope?: ErrorCode.NOT_FOUND;
  /** The message for a target outside the scope. */
  outOfScopeMessage?: string;
}

/** What the scope rules look at in a target; services fill in what the action's scope needs. */
export interface Target {
  /** The community path of the elder (or alert, settlement's provider, region) concerned. */
  regionPath?: string | null;
  elderId?: string | null;
  /** Family members linked to the elder. */
  familyUserIds?: readonly string[];
  /** Family members linked to the elder as payers. */
  payerUserIds?: readonly string[];
  /** Providers serving the target: an order's, or those with orders for the elder. */
  providerIds?: readonly (string | null)[];
  /** Caregivers' accounts assigned to the target's orders. */
  caregiverUserIds?: readonly (string | null)[];
  /** Accounts the target belongs to: a notice's recipient, a top-up's payer. */
  ownerUserIds?: readonly string[];
  /** Bot accounts with a bound group in the target's community. */
  botUserIds?: readonly string[];
  /** Evaluation agencies related to the provider (who may not evaluate it). */
  relatedQaAgencyIds?: readonly string[];
  /** The only role that may act on the target now (the programme's reviewer for an application's stage). */
  onlyRole?: { role: Role | undefined; refusal: string };
}

/** The table, composed from its rows by area (permissions.rows.*.ts). */
export const PERMISSIONS = {
  ...REGISTRY_ROWS,
  ...SERVICE_ROWS,
  ...FACILITY_ROWS,
  ...CAREBED_ROWS,
  ...HELP_ROWS,
  ...AUDIT_ROWS,
} satisfies Record<string, Rule>;

export type Action = keyof typeof PERMISSIONS;

export const ruleOf = (action: Action): Rule => PERMISSIONS[action];

/** A permitted caller and the scope its role has for the action. */
export interface Grant {
  actor: Actor;
  action: Action;
  scope: Scope;
}

/** What the caller's own record must carry for a scope to mean anything. */
function hasScopeData(actor: Actor, scope: Scope): boolean {
  if (scope === 'REGION') return !!actor.regionPath;
  if (scope === 'SELF') return !!actor.elderId;
  if (scope === 'PROVIDER') return !!actor.providerId;
  if (scope === 'QA_AGENCY') return !!actor.qaAgencyId;
  return true;
}

/** The message for a target outside the grant's scope, where the table names one. */
export const outOfScopeMessage = (grant: Grant, fallback: string) => ruleOf(grant.action).outOfScopeMessage ?? fallback;

/** True when the target lies within the scope the grant gives. */
export function withinScope(grant: Grant, t: Target): boolean {
  const a = grant.actor;
  switch (grant.scope) {
    case 'ANY':
      return true;
    case 'REGION':
      return !!t.regionPath && !!a.regionPath && pathWithin(t.regionPath, a.regionPath);
    case 'LINKED_ELDERS':
      return !!t.familyUserIds?.includes(a.userId);
    case 'PAYER':
      return !!t.payerUserIds?.includes(a.userId);
    case 'SELF':
      return !!a.elderId && t.elderId === a.elderId;
    case 'PROVIDER':
      return !!a.providerId && !!t.providerIds?.includes(a.providerId);
    case 'OWN_VISITS':
      return !!t.caregiverUserIds?.includes(a.userId);
    case 'QA_AGENCY':
      return !!a.qaAgencyId && !t.relatedQaAgencyIds?.includes(a.qaAgencyId);
    case 'BOT_ROOMS':
      return !!t.botUserIds?.includes(a.userId);
    case 'OWN_ACCOUNT':
      return !!t.ownerUserIds?.includes(a.userId);
  }
}

export type Verdict = { allowed: true; grant: Grant } | { allowed: false; code: ErrorCode; message?: string };

/** The table's answer, without throwing: for `authorize`, and for the matrix test's expectations. */
export function permits(actor: Actor | null | undefined, action: Action, target?: Target): Verdict {
  const rule = ruleOf(action);
  if (!actor) return { allowed: false, code: ErrorCode.UNAUTHENTICATED };
  const scope = rule.roles[actor.role];
  if (!scope || !hasScopeData(actor, scope))
    return {
      allowed: false,
      code: rule.refuse?.[actor.role] ?? ErrorCode.FORBIDDEN,
      message: rule.refuse?.[actor.role] ? undefined : rule.refusal,
    };
  const grant = { actor, action, scope };
  if (target) {
    if (!withinScope(grant, target))
      return { allowed: false, code: rule.outOfScope ?? ErrorCode.FORBIDDEN, message: rule.outOfScopeMessage };
    if (target.onlyRole && target.onlyRole.role !== actor.role)
      return { allowed: false, code: ErrorCode.FORBIDDEN, message: target.onlyRole.refusal };
  }
  return { allowed: true, grant };
}

/**
 * Asserts the table: the caller is signed in (UNAUTHENTICATED), its role may perform the action
 * (FORBIDDEN with the action's message, or the role's own code), and the target, when given, lies
 * within its scope (FORBIDDEN, or NOT_FOUND where the action hides what is out of scope). Call it
 * before reading or changing anything, so a refused request changes nothing.
 */
export function authorize(actor: Actor | null | undefined, action: Action, target?: Target): Grant {
  const v = permits(actor, action, target);
  if (!v.allowed) return fail(v.code, v.message);
  return v.grant;
}
