// Yangcheng's figures checked against the clauses of document 001, 阳民字〔2026〕11号
// (docs/GLOSSARY.md, "Source documents").
import { describe, expect, it } from 'vitest';
import { policyByCode } from './documents/index.js';
import { evaluateEligibility } from './eligibility.js';
import { elderFacts } from './eligibility.fixtures.js';

const doc = policyByCode('YANGCHENG_2026')!;
const facts = elderFacts;

describe('阳城县 (001)', () => {
  it('001 三(三): 4 hours a month (240 minutes), at most 35 元 an hour, this month only, no rollover', () => {
    expect(doc.allowance.buckets).toHaveLength(1);
    expect(doc.allowance.buckets[0]).toMatchObject({
      accountKind: 'SUBSIDY_HOURS',
      unit: 'MINUTE',
      amount: 240,
      maxRateFenPerHour: 3500,
      rollover: 'NONE',
    });
    expect(doc.allowance.clearing.map((c) => c.on)).toEqual(['MONTH_END']);
  });

  it('001 三(三): the hours are used in several visits', () => {
    expect(doc.allowance.minVisitsPerMonth).toBeGreaterThanOrEqual(2);
  });

  it('001 三(二): two categories, hukou in the county and living at the hukou place', () => {
    expect(doc.eligibility.categories.map((c) => c.code)).toEqual([
      'YC_SCATTERED_EXTREME_POVERTY',
      'YC_LOW_INCOME_DISABLED_OR_AGED',
    ]);
    expect(doc.eligibility).toMatchObject({ hukouInRegion: true, livesInRegion: true });
  });

  it('001 三(二)(1) and 七(一): scattered 特困 60+ are screened from the registry', () => {
    const v = evaluateEligibility(doc, facts({ flags: ['EXTREME_POVERTY', 'SCATTERED_SUPPORT'] }));
    expect(v).toMatchObject({ eligible: true, category: 'YC_SCATTERED_EXTREME_POVERTY', intake: 'REGISTRY_SCREENING' });
    // Centrally supported 特困 (in an institution) are not this programme's.
    expect(evaluateEligibility(doc, facts({ flags: ['EXTREME_POVERTY'] })).eligible).toBe(false);
  });

  it("001 三(二)(2) and 七(一): 低保 60–79 need 失能 confirmed by an agency's assessment; 低保 80+ are screened", () => {
    const noAssessment = evaluateEligibility(doc, facts({ flags: ['LOW_INCOME'], selfCareAbility: 'DISABLED' }));
    expect(noAssessment.eligible).toBe(false);
    expect(noAssessment.explanation).toMatch(/能力评估/);
    expect(
      evaluateEligibility(
        doc,
        facts({ flags: ['LOW_INCOME'], selfCareAbility: 'DISABLED', hasCapabilityAssessment: true }),
      ),
    ).toMatchObject({ eligible: true, category: 'YC_LOW_INCOME_DISABLED_OR_AGED', intake: 'APPLICATION' });
    expect(
      evaluateEligibility(
        doc,
        facts({ flags: ['LOW_INCOME'], selfCareAbility: 'PARTIAL', hasCapabilityAssessment: true }),
      ).eligible,
    ).toBe(false);
    expect(evaluateEligibility(doc, facts({ flags: ['LOW_INCOME'], birthDate: '1945-01-01' }))).toMatchObject({
      eligible: true,
      intake: 'REGISTRY_SCREENING',
    });
    // 80+ without 低保 are not covered here (unlike Huangpi's fifth category).
    expect(evaluateEligibility(doc, facts({ birthDate: '1940-01-01' })).eligible).toBe(false);
  });

  it('001 三(三): long-term care insurance excludes, whatever the category', () => {
    const v = evaluateEligibility(
      doc,
      facts({ flags: ['EXTREME_POVERTY', 'SCATTERED_SUPPORT', 'LONG_TERM_CARE_INSURANCE'] }),
    );
    expect(v.eligible).toBe(false);
    expect(v.explanation).toMatch(/长期护理保险/);
  });

  it('001 附件1: the service list, every item hourly and priced at the 35 元 cap', () => {
    const names = doc.serviceGuide.items.map((i) => i.name);
    for (const n of [
      '助餐服务',
      '助浴服务',
      '助洁服务',
      '助行服务',
      '助急服务',
      '代办服务',
      '心理慰藉服务',
      '心理疏导服务',
      '探访服务',
      '法律咨询、政策解读',
      '医疗协助服务',
      '康复护理服务',
      '健康指导服务',
      '评估服务',
      '培训服务',
    ]) {
      expect(names).toContain(n);
    }
    expect(
      doc.serviceGuide.items.every(
        (i) => i.unit === 'PER_HOUR' && i.unitMinutes === 60 && i.priceFen === 3500 && i.priceIsCap,
      ),
    ).toBe(true);
    expect(new Set(doc.serviceGuide.items.map((i) => i.category))).toEqual(
      new Set(['生活照料服务', '精神慰藉服务', '助医服务', '评估和培训服务']),
    );
  });

  it('001 附件2: three zones cover all 15 towns, each town in exactly one zone', () => {
    expect(doc.zones.map((z) => z.name)).toEqual(['第一片区', '第二片区', '第三片区']);
    expect(doc.zones.map((z) => z.townNames)).toEqual([
      ['凤城镇', '河北镇', '蟒河镇', '东冶镇'],
      ['北留镇', '润城镇', '町店镇', '寺头乡', '芹池镇', '白桑镇'],
      ['西河乡', '次营镇', '董封乡', '横河镇', '演礼镇'],
    ]);
    const codes = doc.zones.flatMap((z) => z.regionCodes);
    expect(codes).toHaveLength(15);
    expect(new Set(codes).size).toBe(15);
  });

  it('001 八(二): three verified complaints suspend settlement; false records end the contract', () => {
    expect(doc.penalties.verifiedComplaintsForSuspension).toBe(3);
    expect(doc.penalties.suspensionActions).toEqual(['约谈', '督促整改', '暂停资金结算']);
    expect(doc.penalties.contractTerminationGrounds).toHaveLength(8);
    expect(
      doc.penalties.contractTerminationGrounds.some(
        (g) => g.label.includes('虚假服务') && g.source === '001 八(二)2(2)',
      ),
    ).toBe(true);
  });

  it('001 八(一): exit on hukou transfer, death (at once), no longer eligible, cashing out', () => {
    expect(doc.terminationReasons.map((r) => r.reason)).toEqual([
      'MOVED_HUKOU',
      'DIED',
      'NO_LONGER_ELIGIBLE',
      'CASHED_OUT',
    ]);
    expect(doc.terminationReasons.find((r) => r.reason === 'DIED')!.effective).toBe('IMMEDIATE');
  });
});
