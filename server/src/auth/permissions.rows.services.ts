// The permission table's rows for orders and visits, providers, feedback, alerts, the bot and money.
import { ErrorCode } from '../common/errors.js';
import type { Rule } from './permissions.types.js';
import {
  OFFICIALS,
  STAFF,
  HOUSEHOLD,
  ELDER_VIEWERS,
  ORDERERS,
  DISTRICT,
  BOT,
  ALERT_STAFF,
  SETTLEMENT,
  BOT_ONLY,
  ORDERING,
  ELDER_OUT,
  ORDER_OUT,
  PROVIDERS,
  PROVIDER_OUT,
  PURCHASER,
  CAREGIVERS,
  SANCTIONS,
} from './permissions.roles.js';

export const SERVICE_ROWS = {
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
  // Recurring bookings (issue 25) are placeOrder once per visit, so the same people may place them.
  placeRecurringOrders: { roles: ORDERERS, refusal: ORDERING, outOfScopeMessage: ELDER_OUT },
  cancelOrder: {
    roles: { ...STAFF, ...HOUSEHOLD, PROVIDER_ADMIN: 'PROVIDER' },
    refusal: '工单由老人、家属、社区或热线工作人员、承接的服务机构取消；护理员请联系本机构调度改约。',
    outOfScopeMessage: ORDER_OUT,
  },
  // 改期 is cancelling's companion: the same people, the same moment (before the caregiver checks in).
  rescheduleOrder: {
    roles: { ...STAFF, ...HOUSEHOLD, PROVIDER_ADMIN: 'PROVIDER' },
    refusal: '工单由老人、家属、社区或热线工作人员、承接的服务机构改期；护理员请联系本机构调度改约。',
    outOfScopeMessage: ORDER_OUT,
  },
  // 换一位护理员 (issue 25): the household asks; the provider reassigns through dispatch.
  requestCaregiverChange: {
    roles: HOUSEHOLD,
    refusal: '换一位护理员由老人或家属在工单里申请；工作人员请直接联系服务机构重新派单。',
    outOfScopeMessage: ORDER_OUT,
  },
  caregiverSuggestions: {
    roles: { PROVIDER_ADMIN: 'PROVIDER' },
    refusal: '派单由服务机构办理。',
    outOfScopeMessage: ORDER_OUT,
  },
  assignOrder: { roles: { PROVIDER_ADMIN: 'PROVIDER' }, refusal: '派单由服务机构办理。', outOfScopeMessage: ORDER_OUT },
  // The provider's dispatch board (issue 23): its own orders only.
  dispatchBoard: { roles: { PROVIDER_ADMIN: 'PROVIDER' }, refusal: '派单看板由服务机构查看。' },
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
  // The caregiver's app (issue 23): 出发, service notes and the elder's signature on the phone.
  departForVisit: {
    roles: { CAREGIVER: 'OWN_VISITS' },
    refusal: '“出发”由上门服务的护理员点。',
    outOfScopeMessage: ORDER_OUT,
  },
  recordVisitNotes: {
    roles: { CAREGIVER: 'OWN_VISITS' },
    refusal: '服务记录由上门服务的护理员填写。',
    outOfScopeMessage: ORDER_OUT,
  },
  signOffVisit: {
    roles: { CAREGIVER: 'OWN_VISITS' },
    refusal: '老人签名确认在上门服务的护理员手机上进行。',
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
  // A caregiver's visit photos; a care-bed builder's before/after photos (004 附件5).
  'POST /files': {
    roles: { CAREGIVER: 'OWN_ACCOUNT', PROVIDER_ADMIN: 'OWN_ACCOUNT' },
    refusal: '只有护理员和服务机构可以上传照片。',
  },
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
  // Issue 25: the 工号 and photo the family sees on its order.
  setCaregiverProfile: { roles: { PROVIDER_ADMIN: 'PROVIDER' }, refusal: CAREGIVERS, outOfScopeMessage: PROVIDER_OUT },
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
  // Street and district officials chase overdue complaints from the console and may close them on a revisit (issue 24).
  closeComplaint: {
    roles: { OPERATOR: 'REGION', COMMUNITY_WORKER: 'REGION', STREET_OFFICER: 'REGION', DISTRICT_ADMIN: 'REGION' },
    refusal: '投诉回访由热线客服、社区工作人员或街道、区（县）民政部门办理。',
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
  botDailyDigest: { roles: BOT, refusal: BOT_ONLY },
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
  // 暂缓（原因）: the district that approves a line may hold it, and release it (issue 24).
  holdSettlement: {
    roles: DISTRICT,
    refusal: SETTLEMENT,
    outOfScope: ErrorCode.NOT_FOUND,
    outOfScopeMessage: '没有找到这份结算单。',
  },
  releaseSettlementHold: {
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
