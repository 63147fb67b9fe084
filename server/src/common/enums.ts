// Domain enums shared by GraphQL types and services. Their values equal the Prisma enums', so
// services pass them to the database unchanged; types and resolvers never import Prisma.
export const enumOf = <const T extends readonly string[]>(...values: T) =>
  Object.fromEntries(values.map((v) => [v, v])) as { readonly [K in T[number]]: K };

export const Role = enumOf(
  'ELDER',
  'FAMILY',
  'COMMUNITY_WORKER',
  'STREET_OFFICER',
  'DISTRICT_ADMIN',
  'PROVIDER_ADMIN',
  'CAREGIVER',
  'OPERATOR',
  'QA_AGENCY',
  'BOT',
);
export type Role = keyof typeof Role;

export const Gender = enumOf('MALE', 'FEMALE');
export type Gender = keyof typeof Gender;

export const ElderStatus = enumOf('REGISTERED', 'ENROLLED', 'TERMINATED', 'DECEASED');
export type ElderStatus = keyof typeof ElderStatus;

export const SelfCareAbility = enumOf('SELF_CARE', 'PARTIAL', 'DISABLED');
export type SelfCareAbility = keyof typeof SelfCareAbility;

export const LivingSituation = enumOf('ALONE', 'WITH_SPOUSE', 'WITH_CHILDREN', 'OTHER');
export type LivingSituation = keyof typeof LivingSituation;

/** Flags the eligibility rules read (policy documents use the same vocabulary). */
export const ElderFlag = enumOf(
  'LOW_INCOME',
  'EXTREME_POVERTY',
  'SCATTERED_SUPPORT',
  'LOST_ONLY_CHILD',
  'ONLY_CHILD_DISABLED_GRADE_2_PLUS',
  'DISABILITY_GRADE_1_2',
  'LONG_TERM_CARE_INSURANCE',
);
export type ElderFlag = keyof typeof ElderFlag;

export const RegionLevel = enumOf('PROVINCE', 'CITY', 'DISTRICT', 'STREET', 'COMMUNITY');
export type RegionLevel = keyof typeof RegionLevel;

export const ServiceMode = enumOf('ONLINE', 'OFFLINE');
export type ServiceMode = keyof typeof ServiceMode;

export const AccountKind = enumOf('SUBSIDY_ONLINE', 'SUBSIDY_OFFLINE', 'SUBSIDY_HOURS', 'SELF_PAID');
export type AccountKind = keyof typeof AccountKind;

export const TransactionKind = enumOf('ALLOWANCE', 'EXPIRY', 'CLEARING', 'TOP_UP', 'CHARGE', 'REFUND', 'REVERSAL');
export type TransactionKind = keyof typeof TransactionKind;

export const TopUpStatus = enumOf('CREATED', 'PAID', 'CLOSED', 'REFUNDED');
export type TopUpStatus = keyof typeof TopUpStatus;

export const Unit = enumOf('FEN', 'MINUTE');
export type Unit = keyof typeof Unit;

export const EnrolmentStatus = enumOf('ACTIVE', 'TERMINATED');
export type EnrolmentStatus = keyof typeof EnrolmentStatus;

export const ProviderStatus = enumOf('ACTIVE', 'SUSPENDED', 'TERMINATED');
export type ProviderStatus = keyof typeof ProviderStatus;
