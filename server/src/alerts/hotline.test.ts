// The 12349 hotline (003 二(二)2 通过拨打 12349 服务热线…对接老年人服务需求; 三(三) 市、县（市、区）、乡（街道）、
// 村（社区）四级“12349”居家养老服务网络…统一服务受理号码) on a real server and database: the number comes
// from the LUOYANG_2013 document (calls.hotline) onto the help desk and onto every notice about a Luoyang
// elder; operators at the four levels record calls only in their own area; the report counts calls by
// level, area and month. The clock is the test's own (November, then December 2026).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { addUser } from '../testing/users.js';
import { enrolElders } from '../testing/programmes.js';
import { notify } from '../notices/index.js';

const RECORD = `mutation($i: RecordHotlineCallInput!) { recordHotlineCall(input: $i) {
  id line level areaCode areaName elderId communityCode need outcome orderId referralTo month } }`;
const REPORT = `query($p: String!, $m: String) { hotlineReport(policyCode: $p, month: $m) {
  phone name source lines { level areaCode areaName month calls orders referrals advice } } }`;
const CALLS = `query($p: String!, $m: String) { hotlineCalls(policyCode: $p, month: $m) { id areaCode need } }`;
const DESK = `query($e: ID!) { helpDesk(elderId: $e) { lines { kind name phone source } } }`;

let s: TestServer;
let now = new Date('2026-11-10T10:00:00+08:00');
const tok: Record<string, string> = {};
let elder: string; // 老城区 西关街道 民主街社区 (410302001001)
let countyElder: string; // 新安县 城关镇 新城社区 (410323100001)
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const call = (over: Record<string, unknown> = {}) => ({
  policyCode: 'LUOYANG_2013',
  callerName: '王秀英',
  callerPhone: '13803790001',
  elderId: elder,
  need: '老人想约每周两次助洁',
  outcome: 'ADVICE',
  ...over,
});
const rows = () => s.db.prisma.hotlineCall.count();

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  const p = s.db.prisma;
  const region = async (c: string) => (await p.region.findUniqueOrThrow({ where: { code: c } })).id;
  const op = async (username: string, regionCode: string) =>
    (tok[username] = await addUser(s, username, {
      role: 'OPERATOR',
      displayName: `12349 坐席 ${regionCode}`,
      regionId: await region(regionCode),
    }));
  await op('ly_city_op', '410300');
  await op('ly_county_op', '410323');
  await op('ly_street_op', '410302001');
  await op('ly_community_op', '410302001001');
  await op('ly_other_community_op', '410302001002');
  tok.huangpiOp = await s.login('operator');
  tok.worker = await addUser(s, 'ly_worker', {
    role: 'COMMUNITY_WORKER',
    displayName: '民主街社区 社工',
    regionId: await region('410302001001'),
  });
  const luoyang = (await p.policy.findUniqueOrThrow({ where: { code: 'LUOYANG_2013' } })).id;
  [{ elderId: elder }] = await enrolElders(s.db, { policyId: luoyang, communityId: await region('410302001001') }, 1);
  [{ elderId: countyElder }] = await enrolElders(
    s.db,
    { policyId: luoyang, communityId: await region('410323100001') },
    1,
  );
}, 120_000);
afterAll(() => s?.close());

describe('the number is the document’s (003 三(三) 统一服务受理号码)', () => {
  it('the help desk of a Luoyang elder offers 12349 with its clause', async () => {
    const r = await s.gql(DESK, { e: elder }, tok.ly_community_op);
    expect(r.errors).toBeUndefined();
    expect(r.data!.helpDesk.lines).toContainEqual({
      kind: 'HOTLINE',
      name: '12349 居家养老服务热线',
      phone: '12349',
      source: '003 三(三)',
    });
  });

  it('every notice about a Luoyang elder carries the hotline; a Huangpi elder’s does not', async () => {
    const user = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'ly_worker' } });
    const hp = await s.db.prisma.enrolment.findFirstOrThrow({
      where: { status: 'ACTIVE', policy: { code: 'HUANGPI_2020' } },
    });
    await notify(s.db.prisma, [user.id], {
      elderId: elder,
      kind: 'TEST',
      title: '服务提醒',
      body: '明天上午助洁。',
      dedupe: 'h1',
    });
    await notify(s.db.prisma, [user.id], {
      elderId: hp.elderId,
      kind: 'TEST',
      title: '服务提醒',
      body: '明天上午助餐。',
      dedupe: 'h2',
    });
    const bodies = (await s.db.prisma.notice.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } })).map(
      (n) => n.body,
    );
    expect(bodies).toEqual(['明天上午助洁。（12349 居家养老服务热线：12349）', '明天上午助餐。']);
  });
});

describe('four levels, each in its own area (003 三(三))', () => {
  it('a community operator records a call about an elder of their community, audited', async () => {
    const r = await s.gql(RECORD, { i: call() }, tok.ly_community_op);
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordHotlineCall).toMatchObject({
      line: '12349',
      level: 'COMMUNITY',
      areaCode: '410302001001',
      elderId: elder,
      communityCode: '410302001001',
      outcome: 'ADVICE',
      month: '2026-11',
    });
    const a = await s.db.prisma.auditLog.findFirst({
      where: { action: 'HOTLINE_CALL_RECORDED', entityId: r.data!.recordHotlineCall.id },
    });
    expect(a).not.toBeNull();
  });

  it('an operator outside the elder’s or community’s area is refused and nothing is kept', async () => {
    const before = await rows();
    const other = await s.gql(RECORD, { i: call() }, tok.ly_other_community_op);
    expect(code(other)).toBe('FORBIDDEN');
    const county = await s.gql(RECORD, { i: call({ elderId: null, communityCode: '410302001002' }) }, tok.ly_county_op);
    expect(code(county)).toBe('FORBIDDEN');
    expect(county.errors![0]!.message).toBe('这通来电不在您这一级热线的辖区内。');
    // Huangpi's call centre is not a seat of Luoyang's 12349, even for an elder it could not see anyway.
    const huangpi = await s.gql(RECORD, { i: call({ elderId: null, communityCode: '420116001001' }) }, tok.huangpiOp);
    expect(code(huangpi)).toBe('FORBIDDEN');
    const worker = await s.gql(RECORD, { i: call() }, tok.worker);
    expect(code(worker)).toBe('FORBIDDEN');
    expect(await rows()).toBe(before);
  });

  it('a street operator refers a caller from another community of the street; the county its own', async () => {
    const street = await s.gql(
      RECORD,
      {
        i: call({
          elderId: null,
          communityCode: '410302001002',
          need: '邻居独居老人需要上门助浴',
          outcome: 'REFERRAL',
          referralTo: '贴廓巷社区居委会',
        }),
      },
      tok.ly_street_op,
    );
    expect(street.errors).toBeUndefined();
    expect(street.data!.recordHotlineCall).toMatchObject({
      level: 'STREET',
      areaCode: '410302001',
      outcome: 'REFERRAL',
    });
    const county = await s.gql(RECORD, { i: call({ elderId: countyElder }) }, tok.ly_county_op);
    expect(county.data!.recordHotlineCall).toMatchObject({ level: 'COUNTY', areaCode: '410323' });
  });

  it('the resulting order is linked once; bad input is refused with nothing kept', async () => {
    const order = await s.db.prisma.order.findFirst({ where: { elderId: elder } });
    const placed =
      order ??
      (await (async () => {
        const item = await s.db.prisma.serviceItem.findFirstOrThrow({
          where: { policy: { code: 'LUOYANG_2013' }, code: 'LY_CLEANING' },
        });
        const provider = await s.db.prisma.provider.findUniqueOrThrow({ where: { code: 'LY-P01' } });
        const operator = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'ly_city_op' } });
        // The order the operator placed on the call (the ordering itself is the orders area's, tested there).
        return s.db.prisma.order.create({
          data: {
            elderId: elder,
            serviceItemId: item.id,
            providerId: provider.id,
            quantity: 1,
            amountFen: 2000,
            scheduledAt: new Date('2026-11-12T09:00:00+08:00'),
            channel: 'HOTLINE',
            placedById: operator.id,
            idempotencyKey: 'hotline-order-1',
            requestHash: 'hotline-order-1',
          },
        });
      })());
    const before = await rows();
    const missing = await s.gql(RECORD, { i: call({ outcome: 'ORDER' }) }, tok.ly_city_op);
    expect([code(missing), missing.errors![0]!.extensions]).toMatchObject([
      'BAD_USER_INPUT',
      { details: { field: 'orderId' } },
    ]);
    const referral = await s.gql(RECORD, { i: call({ outcome: 'REFERRAL' }) }, tok.ly_city_op);
    expect(code(referral)).toBe('BAD_USER_INPUT');
    const blank = await s.gql(RECORD, { i: call({ need: ' ' }) }, tok.ly_city_op);
    expect(code(blank)).toBe('BAD_USER_INPUT');
    expect(await rows()).toBe(before);
    const linked = await s.gql(RECORD, { i: call({ outcome: 'ORDER', orderId: placed.id }) }, tok.ly_city_op);
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.recordHotlineCall).toMatchObject({ level: 'CITY', areaCode: '410300', orderId: placed.id });
    const again = await s.gql(RECORD, { i: call({ outcome: 'ORDER', orderId: placed.id }) }, tok.ly_city_op);
    expect(code(again)).toBe('INVALID_STATE');
    expect(await rows()).toBe(before + 1);
    // Two seats linking one new order at the same moment: one is kept, the other told it is taken.
    const second = await s.db.prisma.order.create({
      data: { ...placed, id: undefined, idempotencyKey: 'hotline-order-2', requestHash: 'hotline-order-2' } as never,
    });
    const both = await Promise.all(
      [tok.ly_city_op, tok.ly_community_op].map((k) =>
        s.gql(RECORD, { i: call({ outcome: 'ORDER', orderId: second.id }) }, k),
      ),
    );
    expect(both.map(code).sort()).toEqual([undefined, 'INVALID_STATE'].sort());
    expect(await s.db.prisma.hotlineCall.count({ where: { orderId: second.id } })).toBe(1);
    await s.db.prisma.hotlineCall.deleteMany({ where: { orderId: second.id } });
  });
});

describe('hotline calls by level, area and month', () => {
  it('the city sees every line; the county and a community only their own; months apart', async () => {
    now = new Date('2026-12-01T09:30:00+08:00');
    const dec = await s.gql(RECORD, { i: call({ need: '咨询补贴券怎么用' }) }, tok.ly_community_op);
    expect(dec.data!.recordHotlineCall.month).toBe('2026-12');
    const city = await s.gql(REPORT, { p: 'LUOYANG_2013' }, tok.ly_city_op);
    expect(city.errors).toBeUndefined();
    expect(city.data!.hotlineReport).toMatchObject({ phone: '12349', source: '003 三(三)' });
    expect(city.data!.hotlineReport.lines).toEqual([
      {
        level: 'CITY',
        areaCode: '410300',
        areaName: '洛阳市',
        month: '2026-11',
        calls: 1,
        orders: 1,
        referrals: 0,
        advice: 0,
      },
      {
        level: 'COUNTY',
        areaCode: '410323',
        areaName: '洛阳市新安县',
        month: '2026-11',
        calls: 1,
        orders: 0,
        referrals: 0,
        advice: 1,
      },
      {
        level: 'STREET',
        areaCode: '410302001',
        areaName: '西关街道',
        month: '2026-11',
        calls: 1,
        orders: 0,
        referrals: 1,
        advice: 0,
      },
      {
        level: 'COMMUNITY',
        areaCode: '410302001001',
        areaName: '民主街社区',
        month: '2026-11',
        calls: 1,
        orders: 0,
        referrals: 0,
        advice: 1,
      },
      {
        level: 'COMMUNITY',
        areaCode: '410302001001',
        areaName: '民主街社区',
        month: '2026-12',
        calls: 1,
        orders: 0,
        referrals: 0,
        advice: 1,
      },
    ]);
    const november = await s.gql(REPORT, { p: 'LUOYANG_2013', m: '2026-11' }, tok.ly_city_op);
    expect(november.data!.hotlineReport.lines.map((l: { month: string }) => l.month)).not.toContain('2026-12');
    const county = await s.gql(REPORT, { p: 'LUOYANG_2013' }, tok.ly_county_op);
    expect(county.data!.hotlineReport.lines.map((l: { areaCode: string }) => l.areaCode)).toEqual(['410323']);
    // A community's own calls, and the city's order about its elder (the call concerns the community).
    const mine = await s.gql(CALLS, { p: 'LUOYANG_2013', m: '2026-11' }, tok.ly_community_op);
    expect(mine.data!.hotlineCalls.map((c: { areaCode: string }) => c.areaCode).sort()).toEqual([
      '410300',
      '410302001001',
    ]);
    const bad = await s.gql(REPORT, { p: 'LUOYANG_2013', m: '2026-13' }, tok.ly_city_op);
    expect(code(bad)).toBe('BAD_USER_INPUT');
  });
});
