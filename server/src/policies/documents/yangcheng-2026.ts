// Document 001: 阳城县民政局, 2026 年政府购买居家养老服务实施方案（阳民字〔2026〕11号）; see docs/GLOSSARY.md.
// Clause references are "001 <section>"; 三, 七, 八 and 附件1–2 carry the rules encoded here.
import type { PolicyInput } from '../policy.schema.js';

const GUIDE = '001 附件1';
const HOUR_CAP_FEN = 3500; // 001 三(三): 补贴标准原则上每小时不超过 35 元

const item = (code: string, name: string, category: string, description: string) => ({
  code,
  name,
  category,
  mode: 'OFFLINE' as const,
  unit: 'PER_HOUR' as const,
  unitMinutes: 60,
  priceFen: HOUR_CAP_FEN,
  priceIsCap: true,
  description,
  source: GUIDE,
});

// Town codes: 140522 + a three-digit sequence in 附件2's order, starting at 100. They are this
// project's stable keys, not the official statistical codes (which the sources do not give).
export const YANGCHENG_TOWNS: { zone: string; name: string; code: string }[] = [
  ['ZONE_1', '凤城镇'],
  ['ZONE_1', '河北镇'],
  ['ZONE_1', '蟒河镇'],
  ['ZONE_1', '东冶镇'],
  ['ZONE_2', '北留镇'],
  ['ZONE_2', '润城镇'],
  ['ZONE_2', '町店镇'],
  ['ZONE_2', '寺头乡'],
  ['ZONE_2', '芹池镇'],
  ['ZONE_2', '白桑镇'],
  ['ZONE_3', '西河乡'],
  ['ZONE_3', '次营镇'],
  ['ZONE_3', '董封乡'],
  ['ZONE_3', '横河镇'],
  ['ZONE_3', '演礼镇'],
].map(([zone, name], i) => ({ zone, name, code: `140522${100 + i}` }));

const zone = (code: string, name: string) => ({
  code: `YC_${code}`,
  name,
  regionCodes: YANGCHENG_TOWNS.filter((t) => t.zone === code).map((t) => t.code),
  townNames: YANGCHENG_TOWNS.filter((t) => t.zone === code).map((t) => t.name),
  source: '001 附件2',
});

export const yangcheng2026: PolicyInput = {
  code: 'YANGCHENG_2026',
  name: '阳城县 2026 年政府购买居家养老服务',
  issuer: '阳城县民政局',
  documentNumber: '阳民字〔2026〕11号',
  issuedOn: '2026-05-25',
  sourceFile: '001_3b29b7a13571a263.txt',
  region: {
    code: '140522',
    name: '晋城市阳城县',
    // 001 三(二): 具有阳城县户籍且居住在户籍地. The box is the county's extent, rounded outwards.
    bounds: {
      south: 35.15,
      north: 35.75,
      west: 111.95,
      east: 112.75,
      source: '001 三(二)',
      assumed: true,
      note: '方案未给出地理范围；取阳城县行政区域的外接矩形并向外取整',
    },
  },
  effective: { from: '2026-01-01', to: '2026-12-31' },
  eligibility: {
    minAge: 60,
    // 001 三(二): 具有阳城县户籍且居住在户籍地.
    hukouInRegion: true,
    livesInRegion: true,
    residenceSource: '001 三(二)',
    categories: [
      {
        code: 'YC_SCATTERED_EXTREME_POVERTY',
        name: '60 周岁以上分散供养特困对象',
        // 001 七(一): 分散供养特困对象由民政部门依托信息库筛选并建立台账.
        conditions: [{ minAge: 60, flagsAll: ['EXTREME_POVERTY', 'SCATTERED_SUPPORT'], intake: 'REGISTRY_SCREENING' }],
        source: '001 三(二)(1)',
      },
      {
        code: 'YC_LOW_INCOME_DISABLED_OR_AGED',
        name: '低保家庭中 60 周岁以上失能老年人和 80 周岁以上高龄老年人',
        conditions: [
          // 001 七(一): 低保家庭中 60—79 周岁老年人由专业机构评估，评估合格后纳入服务对象台账.
          { minAge: 60, maxAge: 79, flagsAll: ['LOW_INCOME'], selfCareIn: ['DISABLED'], requiresAssessment: true },
          // 001 七(一): 低保家庭中 80 周岁以上高龄老年人由民政部门依托信息库筛选.
          { minAge: 80, flagsAll: ['LOW_INCOME'], intake: 'REGISTRY_SCREENING' },
        ],
        source: '001 三(二)(2)',
      },
    ],
    // 001 三(三): 享受长期护理保险的人员不再享受政府购买居家养老服务.
    exclusions: [
      {
        flag: 'LONG_TERM_CARE_INSURANCE',
        reason: '享受长期护理保险的人员不再享受政府购买居家养老服务',
        source: '001 三(三)',
      },
    ],
    othersMaySelfPay: false,
  },
  workflow: {
    stages: [
      {
        stage: 'COMMUNITY_REVIEW',
        role: 'COMMUNITY_WORKER',
        assumed: true,
        note: '村（社区）受理申请及评估结果；方案未写明此环节',
      },
      { stage: 'STREET_REVIEW', role: 'STREET_OFFICER', assumed: true, note: '乡镇审核；方案未写明此环节' },
      { stage: 'DISTRICT_FILING', role: 'DISTRICT_ADMIN', note: '县民政局纳入服务对象台账并反馈服务商' },
    ],
    // 001 七(一): 80 岁以上低保和分散供养特困对象由民政部门依托信息库筛选并建立台账.
    screeningStages: ['DISTRICT_FILING'],
    source: '001 七(一)',
  },
  allowance: {
    // 001 三(三): 每人每月 4 小时（要分次进行），每小时不超过 35 元，当月使用，不能滚存.
    buckets: [
      {
        accountKind: 'SUBSIDY_HOURS',
        unit: 'MINUTE',
        amount: 240,
        maxRateFenPerHour: HOUR_CAP_FEN,
        rollover: 'NONE',
        pays: ['OFFLINE'],
        paysFor: '每月 4 小时（要分次进行）的免费居家养老服务，当月使用，不能滚存',
        source: '001 三(三)',
      },
    ],
    overagePaidByElder: true,
    overageNote: '方案只规定 4 小时免费服务；超出部分按服务商价格自费，由老人自愿购买（二、积极引导与自愿购买相结合）',
    minVisitsPerMonth: 2,
    // 001 三(三) 每月4小时（要分次进行）: one visit may use at most 4 h minus one shortest visit (3 h),
    // so the 4 hours take at least two visits.
    visitSplit: {
      minVisitMinutes: 60,
      source: '001 三(三)',
      assumed: true,
      note: '方案未规定每次最短服务时长，取 1 小时（服务指南按小时计）',
    },
    clearing: [{ on: 'MONTH_END', source: '001 三(三)' }],
    source: '001 三(三)',
  },
  serviceGuide: {
    items: [
      {
        ...item('YC_MEAL', '助餐服务', '生活照料服务', '上门为老年人做饭或送餐等'),
        // 附件1 sets no hours for 做饭或送餐; a meal is cooked or brought at mealtime (issue 25).
        perVisit: {
          slots: [
            { label: '早餐', fromMinute: 7 * 60, untilMinute: 8 * 60 + 30 },
            { label: '午餐', fromMinute: 10 * 60, untilMinute: 12 * 60 },
            { label: '晚餐', fromMinute: 16 * 60, untilMinute: 18 * 60 },
          ],
          source: GUIDE,
          assumed: true,
          note: '原文未规定助餐时段；取早餐 7:00–8:30、午餐 10:00–12:00、晚餐 16:00–18:00 开始（做饭或送餐）',
        },
      },
      item(
        'YC_BATHING',
        '助浴服务',
        '生活照料服务',
        '上门帮老年人洗发、理发、修面；上门协助老年人沐浴；选择具有相应资质的公共洗浴场所协助老年人沐浴',
      ),
      item(
        'YC_CLEANING',
        '助洁服务',
        '生活照料服务',
        '上门为老年人提供居室清洁、物品清洁；疏通水池、浴缸、坐便器、蹲坑、地漏等；物品、衣物清洗',
      ),
      item(
        'YC_WALKING',
        '助行服务',
        '生活照料服务',
        '陪同能够自理的老年人在住宅附近周边区域散步；陪同老年人就近走亲访友、银行取款、购物等',
      ),
      item(
        'YC_EMERGENCY',
        '助急服务',
        '生活照料服务',
        '下水道疏通、开锁修锁和水电暖维修等；老年人身体不适或需要救助时，帮助联系家属和相关救援机构，及时实施救援',
      ),
      item(
        'YC_ERRANDS',
        '代办服务',
        '生活照料服务',
        '按照老年人的要求代办各种手续、代缴各种费用、帮助老年人代购生活用品等',
      ),
      item(
        'YC_COMFORT',
        '心理慰藉服务',
        '精神慰藉服务',
        '上门聊天、读书看报，与老年人谈心、交流，舒缓情绪，排遣孤独感，或以其他陪同方式满足老年人的心理需求',
      ),
      item(
        'YC_COUNSELLING',
        '心理疏导服务',
        '精神慰藉服务',
        '观察老年人的情绪变化，并通过心理干预手段调整老年人心理状态',
      ),
      item(
        'YC_VISITING',
        '探访服务',
        '精神慰藉服务',
        '面向居家的高龄、独居、空巢、留守、失能、失智、计划生育特殊家庭等老年人开展探访与帮扶服务',
      ),
      item(
        'YC_LEGAL_ADVICE',
        '法律咨询、政策解读',
        '精神慰藉服务',
        '由第三方机构根据老年人需要，提供必要的法律咨询、政策解读等公益服务',
      ),
      item(
        'YC_MEDICAL_ASSIST',
        '医疗协助服务',
        '助医服务',
        '遵照医嘱提醒和监督老年人按时服药，或陪同就医、就诊、住院陪护、购药送药、社区卫生服务；协助开展医疗辅助性工作',
      ),
      item(
        'YC_REHAB_CARE',
        '康复护理服务',
        '助医服务',
        '指导老年人正确执行医嘱，协助老年人正确使用康复辅助器具、智慧养老服务产品',
      ),
      item(
        'YC_HEALTH_GUIDANCE',
        '健康指导服务',
        '助医服务',
        '为老年人提供预防保健、康复护理及老年期营养、心理健康等知识教育',
      ),
      item('YC_ASSESSMENT', '评估服务', '评估和培训服务', '老年人生活能力评估、工作绩效评估等'),
      item(
        'YC_TRAINING',
        '培训服务',
        '评估和培训服务',
        '养老服务从业人员职业培训；失能失智和高龄老年人家庭成员照护培训',
      ),
    ],
  },
  outreach: [],
  visits: {
    checkInWindow: {
      earlyMinutes: 30,
      lateMinutes: 120,
      source: '001 七(三)',
      assumed: true,
      note: '原文未规定签到时间窗，取预约时间前 30 分钟至后 2 小时',
    },
    // Neither source sets service hours; a home visit starting at night is more likely a typo (3点 for 15点)
    // than a plan, so booking is refused outside 07:00–20:00 unless the item is night care.
    bookingHours: {
      fromMinute: 7 * 60,
      untilMinute: 20 * 60,
      source: '001 七(三)',
      assumed: true,
      note: '原文未规定上门服务时段，取 7:00 至 20:00 开始（夜间服务项目除外）',
    },
    // 001 七(三): settlement rests on the providers' service records, which must match the
    // platform's; 001 八(二)2(2) ends the contract of a provider that records false service. So a
    // record counts only when the elder or family vouches for it, or a call confirms it.
    evidence: {
      accepted: ['ELDER_SIGNOFF_CODE', 'ELDER_APP', 'FAMILY_APP', 'FOLLOW_UP_CALL'],
      source: '001 七(三)',
      assumed: true,
      note: '原文未列出确认方式，沿用老人或家属确认、回访确认',
    },
    // 001 三(三): the 4 hours are counted by the hour; measured time, rounded up to 15 minutes.
    hourlyChargeStepMinutes: 15,
    hourlySource: '001 三(三)',
    assumed: true,
    note: '按实际服务时长向上取整到 15 分钟扣减时长，不超过预约时长（取整步长为假定值）',
  },
  timeLimits: {
    complaintRevisitUntilSatisfied: false,
    terminationEffective: 'NEXT_MONTH',
    source: '001 八(一)',
  },
  penalties: {
    // 001 八(二)1: 服务期限内三次被服务对象投诉，经核实责任在服务机构的 → 约谈、督促整改、暂停资金结算.
    verifiedComplaintsForSuspension: 3,
    suspensionActions: ['约谈', '督促整改', '暂停资金结算'],
    suspensionGrounds: [
      '不按承诺提供服务或者经考核评价服务质量低于规定标准的',
      '接到服务对象投诉拒绝处理的',
      '服务期限内三次被服务对象投诉，经核实责任在服务机构的',
      '发布虚假广告，造成不良影响的',
      '合同约定的其他情形',
    ],
    contractTerminationGrounds: [
      { code: 'NO_QUALIFICATION', label: '不再具备相应资质的', source: '001 八(二)2(1)' },
      {
        code: 'FALSE_SERVICE_RECORDS',
        label: '以各种方式记录虚假服务并以此作为政府补贴依据的',
        source: '001 八(二)2(2)',
      },
      {
        code: 'SELLING_HEALTH_PRODUCTS',
        label: '承接主体或联合其他单位向老年人推销、销售保健品的',
        source: '001 八(二)2(3)',
      },
      { code: 'DEFRAUDING_ELDERS', label: '承接主体或联合其他单位诈骗老人钱财的', source: '001 八(二)2(4)' },
      { code: 'OWN_PREPAID_CARDS', label: '使用本机构自行发行卡让老人充值的', source: '001 八(二)2(5)' },
      {
        code: 'PARENT_FRAUD',
        label: '承接主体的上级单位（或母公司）开展涉嫌诈骗或非法集资活动的',
        source: '001 八(二)2(6)',
      },
      {
        code: 'UNRECTIFIED_COMPLAINTS',
        label: '多次被服务对象投诉，县民政局采取约谈、督促整改、暂停资金结算等措施处理，仍不整改的',
        source: '001 八(二)2(7)',
      },
      {
        code: 'SERIOUS_VIOLATION',
        label: '有其他严重违背公益性养老服务方向或违法违纪行为的',
        source: '001 八(二)2(8)',
      },
    ],
    // 001 八(二)1 约谈、督促整改 sets no deadline for the rectification.
    rectificationDays: 30,
    rectificationSource: '001 八(二)1',
    assumed: true,
    note: '方案未规定整改期限，取 30 日',
    source: '001 八(二)',
  },
  caregivers: {
    certificates: [
      {
        kind: 'HEALTH',
        label: '健康证明',
        forModes: ['OFFLINE'],
        source: '001 八(二)2(1)',
        assumed: true,
        note: '方案只写“不再具备相应资质的”终止合同，未列服务人员证件；按上门服务通行要求须持有效健康证明',
      },
    ],
    expiryNoticeDays: 30,
    expirySource: '001 十(三)',
    assumed: true,
    note: '方案要求定期培训服务人员，未规定证件到期提醒；提前 30 日提醒服务机构',
  },
  settlement: {
    // 001 七(三) says 定期结算 (periodic) without the period; monthly is ours.
    cycle: 'MONTHLY',
    cycleSource: '001 七(三)',
    assumed: true,
    note: '原文为“定期结算”，未规定周期，按月结算为假定',
    basis: '根据承接主体提供的服务记录（和平台保持一致）定期结算；所有服务记录须全部录入平台',
    evaluationRequired: false,
    failedEvaluationHolds: true,
    documents: [],
    source: '001 七(三)',
  },
  terminationReasons: [
    {
      reason: 'MOVED_HUKOU',
      label: '户籍转移',
      effective: 'NEXT_MONTH',
      fastTrack: true,
      source: '001 八(一)1',
      assumed: true,
      note: '方案写“从本行政区退出”，未定生效时间；凭户口迁移证明直接生效',
    },
    // 001 八(一)2: 本人亡故的，即行退出 — at once, without waiting for reviews.
    { reason: 'DIED', label: '本人亡故', effective: 'IMMEDIATE', fastTrack: true, source: '001 八(一)2' },
    {
      reason: 'NO_LONGER_ELIGIBLE',
      label: '不再符合条件（经核定）',
      effective: 'NEXT_MONTH',
      source: '001 八(一)3',
      assumed: true,
    },
    {
      reason: 'CASHED_OUT',
      label: '不按规定接受服务，直接套取现金或以商品代替服务（经核实）',
      effective: 'IMMEDIATE',
      source: '001 八(一)4',
      assumed: true,
    },
  ],
  // 001 八(一)3/4: 经核定后退出、经核实退出 — who verifies is not said.
  terminationReview: {
    stages: [
      { stage: 'COMMUNITY_REVIEW', role: 'COMMUNITY_WORKER' },
      { stage: 'STREET_REVIEW', role: 'STREET_OFFICER' },
    ],
    source: '001 八(一)',
    assumed: true,
    note: '方案未规定退出的审核环节，沿用村（社区）、乡镇两级审核；县民政局再将退出情况反馈服务商（001 八(一)5）',
  },
  zones: [zone('ZONE_1', '第一片区'), zone('ZONE_2', '第二片区'), zone('ZONE_3', '第三片区')],
};
