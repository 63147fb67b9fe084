// Huangpi's figures checked against the clauses of document 000, 黄陂区政府购买互联网+居家养老服务方案（试行）
// (docs/GLOSSARY.md, "Source documents").
import { describe, expect, it } from 'vitest';
import { policyByCode } from './documents/index.js';
import { evaluateEligibility } from './eligibility.js';
import { elderFacts } from './eligibility.fixtures.js';

const doc = policyByCode('HUANGPI_2020')!;
const price = (name: string) => doc.serviceGuide.items.find((i) => i.name === name);
const facts = elderFacts;

describe('黄陂区 (000)', () => {
  it(
    '000 三/七/附件2: 100 元 a month = 30 online (the platform fee per elder served) + 70 offline (the wallet), in' +
      ' fen',
    () => {
      expect(doc.allowance.monthlyTotalFen).toBe(10000);
      // 000 七 线上服务按实际服务人数按月据实结算: the 30 元 is never the elder's money.
      expect(doc.allowance.buckets.map((b) => b.accountKind)).toEqual(['SUBSIDY_OFFLINE']);
      expect(doc.allowance.buckets[0]).toMatchObject({ unit: 'FEN', amount: 7000, pays: ['OFFLINE'] });
      expect(doc.settlement.platformFee).toMatchObject({ fenPerServedElder: 3000, source: '000 七' });
    },
  );

  it('000 四: overage beyond the 70 元 offline quota is paid by the elder', () => {
    expect(doc.allowance.overagePaidByElder).toBe(true);
  });

  it('000 七: the wallet clears on the enrolment anniversary, on death and on hukou moving out', () => {
    expect(doc.allowance.clearing.map((c) => c.on).sort()).toEqual([
      'DEATH',
      'ENROLMENT_ANNIVERSARY',
      'HUKOU_MOVED_OUT',
    ]);
    expect(doc.allowance.buckets.every((b) => b.rollover === 'UNTIL_CLEARING')).toBe(true);
  });

  it.each([
    ['集中就餐（午餐）', 1000, 'PER_MEAL'],
    ['上门送餐（午餐）', 1000, 'PER_MEAL'],
    ['厨房整理', 3000, 'PER_60_MIN'],
    ['居室清洁', 3000, 'PER_60_MIN'],
    ['上门理发', 2000, 'PER_VISIT'],
    ['上门洗衣', 3000, 'PER_60_MIN'],
    ['剪指甲', 1000, 'PER_VISIT'],
    ['助浴', 6000, 'PER_VISIT'],
    ['上门体检', 2000, 'PER_VISIT'],
    ['陪同就医', 2000, 'PER_HOUR'],
    ['理疗护理', 5000, 'PER_HOUR'],
    ['读报', 1000, 'PER_HOUR'],
    ['陪聊', 1000, 'PER_HOUR'],
    ['陪同外出', 2000, 'PER_HOUR'],
  ])('000 四 服务指南: %s costs %i fen %s', (name, fen, unit) => {
    expect(price(name)).toMatchObject({ priceFen: fen, unit, mode: 'OFFLINE' });
  });

  it('000 四 服务指南: exactly those 14 offline items are priced; online services are covered by the 30 元', () => {
    expect(doc.serviceGuide.items.filter((i) => i.priceFen !== null)).toHaveLength(14);
    const onlineNames = doc.serviceGuide.items.filter((i) => i.mode === 'ONLINE').map((i) => i.name);
    for (const n of [
      '老人机',
      '话费套餐',
      '定位查询',
      '紧急救援',
      '联络紧急联络人',
      '信息咨询',
      '个人档案管理',
      '节日问候',
      '安全提醒',
      '心理慰藉',
      '电话关爱',
      '生日祝福',
      '用药叮嘱',
    ]) {
      expect(onlineNames).toContain(n);
    }
    expect(doc.serviceGuide.items.filter((i) => i.mode === 'ONLINE').every((i) => i.priceFen === null)).toBe(true);
    expect(doc.serviceGuide.items.find((i) => i.name === '话费套餐')!.description).toMatch(/60 分钟.*30M/);
  });

  it('000 四: five categories, with 60 for the first four and 80 for the fifth', () => {
    const cats = doc.eligibility.categories;
    expect(cats.map((c) => c.code)).toEqual([
      'HP_LOW_INCOME',
      'HP_EXTREME_POVERTY',
      'HP_LOST_ONLY_CHILD',
      'HP_DISABILITY_1_2',
      'HP_AGED_80',
    ]);
    expect(cats.slice(0, 4).every((c) => c.conditions.every((k) => k.minAge === 60))).toBe(true);
    expect(cats[4]).toMatchObject({ onlyIfNoOtherCategory: true, conditions: [{ minAge: 80 }] });
    expect(doc.eligibility).toMatchObject({ hukouInRegion: true, livesInRegion: true, othersMaySelfPay: true });
  });

  it('000 四 1–5: the evaluator places elders in the right category and explains refusals', () => {
    expect(evaluateEligibility(doc, facts({ flags: ['LOW_INCOME'] }))).toMatchObject({
      eligible: true,
      category: 'HP_LOW_INCOME',
    });
    expect(evaluateEligibility(doc, facts({ flags: ['EXTREME_POVERTY'] }))).toMatchObject({
      eligible: true,
      category: 'HP_EXTREME_POVERTY',
    });
    expect(evaluateEligibility(doc, facts({ flags: ['ONLY_CHILD_DISABLED_GRADE_2_PLUS'] }))).toMatchObject({
      eligible: true,
      category: 'HP_LOST_ONLY_CHILD',
    });
    expect(evaluateEligibility(doc, facts({ flags: ['DISABILITY_GRADE_1_2'] }))).toMatchObject({
      eligible: true,
      category: 'HP_DISABILITY_1_2',
    });
    // "80 周岁以上（除以上四类）": an 80-year-old on 低保 is category 1, not 5.
    expect(evaluateEligibility(doc, facts({ birthDate: '1940-01-01', flags: ['LOW_INCOME'] }))).toMatchObject({
      category: 'HP_LOW_INCOME',
    });
    expect(evaluateEligibility(doc, facts({ birthDate: '1946-11-22' }))).toMatchObject({
      eligible: true,
      category: 'HP_AGED_80',
    });
    const at79 = evaluateEligibility(doc, facts({ birthDate: '1946-11-23' }));
    expect(at79.eligible).toBe(false);
    const young = evaluateEligibility(doc, facts({ birthDate: '1970-01-01', flags: ['LOW_INCOME'] }));
    expect(young.eligible).toBe(false);
    expect(young.explanation).toMatch(/未满 60 周岁/);
    const moved = evaluateEligibility(doc, facts({ flags: ['LOW_INCOME'], hukouInRegion: false }));
    expect(moved.explanation).toMatch(/户籍不在武汉市黄陂区/);
  });

  it('000 六: community review → public notice → street approval → district filing', () => {
    expect(doc.workflow.stages.map((s) => [s.stage, s.role ?? null])).toEqual([
      ['COMMUNITY_REVIEW', 'COMMUNITY_WORKER'],
      ['PUBLIC_NOTICE', 'COMMUNITY_WORKER'],
      ['STREET_REVIEW', 'STREET_OFFICER'],
      ['DISTRICT_FILING', 'DISTRICT_ADMIN'],
    ]);
    // The source sets no notice length; the default is marked as ours.
    expect(doc.workflow.stages[1]).toMatchObject({ days: 7, assumed: true });
  });

  it(
    '000 六: follow-up within 48 h, complaints within 48 h revisited until satisfied, termination from next ' + 'month',
    () => {
      expect(doc.timeLimits).toMatchObject({
        followUpHours: 48,
        complaintHours: 48,
        complaintRevisitUntilSatisfied: true,
        terminationEffective: 'NEXT_MONTH',
      });
    },
  );

  it('000 六 5: 3 unanswered calls in 24 h, or two weeks without an order, send a community worker', () => {
    expect(doc.missedContact).toMatchObject({ unansweredCalls: 3, windowHours: 24, noOrderDays: 14 });
  });

  it('000 七: monthly settlement on actual services, 30 元 online per elder, held while the evaluation fails', () => {
    expect(doc.settlement).toMatchObject({
      cycle: 'MONTHLY',
      platformFee: { fenPerServedElder: 3000 },
      evaluationRequired: true,
      failedEvaluationHolds: true,
    });
    expect(doc.settlement.documents).toHaveLength(3);
  });

  it('000 附件3: termination reasons', () => {
    expect(doc.terminationReasons.map((r) => r.label)).toEqual([
      '户籍迁出',
      '死亡',
      '失踪',
      '对象条件不符合',
      '放弃服务',
    ]);
  });
});
