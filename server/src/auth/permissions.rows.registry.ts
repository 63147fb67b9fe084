// The permission table's rows for the public reads, each account's own things, the registry and enrolment.
import { ErrorCode } from '../common/errors.js';
import type { Rule } from './permissions.types.js';
import {
  every,
  OFFICIALS,
  STAFF,
  HOUSEHOLD,
  ELDER_VIEWERS,
  PUBLIC,
  ELDER_OUT,
  HOUSEHOLD_AND_STAFF,
} from './permissions.roles.js';

export const REGISTRY_ROWS = {
  // Public: the programmes and the service guide are government information; logins.
  policies: PUBLIC,
  serviceGuide: PUBLIC,
  regions: PUBLIC,
  familyRelations: PUBLIC,
  messageTemplates: PUBLIC,
  me: PUBLIC,
  serverTime: PUBLIC,
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
  homeQrCard: { roles: OFFICIALS, refusal: '上门二维码由社区工作人员打印。', outOfScopeMessage: ELDER_OUT },
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
} satisfies Record<string, Rule>;
