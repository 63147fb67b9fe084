// How the authorization matrix calls each operation: which targets it is sent at and with what
// arguments. The arguments are valid, so a refusal can only come from authorization; where a
// permitted call would change the fixtures for the calls after it, they are chosen to stop at a
// domain rule after the scope check instead (a reason the programme does not list, a rejection
// without its comment, an order that has not been checked out).
import { randomUUID } from 'node:crypto';
import { FAMILY_RELATIONS } from '../elders/family-link.service.js';
import type { ElderFixture, Fixtures } from './matrix-fixtures.js';
import type { Item, Probe } from './matrix-probes.types.js';
import { uniqueKey } from './matrix-fixtures.js';
import { makeIdNumber } from './ids.js';
import { CAREBED_PROBES } from './matrix-probes.carebeds.js';
import { HOMECARE_PROBES } from './matrix-probes.homecare.js';
import { GOAL_PROBES, MEAL_PROBES, TRAINING_PROBES } from './matrix-probes.goals.js';

export type { Item, On, Probe } from './matrix-probes.types.js';

const none = (args: Probe['args'] = () => ({})): Probe => ({ on: 'none', args });
const nodes = (kind: Item['kind'], field = 'id') => ({
  select: `{ edges { node { ${field === 'id' ? 'id' : `id ${field}`} } } }`,
  items: (data: any): Item[] =>
    data.edges.map((e: any) => ({
      kind,
      id: field === 'id' ? e.node.id : field.startsWith('elder') ? e.node.elder.id : e.node[field],
    })),
});
const e = (t: ElderFixture) => t;
const later = (fx: Fixtures, days: number) => new Date(fx.now.getTime() + days * 86_400_000).toISOString();
/** One visit of the probe's elder two days after the probe's now, under a fresh key. */
const booking = (t: ElderFixture, fx: Fixtures) => ({
  elderId: t.elderId,
  serviceCode: t.serviceCode,
  quantity: 1,
  scheduledAt: later(fx, 2),
  idempotencyKey: uniqueKey(),
});
const today = (fx: Fixtures) => new Date(fx.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export const PROBES: Record<string, Probe> = {
  // Public, and any account's own things.
  policies: none(),
  familyRelations: none(),
  messageTemplates: none(),
  me: none(),
  serverTime: none(),
  regions: none(),
  serviceGuide: none(() => ({ policyCode: 'HUANGPI_2020' })),
  passwordLogin: none(() => ({ username: 'qa', password: 'demo1234' })),
  wechatLogin: none(() => ({ code: 'demo-family' })),
  requestLoginCode: none(() => ({ phone: `1390${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` })),
  phoneLogin: none((_, { caller }) => ({ phone: caller.phone.number, code: caller.phone.code })),
  notices: none(),
  recordMessageConsents: none(() => ({ templateIds: ['matrix-template'] })),
  markNoticeRead: { on: 'notice', args: (t) => ({ id: t.id }) },
  topUp: { on: 'topUp', args: (t) => ({ id: t.id }) },
  sandboxPayTopUp: { on: 'topUp', args: (t) => ({ id: t.id }) },

  // The registry.
  elders: { on: 'none', args: () => ({ first: 100 }), list: nodes('elder') },
  elder: { on: 'elder', args: (t) => ({ id: e(t).elderId }) },
  registerElder: {
    on: 'region',
    args: (t) => ({
      input: {
        name: '测试老人',
        birthDate: '1950-03-01',
        idNumber: makeIdNumber('1950-03-01', 'FEMALE'),
        communityCode: e(t).communityCode,
        address: '测试路 1 号',
      },
    }),
  },
  homeQrToken: { on: 'elder', args: (t) => ({ elderId: e(t).elderId }) },
  homeQrCard: { on: 'elder', args: (t) => ({ elderId: e(t).elderId }) },
  canteens: { on: 'elder', args: (t) => ({ elderId: e(t).elderId }) },
  // Facilities (issue 20). Permitted calls stop at a domain rule: a contracted area above the floor
  // area, a status the facility cannot move to, a programme without start-up grants, a month not over.
  facility: { on: 'facility', args: (t) => ({ id: t.id }) },
  facilities: none(),
  facilityReport: none(),
  createFacility: {
    on: 'region',
    args: (t) => ({
      input: {
        policyCode: 'HUANGPI_2020',
        kind: 'CANTEEN',
        name: '矩阵测试食堂',
        communityCode: e(t).communityCode,
        address: '测试路 2 号',
        latitude: 30.88,
        longitude: 114.37,
        floorAreaM2: 100,
        contractedAreaM2: 200,
        premisesSource: 'LEASED',
        funder: '测试出资方',
      },
    }),
  },
  changeFacilityStatus: { on: 'facility', args: (t) => ({ facilityId: t.id, to: 'PLANNED' }) },
  proposeStartupGrant: { on: 'facility', args: (t) => ({ facilityId: t.id, amountFen: 10_000_000 }) },
  disburseStartupGrant: { on: 'facility', args: (t) => ({ facilityId: t.id }) },
  accrueFacilityGrant: { on: 'facility', args: (t, { fx }) => ({ facilityId: t.id, month: fx.month }) },
  // Inspections, the hotline and supervision (issue 20 part B): a future inspection day, a programme
  // without a hotline, a date that is not one and a blank reason stop permitted calls after the scope check.
  inspectFacility: { on: 'facility', args: (t) => ({ input: { facilityId: t.id, inspectedOn: '2099-01-01' } }) },
  recordRectification: none(() => ({ inspectionId: randomUUID(), rectifiedOn: '不是日期' })),
  recordHotlineCall: none((_, { fx }) => ({
    input: {
      policyCode: 'HUANGPI_2020',
      callerName: '矩阵来电',
      callerPhone: '13900000000',
      elderId: fx.elders[0]!.elderId,
      need: '咨询助餐服务',
      outcome: 'ADVICE',
    },
  })),
  hotlineCalls: none(() => ({ policyCode: 'LUOYANG_2013' })),
  hotlineReport: none(() => ({ policyCode: 'LUOYANG_2013' })),
  starRatings: none(() => ({ policyCode: 'LUOYANG_2013' })),
  supervisionRecords: none(() => ({ policyCode: 'LUOYANG_2013' })),
  recordSupervision: none(() => ({ input: { policyCode: 'LUOYANG_2013', kind: 'PUBLIC_CRITICISM', reason: ' ' } })),
  // Credit records (issue 21 part B, 002 二(三)10): a kind only the platform records, a blank reason or decision
  // stop permitted calls after the role check; reading needs no subject for its own record.
  creditRecord: none(() => ({ policyCode: 'HUANGPI_2020' })),
  creditPublicList: none(() => ({ policyCode: 'HUANGPI_2020' })),
  creditAppeals: none(() => ({ pendingOnly: true })),
  recordCreditEvent: none(() => ({
    input: {
      policyCode: 'HUANGPI_2020',
      subjectType: 'PROVIDER',
      subjectId: randomUUID(),
      kind: 'COMPLAINT_AT_FAULT',
      reason: '矩阵测试',
      evidence: '矩阵测试证据',
    },
  })),
  appealCreditEvent: none(() => ({ eventId: randomUUID(), reason: ' ' })),
  decideCreditAppeal: none(() => ({ appealId: randomUUID(), uphold: false, decision: ' ' })),
  // The public directory and the analysis by area (002 二(三)10, 二(五)13): one month of the caller's own region.
  publicDirectory: none(() => ({ policyCode: 'HUANGPI_2020' })),
  areaAnalysis: none((_, { fx }) => ({ fromMonth: fx.month, toMonth: fx.month })),
  issueFamilyLinkCode: { on: 'elder', args: (t) => ({ elderId: e(t).elderId }) },
  linkElder: none(() => ({ code: 'ABCDEFGH', relation: FAMILY_RELATIONS[0] })),
  // Records kept current: an update that changes nothing, a file that is not the caller's upload,
  // suggestions already dismissed, so permitted calls stop after the scope check.
  updateElder: { on: 'elder', args: (t) => ({ input: { elderId: e(t).elderId } }) },
  elderChanges: { on: 'elder', args: (t) => ({ elderId: e(t).elderId, first: 5 }) },
  exitSuggestions: {
    on: 'none',
    args: () => ({ status: 'DISMISSED', first: 100 }),
    list: nodes('elder', 'elder { id }'),
  },
  confirmExitSuggestion: { on: 'elder', args: (t) => ({ id: e(t).exitSuggestionId }) },
  dismissExitSuggestion: { on: 'elder', args: (t) => ({ id: e(t).exitSuggestionId, reason: '经核实仍符合条件' }) },
  attachElderFile: {
    on: 'elder',
    args: (t) => ({ input: { elderId: e(t).elderId, kind: 'ID_CARD', fileId: randomUUID() } }),
  },
  elderAttachments: { on: 'elder', args: (t) => ({ elderId: e(t).elderId }) },

  // Enrolment.
  applications: { on: 'none', args: () => ({ first: 100 }), list: nodes('application') },
  application: { on: 'application', args: (t) => ({ id: e(t).application.id }) },
  checkEligibility: { on: 'elder', args: (t) => ({ elderId: e(t).elderId, policyCode: e(t).policyCode }) },
  submitApplication: { on: 'elder', args: (t) => ({ input: { elderId: e(t).elderId, policyCode: e(t).policyCode } }) },
  reviewApplication: { on: 'review', args: (t) => ({ id: e(t).application.id, decision: 'REJECT' }) },
  objectToApplication: {
    on: 'application',
    args: (t) => ({ id: e(t).application.id, reason: '该老人家庭收入情况与申报不符' }),
  },
  dismissObjection: { on: 'objection', args: (t) => ({ objectionId: e(t).objectionId, reason: '经核实，情况属实' }) },
  terminateEnrolment: { on: 'elder', args: (t) => ({ elderId: e(t).elderId, reason: e(t).unlistedReason }) },
  requestTermination: { on: 'elder', args: (t) => ({ elderId: e(t).elderId, reason: e(t).unlistedReason }) },
  reviewTermination: {
    on: 'elder',
    args: (t) => ({ id: e(t).terminationRequestId, decision: 'APPROVE', comment: '矩阵测试' }),
  },
  terminationRequests: { on: 'none', args: () => ({ first: 100 }), list: nodes('elder', 'elder { id }') },
  recordCapabilityAssessment: {
    on: 'elder',
    args: (t, { fx }) => ({
      input: {
        elderId: e(t).elderId,
        selfCareAbility: e(t).selfCareAbility,
        agency: '区评估中心',
        assessorName: '评估员',
        assessedOn: today(fx),
      },
    }),
  },
  screenEligibleElders: {
    on: 'none',
    args: () => ({ policyCode: 'HUANGPI_2020', first: 100 }),
    list: nodes('elder', 'elder { id }'),
  },

  // Orders and visits.
  orders: { on: 'none', args: () => ({ first: 100 }), list: nodes('order') },
  order: { on: 'order', args: (t) => ({ id: e(t).order.id }) },
  orderByRef: { on: 'order', args: (t) => ({ ref: e(t).order.ref }) },
  quoteOrder: {
    on: 'elder',
    args: (t) => ({ input: { elderId: e(t).elderId, serviceCode: e(t).serviceCode, quantity: 1 } }),
  },
  placeOrder: { on: 'elder', args: (t, { fx }) => ({ input: booking(t, fx) }) },
  // A weekly series of two from the probe's future: a permitted caller books (or stops at the balance).
  placeRecurringOrders: {
    on: 'elder',
    args: (t, { fx }) => ({
      input: {
        ...booking(t, fx),
        repeat: 'WEEKLY',
        until: new Date(new Date(later(fx, 2)).getTime() + 8 * 86_400_000).toISOString().slice(0, 10),
      },
    }),
  },
  cancelOrder: { on: 'order', args: (t) => ({ orderId: e(t).order.id, reason: '老人临时外出' }) },
  // A time the probe's own clock has not reached and inside any programme's booking hours.
  rescheduleOrder: {
    on: 'order',
    args: (t, { fx }) => ({ orderId: e(t).order.id, startAt: later(fx, 3), idempotencyKey: uniqueKey() }),
  },
  requestCaregiverChange: { on: 'order', args: (t) => ({ orderId: e(t).order.id, reason: '想换一位女护理员' }) },
  caregiverSuggestions: { on: 'order', args: (t) => ({ orderId: e(t).order.id }) },
  dispatchBoard: none(),
  // The caregiver the order already has (or, unassigned, one with no account), so no visit changes hands.
  assignOrder: { on: 'order', args: (t) => ({ orderId: e(t).order.id, caregiverId: e(t).order.caregiverId }) },
  checkIn: {
    on: 'order',
    args: (t) => ({
      input: { orderId: e(t).order.id, qrToken: 'YL1.x.y', latitude: 30.87, longitude: 114.37, photoId: randomUUID() },
    }),
  },
  checkOut: {
    on: 'order',
    args: (t) => ({ input: { orderId: e(t).order.id, latitude: 30.87, longitude: 114.37, photoId: randomUUID() } }),
  },
  departForVisit: { on: 'order', args: (t) => ({ orderId: e(t).order.id }) },
  recordVisitNotes: { on: 'order', args: (t) => ({ orderId: e(t).order.id, serviceNotes: '打扫了客厅' }) },
  // A file id that was never uploaded: a permitted caller stops at the signature check.
  signOffVisit: { on: 'order', args: (t) => ({ orderId: e(t).order.id, signatureFileId: randomUUID() }) },
  confirmOrder: { on: 'order', args: (t) => ({ orderId: e(t).order.id }) },
  confirmVisitByCall: { on: 'order', args: (t) => ({ orderId: e(t).order.id, note: '老人确认护理员已上门' }) },
  requestVisitSignOff: { on: 'order', args: (t) => ({ orderId: e(t).order.id }) },
  confirmVisitBySignOff: { on: 'order', args: (t) => ({ orderId: e(t).order.id, code: '123456' }) },

  // Providers: each permitted call stops at a domain rule (a bad credit code, a contract ending
  // before it starts, an unknown zone or item, a bad ID number or certificate type, a caregiver who
  // has left, a rectification already verified, a provider not suspended, an unlisted ground).
  providers: none(),
  provider: { on: 'provider', args: (t) => ({ id: t.id }) },
  providerRecipients: { on: 'provider', args: (t) => ({ providerId: t.id }) },
  providerSanctions: { on: 'provider', args: (t) => ({ providerId: t.id }) },
  registerProvider: none(() => ({
    input: {
      code: 'MATRIX-P',
      name: '矩阵测试机构',
      creditCode: '1234',
      regionCode: '420116',
      qualifications: ['营业执照'],
      contactName: '测试',
      contactPhone: '027-61000000',
    },
  })),
  updateProvider: { on: 'provider', args: (t) => ({ input: { providerId: t.id, contactPhone: 'x' } }) },
  signProviderContract: {
    on: 'provider',
    args: (t) => ({
      input: {
        providerId: t.id,
        policyCode: 'HUANGPI_2020',
        startsOn: '2026-12-31',
        endsOn: '2026-01-01',
        quantity: '全部服务对象',
        quality: '按服务指南',
        settlementMethod: '按月结算',
        liability: '按合同约定',
      },
    }),
  },
  assignProviderZone: {
    on: 'provider',
    args: (t) => ({ providerId: t.id, policyCode: 'HUANGPI_2020', zoneCode: 'NO_SUCH_ZONE' }),
  },
  setProviderPrice: {
    on: 'provider',
    args: (t) => ({ providerId: t.id, policyCode: 'HUANGPI_2020', serviceCode: 'NO_SUCH_ITEM', priceFen: 5000 }),
  },
  registerCaregiver: {
    on: 'provider',
    args: (t) => ({
      input: { providerId: t.id, name: '测试护理员', phone: '13900000001', idNumber: '420116195003011230', skills: [] },
    }),
  },
  addCaregiverCertificate: {
    on: 'provider',
    args: (t) => ({ input: { caregiverId: t.leftCaregiverId, kind: 'NOT_A_KIND', expiresOn: '2030-01-01' } }),
  },
  recordCaregiverTraining: {
    on: 'provider',
    args: (t) => ({
      input: { caregiverId: t.leftCaregiverId, course: '养老服务政策', hours: 0, completedOn: '2026-11-01' },
    }),
  },
  caregiverLeft: { on: 'provider', args: (t) => ({ caregiverId: t.leftCaregiverId }) },
  // The left caregiver: a permitted call stops at INVALID_STATE and changes nothing.
  setCaregiverProfile: { on: 'provider', args: (t) => ({ input: { caregiverId: t.leftCaregiverId, staffNo: 'M-1' } }) },
  recordProviderInterview: { on: 'provider', args: (t) => ({ providerId: t.id, notes: '短' }) },
  orderProviderRectification: { on: 'provider', args: (t) => ({ providerId: t.id, requirement: '短' }) },
  submitProviderRectification: {
    on: 'provider',
    args: (t) => ({ sanctionId: t.verifiedRectificationId, report: '已完成整改并培训护理员' }),
  },
  verifyProviderRectification: {
    on: 'provider',
    args: (t) => ({ sanctionId: t.verifiedRectificationId, passed: true, note: '现场核查合格' }),
  },
  reinstateProvider: { on: 'provider', args: (t) => ({ providerId: t.id }) },
  terminateProviderContract: { on: 'provider', args: (t) => ({ providerId: t.id, ground: 'NO_SUCH_GROUND' }) },

  // Feedback and care calls.
  rateOrder: { on: 'order', args: (t) => ({ orderId: e(t).order.id, stars: 5 }) },
  followUpTasks: { on: 'none', args: () => ({ first: 100 }), list: nodes('order', 'orderId') },
  recordFollowUp: { on: 'order', args: (t) => ({ orderId: e(t).order.id, satisfaction: 'SATISFIED' }) },
  complaints: { on: 'none', args: () => ({ first: 100 }), list: nodes('complaint') },
  fileComplaint: { on: 'elder', args: (t) => ({ input: { elderId: e(t).elderId, content: '护理员迟到了半个小时' } }) },
  respondToComplaint: {
    on: 'complaint',
    args: (t) => ({ id: e(t).complaintId, response: '已与护理员沟通，下次准时上门。' }),
  },
  closeComplaint: { on: 'complaint', args: (t) => ({ id: e(t).complaintId, satisfied: true, providerAtFault: false }) },
  callTasks: { on: 'none', args: () => ({ first: 100 }), list: nodes('callTask') },
  recordCallAttempt: { on: 'callTask', args: (t) => ({ callTaskId: e(t).callTaskId, answered: true }) },

  // Alerts and the bot.
  alerts: { on: 'none', args: () => ({ first: 100 }), list: nodes('alert') },
  alertByRef: { on: 'alert', args: (t) => ({ ref: e(t).alert.ref }) },
  acknowledgeAlert: { on: 'alert', args: (t) => ({ id: e(t).alert.id }) },
  resolveAlert: { on: 'alert', args: (t) => ({ id: e(t).alert.id, outcome: '已上门，老人平安' }) },
  // One-tap help (issue 25): the SOS line 120 is in the demo programme's call section (000 四).
  helpDesk: { on: 'elder', args: (t) => ({ elderId: e(t).elderId }) },
  callForHelp: { on: 'elder', args: (t) => ({ input: { elderId: e(t).elderId, purpose: 'SOS', phone: '120' } }) },
  issueBotBindingCode: none(() => ({ purpose: 'WORKER' })),
  bindBotWorker: none(() => ({ code: '000000', contactId: 'wxid_matrix', contactName: '测试' })),
  bindBotRoom: none(() => ({ code: '000000', roomId: '@@matrix-other', topic: '测试群', contactId: 'wxid_matrix' })),
  botContext: none(() => ({ contactId: 'wxid_matrix' })),
  botRooms: none(),
  botUndeliveredAlerts: none(),
  botDailyDigest: none(),
  botAlertDelivered: { on: 'alert', args: (t, { fx }) => ({ alertId: e(t).alert.id, roomId: fx.botRoomId }) },

  // Money.
  createTopUp: {
    on: 'elder',
    args: (t) => ({ input: { elderId: e(t).elderId, amountFen: 100, idempotencyKey: uniqueKey() } }),
  },
  runMonthlyAllowance: none((_, { fx }) => ({ month: fx.month })),
  // The current month is not over: a permitted call stops there.
  runSettlement: none((_, { fx }) => ({ month: fx.month })),
  settlements: {
    on: 'none',
    args: (_, { fx }) => ({ month: fx.lastMonth }),
    list: { select: '{ id }', items: (data: any) => data.map((r: any) => ({ kind: 'settlement', id: r.id })) },
  },
  approveSettlement: { on: 'settlement', args: (t) => ({ id: t.id }) },
  markSettlementPaid: { on: 'settlement', args: (t) => ({ id: t.id }) },
  holdSettlement: { on: 'settlement', args: (t) => ({ id: t.id, reason: '待核实本月上门记录' }) },
  releaseSettlementHold: { on: 'settlement', args: (t) => ({ id: t.id }) },
  // No failed evaluation in the fixtures: a permitted provider stops at INVALID_STATE.
  submitRectification: none((_, { fx }) => ({
    input: { month: fx.lastMonth, report: '已补齐服务台账，回访流程整改完毕。' },
  })),
  visitExceptions: { on: 'none', args: () => ({ first: 100 }), list: nodes('order', 'orderId') },
  // The fixtures' orders are not charged: a permitted officer in the area stops at INVALID_STATE.
  resolveVisitException: {
    on: 'order',
    args: (t) => ({ input: { id: e(t).exceptionId, resolution: 'ADJUST', amountFen: 1, note: '矩阵测试复核' } }),
  },
  recordQualityEvaluation: {
    on: 'provider',
    args: (t, { fx }) => ({
      input: { providerId: t.id, month: fx.lastMonth, score: 80, passed: true, report: '服务记录完整，回访满意度高。' },
    }),
  },
  dashboard: { on: 'region', args: (t, { fx }) => ({ month: fx.month, regionCode: e(t).communityCode }) },
  // The audit log (issue 24): the district's own area; nothing to send it at.
  auditLog: none(() => ({ first: 20 })),
  ...CAREBED_PROBES,
  ...HOMECARE_PROBES,
  ...GOAL_PROBES,
  ...MEAL_PROBES,
  ...TRAINING_PROBES,
};
