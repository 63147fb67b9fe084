// Weihai's figures checked against the clauses of document 004, 威海市居家和社区基本养老服务提升行动项目实施方案
// (docs/GLOSSARY.md, "Source documents"). The 附件2 figures are read from the document itself, so a typo
// in the programme data cannot agree with itself.
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyByCode } from './documents/index.js';
import { evaluateEligibility } from './eligibility.js';
import { elderFacts } from './eligibility.fixtures.js';
import { parsePolicyDocument } from './policy.schema.js';
import { weihai2022 } from './documents/weihai-2022.js';

const doc = policyByCode('WEIHAI_2022')!;
const facts = (over: Parameters<typeof elderFacts>[0]) =>
  elderFacts({ hukouInRegion: false, hasCapabilityAssessment: true, selfCareAbility: 'PARTIAL', ...over });

// The source document, when the machine has it (CI's checkout does not; the figures below then stand alone).
const SOURCE = process.env.YILIAN_SOURCES ? `${process.env.YILIAN_SOURCES}/${doc.sourceFile}` : '';

describe('威海市 (004)', () => {
  it('004 附件2: the district targets add up to 4857 beds and 9715 visits', () => {
    const t = doc.targets!;
    expect(t.regions.map((r) => [r.name, r.beds, r.visits])).toEqual([
      ['环翠区', 305, 444],
      ['文登区', 851, 2835],
      ['荣成市', 832, 2717],
      ['乳山市', 2589, 2764],
      ['高区', 17, 72],
      ['经区', 35, 55],
      ['临港区', 196, 610],
      ['南海新区', 32, 218],
    ]);
    expect(t.regions.reduce((s, r) => s + r.beds, 0)).toBe(4857);
    expect(t.regions.reduce((s, r) => s + r.visits, 0)).toBe(9715);
    expect(t.totals).toEqual({ beds: 4857, visits: 9715 });
    // Functional zones have no official code: their keys are ours and say so.
    expect(t.regions.filter((r) => r.assumed).map((r) => r.name)).toEqual(['高区', '经区', '临港区', '南海新区']);
  });

  it.runIf(SOURCE && existsSync(SOURCE))('004 附件2: every row as the source document prints it', () => {
    const text = readFileSync(SOURCE, 'utf8');
    for (const r of doc.targets!.regions) {
      const spaced = r.name.length === 2 ? `${r.name[0]} ${r.name[1]}` : r.name;
      expect(text).toMatch(new RegExp(`\\d ${spaced} ${r.beds} ${r.visits}`));
    }
    expect(text).toContain('合 计 4857 9715');
  });

  it('a document whose districts do not add up to its totals is refused', () => {
    const bad = structuredClone(weihai2022);
    bad.targets!.regions[0].beds += 1;
    expect(() => parsePolicyDocument(bad)).toThrow(/4858 beds/);
  });

  it('004 六, 七(三): three phases and data entry from 2022-10-01', () => {
    expect(doc.phases!.map((p) => [p.code, p.from ?? null, p.to])).toEqual([
      ['MOBILISATION', null, '2022-10-31'],
      ['IMPLEMENTATION', '2022-11-01', '2023-03-31'],
      ['EVALUATION', '2023-04-01', '2023-05-31'],
    ]);
    expect(doc.dataEntry).toEqual({ from: '2022-10-01', source: '004 七(三)' });
  });

  it('004 二: 60+ living in the city, economically hard up and 失能 or 部分失能, assessed', () => {
    expect(doc.eligibility).toMatchObject({ minAge: 60, hukouInRegion: false, livesInRegion: true });
    expect(evaluateEligibility(doc, facts({ flags: ['LOW_INCOME_MARGINAL'] }))).toMatchObject({
      eligible: true,
      category: 'WH_LOW_INCOME_MARGINAL',
    });
    expect(evaluateEligibility(doc, facts({ flags: ['LOW_INCOME'], selfCareAbility: 'SELF_CARE' })).eligible).toBe(
      false,
    );
    expect(evaluateEligibility(doc, facts({ flags: [] })).eligible).toBe(false);
    expect(evaluateEligibility(doc, facts({ flags: ['LOW_INCOME'], hasCapabilityAssessment: false })).eligible).toBe(
      false,
    );
    expect(evaluateEligibility(doc, facts({ flags: ['LOW_INCOME'], birthDate: '1970-01-01' })).eligible).toBe(false);
  });

  it('004 二: beds go first to 分散供养特困, then 低保, then 低保边缘, then the others', () => {
    expect(doc.careBeds!.priority).toEqual([
      'SCATTERED_SUPPORT',
      'LOW_INCOME',
      'LOW_INCOME_MARGINAL',
      'ECONOMIC_HARDSHIP',
    ]);
  });

  it('004 四(一): smart devices at most 1000 元 a household, beds 2500 元 on average; 三(一) three required', () => {
    const c = doc.careBeds!;
    expect([c.smartCapFen, c.averageCapFen, c.repeatAdaptation]).toEqual([100_000, 250_000, 'TOP_UP_ONLY']);
    expect(c.catalogue.filter((l) => l.required).map((l) => l.name)).toEqual([
      '网络连接设备',
      '紧急呼叫设备',
      '活动监测设备',
    ]);
  });

  it('004 附件1: 23 lines; item 8 counts as smart, citing both 附件1 and 附件7 二', () => {
    const c = doc.careBeds!.catalogue;
    expect(c.map((l) => l.no)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    const kinds = (k: string) => c.filter((l) => l.kind === k).map((l) => l.no);
    expect(kinds('ADAPTATION')).toEqual([1, 2, 3, 4, 5, 6, 7, 9]);
    expect(kinds('AID')).toEqual([10, 11, 12, 13, 14, 15, 16]);
    expect(kinds('SMART')).toEqual([8, 17, 18, 19, 20, 21, 22, 23]);
    expect(c[7]).toMatchObject({ name: '安装自动感应灯', source: '004 附件7 二' });
    expect(c[7].note).toMatch(/附件1/);
  });

  it('004 五(一), 五(二)6, 三(一): warranty 2 years, acceptance requested by 2023-03-31, 6 months residence', () => {
    expect(doc.careBeds).toMatchObject({
      warrantyMonths: 24,
      acceptanceRequestBy: '2023-03-31',
      minResidenceMonths: 6,
      deviceResponseHours: 24,
      fundMark: '彩票公益金资助—中国福利彩票和中国体育彩票',
    });
  });

  it('004 三(二): 24 months, 30 visits by 2023-06-30; classes A and B await their source', () => {
    const v = doc.visitAgreements!;
    expect([v.minTermMonths, v.minVisits, v.visitsBy, v.excludesAcceptedBed]).toEqual([24, 30, '2023-06-30', true]);
    expect(v.exemptClasses.every((c) => c.pendingSource)).toBe(true);
    expect(v.contentCodes.map((c) => c.label)).toEqual([
      '出行',
      '清洁',
      '起居',
      '卧床',
      '饮食',
      '基础照护',
      '健康管理',
      '康复辅助',
      '心理支持',
      '委托代办',
      '其他',
    ]);
  });

  it('004 附件7 四: every service item carries a 金民 content code and a quality standard, as data', () => {
    const label = (code?: string) => doc.visitAgreements!.contentCodes.find((c) => c.code === code)?.label;
    expect(Object.fromEntries(doc.serviceGuide.items.map((i) => [i.name, label(i.content?.code)]))).toEqual({
      助餐: '饮食',
      助洁: '清洁',
      助行: '出行',
      助浴: '基础照护',
      助医: '健康管理',
      康复: '康复辅助',
      巡访关爱: '其他',
      健康管理: '健康管理',
      心理支持: '心理支持',
      委托代办: '委托代办',
    });
    // 如选“其他”，请注明具体服务内容; the two mappings the source does not name are marked assumed.
    expect(doc.serviceGuide.items.find((i) => i.content?.code === 'OTHER')!.content!.detail).toBe('巡访关爱');
    expect(doc.serviceGuide.items.filter((i) => i.content?.assumed).map((i) => i.name)).toEqual(['助浴', '助医']);
    expect(new Set(doc.serviceGuide.items.map((i) => i.standard))).toEqual(
      new Set(['养老护理员国家职业技能标准（2019年版）']),
    );
    expect(doc.visitAgreements).toMatchObject({ lotterySharePercent: 100, lotterySource: '004 五(五)' });
    // An item without a code, or with a code the programme does not list, does not validate.
    const broken = structuredClone(weihai2022) as any;
    delete broken.serviceGuide.items[0].content;
    broken.serviceGuide.items[1].content.code = 'SHOPPING';
    broken.serviceGuide.items[2].standard = '某企业标准';
    expect(() => parsePolicyDocument(broken)).toThrow(/WH_MEAL needs one of the programme's content codes/);
    expect(() => parsePolicyDocument(broken)).toThrow(/WH_CLEANING needs one of the programme's content codes/);
    expect(() => parsePolicyDocument(broken)).toThrow(/WH_WALKING needs one of the programme's quality standards/);
  });

  it('the other programmes have none of the new sections and still validate', () => {
    for (const code of ['HUANGPI_2020', 'YANGCHENG_2026']) {
      const d = policyByCode(code)!;
      expect([d.careBeds, d.visitAgreements, d.targets, d.phases]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
    }
  });
});
