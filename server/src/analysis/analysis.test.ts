// Big-data analysis by area (002 二(五)13): the district's streets side by side, per month, with the trend; figures
// checked against records this test writes (over whatever the demo seed holds), the official's scope, bad months,
// and the same figures read back from the XLSX export.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { dongxihuAccounts } from '../goals/goals.fixtures.js';
import { v7 as uuidv7 } from 'uuid';

let s: TestServer;
const t: Record<string, string> = {};
const now = new Date('2026-11-18T10:00:00+08:00');
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const Q = `query($f: String!, $t: String!, $r: String) { areaAnalysis(fromMonth: $f, toMonth: $t, regionCode: $r) {
  regionCode months areas { regionCode name own months { month orders visits serviceMinutes spendingFen complaints
  alerts exceptions creditEvents creditPoints enrolledElders budgetFen targetsMetPercent }
  trend { metric from to change } } comparison { metric areas { regionCode value } } } }`;
const streets = { a: '', b: '', aPath: '', bPath: '' };
let seq = 0;

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  for (const u of ['district_admin', 'street_officer', 'worker']) t[u] = await s.login(u);
  const officer = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'street_officer' } });
  const a = await s.db.prisma.region.findUniqueOrThrow({ where: { id: officer.regionId! } });
  const b = await s.db.prisma.region.findFirstOrThrow({
    where: {
      parentId: a.parentId,
      id: { not: a.id },
      children: { some: { elders: { some: { enrolments: { some: { status: 'ACTIVE' } } } } } },
    },
    orderBy: { code: 'asc' },
  });
  Object.assign(streets, { a: a.code, b: b.code, aPath: a.path, bPath: b.path });
}, 120_000);
afterAll(() => s?.close());

const analysis = async (who: string, f: string, to: string, r?: string) => {
  const res = await s.gql(Q, { f, t: to, r }, t[who]);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.areaAnalysis as any;
};
const cell = (a: any, region: string, month: string) =>
  a.areas.find((x: any) => x.regionCode === region).months.find((m: any) => m.month === month);

/** An elder of the street with a confirmed, visited order at `at` (Beijing), and what the month's records add. */
async function activity(streetPath: string, at: string, minutes: number, subsidyFen: number) {
  const p = s.db.prisma;
  const elder = await p.elder.findFirstOrThrow({
    where: { community: { path: { startsWith: `${streetPath}/` } }, enrolments: { some: { status: 'ACTIVE' } } },
    include: { enrolments: true },
  });
  const enrolment = elder.enrolments[0]!;
  const item = await p.serviceItem.findFirstOrThrow({ where: { policyId: enrolment.policyId, mode: 'OFFLINE' } });
  const when = new Date(at);
  const caregiver = await p.caregiver.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const order = await p.order.create({
    data: {
      elderId: elder.id,
      enrolmentId: enrolment.id,
      serviceItemId: item.id,
      quantity: 1,
      scheduledAt: when,
      channel: 'WORKER',
      placedById: (await p.user.findUniqueOrThrow({ where: { username: 'worker' } })).id,
      status: 'CONFIRMED',
      amountFen: subsidyFen,
      subsidyFen,
      confirmedAt: when,
      createdAt: when,
      idempotencyKey: `analysis-${seq++}`,
      requestHash: 'h',
      visit: { create: { caregiverId: caregiver.id, checkInAt: when, checkOutAt: when, durationMinutes: minutes } },
    },
  });
  const provider = await p.provider.findFirstOrThrow();
  await p.complaint.create({
    data: { elderId: elder.id, content: '测试投诉', filedById: order.placedById, dueAt: when, createdAt: when },
  });
  await p.visitException.create({
    data: {
      orderId: order.id,
      providerId: provider.id,
      month: at.slice(0, 7),
      reason: 'SHORT_VISIT',
      detail: '测试',
      createdAt: when,
    },
  });
  const policy = await p.policy.findUniqueOrThrow({ where: { id: enrolment.policyId } });
  await p.creditEvent.create({
    data: {
      id: uuidv7(),
      policyId: policy.id,
      subjectType: 'PROVIDER',
      subjectId: provider.id,
      kind: 'INSPECTION_FINDING',
      points: -10,
      reason: '测试',
      evidence: '测试证据',
      sourceRef: `test:${seq}`,
      regionPath: streetPath,
      occurredAt: when,
    },
  });
}

describe('the analysis by area and month (002 二(五)13)', () => {
  it('refuses bad months, another street and a role without it, before anything is read', async () => {
    const bad = async (f: string, to: string, who = 'district_admin', r?: string) =>
      code(await s.gql(Q, { f, t: to, r }, t[who]));
    expect(await bad('2026-13', '2026-11')).toBe('BAD_USER_INPUT');
    expect(await bad('2026-11', '2026-10')).toBe('BAD_USER_INPUT');
    expect(await bad('2026-11', '2026-12')).toBe('BAD_USER_INPUT');
    expect(await bad('2024-01', '2026-11')).toBe('BAD_USER_INPUT');
    expect(await bad('2026-10', '2026-11', 'street_officer', streets.b)).toBe('FORBIDDEN');
    expect(await bad('2026-10', '2026-11', 'street_officer', streets.a.slice(0, 6))).toBe('FORBIDDEN');
    const elder = await s.login('elder');
    expect(code(await s.gql(Q, { f: '2026-10', t: '2026-11' }, elder))).toBe('FORBIDDEN');
  });

  it("counts each street's records by Beijing month, with the trend and the streets side by side", async () => {
    const before = await analysis('district_admin', '2026-10', '2026-11');
    // October: two visits in street A (one at 23:30 on 31 October Beijing, still October); November: one in each.
    await activity(streets.aPath, '2026-10-12T10:00:00+08:00', 60, 4000);
    await activity(streets.aPath, '2026-10-31T23:30:00+08:00', 90, 5000);
    await activity(streets.aPath, '2026-11-03T09:00:00+08:00', 30, 2000);
    await activity(streets.bPath, '2026-11-05T09:00:00+08:00', 45, 3000);
    const after = await analysis('district_admin', '2026-10', '2026-11');
    expect(after.months).toEqual(['2026-10', '2026-11']);
    const delta = (region: string, month: string, k: string) =>
      cell(after, region, month)[k] - cell(before, region, month)[k];
    const added = {
      [`${streets.a}:2026-10`]: { orders: 2, visits: 2, serviceMinutes: 150, spendingFen: 9000, n: 2, points: -20 },
      [`${streets.a}:2026-11`]: { orders: 1, visits: 1, serviceMinutes: 30, spendingFen: 2000, n: 1, points: -10 },
      [`${streets.b}:2026-10`]: { orders: 0, visits: 0, serviceMinutes: 0, spendingFen: 0, n: 0, points: 0 },
      [`${streets.b}:2026-11`]: { orders: 1, visits: 1, serviceMinutes: 45, spendingFen: 3000, n: 1, points: -10 },
    };
    for (const [key, e] of Object.entries(added)) {
      const [region, month] = key.split(':') as [string, string];
      const { n, points, ...money } = e;
      expect({
        orders: delta(region, month, 'orders'),
        visits: delta(region, month, 'visits'),
        serviceMinutes: delta(region, month, 'serviceMinutes'),
        spendingFen: delta(region, month, 'spendingFen'),
        complaints: delta(region, month, 'complaints'),
        exceptions: delta(region, month, 'exceptions'),
        creditEvents: delta(region, month, 'creditEvents'),
        creditPoints: delta(region, month, 'creditPoints'),
      }).toEqual({ ...money, complaints: n, exceptions: n, creditEvents: n, creditPoints: points });
    }
    // The district's own row is the sum of everything under it.
    const district = after.areas.find((a: any) => a.own);
    expect(district.regionCode).toBe(streets.a.slice(0, 6));
    expect(
      cell(after, district.regionCode, '2026-10').orders - cell(before, district.regionCode, '2026-10').orders,
    ).toBe(2);
    // The trend is November against October, as the months say.
    const a = after.areas.find((x: any) => x.regionCode === streets.a);
    const trend = a.trend.find((x: any) => x.metric === 'serviceMinutes');
    expect(trend).toEqual({
      metric: 'serviceMinutes',
      from: cell(after, streets.a, '2026-10').serviceMinutes,
      to: cell(after, streets.a, '2026-11').serviceMinutes,
      change: cell(after, streets.a, '2026-11').serviceMinutes - cell(after, streets.a, '2026-10').serviceMinutes,
    });
    // Side by side: every street, largest first, the period's total.
    const visits = after.comparison.find((c: any) => c.metric === 'visits').areas;
    expect(visits.map((v: any) => v.value)).toEqual([...visits.map((v: any) => v.value)].sort((x, y) => y - x));
    const inA = visits.find((v: any) => v.regionCode === streets.a).value;
    expect(inA).toBe(cell(after, streets.a, '2026-10').visits + cell(after, streets.a, '2026-11').visits);
    // Huangpi sets no targets: no figure rather than a guess.
    expect(cell(after, streets.a, '2026-11').targetsMetPercent).toBeNull();
    // A street officer sees their street and its communities only.
    const own = await analysis('street_officer', '2026-11', '2026-11');
    expect(own.regionCode).toBe(streets.a);
    expect(own.areas.every((x: any) => x.regionCode.startsWith(streets.a))).toBe(true);
    expect(cell(own, streets.a, '2026-11').visits).toBe(cell(after, streets.a, '2026-11').visits);
  });

  it('exports the same figures as XLSX, read back with ExcelJS; refuses a street officer another street', async () => {
    const get = (q: string, who: string) =>
      fetch(`${s.url.replace(/\/graphql$/, '')}/exports/analysis.xlsx?${q}`, {
        headers: { authorization: `Bearer ${t[who]}` },
      });
    expect((await get(`from=2026-10&to=2026-11&region=${streets.b}`, 'street_officer')).status).toBe(403);
    expect((await get('from=2026-11&to=2026-10', 'district_admin')).status).toBe(400);
    expect((await get('from=2026-10&to=2026-11', 'worker')).status).toBe(200);
    const res = await get('from=2026-10&to=2026-11', 'district_admin');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['地区代码', '地区', '月份', '服务对象（人）']);
    const now = await analysis('district_admin', '2026-10', '2026-11');
    const col = (label: string) => header.indexOf(label) + 1;
    const rowOf = (region: string, month: string) => {
      for (let i = 2; i <= sheet.rowCount; i++) {
        const r = sheet.getRow(i);
        if (r.getCell(1).value === region && r.getCell(3).value === month) return r;
      }
      throw new Error(`no row for ${region} ${month}`);
    };
    const r = rowOf(streets.a, '2026-10');
    expect(r.getCell(col('上门服务（次）')).value).toBe(cell(now, streets.a, '2026-10').visits);
    expect(r.getCell(col('服务时长（分钟）')).value).toBe(cell(now, streets.a, '2026-10').serviceMinutes);
    expect(r.getCell(col('信用分值合计')).value).toBe(cell(now, streets.a, '2026-10').creditPoints);
    expect(sheet.rowCount).toBe(1 + now.areas.length * 2);
  });

  it("reports the targets' progress where there are targets, as the goals area computes it (002 二(二)4–7)", async () => {
    const dx = await dongxihuAccounts(s);
    const GOALS = `query($p: String!) { programmeGoals(policyCode: $p, months: 1) { goals { progressPercent } } }`;
    const goals = (await s.gql(GOALS, { p: 'DONGXIHU_2024' }, dx.district)).data!.programmeGoals.goals as any[];
    const mean = goals.reduce((n, g) => n + g.progressPercent, 0) / goals.length;
    const r = await s.gql(Q, { f: '2026-11', t: '2026-11' }, dx.district);
    expect(r.errors).toBeUndefined();
    const own = (r.data!.areaAnalysis as any).areas.find((a: any) => a.own);
    expect(own.regionCode).toBe('420112');
    expect(own.months[0].targetsMetPercent).toBeCloseTo(mean, 1);
  });
});
