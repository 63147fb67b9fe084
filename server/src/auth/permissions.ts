// Who may do what: one table of every action the API offers (each Query, Mutation and
// Subscription root field, the elder fields that carry personal data, and the two HTTP routes),
// the roles permitted, and for each role the scope rule that bounds its targets. Services assert
// it with `authorize(actor, action, target?)` before they read or change anything; the
// authorization-matrix test (permissions.matrix.test.ts) is generated from it, and fails when the
// schema has an operation the table does not name. The idea, not the code, follows GraphQL Hive's
// console: one table of permitted actions plus an assertion.
import { ErrorCode, fail } from '../common/errors.js';
import { pathWithin } from '../regions/index.js';
import type { Actor } from './actor.js';
import type { Rule, Scope, Target } from './permissions.types.js';
import { REGISTRY_ROWS } from './permissions.rows.registry.js';
import { SERVICE_ROWS } from './permissions.rows.services.js';
import { CAREBED_ROWS } from './permissions.rows.carebeds.js';
import { FACILITY_ROWS } from './permissions.rows.facilities.js';
import { HOMECARE_ROWS } from './permissions.rows.homecare.js';
import { HELP_ROWS } from './permissions.rows.help.js';
import { SUPERVISION_ROWS } from './permissions.rows.supervision.js';
import { AUDIT_ROWS } from './permissions.rows.audit.js';
import { GOAL_ROWS } from './permissions.rows.goals.js';
import { MEAL_ROWS } from './permissions.rows.meals.js';
import { TRAINING_ROWS } from './permissions.rows.training.js';
import { CREDIT_ROWS } from './permissions.rows.credit.js';
import { ANALYSIS_ROWS } from './permissions.rows.analysis.js';

export type { Rule, Scope, Target } from './permissions.types.js';

/** The table, composed from its rows by area (permissions.rows.*.ts). */
export const PERMISSIONS = {
  ...REGISTRY_ROWS,
  ...SERVICE_ROWS,
  ...FACILITY_ROWS,
  ...HOMECARE_ROWS,
  ...CAREBED_ROWS,
  ...HELP_ROWS,
  ...SUPERVISION_ROWS,
  ...AUDIT_ROWS,
  ...GOAL_ROWS,
  ...MEAL_ROWS,
  ...TRAINING_ROWS,
  ...CREDIT_ROWS,
  ...ANALYSIS_ROWS,
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
