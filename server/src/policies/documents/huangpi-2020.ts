// Document 000: 武汉市黄陂区人民政府办公室, 黄陂区政府购买互联网+居家养老服务方案（试行）, 2020-04-30 (the
// notice carries no document number in our copy); see docs/GLOSSARY.md.
// Clause references are "000 <section>"; sections 四/六/七 and 附件1–3 carry the rules encoded here.
import type { PolicyInput } from '../policy.schema.js';
import { HUANGPI_2020_ITEMS } from './huangpi-2020.items.js';
import { HUANGPI_2020_CALLS } from './huangpi-2020.calls.js';

export const huangpi2020: PolicyInput = {
  code: 'HUANGPI_2020',
  name: '黄陂区政府购买互联网+居家养老服务',
  issuer: '武汉市黄陂区人民政府办公室',
  issuedOn: '2020-04-30',
  sourceFile: '000_74ba4d29b06e0bc1.txt',
  region: {
    code: '420116',
    name: '武汉市黄陂区',
    // 000 三: 本区户籍且在当地实际居住. The box is the district's extent, rounded outwards.
    bounds: {
      south: 30.6,
      north: 31.4,
      west: 114.05,
      east: 114.7,
      source: '000 三',
      assumed: true,
      note: '方案未给出地理范围；取黄陂区行政区域的外接矩形并向外取整',
    },
  },
  effective: { from: '2020-04-30' },
  eligibility: {
    minAge: 60,
    // 000 三/四: 本区户籍 60 周岁以上, 持有黄陂区户籍且在当地实际居住.
    hukouInRegion: true,
    livesInRegion: true,
    residenceSource: '000 四',
    categories: [
      {
        code: 'HP_LOW_INCOME',
        name: '第一类：60 周岁以上低保老人',
        conditions: [{ minAge: 60, flagsAll: ['LOW_INCOME'] }],
        source: '000 四 1',
      },
      {
        code: 'HP_EXTREME_POVERTY',
        name: '第二类：60 周岁以上特困老人（原五保、三无）',
        conditions: [{ minAge: 60, flagsAll: ['EXTREME_POVERTY'] }],
        source: '000 四 2',
      },
      {
        code: 'HP_LOST_ONLY_CHILD',
        name: '第三类：60 周岁以上失独或独生子女二级以上残疾的老人',
        conditions: [
          { minAge: 60, flagsAll: ['LOST_ONLY_CHILD'] },
          { minAge: 60, flagsAll: ['ONLY_CHILD_DISABLED_GRADE_2_PLUS'] },
        ],
        source: '000 四 3',
      },
      {
        code: 'HP_DISABILITY_1_2',
        name: '第四类：60 周岁以上一、二级残疾老人',
        conditions: [{ minAge: 60, flagsAll: ['DISABILITY_GRADE_1_2'] }],
        source: '000 四 4',
      },
      {
        code: 'HP_AGED_80',
        name: '第五类：80 周岁以上（除以上四类）的高龄老人',
        conditions: [{ minAge: 80 }],
        onlyIfNoOtherCategory: true,
        source: '000 四 5',
      },
    ],
    exclusions: [],
    // 000 四 注: 非以上五类条件的老人亦可通过热线自费购买服务.
    othersMaySelfPay: true,
  },
  workflow: {
    // 000 六: 社区（村）初审 → 社区（村）内公示 → 街道办事处（乡镇）审批 → 区民政部门备案.
    stages: [
      { stage: 'COMMUNITY_REVIEW', role: 'COMMUNITY_WORKER' },
      // 000 六: 公示无异议后，社区（村）上报到街道 — the community worker closes the notice period.
      {
        stage: 'PUBLIC_NOTICE',
        role: 'COMMUNITY_WORKER',
        days: 7,
        assumed: true,
        note: '方案未规定公示天数，默认 7 天，可在政策中调整',
      },
      { stage: 'STREET_REVIEW', role: 'STREET_OFFICER' },
      { stage: 'DISTRICT_FILING', role: 'DISTRICT_ADMIN' },
    ],
    source: '000 六',
  },
  allowance: {
    // 000 三/四/七 and 附件2: 每人每月 100 元 = 线上 30 元 + 线下 70 元. Only the 70 元 is the elder's
    // wallet; the 30 元 is the platform's fee per elder served (settlement.platformFee), so the
    // online services themselves are free to the elder and nothing is credited for them.
    monthlyTotalFen: 10000,
    buckets: [
      {
        accountKind: 'SUBSIDY_OFFLINE',
        unit: 'FEN',
        amount: 7000,
        rollover: 'UNTIL_CLEARING',
        pays: ['OFFLINE'],
        // 000 附件 告知书: 每月可享受 70 元的政府购买居家线下养老服务.
        paysFor: '政府购买居家线下养老服务（可根据服务指南自行选择服务项目，超过部分自费）',
        source: '000 七',
      },
    ],
    // 000 四: 超出政府补贴 70 元额度的服务费用需老人自行支付.
    overagePaidByElder: true,
    // 000 七: 电子钱包在周年对应日清零或在老人去世、户籍迁出时清零.
    clearing: [
      { on: 'ENROLMENT_ANNIVERSARY', source: '000 七' },
      { on: 'DEATH', source: '000 七' },
      { on: 'HUKOU_MOVED_OUT', source: '000 七' },
    ],
    source: '000 七',
  },
  serviceGuide: {
    items: HUANGPI_2020_ITEMS,
  },
  outreach: [
    {
      kind: 'PHONE_CARE',
      name: '电话关爱',
      cadence: 'WEEKLY',
      source: '000 六 4',
      assumed: true,
      note: '方案要求排期但未定频次，默认每周一次',
    },
    {
      kind: 'PSYCHOLOGICAL_COMFORT',
      name: '心理慰藉',
      cadence: 'MONTHLY',
      source: '000 六 4',
      assumed: true,
      note: '默认每月一次',
    },
    { kind: 'BIRTHDAY', name: '生日祝福', cadence: 'BIRTHDAY', source: '000 四（线上服务表）' },
    {
      kind: 'MEDICATION',
      name: '用药叮嘱',
      cadence: 'WEEKLY',
      source: '000 六 4',
      assumed: true,
      note: '按老人用药计划；未定时默认每周一次',
    },
    {
      kind: 'FESTIVAL',
      name: '节日问候',
      cadence: 'FESTIVALS',
      festivals: ['春节', '端午节', '中秋节', '重阳节'],
      source: '000 四（线上服务表）',
      assumed: true,
      note: '方案写“每逢节日”，节日清单为默认，可调整',
    },
    {
      kind: 'SAFETY',
      name: '安全提醒',
      cadence: 'ON_DEMAND',
      source: '000 四（线上服务表）',
      note: '天气变化等时候发出',
    },
    { kind: 'FOLLOW_UP', name: '服务回访', cadence: 'AFTER_SERVICE', source: '000 六' },
  ],
  visits: {
    // 000 六·流程2 asks only that the caregiver scans in on arrival; the window is ours.
    checkInWindow: {
      earlyMinutes: 30,
      lateMinutes: 120,
      source: '000 六·流程2',
      assumed: true,
      note: '原文未规定签到时间窗，取预约时间前 30 分钟至后 2 小时',
    },
    // Neither source sets service hours; a home visit starting at night is more likely a typo (3点 for 15点)
    // than a plan, so booking is refused outside 07:00–20:00 unless the item is night care.
    bookingHours: {
      fromMinute: 7 * 60,
      untilMinute: 20 * 60,
      source: '000 六·流程2',
      assumed: true,
      note: '原文未规定上门服务时段，取 7:00 至 20:00 开始（夜间服务项目除外）',
    },
    // 000 六·流程2: 服务人员提供纸质服务记录单由老人签字确认……平台进行核实及跟踪回访. The elder's
    // signature is drawn on the caregiver's phone (issue 23) or becomes a one-time code they read out
    // (or their own or a family member's confirmation in the app); the platform's verifying call is
    // the fallback.
    evidence: {
      accepted: ['ELDER_SIGNATURE', 'ELDER_SIGNOFF_CODE', 'ELDER_APP', 'FAMILY_APP', 'FOLLOW_UP_CALL'],
      source: '000 六·流程2',
    },
    // 000 四 prices 理疗护理 per hour; 000 七 settles on actual service (按月据实结算).
    hourlyChargeStepMinutes: 15,
    hourlySource: '000 七',
    assumed: true,
    note: '计时服务按实际服务时长向上取整到 15 分钟计费，不超过预约时长（取整步长为假定值）',
  },
  timeLimits: {
    // 000 六: 服务完成后 48 小时内电话回访；投诉 48 小时内处理，再次回访直到老人满意；终止从下月起.
    followUpHours: 48,
    complaintHours: 48,
    complaintRevisitUntilSatisfied: true,
    terminationEffective: 'NEXT_MONTH',
    source: '000 六',
  },
  // 000 六 5: 24 小时内三次拨打电话未接听，或一个月内连续两周未下单 → 社区（村）工作人员上门.
  calls: HUANGPI_2020_CALLS,
  missedContact: { unansweredCalls: 3, windowHours: 24, noOrderDays: 14, source: '000 六 5' },
  penalties: {
    suspensionActions: ['整改', '整改合格后再行结算'],
    suspensionGrounds: ['第三方服务质量评价报告不合格'],
    // 000 五 lists the conditions a provider must meet (1–8) but no termination clause; a provider
    // that no longer meets them is taken as grounds, marked assumed.
    contractTerminationGrounds: [
      {
        code: 'NO_LONGER_QUALIFIED',
        label: '不再具备承接主体应具备的条件',
        source: '000 五',
        assumed: true,
        note: '方案列出承接条件 1–8，未写终止情形',
      },
    ],
    // 000 七: 评价报告不合格的，要及时整改，待整改合格后再行结算 (no deadline given).
    rectificationDays: 30,
    rectificationSource: '000 七',
    assumed: true,
    note: '方案未规定整改期限，取 30 日',
    source: '000 七',
  },
  caregivers: {
    certificates: [
      // 000 五 服务人员 1: 具备相应的劳动从业资格，具有符合工作岗位要求的文化程度、健康状况证明.
      { kind: 'HEALTH', label: '健康状况证明', forModes: ['OFFLINE'], source: '000 五' },
      {
        kind: 'SKILL:养老护理',
        label: '养老护理劳动从业资格证书',
        forModes: ['OFFLINE'],
        source: '000 五',
        assumed: true,
        note: '方案写“具备相应的劳动从业资格”，未写证书名称',
      },
    ],
    expiryNoticeDays: 30,
    expirySource: '000 五',
    assumed: true,
    note: '方案未规定证件到期提醒；提前 30 日提醒服务机构',
  },
  settlement: {
    cycle: 'MONTHLY',
    basis: '根据每月产生的实际服务金额、实际服务人数按月据实结算',
    // 000 七: 线上服务由区民政局按实际服务人数按月据实结算 (30 元 per elder). Posted from the
    // programme's funding to the platform's payable when the month is approved.
    platformFee: {
      fenPerServedElder: 3000,
      served: '当月在册且当月接受过服务（已确认的上门服务，或接通的关爱电话）的老人',
      source: '000 七',
      assumed: true,
      note: '“实际服务人数”按当月有已确认服务或接通关爱电话的在册老人计（口径为假定）',
    },
    evaluationRequired: true,
    failedEvaluationHolds: true,
    documents: ['黄陂区居家养老服务结算汇总表', '黄陂区居家养老线下服务记录', '黄陂区居家养老线上服务签约统计表'],
    source: '000 七',
  },
  terminationReasons: [
    // 000 六·流程5: 从下月起终止线上线下服务 — every exit runs to the month's end. Death and a hukou
    // move are facts on record (000 七 clears the wallet at once on either), so they take effect
    // when filed; 附件3 itself names no exception, hence assumed.
    {
      reason: 'MOVED_HUKOU',
      label: '户籍迁出',
      effective: 'NEXT_MONTH',
      fastTrack: true,
      source: '000 附件3',
      assumed: true,
      note: '户籍迁出凭户口迁移证明直接生效，不经社区、街道审核（附件3未列例外，依据 000 七 迁出即清零）',
    },
    {
      reason: 'DIED',
      label: '死亡',
      effective: 'NEXT_MONTH',
      fastTrack: true,
      source: '000 附件3',
      assumed: true,
      note: '死亡凭死亡证明直接生效，不经社区、街道审核（附件3未列例外，依据 000 七 去世即清零）',
    },
    { reason: 'MISSING', label: '失踪', effective: 'NEXT_MONTH', source: '000 附件3' },
    { reason: 'NO_LONGER_ELIGIBLE', label: '对象条件不符合', effective: 'NEXT_MONTH', source: '000 附件3' },
    { reason: 'GAVE_UP', label: '放弃服务', effective: 'NEXT_MONTH', source: '000 附件3' },
  ],
  // 000 附件3《终止表》: 社区（村）审核意见, then 街（乡）审核意见, each stamped.
  terminationReview: {
    stages: [
      { stage: 'COMMUNITY_REVIEW', role: 'COMMUNITY_WORKER' },
      { stage: 'STREET_REVIEW', role: 'STREET_OFFICER' },
    ],
    source: '000 附件3',
  },
  zones: [
    {
      code: 'HP_DISTRICT',
      name: '黄陂区全区',
      regionCodes: ['420116'],
      source: '000 五',
      assumed: true,
      note: '方案未划分片区，全区由公开招标确定的承接主体服务',
    },
  ],
  // 000 八: 区政府给每个幸福食堂每年补助 18 万元经费 — paid by the district, in monthly instalments (assumed).
  facilities: {
    funding: {
      districts: [{ regionCode: '420116', name: '黄陂区', class: 'DISTRICT' }],
      shares: [{ class: 'DISTRICT', payer: 'FACILITY_DISTRICT', fundSource: 'DISTRICT_FINANCE', percent: 100 }],
      source: '000 八',
    },
    annualGrant: {
      kinds: ['CANTEEN', 'MEAL_POINT'],
      fenPerYear: 18_000_000,
      instalmentsPerYear: 12,
      instalmentSource: '000 八',
      assumed: true,
      note: '原文只写每年补助 18 万元，未规定拨付方式；按运营月份每月拨付 1.5 万元，不足一月按天折算；助餐点同样适用为假定',
      source: '000 八',
    },
  },
};
