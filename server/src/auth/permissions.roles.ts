// The role groups and refusal messages the permission table's rows share (see permissions.ts).
import { Role } from '../common/enums.js';
import type { Rule, Scope } from './permissions.types.js';

/** Every role, with one scope. */
export const every = (scope: Scope) =>
  Object.fromEntries(Object.keys(Role).map((r) => [r, scope])) as Record<Role, Scope>;

/** Community workers, street officers and district admins: the officials of the registry and enrolment. */
export const OFFICIALS = { COMMUNITY_WORKER: 'REGION', STREET_OFFICER: 'REGION', DISTRICT_ADMIN: 'REGION' } as const;
/** The officials and the call centre: everyone who covers a region. */
export const STAFF = { ...OFFICIALS, OPERATOR: 'REGION' } as const;
/** The elder and their family. */
export const HOUSEHOLD = { ELDER: 'SELF', FAMILY: 'LINKED_ELDERS' } as const;
/** Everyone who sees elders: staff, household, and the provider and caregivers serving them. */
export const ELDER_VIEWERS = { ...STAFF, ...HOUSEHOLD, PROVIDER_ADMIN: 'PROVIDER', CAREGIVER: 'OWN_VISITS' } as const;
/** Who may order for an elder (000 六: the elder or family in the mini-program, a worker, the hotline). */
export const ORDERERS = { ...HOUSEHOLD, COMMUNITY_WORKER: 'REGION', OPERATOR: 'REGION' } as const;
export const DISTRICT = { DISTRICT_ADMIN: 'REGION' } as const;
export const BOT = { BOT: 'BOT_ROOMS' } as const;
export const PUBLIC: Rule = { roles: {}, anyone: true };

export const ALERT_STAFF = '告警由社区、街道或呼叫中心处理。';
export const SETTLEMENT = '结算由区（县）民政部门办理。';
export const BOT_ONLY = '仅限群机器人调用。';
export const ORDERING = '只有老人、家属、社区工作人员和热线客服可以下单。';
export const ELDER_OUT = '这位老人不在您的服务范围内。';
export const ORDER_OUT = '这张工单不在您的办理范围内。';
export const PROVIDERS = '服务机构信息由区（县）民政部门、街道和机构本身查看。';
export const PROVIDER_OUT = '这家服务机构不在您的管辖范围内。';
export const PURCHASER = '服务机构的登记、签约和服务片区由区（县）民政部门（购买主体）办理。';
export const CAREGIVERS = '护理员由所在服务机构的管理员登记和管理。';
export const SANCTIONS = '约谈、整改核查、暂停、恢复和终止合同由区（县）民政部门办理。';
export const HOUSEHOLD_AND_STAFF = (what: string) =>
  `${what}只有老人本人、家属和社区、街道、民政、热线工作人员可以查看。`;
