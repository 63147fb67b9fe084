// 洛阳市人民政府关于加快居家和社区养老服务发展的意见（洛政〔2013〕88号, document 003): a city framework.
// The city sets the facility rules and grants (二(一), 三(一)); each county (市、区) sets its own
// home-care details within the city's bounds by 2013-09-30 (三(二)): the county documents are in
// luoyang-2013.counties.ts and are validated against this one. Where the text is silent the value
// is marked `assumed`; where it points at a standard the seed lacks, `pendingSource`.
import type { PolicyInput } from '../policy.schema.js';
import { LUOYANG_COUNTY_INPUTS } from './luoyang-2013.counties.js';
import { LUOYANG_2013_CALLS, LUOYANG_2013_OVERSIGHT } from './luoyang-2013.oversight.js';
import { LUOYANG_CITY, LUOYANG_DISTRICTS } from './luoyang-2013.regions.js';

const SERVICES = '003 二(二)1';
const WAN = 1_000_000; // 1 万元 in fen

// 二(二)1 lists the services; 三(二) says their prices are set below the market price. The figures
// are the county's to set (三(二)); these are demo prices, marked assumed.
const item = (code: string, name: string, category: string, priceFen: number) => ({
  code: `LY_${code}`,
  name,
  category,
  mode: 'OFFLINE' as const,
  unit: 'PER_HOUR' as const,
  unitMinutes: 60,
  priceFen,
  description: `${name}（低于市场价格，003 三(二)）`,
  source: SERVICES,
});

export const luoyang2013: PolicyInput = {
  code: 'LUOYANG_2013',
  name: '洛阳市居家和社区养老服务（洛政〔2013〕88号）',
  issuer: '洛阳市人民政府',
  documentNumber: '洛政〔2013〕88号',
  issuedOn: '2013-08-05',
  sourceFile: '003_98630242758cadc5.txt',
  region: { code: LUOYANG_CITY.code, name: LUOYANG_CITY.name },
  // 一: 从 2013 年起，利用 3 年时间 — the framework has no end date.
  effective: { from: '2013-08-05' },
  eligibility: {
    minAge: 60,
    hukouInRegion: true,
    livesInRegion: true,
    residenceSource: '003 二(二)1',
    // 二(二)1: 本市户籍的城镇散居"三无"老人、独生子女和计生双女困难父母老人、生活不能自理或半自理无子女照顾的
    // 低保老人、省级以上老劳动模范、重点优抚对象中生活困难以及其他生活困难的老年人. The age is not stated (60 assumed).
    // "生活困难" may qualify only 重点优抚对象 (reading A) or also 省级以上老劳动模范 (reading B). We take
    // reading A: the clause repeats 中生活困难 only after 重点优抚对象, and 老劳动模范 stands as its own item
    // between two items that name their hardship; reading B is kept in luoyang-2013.counties.ts as
    // MODEL_WORKER_READING_B so a county may adopt it.
    categories: [
      {
        code: 'LY_URBAN_THREE_NO',
        name: '城镇散居"三无"老人',
        conditions: [{ minAge: 60, flagsAll: ['URBAN_RESIDENT', 'EXTREME_POVERTY', 'SCATTERED_SUPPORT'] }],
        source: '003 二(二)1',
      },
      {
        code: 'LY_FAMILY_PLANNING_HARDSHIP',
        name: '独生子女和计生双女困难父母老人',
        conditions: [
          { minAge: 60, flagsAll: ['ONLY_CHILD_PARENT', 'ECONOMIC_HARDSHIP'] },
          { minAge: 60, flagsAll: ['TWO_DAUGHTERS_PARENT', 'ECONOMIC_HARDSHIP'] },
        ],
        source: '003 二(二)1',
      },
      {
        code: 'LY_LOW_INCOME_DEPENDENT',
        name: '生活不能自理或半自理无子女照顾的低保老人',
        conditions: [
          {
            minAge: 60,
            flagsAll: ['LOW_INCOME', 'NO_CHILD_CARER'],
            selfCareIn: ['PARTIAL', 'DISABLED'],
            requiresAssessment: true,
          },
        ],
        source: '003 二(二)1',
      },
      {
        code: 'LY_MODEL_WORKER',
        name: '省级以上老劳动模范',
        conditions: [{ minAge: 60, flagsAll: ['PROVINCIAL_MODEL_WORKER'] }],
        source: '003 二(二)1',
      },
      {
        code: 'LY_ENTITLED_HARDSHIP',
        name: '重点优抚对象中生活困难的老人',
        conditions: [{ minAge: 60, flagsAll: ['PRIORITY_ENTITLED', 'ECONOMIC_HARDSHIP'] }],
        source: '003 二(二)1',
      },
      {
        code: 'LY_OTHER_HARDSHIP',
        name: '其他生活困难的老年人（由县（市、区）认定）',
        conditions: [{ minAge: 60, flagsAll: ['ECONOMIC_HARDSHIP'] }],
        onlyIfNoOtherCategory: true,
        source: '003 二(二)1',
      },
    ],
    othersMaySelfPay: true,
  },
  workflow: {
    stages: [
      { stage: 'COMMUNITY_REVIEW', role: 'COMMUNITY_WORKER', assumed: true, note: '原文未规定申请审核流程' },
      { stage: 'STREET_REVIEW', role: 'STREET_OFFICER', assumed: true },
      { stage: 'DISTRICT_FILING', role: 'DISTRICT_ADMIN', assumed: true, note: '县（市、区）确定审核办法（三(二)）' },
    ],
    source: '003 三(二)',
  },
  allowance: {
    // 三(二): 每天 1-3 个小时 by self-care level; each elder's month is the county's (or the framework's)
    // hours for their level × days in the month × 60 (amountFrom). `amount` is the floor, 1 h × 30 days.
    buckets: [
      {
        accountKind: 'SUBSIDY_HOURS',
        unit: 'MINUTE',
        amount: 30 * 60,
        amountFrom: 'HOME_CARE_HOURS',
        rollover: 'NONE',
        pays: ['OFFLINE'],
        paysFor: '政府为困难老人购买的“上门服务”：助餐、助洁、助浴、助医、助行、助购等',
        source: '003 三(二)',
      },
    ],
    overagePaidByElder: true,
    overageNote: '超出补贴时长的服务由老人低偿、有偿购买（003 二(二)1）',
    clearing: [{ on: 'MONTH_END', source: '003 三(二)' }],
    source: '003 三(二)',
  },
  serviceGuide: {
    items: [
      item('MEAL', '助餐', '生活照料', 1500),
      item('CLEANING', '助洁', '生活照料', 2000),
      item('BATHING', '助浴', '生活照料', 2500),
      item('MEDICAL', '助医', '医疗保健', 2000),
      item('WALKING', '助行', '生活照料', 1500),
      item('SHOPPING', '助购', '生活照料', 1500),
      item('RECREATION', '文化娱乐', '精神文化', 1000),
      item('COMFORT', '精神慰藉', '精神文化', 1500),
      item('LEGAL', '法律维权', '法律服务', 2000),
    ],
  },
  outreach: [],
  visits: {
    checkInWindow: { earlyMinutes: 30, lateMinutes: 120, source: '003 三(二)', assumed: true },
    evidence: { accepted: ['ELDER_SIGNOFF_CODE', 'ELDER_APP', 'FAMILY_APP'], source: '003 四(三)', assumed: true },
    hourlyChargeStepMinutes: 15,
    hourlySource: '003 三(二)',
    assumed: true,
    note: '按购买服务时间结算；取整步长为假定值',
  },
  timeLimits: { complaintRevisitUntilSatisfied: false, terminationEffective: 'NEXT_MONTH', source: '003 四(三)' },
  penalties: {
    suspensionActions: ['通报批评', '取消服务资格'],
    suspensionGrounds: ['服务不达标、群众不满意的给予通报批评', '情形严重的取消服务资格'],
    rectificationDays: 30,
    rectificationSource: '003 四(三)',
    assumed: true,
    note: '原文未规定整改期限，取 30 日',
    source: '003 四(三)',
  },
  caregivers: { expiryNoticeDays: 30, expirySource: '003 三(四)', assumed: true },
  settlement: {
    cycle: 'MONTHLY',
    assumed: true,
    basis: '参照本辖区小时最低工资标准核算购买服务工时费用（003 三(二)）',
    evaluationRequired: false,
    failedEvaluationHolds: false,
    source: '003 三(二)',
  },
  terminationReasons: [
    { reason: 'DIED', label: '本人亡故', effective: 'IMMEDIATE', fastTrack: true, source: '003 三(二)', assumed: true },
    {
      reason: 'NO_LONGER_ELIGIBLE',
      label: '不再符合条件',
      effective: 'NEXT_MONTH',
      source: '003 三(二)',
      assumed: true,
    },
  ],
  terminationReview: {
    stages: [{ stage: 'STREET_REVIEW', role: 'STREET_OFFICER' }],
    source: '003 三(二)',
    assumed: true,
  },
  // The 12349 hotline and its four-level network (二(二)2, 三(三)); star ratings and the service circle (四(三)).
  calls: LUOYANG_2013_CALLS,
  oversight: LUOYANG_2013_OVERSIGHT,
  zones: LUOYANG_DISTRICTS.map((d) => ({
    code: `LY_${d.code}`,
    name: d.name,
    regionCodes: [d.code],
    source: '003 三(二)',
    assumed: true,
    note: '各县（市、区）委托服务机构，一县一片区为假定',
  })),
  // 三(二): the counties set the details by 2013-09-30, within these bounds.
  framework: {
    countiesDecideBy: '2013-09-30',
    readings: [
      {
        code: 'MODEL_WORKER_HARDSHIP',
        question: '“省级以上老劳动模范、重点优抚对象中生活困难”中的“生活困难”是否也限定老劳动模范',
        options: [
          { code: 'READING_A', text: '只限定重点优抚对象：省级以上老劳动模范不论是否困难均可享受' },
          { code: 'READING_B', text: '同时限定老劳动模范：只有生活困难的省级以上老劳动模范可以享受' },
        ],
        chosen: 'READING_A',
        source: '003 二(二)1',
        note: '“中生活困难”紧随“重点优抚对象”，老劳动模范单列一项；县（市、区）可在本县规则中选择 READING_B',
      },
    ],
    // Each county's document, validated against this framework when the document is parsed.
    counties: LUOYANG_COUNTY_INPUTS,
    source: '003 三(二)',
  },
  // 三(二): 政府可通过发放补贴券或购买服务时间等形式. The text names vouchers but not their form: one a day,
  // worth the day's hours, valid in the month of issue and not rolled over are ours.
  vouchers: {
    unit: 'MINUTE',
    perMonth: 'ONE_PER_DAY',
    validity: 'ISSUE_MONTH',
    rollover: 'NONE',
    serialPrefix: 'LY',
    source: '003 三(二)',
    assumed: true,
    note: '原文只写“发放补贴券”；每日一张、面值为当日服务时长、当月有效、不滚存均为假定',
  },
  // 三(二): 对自理、半失能、失能的困难老人每天提供 1-3 个小时居家养老服务 — 1/2/3 by level is ours.
  homeCareHours: {
    min: 1,
    max: 3,
    bySelfCare: { SELF_CARE: 1, PARTIAL: 2, DISABLED: 3 },
    source: '003 三(二)',
    assumed: true,
    note: '原文只规定 1-3 小时，按自理 1 小时、半失能 2 小时、失能 3 小时为假定；县（市、区）可在 [1, 3] 内调整',
  },
  // 三(二): 服务项目收费标准应按照低于市场价格确定. The market prices are demo figures.
  marketPrices: {
    items: [
      ['MEAL', 2000],
      ['CLEANING', 3000],
      ['BATHING', 4000],
      ['MEDICAL', 3000],
      ['WALKING', 2000],
      ['SHOPPING', 2000],
      ['RECREATION', 1500],
      ['COMFORT', 2000],
      ['LEGAL', 3000],
    ].map(([c, marketFen]) => ({ code: `LY_${c}`, marketFen: marketFen as number })),
    source: '003 三(二)',
    assumed: true,
    note: '市场价格为演示数据，须由县（市、区）物价部门核定',
  },
  facilities: {
    areaTiers: {
      kinds: ['SERVICE_STATION', 'DAY_CARE_CENTRE'],
      // 二(一)2: 社区老年人口分别在 500 人以下、501-1000 人和 1001 人以上的，服务用房面积应分别不低于 200、300、400 平方米.
      tiers: [
        { tier: 1, maxElders: 500, minAreaM2: 200 },
        { tier: 2, maxElders: 1000, minAreaM2: 300 },
        { tier: 3, minAreaM2: 400 },
      ],
      newEstates: {
        standard: '建标143-2010 社区老年人日间照料中心建设标准',
        pendingSource: true,
        source: '003 二(一)2',
      },
      source: '003 二(一)2',
      assumed: true,
      note: '原文“500 人以下”按含 500 人计（≤500）；该分类原文写给服务站点，日间照料中心同样适用为假定',
    },
    funding: {
      districts: LUOYANG_DISTRICTS.map((d) => ({ regionCode: d.code, name: d.name, class: d.class })),
      shares: [
        { class: 'URBAN_DISTRICT', payer: 'PROGRAMME_REGION', fundSource: 'CITY_FINANCE', percent: 50 },
        { class: 'URBAN_DISTRICT', payer: 'FACILITY_DISTRICT', fundSource: 'DISTRICT_FINANCE', percent: 50 },
        { class: 'COUNTY', payer: 'FACILITY_DISTRICT', fundSource: 'COUNTY_FINANCE', percent: 100 },
      ],
      source: '003 三(一)',
    },
    startupGrant: {
      kinds: ['DAY_CARE_CENTRE', 'SERVICE_STATION'],
      minFen: 5 * WAN,
      maxFen: 20 * WAN,
      minOperatingMonths: 3,
      clawbackWithinMonths: 24,
      source: '003 三(一)',
    },
    // 二(一)3: 对辖区内享受政府居家养老服务补贴的老年人…提供无偿服务；对低收入老年人，按照低于市场价格，
    // 提供低偿服务；对其他老年人，按照市场价格，提供有偿服务. Which flags make an elder 低收入 is ours.
    centrePricing: {
      kinds: ['DAY_CARE_CENTRE'],
      lowIncomeFlags: ['LOW_INCOME', 'ECONOMIC_HARDSHIP'],
      lowIncomeSource: '003 二(一)3',
      source: '003 二(一)3',
      assumed: true,
      note: '原文未界定“低收入老年人”，按低保（LOW_INCOME）或生活困难（ECONOMIC_HARDSHIP）认定为假定',
    },
    operatingSubsidy: {
      kinds: ['DAY_CARE_CENTRE', 'SERVICE_STATION'],
      fenPerM2Month: 1000,
      partMonth: {
        rule: 'PRO_RATA_DAYS',
        source: '003 三(一)',
        assumed: true,
        note: '原文按月补贴，未规定不足一月的算法；按当月运营天数折算',
      },
      source: '003 三(一)',
    },
  },
};
