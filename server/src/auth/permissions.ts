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

/**
 * What bounds a permitted role's targets. Lists are filtered by the same rule (elderScope,
 * orderScope); a single target is checked against it.
 */
export type Scope =
  /** Within the caller's region (its code path): a worker's community, an officer's street, an admin's or operator's district. */
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

/** Every role, with one scope. */
const every = (scope: Scope) => Object.fromEntries(Object.keys(Role).map((r) => [r, scope])) as Record<Role, Scope>;

/** Community workers, street officers and district admins: the officials of the registry and enrolment. */
const OFFICIALS = { COMMUNITY_WORKER: 'REGION', STREET_OFFICER: 'REGION', DISTRICT_ADMIN: 'REGION' } as const;
/** The officials and the call centre: everyone who covers a region. */
const STAFF = { ...OFFICIALS, OPERATOR: 'REGION' } as const;
/** The elder and their family. */
const HOUSEHOLD = { ELDER: 'SELF', FAMILY: 'LINKED_ELDERS' } as const;
/** Everyone who sees elders: staff, household, and the provider and caregivers serving them. */
const ELDER_VIEWERS = { ...STAFF, ...HOUSEHOLD, PROVIDER_ADMIN: 'PROVIDER', CAREGIVER: 'OWN_VISITS' } as const;
/** Who may order for an elder (000 六: the elder or family in the mini-program, a worker, the hotline). */
const ORDERERS = { ...HOUSEHOLD, COMMUNITY_WORKER: 'REGION', OPERATOR: 'REGION' } as const;
const DISTRICT = { DISTRICT_ADMIN: 'REGION' } as const;
const BOT = { BOT: 'BOT_ROOMS' } as const;
const PUBLIC: Rule = { roles: {}, anyone: true };

const ALERT_STAFF = '告警由社区、街道或呼叫中心处理。';
const SETTLEMENT = '结算由区（县）民政部门办理。';
const BOT_ONLY = '仅限群机器人调用。';
const ORDERING = '只有老人、家属、社区工作人员和热线客服可以下单。';
const ELDER_OUT = '这位老人不在您的服务范围内。';
const ORDER_OUT = '这张工单不在您的办理范围内。';
const PROVIDERS = '服务机构信息由区（县）民政部门、街道和机构本身查看。';
const PROVIDER_OUT = '这家服务机构不在您的管辖范围内。';
const PURCHASER = '服务机构的登记、签约和服务片区由区（县）民政部门（购买主体）办理。';
const CAREGIVERS = '护理员由所在服务机构的管理员登记和管理。';
const SANCTIONS = '约谈、整改核查、暂停、恢复和终止合同由区（县）民政部门办理。';
const HOUSEHOLD_AND_STAFF = (what: string) => `${what}只有老人本人、家属和社区、街道、民政、热线工作人员可以查看。`;

export const PERMISSIONS = {
  // Public: the programmes and the service guide are government information; logins.
  policies: PUBLIC,
  serviceGuide: PUBLIC,
  regions: PUBLIC,
  familyRelations: PUBLIC,
  messageTemplates: PUBLIC,
  me: PUBLIC,
  passwordLogin: PUBLIC,
  wechatLogin: PUBLIC,
  requestLoginCode: PUBLIC,
  phoneLogin: PUBLIC,

  // Any account, its own things.
  notices: { roles: every('OWN_ACCOUNT') },
  markNoticeRead: {
    roles: every('OWN_ACCOUNT'),
    outOfScope: ErrorCode.NOT_FOUND,
    outOfScopeMessage: '没有找到这条通知。',
  },
  recordMessageConsents: { roles: every('OWN_ACCOUNT') },
  topUp: {
    roles: { ...every('OWN_ACCOUNT'), ELDER: 'SELF' },
    outOfScope: ErrorCode.NOT_FOUND,
    outOfScopeMessage: '没有找到这笔充值。',
  },
  sandboxPayTopUp: {
    roles: { ...every('OWN_ACCOUNT'), ELDER: 'SELF' },
    outOfScope: ErrorCode.NOT_FOUND,
    outOfScopeMessage: '没有找到这笔充值。',
  },

  // The registry.
  elders: { roles: ELDER_VIEWERS, refusal: '您的角色不能查看老人信息。' },
  elder: { roles: ELDER_VIEWERS, refusal: '您的角色不能查看老人信息。', outOfScopeMessage: ELDER_OUT },
  registerElder: { roles: OFFICIALS, refusal: '只有社区工作人员或民政部门可以登记老人。' },
  homeQrToken: { roles: OFFICIALS, refusal: '上门二维码由社区工作人员打印。', outOfScopeMessage: ELDER_OUT },
  // The canteens an elder can eat at (000 四 集中就餐): whoever sees the elder.
  canteens: { roles: ELDER_VIEWERS, refusal: '您的角色不能查看老人信息。', outOfScopeMessage: ELDER_OUT },
  issueFamilyLinkCode: { roles: OFFICIALS, refusal: '家属关联码由社区工作人员发放。', outOfScopeMessage: ELDER_OUT },
  linkElder: { roles: { FAMILY: 'OWN_ACCOUNT' }, refusal: '只有家属账号可以关联老人。' },
  // Records kept current (000 九 动态管理; 001 八(一)3): changes, their history, suggested exits, documents.
  updateElder: {
    roles: OFFICIALS,
    refusal: '老人档案由社区（村）、街道或民政部门更新。',
    outOfScopeMessage: ELDER_OUT,
  },
  elderChanges: {
    roles: OFFICIALS,
    refusal: '档案变更记录供社区（村）、街道和民政部门查看。',
    outOfScopeMessage: ELDER_OUT,
  },
  exitSuggestions: { roles: OFFICIALS, refusal: '退出建议由社区（村）、街道或民政部门办理。' },
  confirmExitSuggestion: {
    roles: OFFICIALS,
    refusal: '退出建议由社区（村）、街道或民政部门办理。',
    outOfScopeMessage: ELDER_OUT,
  },
  dismissExitSuggestion: {
    roles: OFFICIALS,
    refusal: '退出建议由社区（村）、街道或民政部门办理。',
    outOfScopeMessage: ELDER_OUT,
  },
  attachElderFile: {
    roles: OFFICIALS,
    refusal: '申请材料由社区（村）、街道或民政部门扫描上传。',
    outOfScopeMessage: ELDER_OUT,
  },
  // An ID card or hukou booklet shows the full ID number: never to provider staff or caregivers.
  elderAttachments: {
    roles: { ...OFFICIALS, ...HOUSEHOLD },
    refusal: '老人的证件和申请材料只有老人本人、家属和社区、街道、民政部门可以查看。',
    outOfScopeMessage: ELDER_OUT,
  },
  // Fields with personal data, read on elders the caller has already reached within its scope.
  'Elder.idNumber': { roles: OFFICIALS, refusal: '您的角色只能查看脱敏后的身份证号。', outOfScopeMessage: ELDER_OUT },
  'Elder.phone': { roles: ELDER_VIEWERS, refusal: '您的角色不能查看老人信息。' },
  'Elder.address': { roles: ELDER_VIEWERS, refusal: '您的角色不能查看老人信息。' },
  'Elder.wallet': { roles: { ...STAFF, ...HOUSEHOLD }, refusal: HOUSEHOLD_AND_STAFF('老人的余额和收支明细') },
  'Elder.family': { roles: { ...STAFF, ...HOUSEHOLD }, refusal: HOUSEHOLD_AND_STAFF('老人的家属信息') },
  'Elder.contacts': { roles: { ...STAFF, ...HOUSEHOLD }, refusal: HOUSEHOLD_AND_STAFF('老人的监护人和紧急联系人') },
  'Elder.monthlyIncomeFen': { roles: { ...STAFF, ...HOUSEHOLD }, refusal: HOUSEHOLD_AND_STAFF('老人的家庭收入') },

  // Enrolment (000 六, 001 七): applications, staged reviews, the public notice, termination.
  applications: { roles: { ...STAFF, ...HOUSEHOLD }, refusal: '您的角色不能查看申请。' },
  application: { roles: { ...STAFF, ...HOUSEHOLD }, refusal: '您的角色不能查看申请。', outOfScopeMessage: ELDER_OUT },
  checkEligibility: {
    roles: { ...STAFF, ...HOUSEHOLD },
    refusal: '您的角色不能查看申请。',
    outOfScopeMessage: ELDER_OUT,
  },
  submitApplication: {
    roles: { ...STAFF, ...HOUSEHOLD },
    refusal: '您的角色不能提交服务申请。',
    outOfScopeMessage: ELDER_OUT,
  },
  reviewApplication: {
    roles: OFFICIALS,
    refusal: '申请由社区（村）、街道和区（县）民政部门按环节审核。',
    outOfScopeMessage: '这位老人不在您的管辖范围内。',
  },
  objectToApplication: { roles: every('ANY') },
  dismissObjection: {
    roles: { COMMUNITY_WORKER: 'REGION' },
    refusal: '异议由老人所在社区（村）核实处理。',
    outOfScopeMessage: '异议由老人所在社区（村）核实处理。',
  },
  terminateEnrolment: {
    roles: OFFICIALS,
    refusal: '终止服务由社区（村）、街道或民政部门办理。',
    outOfScopeMessage: ELDER_OUT,
  },
  // 000 六·流程5: the hotline hears of a needed exit first (第一时间报备综合信息服务平台) and may file it too.
  requestTermination: {
    roles: STAFF,
    refusal: '终止申请由社区（村）、街道、民政部门或热线工作人员提交。',
    outOfScopeMessage: ELDER_OUT,
  },
  // 000 附件3: the community's and then the street's opinion; the stage's own level decides.
  reviewTermination: {
    roles: OFFICIALS,
    refusal: '终止申请由社区（村）、街（乡）按环节审核。',
    outOfScopeMessage: '这位老人不在您的管辖范围内。',
  },
  terminationRequests: { roles: STAFF, refusal: '终止申请由社区、街道、民政和热线工作人员查看。' },
  recordCapabilityAssessment: {
    roles: OFFICIALS,
    refusal: '能力评估结果由社区（村）、街道或民政部门录入。',
    outOfScopeMessage: ELDER_OUT,
  },
  screenEligibleElders: { roles: OFFICIALS, refusal: '筛选由民政部门、街道或社区办理。' },

  // Orders and visits (000 六·流程2).
  orders: { roles: ELDER_VIEWERS, refusal: '工单由老人、家属、社区、街道、民政、热线和承接的服务机构查看。' },
  order: {
    roles: ELDER_VIEWERS,
    refusal: '工单由老人、家属、社区、街道、民政、热线和承接的服务机构查看。',
    outOfScopeMessage: ORDER_OUT,
  },
  orderByRef: {
    roles: ELDER_VIEWERS,
    refusal: '工单由老人、家属、社区、街道、民政、热线和承接的服务机构查看。',
    outOfScope: ErrorCode.NOT_FOUND,
  },
  quoteOrder: { roles: ORDERERS, refusal: ORDERING, outOfScopeMessage: ELDER_OUT },
  placeOrder: { roles: ORDERERS, refusal: ORDERING, outOfScopeMessage: ELDER_OUT },
  cancelOrder: {
    roles: { ...STAFF, ...HOUSEHOLD, PROVIDER_ADMIN: 'PROVIDER' },
    refusal: '工单由老人、家属、社区或热线工作人员、承接的服务机构取消；护理员请联系本机构调度改约。',
    outOfScopeMessage: ORDER_OUT,
  },
  caregiverSuggestions: {
    roles: { PROVIDER_ADMIN: 'PROVIDER' },
    refusal: '派单由服务机构办理。',
    outOfScopeMessage: ORDER_OUT,
  },
  assignOrder: { roles: { PROVIDER_ADMIN: 'PROVIDER' }, refusal: '派单由服务机构办理。', outOfScopeMessage: ORDER_OUT },
  checkIn: {
    roles: { CAREGIVER: 'OWN_VISITS' },
    refusal: '签到签出由上门服务的护理员办理。',
    outOfScopeMessage: ORDER_OUT,
  },
  checkOut: {
    roles: { CAREGIVER: 'OWN_VISITS' },
    refusal: '签到签出由上门服务的护理员办理。',
    outOfScopeMessage: ORDER_OUT,
  },
  confirmOrder: {
    roles: HOUSEHOLD,
    refusal: '服务完成后由老人或家属确认；联系不上时由回访人员电话核实后确认。',
    refuse: { CAREGIVER: ErrorCode.SELF_CONFIRMATION, PROVIDER_ADMIN: ErrorCode.SELF_CONFIRMATION },
    outOfScopeMessage: ORDER_OUT,
  },
  confirmVisitByCall: {
    roles: { OPERATOR: 'REGION', COMMUNITY_WORKER: 'REGION' },
    refusal: '电话核实确认由热线客服或社区工作人员办理。',
    refuse: { CAREGIVER: ErrorCode.SELF_CONFIRMATION, PROVIDER_ADMIN: ErrorCode.SELF_CONFIRMATION },
    outOfScopeMessage: ORDER_OUT,
  },
  requestVisitSignOff: {
    roles: { CAREGIVER: 'OWN_VISITS' },
    refusal: '确认码由上门服务的护理员在签出后申请。',
    outOfScopeMessage: ORDER_OUT,
  },
  confirmVisitBySignOff: {
    roles: { CAREGIVER: 'OWN_VISITS' },
    refusal: '确认码由上门服务的护理员在签出后申请。',
    outOfScopeMessage: ORDER_OUT,
  },
  'GET /files/:id': {
    roles: ELDER_VIEWERS,
    refusal: '您不能查看这张照片。',
    outOfScopeMessage: '您不能查看这张照片。',
  },
  'POST /files': { roles: { CAREGIVER: 'OWN_ACCOUNT' }, refusal: '只有护理员可以上传服务照片。' },
  'POST /files?purpose=attachment': {
    roles: { COMMUNITY_WORKER: 'OWN_ACCOUNT', STREET_OFFICER: 'OWN_ACCOUNT', DISTRICT_ADMIN: 'OWN_ACCOUNT' },
    refusal: '申请材料由社区（村）、街道或民政部门扫描上传。',
  },

  // Providers (000 五; 001 五–六, 八(二)): the district registers, contracts, zones and sanctions them;
  // a provider admin manages its own caregivers and price list and sees its own sanctions and 台账.
  providers: {
    roles: { DISTRICT_ADMIN: 'REGION', STREET_OFFICER: 'REGION', PROVIDER_ADMIN: 'PROVIDER' },
    refusal: PROVIDERS,
  },
  provider: { roles: { ...DISTRICT, PROVIDER_ADMIN: 'PROVIDER' }, refusal: PROVIDERS, outOfScopeMessage: PROVIDER_OUT },
  'Provider.caregivers': {
    roles: { ...DISTRICT, PROVIDER_ADMIN: 'PROVIDER' },
    refusal: '护理员名册由本机构和区（县）民政部门查看。',
    outOfScopeMessage: PROVIDER_OUT,
  },
  providerRecipients: {
    roles: { ...DISTRICT, PROVIDER_ADMIN: 'PROVIDER' },
    refusal: '服务对象台账由区（县）民政部门提供给承接的服务机构。',
    outOfScopeMessage: PROVIDER_OUT,
  },
  providerSanctions: {
    roles: { ...DISTRICT, PROVIDER_ADMIN: 'PROVIDER' },
    refusal: PROVIDERS,
    outOfScopeMessage: PROVIDER_OUT,
  },
  registerProvider: { roles: DISTRICT, refusal: PURCHASER, outOfScopeMessage: '只能登记本区（县）的服务机构。' },
  updateProvider: {
    roles: { ...DISTRICT, PROVIDER_ADMIN: 'PROVIDER' },
    refusal: '机构资质和联系方式由区（县）民政部门或机构本身修改。',
    outOfScopeMessage: PROVIDER_OUT,
  },
  signProviderContract: { roles: DISTRICT, refusal: PURCHASER, outOfScopeMessage: PROVIDER_OUT },
  assignProviderZone: { roles: DISTRICT, refusal: PURCHASER, outOfScopeMessage: PROVIDER_OUT },
  setProviderPrice: {
    roles: { ...DISTRICT, PROVIDER_ADMIN: 'PROVIDER' },
    refusal: '价格清单由服务机构制定、民政部门在合同中确认。',
    outOfScopeMessage: PROVIDER_OUT,
  },
  registerCaregiver: { roles: { PROVIDER_ADMIN: 'PROVIDER' }, refusal: CAREGIVERS, outOfScopeMessage: PROVIDER_OUT },
  addCaregiverCertificate: {
    roles: { PROVIDER_ADMIN: 'PROVIDER' },
    refusal: CAREGIVERS,
    outOfScopeMessage: PROVIDER_OUT,
  },
  recordCaregiverTraining: {
    roles: { PROVIDER_ADMIN: 'PROVIDER' },
    refusal: CAREGIVERS,
    outOfScopeMessage: PROVIDER_OUT,
  },
  caregiverLeft: { roles: { PROVIDER_ADMIN: 'PROVIDER' }, refusal: CAREGIVERS, outOfScopeMessage: PROVIDER_OUT },
  recordProviderInterview: { roles: DISTRICT, refusal: SANCTIONS, outOfScopeMessage: PROVIDER_OUT },
  orderProviderRectification: { roles: DISTRICT, refusal: SANCTIONS, outOfScopeMessage: PROVIDER_OUT },
  submitProviderRectification: {
    roles: { PROVIDER_ADMIN: 'PROVIDER' },
    refusal: '整改报告由被督促整改的服务机构提交。',
    outOfScopeMessage: PROVIDER_OUT,
  },
  verifyProviderRectification: { roles: DISTRICT, refusal: SANCTIONS, outOfScopeMessage: PROVIDER_OUT },
  reinstateProvider: { roles: DISTRICT, refusal: SANCTIONS, outOfScopeMessage: PROVIDER_OUT },
  terminateProviderContract: { roles: DISTRICT, refusal: SANCTIONS, outOfScopeMessage: PROVIDER_OUT },

  // Feedback (000 六 3–4): ratings, follow-up calls, complaints.
  rateOrder: { roles: HOUSEHOLD, refusal: '评价由老人或家属填写。', outOfScopeMessage: ORDER_OUT },
  followUpTasks: {
    roles: { OPERATOR: 'REGION', STREET_OFFICER: 'REGION', DISTRICT_ADMIN: 'REGION' },
    refusal: '回访任务由呼叫中心办理。',
  },
  recordFollowUp: {
    roles: { OPERATOR: 'REGION' },
    refusal: '回访由呼叫中心话务员记录。',
    outOfScopeMessage: ORDER_OUT,
  },
  complaints: {
    roles: { ...STAFF, ...HOUSEHOLD, PROVIDER_ADMIN: 'PROVIDER' },
    refusal: '投诉由老人、家属、社区、街道、民政、热线和被投诉的服务机构查看。',
  },
  fileComplaint: {
    roles: ORDERERS,
    refusal: '投诉由老人、家属、社区工作人员或热线客服登记。',
    outOfScopeMessage: ELDER_OUT,
  },
  respondToComplaint: {
    roles: { PROVIDER_ADMIN: 'PROVIDER' },
    refusal: '投诉由被投诉的服务机构答复。',
    outOfScope: ErrorCode.NOT_FOUND,
    outOfScopeMessage: '没有找到这条投诉。',
  },
  closeComplaint: {
    roles: { OPERATOR: 'REGION', COMMUNITY_WORKER: 'REGION' },
    refusal: '投诉回访由热线客服或社区工作人员办理。',
    outOfScopeMessage: ELDER_OUT,
  },

  // Care calls (000 六 5).
  callTasks: { roles: STAFF, refusal: '关爱电话由呼叫中心办理。' },
  recordCallAttempt: {
    roles: { OPERATOR: 'REGION' },
    refusal: '通话结果由呼叫中心话务员记录。',
    outOfScope: ErrorCode.NOT_FOUND,
    outOfScopeMessage: '没有找到这项关爱电话任务。',
  },

  // Alerts: to the community, the street, the district and the call centre; the bot posts them.
  alerts: { roles: { ...STAFF, ...BOT }, refusal: '告警只推送给社区、街道、民政和呼叫中心。' },
  alertRaised: { roles: { ...STAFF, ...BOT }, refusal: '告警只推送给社区、街道、民政和呼叫中心。' },
  alertByRef: { roles: STAFF, refusal: ALERT_STAFF, outOfScope: ErrorCode.NOT_FOUND },
  acknowledgeAlert: {
    roles: STAFF,
    refusal: ALERT_STAFF,
    outOfScope: ErrorCode.NOT_FOUND,
    outOfScopeMessage: '没有找到这条告警。',
  },
  resolveAlert: {
    roles: STAFF,
    refusal: ALERT_STAFF,
    outOfScope: ErrorCode.NOT_FOUND,
    outOfScopeMessage: '没有找到这条告警。',
  },
  // PIPL Art. 28: the group gets a masked name; a bound worker asks the bot privately for the rest.
  'Alert.elder': {
    roles: STAFF,
    refusal: '群里只发告警的脱敏信息；老人的电话和住址请工作人员私聊机器人发送“详情 编号”查询。',
  },

  // The group-chat bot's own account (acting for a bound worker, it has that worker's role).
  issueBotBindingCode: { roles: { COMMUNITY_WORKER: 'REGION' }, refusal: '绑定码由社区（村）工作人员领取。' },
  bindBotWorker: { roles: BOT, refusal: BOT_ONLY },
  bindBotRoom: { roles: BOT, refusal: BOT_ONLY },
  botContext: { roles: BOT, refusal: BOT_ONLY },
  botRooms: { roles: BOT, refusal: BOT_ONLY },
  botUndeliveredAlerts: { roles: BOT, refusal: BOT_ONLY },
  botAlertDelivered: {
    roles: BOT,
    refusal: BOT_ONLY,
    outOfScope: ErrorCode.NOT_FOUND,
    outOfScopeMessage: '没有找到这个群的这条告警。',
  },

  // Money: allowances, top-ups, settlement and its evaluation (000 七, 004 附件7).
  createTopUp: {
    roles: { ELDER: 'SELF', FAMILY: 'PAYER' },
    refusal: '只有老人本人或登记为付款人的家属可以为老人充值。',
    outOfScopeMessage: '只有老人本人或登记为付款人的家属可以为老人充值。',
  },
  runMonthlyAllowance: { roles: DISTRICT, refusal: '月度补贴由区（县）民政部门发放。' },
  runSettlement: { roles: DISTRICT, refusal: SETTLEMENT },
  approveSettlement: {
    roles: DISTRICT,
    refusal: SETTLEMENT,
    outOfScope: ErrorCode.NOT_FOUND,
    outOfScopeMessage: '没有找到这份结算单。',
  },
  markSettlementPaid: {
    roles: DISTRICT,
    refusal: SETTLEMENT,
    outOfScope: ErrorCode.NOT_FOUND,
    outOfScopeMessage: '没有找到这份结算单。',
  },
  settlements: { roles: { ...DISTRICT, PROVIDER_ADMIN: 'PROVIDER' }, refusal: SETTLEMENT },
  'GET /exports/:month': { roles: DISTRICT, refusal: '导出由区（县）民政部门办理。' },
  recordQualityEvaluation: { roles: { QA_AGENCY: 'QA_AGENCY' }, refusal: '质量评估由第三方评估机构填报。' },
  // 000 七·3 整改合格后再行结算: the provider reports its rectification, then the agency re-evaluates.
  submitRectification: { roles: { PROVIDER_ADMIN: 'PROVIDER' }, refusal: '整改报告由被评估的服务机构提交。' },
  // Exceptions (异常工单): street and district officers review the visits in their area; a provider sees its own.
  visitExceptions: {
    roles: { STREET_OFFICER: 'REGION', DISTRICT_ADMIN: 'REGION', PROVIDER_ADMIN: 'PROVIDER' },
    refusal: '异常工单由街道、区（县）民政部门复核。',
  },
  resolveVisitException: {
    roles: { STREET_OFFICER: 'REGION', DISTRICT_ADMIN: 'REGION' },
    refusal: '异常工单由街道、区（县）民政部门复核。',
    outOfScopeMessage: '这条异常工单不在您的辖区内，由服务所在街道或区民政部门处理。',
  },
  dashboard: {
    roles: OFFICIALS,
    refusal: '统计看板供民政、街道和社区使用。',
    outOfScope: ErrorCode.NOT_FOUND,
    outOfScopeMessage: '没有找到这个地区，或不在您的辖区内。',
  },
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
