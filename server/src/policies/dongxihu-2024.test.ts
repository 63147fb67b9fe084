// DONGXIHU_2024 (document 002) as data: the district and its streets, the services of 二(二)6–7, and
// the targets with their deadlines (goals), each citing its clause.
import { describe, expect, it } from 'vitest';
import { policyByCode } from './documents/index.js';
import { dongxihu2024 } from './documents/dongxihu-2024.js';
import { DONGXIHU_STREETS } from './documents/dongxihu-2024.regions.js';
import { parsePolicyDocument } from './policy.schema.js';
import { REGIONS } from '../seed/regions.data.js';

const doc = policyByCode('DONGXIHU_2024')!;
const goal = (code: string) => doc.goals!.items.find((g) => g.code === code)!;

describe('DONGXIHU_2024 (002)', () => {
  it('is the district 420112 with the five streets 二(二)4 names among its streets, all in the region tree', () => {
    expect(doc.region).toMatchObject({ code: '420112', name: '武汉市东西湖区' });
    const named = DONGXIHU_STREETS.filter((s) => s.named).map((s) => s.name.slice(0, 2));
    expect(named).toEqual(['吴家', '将军', '径河', '金银', '常青']);
    const codes = new Set(REGIONS.map((r) => r.code));
    expect(codes.has('420112')).toBe(true);
    for (const z of doc.zones) for (const c of z.regionCodes) expect(codes.has(c)).toBe(true);
  });

  it('holds the targets of 二(二)4/5/7, 二(四)11, 二(五)15 and 二(七)22 with their deadlines', () => {
    expect(goal('DX_STREET_HUB')).toMatchObject({
      target: 1,
      per: 'STREET',
      deadline: '2026-12-31',
      source: '002 二(二)4',
    });
    expect(goal('DX_COMMUNITY_COVERAGE')).toMatchObject({ target: 100, unit: 'PERCENT', deadline: '2025-12-31' });
    expect(goal('DX_FACILITIES_GRADED')).toMatchObject({ target: 90, deadline: '2025-12-31', source: '002 二(二)5' });
    expect(goal('DX_ADVISOR_COVERAGE')).toMatchObject({ target: 100, source: '002 二(二)5' });
    expect(goal('DX_MEAL_COVERAGE')).toMatchObject({ target: 100, source: '002 二(二)7', assumed: true });
    expect(goal('DX_HEALTH_MANAGEMENT')).toMatchObject({ target: 65, minAge: 65, deadline: '2025-12-31' });
    expect(goal('DX_GRADING_PASS')).toMatchObject({ target: 70, deadline: '2025-12-31', source: '002 二(七)22' });
    expect(goal('DX_SMART_TRAINING')).toMatchObject({ target: 10_000, unit: 'COUNT', source: '002 二(五)15' });
    // The at-risk threshold is ours (三(一) asks for 考核 but sets no rule).
    expect(doc.goals!.atRisk).toMatchObject({ shortfallPercent: 10, assumed: true });
  });

  it('verifies on-site meals at the facility and delivered meals at home (二(二)7)', () => {
    const at = Object.fromEntries(doc.serviceGuide.items.map((i) => [i.code, i.verifiedAt]));
    expect(at).toMatchObject({ DX_MEAL_CANTEEN: 'FACILITY', DX_MEAL_POINT: 'FACILITY', DX_MEAL_DELIVERY: 'HOME' });
  });

  it('refuses a share above 100%, a metric without what it counts and a duplicate target', () => {
    const bad = (mutate: (d: any) => void, message: RegExp) => {
      const d = structuredClone(dongxihu2024) as any;
      mutate(d);
      expect(() => parsePolicyDocument(d)).toThrow(message);
    };
    bad((d) => (d.goals.items[4].target = 120), /exceed 100%/);
    bad((d) => delete d.goals.items[0].kinds, /needs kinds/);
    bad((d) => (d.goals.items[1].code = d.goals.items[0].code), /duplicate goal/);
    bad((d) => (d.goals.items[0].unit = 'PERCENT'), /not measured in/);
  });
});
