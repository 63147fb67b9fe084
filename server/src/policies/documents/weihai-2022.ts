// Document 004: 威海市民政局、威海市财政局, 威海市居家和社区基本养老服务提升行动项目实施方案, 2022-10-24;
// see docs/GLOSSARY.md. Clause references are "004 <section>"; 二–七 and 附件1–7 carry the rules here.
// The programme builds family care beds (家庭养老床位, careBeds) and buys home visits under signed
// agreements (visitAgreements), against the districts' targets (附件2).
import type { FLAGS } from '../policy.parts.js';
import type { PolicyInput } from '../policy.schema.js';
import { WEIHAI_BED_CATALOGUE, WEIHAI_DISTRICTS, WEIHAI_TARGETS } from './weihai-2022.beds.js';

// 004 三(二) lists the visit services; 四(二) leaves their price to each district (由各区市…合理确定).
const VISIT_PRICE_FEN = 5000;
type Content = { code: string; detail?: string; assumed?: boolean; note?: string };
// 004 附件7 四 服务内容: the national system's eleven content codes; each item says which it is reported as.
const visit = (code: string, name: string, description: string, content: Content) => ({
  code: `WH_${code}`,
  name,
  category: '居家养老上门服务',
  mode: 'OFFLINE' as const,
  unit: 'PER_VISIT' as const,
  priceFen: VISIT_PRICE_FEN,
  priceIsCap: true,
  description,
  // 004 附件7 四 服务质量标准: the national skill standard; no local or project standard is in the seed.
  standard: '养老护理员国家职业技能标准（2019年版）',
  content: { ...content, source: '004 附件7 四' },
  source: '004 三(二)',
});

// 004 二: 经济困难 (分散供养特困、低保、低保边缘、区市认定的其他困难) and 失能 or 部分失能, assessed (五(二)1).
const hardship = (code: string, name: string, flagsAll: (typeof FLAGS)[number][]) => ({
  code: `WH_${code}`,
  name,
  conditions: [
    { minAge: 60, flagsAll, selfCareIn: ['PARTIAL' as const, 'DISABLED' as const], requiresAssessment: true },
  ],
  source: '004 二',
});

export const weihai2022: PolicyInput = {
  code: 'WEIHAI_2022',
  name: '威海市居家和社区基本养老服务提升行动项目',
  issuer: '威海市民政局 威海市财政局',
  issuedOn: '2022-10-24',
  sourceFile: '004_1887fd793686e8e0.txt',
  region: {
    code: '371000',
    name: '威海市',
    bounds: {
      south: 36.6,
      north: 37.6,
      west: 121.6,
      east: 122.8,
      source: '004 二',
      assumed: true,
      note: '方案未给出地理范围；取威海市行政区域的外接矩形并向外取整',
    },
  },
  // From the day it was issued to the last day a visit counts (三(二): 到 2023年6月底前).
  effective: { from: '2022-10-24', to: '2023-06-30' },
  eligibility: {
    minAge: 60,
    // 004 二: 在本市长期居住的 60 周岁以上 — residence, not hukou.
    hukouInRegion: false,
    livesInRegion: true,
    residenceSource: '004 二',
    categories: [
      hardship('SCATTERED_EXTREME_POVERTY', '分散供养特困人员（失能、部分失能）', [
        'EXTREME_POVERTY',
        'SCATTERED_SUPPORT',
      ]),
      hardship('LOW_INCOME', '低保对象（失能、部分失能）', ['LOW_INCOME']),
      hardship('LOW_INCOME_MARGINAL', '低保边缘家庭老年人（失能、部分失能）', ['LOW_INCOME_MARGINAL']),
      hardship('ECONOMIC_HARDSHIP', '区市认定的其他经济困难老年人（失能、部分失能）', ['ECONOMIC_HARDSHIP']),
    ],
    exclusions: [],
    othersMaySelfPay: false,
  },
  workflow: {
    // 004 五(二)2: 老年人向所在街道（镇）提出申请，街道（镇）初审后统一报区市民政部门认定留档，并及时公示.
    stages: [
      { stage: 'STREET_REVIEW', role: 'STREET_OFFICER' },
      { stage: 'DISTRICT_FILING', role: 'DISTRICT_ADMIN', note: '认定留档后公示（公示在床位流程中记录）' },
    ],
    source: '004 五(二)2',
  },
  // 004 三(二), 五(二)3/5, 五(五): the project pays each agreed visit at the agreement's price to the
  // agreement's provider (visitAgreements.paidFrom); the elder's wallet gets no monthly quota.
  allowance: {
    buckets: [],
    overagePaidByElder: false,
    overageNote: '上门服务按服务协议约定的项目和价格，由项目资金支付（三(二)、五(五)）；补贴标准由各区市确定（四(二)）',
    clearing: [],
    source: '004 四(二)',
  },
  serviceGuide: {
    items: [
      visit('MEAL', '助餐', '上门送餐、协助进食', { code: 'EATING' }),
      visit('CLEANING', '助洁', '居室清洁、衣物清洗', { code: 'CLEANING' }),
      visit('WALKING', '助行', '陪同出行、协助行走', { code: 'OUTING' }),
      visit('BATHING', '助浴', '上门协助沐浴', {
        code: 'BASIC_CARE',
        assumed: true,
        note: '附件7 四未列“助浴”，按个人清洁照料归入“基础照护”',
      }),
      visit('MEDICAL', '助医', '陪同就医、代为取药', {
        code: 'HEALTH',
        assumed: true,
        note: '附件7 四未列“助医”，按就医取药归入“健康管理”',
      }),
      visit('REHAB', '康复', '康复训练、协助使用康复辅具', { code: 'REHAB' }),
      // 附件7 四: 如选“其他”，请注明具体服务内容.
      visit('VISITING', '巡访关爱', '上门探访、安全巡查', { code: 'OTHER', detail: '巡访关爱' }),
      visit('HEALTH', '健康管理', '健康监测、用药提醒', { code: 'HEALTH' }),
      visit('COMFORT', '心理支持', '聊天谈心、心理疏导', { code: 'PSYCHOLOGICAL' }),
      visit('ERRANDS', '委托代办', '代购代缴、代办手续', { code: 'ERRANDS' }),
    ],
  },
  outreach: [],
  visits: {
    checkInWindow: {
      earlyMinutes: 30,
      lateMinutes: 120,
      source: '004 五(二)5',
      assumed: true,
      note: '原文未规定签到时间窗，取预约时间前 30 分钟至后 2 小时',
    },
    // 004 五(二)5 and 附件7 四 质量监督: each visit records the elder's satisfaction; someone other than the
    // provider vouches for it.
    evidence: {
      accepted: ['ELDER_SIGNOFF_CODE', 'ELDER_APP', 'FAMILY_APP', 'FOLLOW_UP_CALL'],
      source: '004 附件7 四',
    },
    hourlyChargeStepMinutes: 15,
    hourlySource: '004 附件7 四',
    assumed: true,
    note: '时长以分钟为单位（附件7 四）；按次计价的项目不按时长扣减',
  },
  timeLimits: {
    complaintRevisitUntilSatisfied: false,
    terminationEffective: 'NEXT_MONTH',
    source: '004 七(三)',
  },
  penalties: {
    suspensionActions: ['限期整改', '收回已发放的项目资金'],
    suspensionGrounds: ['不符合规定建设家庭养老床位的', '违反财务规定、弄虚作假、骗取补贴资金的'],
    rectificationDays: 30,
    rectificationSource: '004 五(四)',
    assumed: true,
    note: '方案写“限期整改”，未规定期限，取 30 日',
    source: '004 五(四)',
  },
  caregivers: {
    certificates: [],
    expiryNoticeDays: 30,
    expirySource: '004 附件7 四',
    assumed: true,
    note: '方案未规定证件到期提醒，取 30 日',
  },
  settlement: {
    cycle: 'MONTHLY',
    cycleSource: '004 五(五)',
    assumed: true,
    note: '方案未规定结算周期；资金只用于家庭养老床位和居家上门服务（五(五)）',
    basis: '家庭养老床位按验收合格的执行金额支付；居家上门服务按确认的服务次数支付',
    evaluationRequired: false,
    failedEvaluationHolds: false,
    documents: ['家庭养老床位验收表（附件6）', '家庭养老床位建设前后对比电子档案（附件5）'],
    source: '004 五(五)',
  },
  terminationReasons: [
    { reason: 'DIED', label: '本人亡故', effective: 'IMMEDIATE', fastTrack: true, source: '004 七(二)', assumed: true },
    {
      reason: 'NO_LONGER_ELIGIBLE',
      label: '不再符合条件或弄虚作假（追回补贴资金）',
      effective: 'IMMEDIATE',
      source: '004 七(二)',
    },
  ],
  terminationReview: {
    stages: [{ stage: 'STREET_REVIEW', role: 'STREET_OFFICER' }],
    source: '004 七(二)',
    assumed: true,
    note: '方案未规定退出审核环节，由街道（镇）审核',
  },
  phases: [
    { code: 'MOBILISATION', name: '动员部署阶段', to: '2022-10-31', source: '004 六(一)' },
    { code: 'IMPLEMENTATION', name: '组织实施阶段', from: '2022-11-01', to: '2023-03-31', source: '004 六(二)' },
    { code: 'EVALUATION', name: '评估评价阶段', from: '2023-04-01', to: '2023-05-31', source: '004 六(三)' },
  ],
  // 004 七(三): 自 2022年10月起……及时录入.
  dataEntry: { from: '2022-10-01', source: '004 七(三)' },
  targets: WEIHAI_TARGETS,
  careBeds: {
    catalogue: WEIHAI_BED_CATALOGUE,
    requiredSource: '004 三(一)',
    // 004 四(一): 平均每户……不超过 2500元 …… 其中，智能化改造每户不超过 1000元.
    smartCapFen: 100_000,
    smartCapSource: '004 四(一)',
    averageCapFen: 250_000,
    averageCapSource: '004 四(一)',
    // 004 四(一): 此前已进行适老化改造并具备相应功能的不重复改造……进行补差.
    repeatAdaptation: 'TOP_UP_ONLY',
    repeatSource: '004 四(一)',
    // 004 三(一): 拥有产权或者长期居住（原则上 6个月以上）……符合质量安全相关标准、具备基础改造条件，且没有纳入拆迁规划.
    minResidenceMonths: 6,
    housingSource: '004 三(一)',
    // 004 五(一): 不低于 2年的质保期.
    warrantyMonths: 24,
    warrantySource: '004 五(一)',
    // 004 五(二)6: 须于 2023年3月底前完成建设任务，向所在区市民政部门提交验收申请. A later request is
    // refused: the programme's implementation phase has ended (六(二)).
    acceptanceRequestBy: '2023-03-31',
    lateRequest: 'REFUSE',
    acceptanceSource: '004 五(二)6',
    // 004 附件7 二 竣工验收: 验收机构不得与评估设计机构为同一家机构或存在利益关系.
    independentAcceptance: true,
    independenceSource: '004 附件7 二',
    // 004 二: 优先保障分散供养特困人员、低保对象、低保边缘家庭.
    priority: ['SCATTERED_SUPPORT', 'LOW_INCOME', 'LOW_INCOME_MARGINAL', 'ECONOMIC_HARDSHIP'],
    prioritySource: '004 二',
    disabilityLevels: [
      { code: 'MILD', label: '轻度失能' },
      { code: 'MODERATE', label: '中度失能' },
      { code: 'SEVERE', label: '重度失能' },
    ],
    disabilitySource: '004 附件3',
    // 004 前言 and 五(五): the central lottery fund pays the project; its share of each bed is not stated.
    lotterySharePercent: 100,
    lotterySource: '004 五(五)',
    fundMark: '彩票公益金资助—中国福利彩票和中国体育彩票',
    fundMarkSource: '004 五(五)',
    // 004 五(一): 实行 24小时动态管理和远程监控.
    deviceResponseHours: 24,
    deviceSource: '004 五(一)',
    assumed: true,
    note: '每床中央专项彩票公益金资助比例原文未写明，取全额',
  },
  visitAgreements: {
    // 004 三(二): A 类、B 类老年人之外的其余服务对象……签约服务不少于 24个月且到 2023年6月底前……累计提供 30次以上.
    minTermMonths: 24,
    exemptClasses: [
      // 004 四(二): 按威民发〔2018〕161号标准执行 — that standard is not among the seed documents.
      { code: 'CLASS_A', label: 'A 类老年人', pendingSource: true, note: '标准见威民发〔2018〕161号，未收录' },
      { code: 'CLASS_B', label: 'B 类老年人', pendingSource: true, note: '标准见威民发〔2018〕161号，未收录' },
    ],
    termSource: '004 三(二)',
    minVisits: 30,
    visitsBy: '2023-06-30',
    visitsSource: '004 三(二)',
    // 004 三(二): 为有相关需求但未建立家庭养老床位的老年人提供居家养老上门服务.
    excludesAcceptedBed: true,
    exclusionSource: '004 三(二)',
    contentCodes: [
      { code: 'OUTING', label: '出行' },
      { code: 'CLEANING', label: '清洁' },
      { code: 'DAILY_LIVING', label: '起居' },
      { code: 'BEDRIDDEN', label: '卧床' },
      { code: 'EATING', label: '饮食' },
      { code: 'BASIC_CARE', label: '基础照护' },
      { code: 'HEALTH', label: '健康管理' },
      { code: 'REHAB', label: '康复辅助' },
      { code: 'PSYCHOLOGICAL', label: '心理支持' },
      { code: 'ERRANDS', label: '委托代办' },
      { code: 'OTHER', label: '其他' },
    ],
    standards: ['养老护理员国家职业技能标准（2019年版）', '地方标准', '项目专门质量规范'],
    contentSource: '004 附件7 四',
    paceAlertShortfall: 3,
    // 004 五(二)3 服务价格 in the agreement; 五(五) 项目资金 only for beds and visits; 三(二) the agreed visits.
    paidFrom: 'PROJECT_FUNDING',
    paymentSource: '004 五(二)3',
    // 004 前言, 五(五): the project is paid from the central lottery fund; the share per visit is not
    // stated, so the whole order amount is reported as its support (as for beds).
    lotterySharePercent: 100,
    lotterySource: '004 五(五)',
    assumed: true,
    note: '进度预警（落后均匀进度 3 次）为假定值；每次服务的中央专项彩票公益金支持比例原文未写明，取全额',
  },
  zones: WEIHAI_DISTRICTS.map((d) => ({
    code: `WH_${d.code}`,
    name: d.name,
    regionCodes: [d.code],
    source: '004 附件2',
  })),
};
