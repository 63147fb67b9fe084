// The document format refuses what would corrupt money or scope rules, naming the problem.
import { describe, expect, it } from 'vitest';
import { huangpi2020 } from './documents/huangpi-2020.js';
import { yangcheng2026 } from './documents/yangcheng-2026.js';
import { parsePolicyDocument, type PolicyInput } from './policy.schema.js';

const clone = <T>(x: T): T => structuredClone(x);
const bad = (base: PolicyInput, mutate: (d: any) => void, message: RegExp) => {
  const d = clone(base);
  mutate(d);
  expect(() => parsePolicyDocument(d)).toThrow(message);
};

describe('policy document schema', () => {
  it('accepts both programmes', () => {
    expect(parsePolicyDocument(huangpi2020).code).toBe('HUANGPI_2020');
    expect(parsePolicyDocument(yangcheng2026).code).toBe('YANGCHENG_2026');
  });
  it('refuses float money', () => bad(huangpi2020, (d) => (d.serviceGuide.items[0].priceFen = 10.5), /integer fen/));
  it('refuses a negative price', () => bad(huangpi2020, (d) => (d.serviceGuide.items[0].priceFen = -100), /priceFen/));
  it('refuses a duplicate item code', () =>
    bad(huangpi2020, (d) => (d.serviceGuide.items[1].code = d.serviceGuide.items[0].code), /duplicate item code/));
  it('refuses an hours bucket kept in FEN', () =>
    bad(yangcheng2026, (d) => (d.allowance.buckets[0].unit = 'FEN'), /MINUTE/));
  it('refuses an unknown flag', () =>
    bad(huangpi2020, (d) => (d.eligibility.categories[0].conditions[0].flagsAll = ['RICH']), /flagsAll/));
  it('refuses a town listed in two zones', () =>
    bad(yangcheng2026, (d) => d.zones[1].regionCodes.push(d.zones[0].regionCodes[0]), /in two zones/));
  it('refuses buckets that do not add up to the stated total', () =>
    bad(huangpi2020, (d) => (d.allowance.buckets[0].amount = 3100), /add up/));
  it('refuses a rule without a clause', () => bad(huangpi2020, (d) => (d.allowance.source = 'somewhere'), /cite/));
  it('refuses unknown keys (strict)', () =>
    bad(huangpi2020, (d) => (d.allowance.bonus = 1), /Unrecognized key|unrecognized/i));
});
