// Centre pricing (003 二(一)3: 社区老年日间照料中心实行无偿、低偿、有偿服务相结合): each service of a day-care
// centre has a market price and a lower price; an elder with the government's home-care subsidy
// (enrolled in the centre's programme) is served free, a low-income elder at the lower price, and
// others at the market price; each visit to the centre is recorded with the price charged.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { addUser } from '../testing/users.js';
import { code, luoyangAccounts, operatingFacility, STATUS } from './facilities.fixtures.js';

let s: TestServer;
let now = new Date('2026-11-10T10:00:00+08:00');
const t: Record<string, string> = {};
const ids: Record<string, string> = {};

const SET = `mutation($f: ID!, $i: CentreServiceInput!) { setCentreService(facilityId: $f, input: $i) {
  id code name marketPriceFen lowPriceFen } }`;
const RECORD = `mutation($i: CentreAttendanceInput!) { recordCentreAttendance(input: $i) {
  id elderId serviceCode serviceName tier priceFen basis attendedAt } }`;
const LIST = `query($f: ID!, $m: String!) { centreAttendance(facilityId: $f, month: $m) { elderId tier priceFen } }`;

async function elder(name: string, flags: string[], enrolled: boolean) {
  const p = s.db.prisma;
  const community = await p.region.findUniqueOrThrow({ where: { code: '410302001001' } });
  const e = await p.elder.create({
    data: {
      name,
      gender: 'MALE',
      birthDate: new Date('1945-05-01T00:00:00Z'),
      idNumberEnc: 'test',
      idNumberHash: randomUUID(),
      idNumberMasked: '4103**********0000',
      communityId: community.id,
      address: '民主街 2 号',
      flags,
    },
  });
  if (enrolled) {
    const policy = await p.policy.findUniqueOrThrow({ where: { code: 'LUOYANG_2013' } });
    await p.enrolment.create({
      data: { elderId: e.id, policyId: policy.id, category: 'LY_MODEL_WORKER', startedOn: new Date('2026-11-01') },
    });
  }
  return e.id;
}

const attend = (elderId: string, key = randomUUID(), over: Record<string, unknown> = {}) =>
  s.gql(
    RECORD,
    { i: { facilityId: ids.centre, serviceCode: 'LUNCH', elderId, idempotencyKey: key, ...over } },
    t.worker,
  );

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  Object.assign(t, await luoyangAccounts(s));
  const community = await s.db.prisma.region.findUniqueOrThrow({ where: { code: '410302001001' } });
  t.worker = await addUser(s, 'ly_minzhu_worker', {
    role: 'COMMUNITY_WORKER',
    displayName: '民主街社区',
    regionId: community.id,
  });
  ids.centre = await operatingFacility(s, t.district!);
  ids.subsidised = await elder('享受补贴老人', ['PROVINCIAL_MODEL_WORKER'], true);
  ids.lowIncome = await elder('低保老人', ['LOW_INCOME'], false);
  ids.other = await elder('其他老人', [], false);
}, 120_000);
afterAll(() => s?.close());

describe('centre services at a market and a lower price (003 二(一)3)', () => {
  it('sets a service; a lower price at or above the market price is refused and changes nothing', async () => {
    const ok = await s.gql(
      SET,
      { f: ids.centre, i: { code: 'LUNCH', name: '午餐', marketPriceFen: 1500, lowPriceFen: 800 } },
      t.district,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.setCentreService).toMatchObject({ code: 'LUNCH', marketPriceFen: 1500, lowPriceFen: 800 });
    for (const lowPriceFen of [1500, 1600, 0]) {
      const bad = await s.gql(
        SET,
        { f: ids.centre, i: { code: 'LUNCH', name: '午餐', marketPriceFen: 1500, lowPriceFen } },
        t.district,
      );
      expect(code(bad)).toBe('BAD_USER_INPUT');
    }
    expect(await s.db.prisma.centreService.findMany({ where: { facilityId: ids.centre } })).toMatchObject([
      { lowPriceFen: 800, marketPriceFen: 1500 },
    ]);
    expect(
      code(
        await s.gql(
          SET,
          { f: ids.centre, i: { code: 'X1', name: '午餐', marketPriceFen: 1, lowPriceFen: 0 } },
          t.county,
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('free for a subsidised elder, the lower price for a low-income elder, the market price for others', async () => {
    const free = await attend(ids.subsidised!);
    expect(free.errors).toBeUndefined();
    expect(free.data!.recordCentreAttendance).toMatchObject({ tier: 'FREE', priceFen: 0, serviceName: '午餐' });
    expect(free.data!.recordCentreAttendance.basis).toContain('无偿');
    const low = await attend(ids.lowIncome!);
    expect(low.data!.recordCentreAttendance).toMatchObject({ tier: 'LOW', priceFen: 800 });
    const market = await attend(ids.other!);
    expect(market.data!.recordCentreAttendance).toMatchObject({ tier: 'MARKET', priceFen: 1500 });
    const list = await s.gql(LIST, { f: ids.centre, m: '2026-11' }, t.worker);
    expect((list.data!.centreAttendance as any[]).map((a) => [a.tier, a.priceFen]).sort()).toEqual([
      ['FREE', 0],
      ['LOW', 800],
      ['MARKET', 1500],
    ]);
  });

  it('a retried key records once, even at once; a different request under it is IDEMPOTENCY_CONFLICT', async () => {
    const key = randomUUID();
    const all = await Promise.all(Array.from({ length: 4 }, () => attend(ids.other!, key)));
    for (const r of all) expect(r.errors).toBeUndefined();
    expect(new Set(all.map((r) => r.data!.recordCentreAttendance.id)).size).toBe(1);
    expect(await s.db.prisma.centreAttendance.count({ where: { idempotencyKey: key } })).toBe(1);
    expect(code(await attend(ids.lowIncome!, key))).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('refuses a future visit, an unknown service and a suspended centre, recording nothing', async () => {
    const before = await s.db.prisma.centreAttendance.count();
    expect(code(await attend(ids.other!, randomUUID(), { attendedAt: '2026-11-11T10:00:00+08:00' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await attend(ids.other!, randomUUID(), { serviceCode: 'BATH' }))).toBe('NOT_FOUND');
    const suspended = await s.gql(STATUS, { f: ids.centre, to: 'SUSPENDED', r: '整改' }, t.district);
    expect(suspended.errors).toBeUndefined();
    expect(code(await attend(ids.other!))).toBe('FACILITY_NOT_OPERATING');
    expect(await s.db.prisma.centreAttendance.count()).toBe(before);
  });
});
