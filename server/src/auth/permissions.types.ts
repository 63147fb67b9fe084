// The shapes of the permission table (permissions.ts) and its rows (permissions.rows.*.ts), apart so that
// the rows name them without importing the table they are composed into.
import type { Role } from '../common/enums.js';
import type { ErrorCode } from '../common/errors.js';

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
