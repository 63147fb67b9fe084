// Table-driven: every category of both programmes, and the boundary ages (59/60, 79/80) on the
// birthday itself, with "today" taken as the Asia/Shanghai calendar day of an instant.
import { describe, expect, it } from 'vitest';
import { todayInShanghai } from '../common/calendar.js';
import { policyByCode } from './documents/index.js';
import { evaluateEligibility } from './eligibility.js';
import { elderFacts } from './eligibility.fixtures.js';

// 2026-06-15 00:30 in Shanghai is still 2026-06-14 in UTC: a UTC calendar would be a day late.
const INSTANT = new Date('2026-06-14T16:30:00Z');
const TODAY = todayInShanghai(INSTANT);
const bornYearsAgo = (years: number, dayShift = 0) => {
  const d = new Date(`${Number(TODAY.slice(0, 4)) - years}${TODAY.slice(4)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + dayShift);
  return d.toISOString().slice(0, 10);
};
// Exactly N today (birthday today), or N−1 (birthday tomorrow).
const turning = (n: number) => bornYearsAgo(n);
const dayBefore = (n: number) => bornYearsAgo(n, 1);

type Row = [
  string,
  { birthDate: string; flags?: string[]; selfCareAbility?: string; hasCapabilityAssessment?: boolean },
  string | null,
];

const HUANGPI: Row[] = [
  ['低保, 60 today', { birthDate: turning(60), flags: ['LOW_INCOME'] }, 'HP_LOW_INCOME'],
  ['低保, 60 tomorrow (59)', { birthDate: dayBefore(60), flags: ['LOW_INCOME'] }, null],
  ['特困, 60 today', { birthDate: turning(60), flags: ['EXTREME_POVERTY'] }, 'HP_EXTREME_POVERTY'],
  ['特困, 59', { birthDate: dayBefore(60), flags: ['EXTREME_POVERTY'] }, null],
  ['失独, 60', { birthDate: turning(60), flags: ['LOST_ONLY_CHILD'] }, 'HP_LOST_ONLY_CHILD'],
  [
    '独生子女二级以上残疾, 60',
    { birthDate: turning(60), flags: ['ONLY_CHILD_DISABLED_GRADE_2_PLUS'] },
    'HP_LOST_ONLY_CHILD',
  ],
  ['一、二级残疾, 60', { birthDate: turning(60), flags: ['DISABILITY_GRADE_1_2'] }, 'HP_DISABILITY_1_2'],
  ['一、二级残疾, 59', { birthDate: dayBefore(60), flags: ['DISABILITY_GRADE_1_2'] }, null],
  ['高龄, 80 today', { birthDate: turning(80) }, 'HP_AGED_80'],
  ['高龄, 80 tomorrow (79)', { birthDate: dayBefore(80) }, null],
  [
    '低保 and 80: the first four categories come first',
    { birthDate: turning(85), flags: ['LOW_INCOME'] },
    'HP_LOW_INCOME',
  ],
  ['no flag, 75', { birthDate: turning(75) }, null],
];

const YANGCHENG: Row[] = [
  [
    '分散供养特困, 60 today',
    { birthDate: turning(60), flags: ['EXTREME_POVERTY', 'SCATTERED_SUPPORT'] },
    'YC_SCATTERED_EXTREME_POVERTY',
  ],
  ['分散供养特困, 59', { birthDate: dayBefore(60), flags: ['EXTREME_POVERTY', 'SCATTERED_SUPPORT'] }, null],
  ['集中供养特困, 70', { birthDate: turning(70), flags: ['EXTREME_POVERTY'] }, null],
  [
    '低保 失能 assessed, 60 today',
    { birthDate: turning(60), flags: ['LOW_INCOME'], selfCareAbility: 'DISABLED', hasCapabilityAssessment: true },
    'YC_LOW_INCOME_DISABLED_OR_AGED',
  ],
  [
    '低保 失能 assessed, 59',
    { birthDate: dayBefore(60), flags: ['LOW_INCOME'], selfCareAbility: 'DISABLED', hasCapabilityAssessment: true },
    null,
  ],
  ['低保 自理, 79 (not yet 80)', { birthDate: dayBefore(80), flags: ['LOW_INCOME'] }, null],
  ['低保 自理, 80 today', { birthDate: turning(80), flags: ['LOW_INCOME'] }, 'YC_LOW_INCOME_DISABLED_OR_AGED'],
  [
    '低保 失能 not assessed, 79',
    { birthDate: dayBefore(80), flags: ['LOW_INCOME'], selfCareAbility: 'DISABLED' },
    null,
  ],
  ['高龄 without 低保, 90', { birthDate: turning(90) }, null],
  [
    '分散供养特困 with LTC insurance',
    { birthDate: turning(70), flags: ['EXTREME_POVERTY', 'SCATTERED_SUPPORT', 'LONG_TERM_CARE_INSURANCE'] },
    null,
  ],
];

describe.each([
  ['HUANGPI_2020 (000 四)', 'HUANGPI_2020', HUANGPI],
  ['YANGCHENG_2026 (001 三(二), 七(一))', 'YANGCHENG_2026', YANGCHENG],
] as const)('%s', (_title, code, rows) => {
  const doc = policyByCode(code)!;

  it('the table covers every category', () => {
    const covered = new Set(rows.map((r) => r[2]).filter(Boolean));
    expect([...covered].sort()).toEqual(doc.eligibility.categories.map((c) => c.code).sort());
  });

  it.each(rows)('%s', (_name, over, expected) => {
    const v = evaluateEligibility(doc, elderFacts({ ...over, today: TODAY } as never));
    if (expected) expect(v).toMatchObject({ eligible: true, category: expected });
    else {
      expect(v.eligible).toBe(false);
      expect(v.explanation).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

it('judges on the Shanghai calendar day, not the UTC one', () => {
  expect(TODAY).toBe('2026-06-15');
  const doc = policyByCode('HUANGPI_2020')!;
  // Born 1946-06-15: 80 in Shanghai at this instant, still 79 by the UTC date.
  expect(evaluateEligibility(doc, elderFacts({ birthDate: '1946-06-15', today: TODAY }))).toMatchObject({
    eligible: true,
    category: 'HP_AGED_80',
  });
  expect(
    evaluateEligibility(doc, elderFacts({ birthDate: '1946-06-15', today: INSTANT.toISOString().slice(0, 10) }))
      .eligible,
  ).toBe(false);
});
