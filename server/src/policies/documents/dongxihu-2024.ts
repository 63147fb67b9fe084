// 武汉市东西湖区人民政府办公室, 关于加快推进新时代东西湖区养老服务体系建设工作方案（东政办〔2024〕13号,
// document 002; see docs/GLOSSARY.md). Clause references are "002 <section>", the measures numbered 1–22
// under 二、主要措施 ("002 二(二)7" is measure 7 in part (二)). The programme sets few money figures: it
// sets targets with deadlines (goals), duties and platform functions. Where it names a factor but gives
// no figure the value is `pendingSource`; where it is silent, `assumed`.
import type { PolicyInput } from '../policy.schema.js';
import { DONGXIHU, DONGXIHU_STREETS } from './dongxihu-2024.regions.js';
import { dongxihuCredit } from './dongxihu-2024.credit.js';

const named = DONGXIHU_STREETS.filter((s) => s.named).map((s) => s.code);
const builtUp = DONGXIHU_STREETS.filter((s) => s.builtUp).map((s) => s.code);

// 二(二)6 and 二(二)7 list the home and meal services; the programme sets no prices (priceFen null:
// the family pays the provider's price, the programme buys nothing per item).
const item = (code: string, name: string, category: string, description: string, source: string) => ({
  code: `DX_${code}`,
  name,
  category,
  mode: 'OFFLINE' as const,
  unit: 'PER_VISIT' as const,
  priceFen: null,
  description,
  source,
});
const meal = (code: string, name: string, description: string, verifiedAt: 'HOME' | 'FACILITY') => ({
  ...item(code, name, '助餐', description, '002 二(二)7'),
  unit: 'PER_MEAL' as const,
  verifiedAt,
});

export const dongxihu2024: PolicyInput = {
  code: 'DONGXIHU_2024',
  name: '东西湖区新时代养老服务体系建设（东政办〔2024〕13号）',
  issuer: '武汉市东西湖区人民政府办公室',
  documentNumber: '东政办〔2024〕13号',
  // The text carries no date; it cites the 二十届三中全会 (July 2024), so it was issued after it. The
  // day is ours: the first day of the following month.
  issuedOn: '2024-08-01',
  sourceFile: '002_d77d7b560c2e1db2.txt',
  region: {
    code: DONGXIHU.code,
    name: DONGXIHU.name,
    bounds: {
      south: 30.55,
      north: 30.85,
      west: 113.9,
      east: 114.3,
      source: '002 一',
      assumed: true,
      note: '方案未给出地理范围；取东西湖区行政区域的外接矩形并向外取整',
    },
  },
  // The plan's targets run to the end of 2026 (二(二)4, 二(二)7); it names no end date.
  effective: { from: '2024-08-01' },
  eligibility: {
    minAge: 60,
    hukouInRegion: false,
    livesInRegion: true,
    residenceSource: '002 二(二)4',
    // 二(二)4: 重点为特困、经济困难、高龄、失能失智、计生特扶、优抚对象等困境老人提供普惠托养服务. The age of
    // 高龄 (80) and the flags that stand for each group are ours.
    categories: [
      {
        code: 'DX_EXTREME_POVERTY',
        name: '特困老人',
        conditions: [{ minAge: 60, flagsAll: ['EXTREME_POVERTY'] }],
        source: '002 二(二)4',
      },
      {
        code: 'DX_ECONOMIC_HARDSHIP',
        name: '经济困难老人',
        conditions: [
          { minAge: 60, flagsAll: ['LOW_INCOME'] },
          { minAge: 60, flagsAll: ['LOW_INCOME_MARGINAL'] },
          { minAge: 60, flagsAll: ['ECONOMIC_HARDSHIP'] },
        ],
        source: '002 二(二)4',
      },
      { code: 'DX_ADVANCED_AGE', name: '高龄老人（80 周岁以上）', conditions: [{ minAge: 80 }], source: '002 二(二)4' },
      {
        code: 'DX_DISABLED',
        name: '失能失智老人',
        conditions: [{ minAge: 60, selfCareIn: ['PARTIAL', 'DISABLED'], requiresAssessment: true }],
        source: '002 二(二)4',
      },
      {
        code: 'DX_FAMILY_PLANNING',
        name: '计生特扶老人',
        conditions: [
          { minAge: 60, flagsAll: ['LOST_ONLY_CHILD'] },
          { minAge: 60, flagsAll: ['ONLY_CHILD_DISABLED_GRADE_2_PLUS'] },
        ],
        source: '002 二(二)4',
      },
      {
        code: 'DX_ENTITLED',
        name: '优抚对象老人',
        conditions: [{ minAge: 60, flagsAll: ['PRIORITY_ENTITLED'] }],
        source: '002 二(二)4',
      },
    ],
    othersMaySelfPay: true,
  },
  workflow: {
    // 二(一)2–3: 街道执行养老服务政策，社区落实老年人福利政策; the stages are ours.
    stages: [
      { stage: 'COMMUNITY_REVIEW', role: 'COMMUNITY_WORKER', assumed: true, note: '方案未规定申请审核流程' },
      { stage: 'STREET_REVIEW', role: 'STREET_OFFICER', assumed: true },
      { stage: 'DISTRICT_FILING', role: 'DISTRICT_ADMIN', assumed: true },
    ],
    source: '002 二(一)2',
  },
  allowance: {
    // 三(二): 落实基本养老服务经费 — the plan sets no monthly amount for an elder. The amount is a demo
    // figure awaiting the district's standard.
    buckets: [
      {
        accountKind: 'SUBSIDY_OFFLINE',
        unit: 'FEN',
        amount: 10_000,
        rollover: 'NONE',
        pays: ['OFFLINE'],
        paysFor: '困境老人普惠托养与居家上门服务',
        source: '002 三(二)',
        pendingSource: true,
        note: '方案未规定每月补贴额度；100 元为演示值，待区民政、财政确定标准',
      },
    ],
    overagePaidByElder: true,
    overageNote: '超出部分由老人自付（方案未规定，002 三(二)）',
    clearing: [{ on: 'MONTH_END', source: '002 三(二)' }],
    source: '002 三(二)',
  },
  serviceGuide: {
    items: [
      // 二(二)7 幸福食堂、老年助餐点、老年餐桌: on-site meals are verified at the facility; delivered meals at home.
      meal('MEAL_CANTEEN', '幸福食堂就餐', '到幸福食堂就餐，在食堂核验', 'FACILITY'),
      meal('MEAL_POINT', '助餐点就餐', '到老年助餐点、老年餐桌就餐，在助餐点核验', 'FACILITY'),
      meal('MEAL_DELIVERY', '上门送餐', '送餐上门，在老人家中核验', 'HOME'),
      // 二(二)6: 拓展老年助浴、助老陪伴、物品代购、代收代缴、挂号取药等居家服务内容.
      item('BATHING', '老年助浴', '生活照料', '上门协助沐浴', '002 二(二)6'),
      item('COMPANION', '助老陪伴', '精神慰藉', '陪伴聊天、陪同外出', '002 二(二)6'),
      item('SHOPPING', '物品代购', '委托代办', '代购生活用品', '002 二(二)6'),
      item('BILLS', '代收代缴', '委托代办', '代缴水电燃气等费用', '002 二(二)6'),
      item('MEDICINE', '挂号取药', '医疗保健', '代为挂号、取药', '002 二(二)6'),
    ],
  },
  // 二(六)17: 结合春节、重阳节等传统节日以及“敬老月”等活动; 二(七)20: 推进敬老月活动.
  outreach: [
    { kind: 'FESTIVAL', name: '节日问候', cadence: 'FESTIVALS', festivals: ['春节', '重阳节'], source: '002 二(六)17' },
    {
      kind: 'FESTIVAL',
      name: '节日问候',
      cadence: 'FESTIVALS',
      festivals: ['敬老月'],
      source: '002 二(六)17、二(七)20',
      assumed: true,
      note: '方案提出开展“敬老月”活动但未写明时间；按惯例为每年 10 月，于 10 月 1 日向家属致以问候',
    },
  ],
  visits: {
    checkInWindow: {
      earlyMinutes: 30,
      lateMinutes: 120,
      source: '002 二(二)6',
      assumed: true,
      note: '方案未规定签到时间窗，取预约时间前 30 分钟至后 2 小时',
    },
    evidence: { accepted: ['ELDER_SIGNOFF_CODE', 'ELDER_APP', 'FAMILY_APP'], source: '002 二(五)13', assumed: true },
    hourlyChargeStepMinutes: 15,
    hourlySource: '002 二(二)6',
    assumed: true,
    note: '方案未规定计时规则；取整步长为假定值',
  },
  timeLimits: { complaintRevisitUntilSatisfied: false, terminationEffective: 'NEXT_MONTH', source: '002 二(七)22' },
  penalties: {
    suspensionActions: ['联合执法', '联合惩治'],
    suspensionGrounds: ['养老服务企业违法违规经营（002 二(七)22）'],
    rectificationDays: 30,
    rectificationSource: '002 二(七)22',
    assumed: true,
    note: '方案未规定整改期限，取 30 日',
    source: '002 二(七)22',
  },
  caregivers: { expiryNoticeDays: 30, expirySource: '002 二(三)10', assumed: true },
  settlement: {
    cycle: 'MONTHLY',
    assumed: true,
    note: '方案只要求信息平台支持补贴资金结算（二(五)13），未规定周期',
    basis: '按核验的服务记录结算（002 二(五)13）',
    evaluationRequired: false,
    failedEvaluationHolds: false,
    source: '002 二(五)13',
  },
  terminationReasons: [
    {
      reason: 'DIED',
      label: '本人亡故',
      effective: 'IMMEDIATE',
      fastTrack: true,
      source: '002 二(三)10',
      assumed: true,
    },
    {
      reason: 'NO_LONGER_ELIGIBLE',
      label: '不再符合条件',
      effective: 'NEXT_MONTH',
      source: '002 二(三)10',
      assumed: true,
    },
  ],
  terminationReview: {
    stages: [{ stage: 'STREET_REVIEW', role: 'STREET_OFFICER' }],
    source: '002 二(一)2',
    assumed: true,
  },
  zones: DONGXIHU_STREETS.map((st) => ({
    code: `DX_${st.code}`,
    name: st.name,
    regionCodes: [st.code],
    source: '002 二(一)2',
    assumed: true,
    note: '街道统筹辖区养老服务（二(一)2），一街道一片区为假定',
  })),
  facilities: {
    // 三(二): 通过一般公共预算、社会福利彩票公益金等多种渠道保障; the district pays its own facilities.
    funding: {
      districts: [{ regionCode: DONGXIHU.code, name: DONGXIHU.name, class: 'DISTRICT' }],
      shares: [{ class: 'DISTRICT', payer: 'PROGRAMME_REGION', fundSource: 'DISTRICT_FINANCE', percent: 100 }],
      source: '002 三(二)',
    },
    mealSubsidy: {
      kinds: ['CANTEEN', 'MEAL_POINT'],
      fenPerMeal: 300,
      minQualityScore: 60,
      pendingSource: true,
      source: '002 二(二)7',
      note: '方案只写“综合考虑助餐服务人次和质量、老年人满意度”给予运营补助或综合性奖励补助，未给标准；每餐 3 元、质量评分 60 分以上为演示值，待区民政、财政确定',
    },
  },
  // 信用体系 (002 二(三)10): points, dispatch, settlement hold, public lists and appeals, all assumed.
  credit: dongxihuCredit,
  training: {
    carerSubsidy: {
      fenPerTrainee: null,
      pendingSource: true,
      source: '002 二(二)6',
      note: '原文“开展失能失智老年人家庭照护者技能培训，按规定给予补贴”，未给出补贴标准',
    },
  },
  goals: {
    items: [
      {
        code: 'DX_NAMED_STREET_COMPLEX',
        name: '五个街道（社管办）各设置 1 个综合性养老服务设施',
        metric: 'FACILITIES_ACCEPTED',
        target: 1,
        unit: 'COUNT',
        per: 'STREET',
        streets: named,
        kinds: ['COMPLEX', 'STREET_HUB'],
        deadline: '2026-12-31',
        source: '002 二(二)4',
        assumed: true,
        note: '原文未写期限，取街道枢纽型设施的期限 2026 年底；街道枢纽型设施同时计为综合性设施',
      },
      {
        code: 'DX_OTHER_STREET_COMPLEX',
        name: '其他街道结合实际各设置 1 个综合服务设施',
        metric: 'FACILITIES_ACCEPTED',
        target: 1,
        unit: 'COUNT',
        per: 'STREET',
        exceptStreets: named,
        kinds: ['COMPLEX', 'STREET_HUB'],
        deadline: '2026-12-31',
        source: '002 二(二)4',
        assumed: true,
        note: '原文未写期限，取 2026 年底',
      },
      {
        code: 'DX_STREET_HUB',
        name: '每个街道建成 1 所街道枢纽型养老服务设施',
        metric: 'FACILITIES_ACCEPTED',
        target: 1,
        unit: 'COUNT',
        per: 'STREET',
        kinds: ['STREET_HUB'],
        deadline: '2026-12-31',
        source: '002 二(二)4',
      },
      {
        code: 'DX_COMMUNITY_POINT',
        name: '每个社区拥有 1 个养老服务网点',
        metric: 'FACILITIES_ACCEPTED',
        target: 1,
        unit: 'COUNT',
        per: 'COMMUNITY',
        kinds: ['SERVICE_STATION', 'DAY_CARE_CENTRE'],
        deadline: '2025-12-31',
        source: '002 二(二)5',
        assumed: true,
        note: '原文未写期限，取覆盖率目标的期限 2025 年底；服务站点和日间照料中心计为网点',
      },
      {
        code: 'DX_COMMUNITY_COVERAGE',
        name: '社区养老设施覆盖率 100%',
        metric: 'FACILITY_COVERAGE',
        target: 100,
        unit: 'PERCENT',
        per: 'STREET',
        kinds: ['SERVICE_STATION', 'DAY_CARE_CENTRE', 'CANTEEN', 'MEAL_POINT', 'COMPLEX', 'STREET_HUB'],
        deadline: '2025-12-31',
        source: '002 二(二)5',
      },
      {
        code: 'DX_FACILITIES_GRADED',
        name: '社区养老设施等级评定率 90%',
        metric: 'FACILITIES_GRADED',
        target: 90,
        unit: 'PERCENT',
        per: 'STREET',
        kinds: ['SERVICE_STATION', 'DAY_CARE_CENTRE', 'CANTEEN', 'MEAL_POINT', 'COMPLEX', 'STREET_HUB'],
        deadline: '2025-12-31',
        source: '002 二(二)5',
      },
      {
        code: 'DX_ADVISOR_COVERAGE',
        name: '城乡社区养老顾问服务全覆盖',
        metric: 'ADVISOR_COVERAGE',
        target: 100,
        unit: 'PERCENT',
        per: 'STREET',
        deadline: '2025-12-31',
        source: '002 二(二)5',
      },
      {
        code: 'DX_MEAL_COVERAGE',
        name: '中东部建成区老年助餐服务全覆盖',
        metric: 'MEAL_COVERAGE',
        target: 100,
        unit: 'PERCENT',
        per: 'STREET',
        streets: builtUp,
        deadline: '2026-12-31',
        source: '002 二(二)7',
        assumed: true,
        note: '“中东部建成区”包含的街道为假定（五个点名街道）；“到 2026 年”按 2026 年底计',
      },
      {
        code: 'DX_HEALTH_MANAGEMENT',
        name: '65 岁及以上老年人健康管理率 65%',
        metric: 'HEALTH_MANAGEMENT_SHARE',
        target: 65,
        unit: 'PERCENT',
        per: 'STREET',
        minAge: 65,
        deadline: '2025-12-31',
        source: '002 二(四)11',
      },
      {
        code: 'DX_GRADING_PASS',
        name: '养老机构等级评定达标率不低于 70%',
        metric: 'GRADING_PASS_RATE',
        target: 70,
        unit: 'PERCENT',
        per: 'DISTRICT',
        kinds: ['COMPLEX', 'STREET_HUB', 'DAY_CARE_CENTRE'],
        passGrades: ['一星', '二星', '三星', '四星', '五星', '合格'],
        deadline: '2025-12-31',
        source: '002 二(七)22',
        assumed: true,
        note: '平台以有托养功能的设施代表养老机构；达标等级（一星以上或合格）为假定',
      },
      {
        code: 'DX_SMART_TRAINING',
        name: '万名老年人智慧养老知识培训',
        metric: 'ELDERS_TRAINED',
        target: 10_000,
        unit: 'COUNT',
        per: 'DISTRICT',
        trainingKind: 'SMART_TECH',
        deadline: '2026-12-31',
        source: '002 二(五)15',
        assumed: true,
        note: '原文未写期限，取 2026 年底',
      },
    ],
    atRisk: {
      paceFrom: '2024-08-01',
      shortfallPercent: 10,
      source: '002 三(一)',
      assumed: true,
      note: '方案要求纳入考核和绩效目标管理（三(一)），未规定预警规则：进度落后均匀进度 10 个百分点以上为假定',
    },
  },
};
