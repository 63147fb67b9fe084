// Facilities, their area tiers (003 二(一)2) and their grants on the ledger (003 三(一); 000 八),
// on a real server and database. The clock moves forward through one facility life: opened in
// January 2026, subsidised monthly, a start-up grant after three months, and service stopped 23
// and 25 months after the grant arrived.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { ledgerViolations } from '../wallet/index.js';
import {
  ACCRUE,
  CREATE,
  DISBURSE,
  PROPOSE,
  STATUS,
  code,
  facilityInput,
  grantTransactions,
  luoyangAccounts,
  operatingFacility,
} from './facilities.fixtures.js';

let s: TestServer;
let now = new Date('2026-01-05T09:00:00+08:00');
let t: { city: string; district: string; county: string; hp: string };
const ids: Record<string, string> = {};
const at = (iso: string) => (now = new Date(iso));

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  t = { ...(await luoyangAccounts(s)), hp: await s.login('district_admin') };
  ids.a = await operatingFacility(s, t.district);
  ids.b = await operatingFacility(s, t.district, { communityCode: '410302001002' });
  ids.c = await operatingFacility(s, t.county, { communityCode: '410323100001', address: '新安县城关镇 2 号' });
}, 120_000);
afterAll(() => s?.close());

describe('area tiers (003 二(一)2)', () => {
  it('a 480-elder community needs 200 m², so 199 m² is flagged 1 m² short and still registered', async () => {
    const r = await s.gql(
      CREATE,
      {
        i: facilityInput({
          kind: 'SERVICE_STATION',
          floorAreaM2: 199,
          contractedAreaM2: 150,
          elderCount: 480,
          elderCountOn: '2025-12-31',
        }),
      },
      t.district,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createFacility.status).toBe('PLANNED');
    expect(r.data!.createFacility.areaTier).toMatchObject({
      status: 'ASSESSED',
      tier: 1,
      requiredM2: 200,
      compliant: false,
      shortfallM2: 1,
      elders: 480,
      eldersFrom: 'STATISTIC',
      eldersOn: '2025-12-31',
      source: '003 二(一)2',
    });
  });

  it('501 elders need 300 m²; a new estate waits for 建标143-2010 (pendingSource)', async () => {
    const big = await s.gql(
      CREATE,
      { i: facilityInput({ floorAreaM2: 300, elderCount: 501, elderCountOn: '2025-12-31' }) },
      t.district,
    );
    expect(big.data!.createFacility.areaTier).toMatchObject({
      tier: 2,
      requiredM2: 300,
      compliant: true,
      shortfallM2: 0,
    });
    const estate = await s.gql(CREATE, { i: facilityInput({ newEstate: true }) }, t.district);
    expect(estate.data!.createFacility.areaTier).toMatchObject({
      status: 'PENDING_SOURCE',
      tier: null,
      compliant: null,
    });
  });

  it('refuses a street or county outside its scope and a skipped status, changing nothing', async () => {
    const before = await s.db.prisma.facility.count();
    const out = await s.gql(CREATE, { i: facilityInput({ communityCode: '410323100001' }) }, t.district);
    expect(code(out)).toBe('FORBIDDEN');
    const worker = await s.gql(CREATE, { i: facilityInput() }, await s.login('worker'));
    expect(code(worker)).toBe('FORBIDDEN');
    const skip = await s.gql(STATUS, { f: ids.a, to: 'PLANNED' }, t.district);
    expect(code(skip)).toBe('INVALID_STATE');
    const noReason = await s.gql(STATUS, { f: ids.a, to: 'SUSPENDED' }, t.district);
    expect(code(noReason)).toBe('BAD_USER_INPUT');
    expect(await s.db.prisma.facility.count()).toBe(before);
    const audited = await s.db.prisma.auditLog.count({ where: { entityId: ids.a, action: 'FACILITY_STATUS_CHANGED' } });
    expect(audited).toBe(3);
  });
});

describe('operating subsidy (003 三(一): 每月每平方米 10 元)', () => {
  it('120 m² pays 1200 元 a month: 600/600 city and district in an urban district, 1200 from the county', async () => {
    at('2026-03-10T10:00:00+08:00');
    const urban = await s.gql(ACCRUE, { f: ids.a, m: '2026-02' }, t.district);
    expect(urban.errors).toBeUndefined();
    expect(urban.data!.accrueFacilityGrant.map((g: any) => [g.fundSource, g.amountFen]).sort()).toEqual([
      ['CITY_FINANCE', 60_000],
      ['DISTRICT_FINANCE', 60_000],
    ]);
    const county = await s.gql(ACCRUE, { f: ids.c, m: '2026-02' }, t.county);
    expect(county.data!.accrueFacilityGrant.map((g: any) => [g.fundSource, g.amountFen])).toEqual([
      ['COUNTY_FINANCE', 120_000],
    ]);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('a part month is paid for its operating days (assumed): 5–31 January is 27 of 31 days', async () => {
    const r = await s.gql(ACCRUE, { f: ids.a, m: '2026-01' }, t.district);
    const total = r.data!.accrueFacilityGrant.reduce((n: number, g: any) => n + g.amountFen, 0);
    expect(total).toBe(Math.floor((120_000 * 27) / 31));
  });

  it('a replay returns the first postings, and two at once post once', async () => {
    const before = await grantTransactions(s);
    const again = await s.gql(ACCRUE, { f: ids.a, m: '2026-02' }, t.district);
    expect(again.data!.accrueFacilityGrant).toHaveLength(2);
    const [x, y] = await Promise.all([
      s.gql(ACCRUE, { f: ids.b, m: '2026-02' }, t.district),
      s.gql(ACCRUE, { f: ids.b, m: '2026-02' }, t.district),
    ]);
    expect([x.errors, y.errors]).toEqual([undefined, undefined]);
    expect(await grantTransactions(s)).toBe(before + 2);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('a month not yet over is refused', async () => {
    expect(code(await s.gql(ACCRUE, { f: ids.a, m: '2026-03' }, t.district))).toBe('BAD_USER_INPUT');
  });
});

describe('start-up grant (003 三(一): 5–20 万元, 运行满 3 个月, 区提出、市拨付, 两年内暂停追回)', () => {
  it('refuses a grant before 3 months of operation, and 4 万 or 21 万, moving no money', async () => {
    const before = await grantTransactions(s);
    expect(code(await s.gql(PROPOSE, { f: ids.a, a: 10_000_000 }, t.district))).toBe('GRANT_TOO_EARLY');
    at('2026-04-10T10:00:00+08:00');
    expect(code(await s.gql(PROPOSE, { f: ids.a, a: 4_000_000 }, t.district))).toBe('GRANT_OUT_OF_RANGE');
    expect(code(await s.gql(PROPOSE, { f: ids.a, a: 21_000_000 }, t.district))).toBe('GRANT_OUT_OF_RANGE');
    expect(await s.db.prisma.startupGrant.count()).toBe(0);
    expect(await grantTransactions(s)).toBe(before);
  });

  it('the district proposes, only the city disburses, split 50/50; a double disbursement posts once', async () => {
    const a = await s.gql(PROPOSE, { f: ids.a, a: 10_000_000 }, t.district);
    const b = await s.gql(PROPOSE, { f: ids.b, a: 5_000_000 }, t.district);
    expect(a.data!.proposeStartupGrant.status).toBe('PROPOSED');
    ids.ga = a.data!.proposeStartupGrant.id;
    ids.gb = b.data!.proposeStartupGrant.id;
    expect(code(await s.gql(DISBURSE, { g: ids.a }, t.district))).toBe('FORBIDDEN');
    expect(code(await s.gql(DISBURSE, { g: ids.a }, t.county))).toBe('FORBIDDEN');
    const before = await grantTransactions(s);
    const [x, y] = await Promise.all([s.gql(DISBURSE, { g: ids.a }, t.city), s.gql(DISBURSE, { g: ids.a }, t.city)]);
    expect([x.data?.disburseStartupGrant.status, y.data?.disburseStartupGrant.status]).toEqual([
      'DISBURSED',
      'DISBURSED',
    ]);
    await s.gql(DISBURSE, { g: ids.b }, t.city);
    expect(await grantTransactions(s)).toBe(before + 4);
    const rows = await s.db.prisma.facilityGrant.findMany({ where: { facilityId: ids.a, kind: 'STARTUP' } });
    expect(rows.map((r) => [r.fundSource, r.amountFen]).sort()).toEqual([
      ['CITY_FINANCE', 5_000_000],
      ['DISTRICT_FINANCE', 5_000_000],
    ]);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('a suspended facility gets no operating subsidy (FACILITY_NOT_OPERATING), and nothing moves', async () => {
    await s.gql(STATUS, { f: ids.c, to: 'SUSPENDED', r: '整改' }, t.county);
    const before = await grantTransactions(s);
    expect(code(await s.gql(ACCRUE, { f: ids.c, m: '2026-03' }, t.county))).toBe('FACILITY_NOT_OPERATING');
    expect(await grantTransactions(s)).toBe(before);
  });

  it('suspension 23 months after the money arrived claws the grant back in full', async () => {
    at('2028-03-10T10:00:00+08:00');
    const r = await s.gql(STATUS, { f: ids.a, to: 'SUSPENDED', r: '运营方退出' }, t.district);
    expect(r.data!.changeFacilityStatus.startupGrant.status).toBe('CLAWED_BACK');
    const back = r.data!.changeFacilityStatus.grants.filter((g: any) => g.kind === 'STARTUP' && g.clawback);
    expect(back.reduce((n: number, g: any) => n + g.amountFen, 0)).toBe(10_000_000);
    const acc = await s.db.prisma.ledgerAccount.findUniqueOrThrow({
      where: { key: `facility:${ids.a}:FACILITY_GRANT:FEN` },
    });
    const subsidies = (
      await s.db.prisma.facilityGrant.findMany({ where: { facilityId: ids.a, kind: 'OPERATING' } })
    ).reduce((n, g) => n + g.amountFen, 0);
    expect(Number(acc.balance)).toBe(subsidies);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('suspension 25 months after the money arrived keeps the grant', async () => {
    at('2028-05-10T10:00:00+08:00');
    const r = await s.gql(STATUS, { f: ids.b, to: 'SUSPENDED', r: '装修' }, t.district);
    expect(r.data!.changeFacilityStatus.startupGrant.status).toBe('DISBURSED');
    expect(r.data!.changeFacilityStatus.grants.some((g: any) => g.clawback)).toBe(false);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});

describe('Huangpi canteens (000 八: 每个幸福食堂每年补助 18 万元)', () => {
  it('a canteen is paid 1.5 万元 a month from the district (instalments assumed)', async () => {
    at('2028-06-02T10:00:00+08:00');
    now = new Date('2028-04-01T09:00:00+08:00');
    const id = await operatingFacility(s, t.hp, {
      policyCode: 'HUANGPI_2020',
      kind: 'CANTEEN',
      communityCode: '420116001001',
      address: '前川街道百秀社区',
      latitude: 30.8835,
      longitude: 114.3712,
      funder: '前川街道办事处',
    });
    at('2028-06-02T10:00:00+08:00');
    const r = await s.gql(ACCRUE, { f: id, m: '2028-05' }, t.hp);
    expect(r.data!.accrueFacilityGrant).toEqual([
      { kind: 'ANNUAL', period: '2028-05', fundSource: 'DISTRICT_FINANCE', amountFen: 1_500_000 },
    ]);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});

describe('the facilities report (003 一, 二(一)2, 三(一))', () => {
  const REPORT = `{ facilityReport {
    byDistrict { districtCode facilities operating communities communitiesWithCentre assessed compliant belowTier }
    grants { kind fundSource month paidFen clawedBackFen } clawbacks { facilityId fundSource amountFen } } }`;

  it('shows coverage and tier compliance by district, grants by kind, source and month, clawbacks', async () => {
    const r = await s.gql(REPORT, {}, t.city);
    expect(r.errors).toBeUndefined();
    const rep = r.data!.facilityReport;
    const laocheng = rep.byDistrict.find((d: any) => d.districtCode === '410302');
    const facilities = await s.db.prisma.facility.count({ where: { community: { code: { startsWith: '410302' } } } });
    expect(laocheng).toMatchObject({ facilities, communities: 2 });
    // The seed's 贴廓巷 station (480 elders, 199 m²) is below its tier.
    expect(laocheng.belowTier).toContain('贴廓巷社区老年人服务站点');
    expect(rep.grants).toContainEqual({
      kind: 'OPERATING',
      fundSource: 'COUNTY_FINANCE',
      month: '2026-03',
      paidFen: 120_000,
      clawedBackFen: 0,
    });
    expect(rep.grants).toContainEqual({
      kind: 'STARTUP',
      fundSource: 'CITY_FINANCE',
      month: '2028-03',
      paidFen: 0,
      clawedBackFen: 5_000_000,
    });
    expect(rep.clawbacks.filter((c: any) => c.facilityId === ids.a).map((c: any) => c.amountFen)).toEqual([
      5_000_000, 5_000_000,
    ]);
    // Huangpi's district admin sees none of Luoyang.
    const hp = await s.gql(REPORT, {}, t.hp);
    expect(hp.data!.facilityReport.byDistrict.map((d: any) => d.districtCode)).toEqual(['420116']);
    expect(hp.data!.facilityReport.clawbacks).toEqual([]);
  });
});
