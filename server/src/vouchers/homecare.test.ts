// Luoyang's home-care hours in the real engine (003 三(二)): the monthly allowance run credits each
// elder hours/day by self-care level × days × 60; settlement values the minutes at the county's
// hourly minimum wage in force on the visit's day; vouchers (补贴券) are issued per elder and month,
// printed as a QR of the serial, and a verified visit redeems one by serial, once; the report sums it
// by county and month. One server, the app clock walking through November 2026 (30 days).
//
// The wage figures below are the test's own: the seed gives none (pendingSource in the document),
// so the test writes a dated table into Xin'an county's document with a change on 2026-11-16.
import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { addUser } from '../testing/users.js';
import { ledgerViolations, moneyTx, placeHold, postHold, systemAccount } from '../wallet/index.js';
import { luoyang2013 } from '../policies/documents/luoyang-2013.js';
import { parsePolicyDocument } from '../policies/policy.schema.js';

let s: TestServer;
let now = new Date('2026-11-05T10:00:00+08:00');
const at = (iso: string) => (now = new Date(iso));
const t: Record<string, string> = {};
const ids: Record<string, string> = {};
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

const ALLOWANCE = `mutation($m: String!) { runMonthlyAllowance(month: $m) { credited skipped } }`;
const ISSUE = `mutation($p: String!, $m: String!) { issueVouchers(policyCode: $p, month: $m) {
  month elders issued skipped } }`;
const LIST = `query($e: ID!, $m: String!) { elderVouchers(elderId: $e, month: $m) {
  id serial seq unit faceValue issuedOn expiresOn status orderId qrDataUrl } }`;
const REDEEM = `mutation($s: String!, $o: ID!, $k: String!) {
  redeemVoucher(serial: $s, orderId: $o, idempotencyKey: $k) {
  id serial status orderId redeemedAt } }`;
const REPORT = `query($p: String!, $m: String!) { homeCareReport(policyCode: $p, month: $m) {
  regionCode regionName month minutesCredited minutesUsed vouchersIssued vouchersRedeemed costFen minutesWithoutWage
  source } }`;

async function elder(communityCode: string, selfCareAbility: 'SELF_CARE' | 'PARTIAL' | 'DISABLED', name: string) {
  const p = s.db.prisma;
  const community = await p.region.findUniqueOrThrow({ where: { code: communityCode } });
  const policy = await p.policy.findUniqueOrThrow({ where: { code: 'LUOYANG_2013' } });
  const e = await p.elder.create({
    data: {
      name,
      gender: 'FEMALE',
      birthDate: new Date('1940-03-01T00:00:00Z'),
      idNumberEnc: 'test',
      idNumberHash: randomUUID(),
      idNumberMasked: '4103**********0000',
      communityId: community.id,
      address: `${community.name} 1 号`,
      selfCareAbility,
      flags: ['LOW_INCOME', 'NO_CHILD_CARER'],
      status: 'ENROLLED',
    },
  });
  await p.enrolment.create({
    data: {
      elderId: e.id,
      policyId: policy.id,
      category: 'LY_LOW_INCOME_DEPENDENT',
      startedOn: new Date('2026-11-01T00:00:00Z'),
    },
  });
  return e.id;
}

const hoursAccount = (elderId: string) =>
  s.db.prisma.ledgerAccount.findFirstOrThrow({ where: { elderId, kind: 'SUBSIDY_HOURS' } });

/**
 * A verified visit of `minutes` on `visitAt`, booked and charged with the engine's own primitives: a
 * hold on the elder's hours, then the hold posted to the provider (as confirmVisit does).
 */
async function visit(elderId: string, visitAt: string, minutes: number, status: 'CONFIRMED' | 'COMPLETED') {
  const p = s.db.prisma;
  const policy = await p.policy.findUniqueOrThrow({ where: { code: 'LUOYANG_2013' } });
  const item = await p.serviceItem.findFirstOrThrow({ where: { policyId: policy.id, code: 'LY_CLEANING' } });
  const provider = await p.provider.findUniqueOrThrow({ where: { code: 'LY-P02' } });
  const caregiver = await p.caregiver.findFirstOrThrow({ where: { providerId: provider.id } });
  const enrolment = await p.enrolment.findFirstOrThrow({ where: { elderId } });
  const when = new Date(visitAt);
  const order = await p.order.create({
    data: {
      elderId,
      enrolmentId: enrolment.id,
      serviceItemId: item.id,
      providerId: provider.id,
      caregiverId: caregiver.id,
      quantity: minutes / 60,
      scheduledAt: when,
      channel: 'WORKER',
      placedById: (await p.user.findUniqueOrThrow({ where: { username: 'ly_xinan' } })).id,
      status,
      amountFen: 0,
      subsidyMinutes: minutes,
      idempotencyKey: randomUUID(),
      requestHash: 'test',
      confirmedAt: status === 'CONFIRMED' ? when : null,
      evidence: status === 'CONFIRMED' ? 'FAMILY_APP' : null,
      chargedMinutes: status === 'CONFIRMED' ? minutes : null,
      visit: {
        create: {
          caregiverId: caregiver.id,
          checkInAt: when,
          checkOutAt: new Date(when.getTime() + minutes * 60_000),
          durationMinutes: minutes,
        },
      },
    },
  });
  const account = await hoursAccount(elderId);
  await moneyTx(p, async (tx) => {
    const hold = await placeHold(tx, account.id, BigInt(minutes), order.id);
    if (status !== 'CONFIRMED') return;
    const payable = await systemAccount(tx, policy.id, 'PROVIDER_PAYABLE', 'MINUTE');
    await postHold(
      tx,
      hold.id,
      BigInt(minutes),
      payable.id,
      { idempotencyKey: `charge:${order.id}`, request: { orderId: order.id, minutes }, orderId: order.id, elderId },
      when,
    );
  });
  return order.id;
}

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  const p = s.db.prisma;
  const region = (c: string) => p.region.findUniqueOrThrow({ where: { code: c } });
  const admin = async (username: string, regionCode: string, role: 'DISTRICT_ADMIN' | 'COMMUNITY_WORKER') =>
    addUser(s, username, { role, displayName: username, regionId: (await region(regionCode)).id });
  t.city = await admin('ly_city', '410300', 'DISTRICT_ADMIN');
  t.xinan = await admin('ly_xinan', '410323', 'DISTRICT_ADMIN');
  t.worker = await admin('ly_xc_worker', '410323100001', 'COMMUNITY_WORKER');
  // The test's wage table for Xin'an (the seed's is pendingSource): 15 元 an hour, 17 元 from 2026-11-16.
  const doc = structuredClone(luoyang2013) as any;
  doc.framework.counties[1].minimumWage = [
    { regionCode: '410323', from: '2013-08-05', to: '2026-11-15', fenPerHour: 1500, source: '003 三(二)' },
    { regionCode: '410323', from: '2026-11-16', fenPerHour: 1700, source: '003 三(二)' },
  ];
  await p.policy.update({ where: { code: 'LUOYANG_2013' }, data: { document: parsePolicyDocument(doc) as any } });
  ids.disabled = await elder('410323100001', 'DISABLED', '测试失能老人');
  ids.partial = await elder('410323100001', 'PARTIAL', '测试半失能老人');
  ids.laocheng = await elder('410302001001', 'SELF_CARE', '测试自理老人');
}, 120_000);
afterAll(() => s?.close());

describe('the allowance run credits hours by self-care level (003 三(二))', () => {
  it('a 失能 elder gets 3 h × 30 days = 90 h in November, 半失能 60 h, 自理 30 h; a rerun credits nothing', async () => {
    const r = await s.gql(ALLOWANCE, { m: '2026-11' }, t.city);
    expect(r.errors).toBeUndefined();
    expect((await hoursAccount(ids.disabled!)).balance).toBe(BigInt(3 * 30 * 60));
    expect((await hoursAccount(ids.partial!)).balance).toBe(BigInt(2 * 30 * 60));
    expect((await hoursAccount(ids.laocheng!)).balance).toBe(BigInt(1 * 30 * 60));
    const tx = await s.db.prisma.ledgerTransaction.findFirstOrThrow({
      where: { elderId: ids.disabled, kind: 'ALLOWANCE', month: '2026-11' },
    });
    expect(tx.memo).toContain('免费服务时长');
    const again = await s.gql(ALLOWANCE, { m: '2026-11' }, t.city);
    expect(again.errors).toBeUndefined();
    expect((await hoursAccount(ids.disabled!)).balance).toBe(5400n);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});

describe('vouchers (补贴券, 003 三(二))', () => {
  it('a voucher a day per elder of the county, worth the day’s hours; no rerun or race issues twice', async () => {
    const [a, b] = await Promise.all([
      s.gql(ISSUE, { p: 'LUOYANG_2013', m: '2026-11' }, t.xinan),
      s.gql(ISSUE, { p: 'LUOYANG_2013', m: '2026-11' }, t.xinan),
    ]);
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);
    expect(a.data!.issueVouchers.issued + b.data!.issueVouchers.issued).toBe(60);
    // Only Xin'an's two elders: the Laocheng elder is outside the county official's region.
    expect(await s.db.prisma.voucher.count({ where: { elderId: ids.laocheng } })).toBe(0);
    const rerun = await s.gql(ISSUE, { p: 'LUOYANG_2013', m: '2026-11' }, t.xinan);
    expect(rerun.data!.issueVouchers).toMatchObject({ issued: 0, skipped: 2 });
    expect(code(await s.gql(ISSUE, { p: 'LUOYANG_2013', m: '2026-12' }, t.xinan))).toBe('BAD_USER_INPUT');
    expect(code(await s.gql(ISSUE, { p: 'HUANGPI_2020', m: '2026-11' }, t.xinan))).toBe('INVALID_STATE');

    const list = await s.gql(LIST, { e: ids.disabled, m: '2026-11' }, t.worker);
    expect(list.errors).toBeUndefined();
    const vouchers = list.data!.elderVouchers as any[];
    expect(vouchers).toHaveLength(30);
    expect(vouchers[0]).toMatchObject({
      seq: 1,
      unit: 'MINUTE',
      faceValue: 180,
      issuedOn: '2026-11-05',
      expiresOn: '2026-11-30',
      status: 'ISSUED',
    });
    expect(vouchers.every((v) => /^LY-202611-[0-9A-HJKMNP-TV-Z]{10}$/.test(v.serial))).toBe(true);
    expect(new Set(vouchers.map((v) => v.serial)).size).toBe(30);
    // The QR is the serial itself, so a scanner reads what is printed beside it.
    expect(vouchers[0].qrDataUrl).toBe(
      await QRCode.toDataURL(vouchers[0].serial, { errorCorrectionLevel: 'M', margin: 2, scale: 8 }),
    );
    const partial = (await s.gql(LIST, { e: ids.partial, m: '2026-11' }, t.worker)).data!.elderVouchers as any[];
    expect(partial[0].faceValue).toBe(120);
    ids.v1 = vouchers[0].serial;
    ids.v2 = vouchers[1].serial;
    ids.v3 = vouchers[2].serial;
    ids.other = partial[0].serial;
  });

  it('a verified visit redeems a voucher once; twice, another’s, unverified are refused, nothing moved', async () => {
    at('2026-11-25T10:00:00+08:00');
    ids.a = await visit(ids.disabled!, '2026-11-10T09:00:00+08:00', 180, 'CONFIRMED');
    ids.b = await visit(ids.disabled!, '2026-11-20T09:00:00+08:00', 180, 'CONFIRMED');
    ids.c = await visit(ids.disabled!, '2026-11-21T09:00:00+08:00', 120, 'COMPLETED');
    ids.d = await visit(ids.disabled!, '2026-11-22T09:00:00+08:00', 180, 'CONFIRMED');
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    const ledgerBefore = await s.db.prisma.ledgerTransaction.count();
    const balanceBefore = (await hoursAccount(ids.disabled!)).balance;

    const key = randomUUID();
    const ok = await s.gql(REDEEM, { s: ids.v1, o: ids.a, k: key }, t.worker);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.redeemVoucher).toMatchObject({ serial: ids.v1, status: 'REDEEMED', orderId: ids.a });
    // Idempotent: the same key answers the same; five at once as well.
    const replays = await Promise.all(
      Array.from({ length: 5 }, () => s.gql(REDEEM, { s: ids.v1, o: ids.a, k: key }, t.worker)),
    );
    for (const r of replays) expect(r.data!.redeemVoucher).toEqual(ok.data!.redeemVoucher);

    const snapshot = await s.db.prisma.voucher.findUniqueOrThrow({ where: { serial: ids.v1 } });
    expect(code(await s.gql(REDEEM, { s: ids.v1, o: ids.b, k: randomUUID() }, t.worker))).toBe('VOUCHER_REDEEMED');
    expect(code(await s.gql(REDEEM, { s: ids.v2, o: ids.a, k: randomUUID() }, t.worker))).toBe('VOUCHER_NOT_FOR_VISIT');
    expect(code(await s.gql(REDEEM, { s: ids.other, o: ids.b, k: randomUUID() }, t.worker))).toBe(
      'VOUCHER_NOT_FOR_VISIT',
    );
    expect(code(await s.gql(REDEEM, { s: ids.v2, o: ids.c, k: randomUUID() }, t.worker))).toBe('VOUCHER_NOT_FOR_VISIT');
    expect(code(await s.gql(REDEEM, { s: ids.v2, o: ids.b, k: key }, t.worker))).toBe('IDEMPOTENCY_CONFLICT');
    expect(code(await s.gql(REDEEM, { s: 'LY-202611-0000000000', o: ids.b, k: randomUUID() }, t.worker))).toBe(
      'NOT_FOUND',
    );
    expect(await s.db.prisma.voucher.findUniqueOrThrow({ where: { serial: ids.v1 } })).toEqual(snapshot);
    expect(await s.db.prisma.voucher.count({ where: { status: 'REDEEMED' } })).toBe(1);
    // Redeeming moves nothing on the ledger: the visit's charge already moved the minutes.
    expect(await s.db.prisma.ledgerTransaction.count()).toBe(ledgerBefore);
    expect((await hoursAccount(ids.disabled!)).balance).toBe(balanceBefore);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('two redeems of one voucher at once: one wins, the other is VOUCHER_REDEEMED', async () => {
    const [x, y] = await Promise.all([
      s.gql(REDEEM, { s: ids.v2, o: ids.b, k: randomUUID() }, t.worker),
      s.gql(REDEEM, { s: ids.v2, o: ids.d, k: randomUUID() }, t.worker),
    ]);
    const codes = [code(x), code(y)].sort();
    expect(codes).toEqual([undefined, 'VOUCHER_REDEEMED'].sort());
    const v = await s.db.prisma.voucher.findUniqueOrThrow({ where: { serial: ids.v2 } });
    expect(v.status).toBe('REDEEMED');
    expect([ids.b, ids.d]).toContain(v.orderId);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('after its last day a voucher is VOUCHER_EXPIRED and stays unused', async () => {
    at('2026-12-01T09:00:00+08:00');
    const free = (await s.db.prisma.voucher.findFirst({ where: { serial: ids.v2, orderId: ids.b } })) ? ids.d : ids.b;
    expect(code(await s.gql(REDEEM, { s: ids.v3, o: free, k: randomUUID() }, t.worker))).toBe('VOUCHER_EXPIRED');
    expect((await s.db.prisma.voucher.findUniqueOrThrow({ where: { serial: ids.v3 } })).status).toBe('ISSUED');
  });
});

describe('settlement values minutes at the wage in force on the visit’s day (参照小时最低工资标准核算)', () => {
  it('3 h on 11-10 at 15 元 and 3 h on 11-20 at 17 元; the report sums hours, vouchers and cost by county', async () => {
    at('2026-12-02T09:00:00+08:00');
    const run = await s.gql(`mutation { runSettlement(month: "2026-11") { id } }`, {}, t.city);
    expect(run.errors).toBeUndefined();
    const line = (orderId: string) => s.db.prisma.settlementLine.findFirstOrThrow({ where: { orderId } });
    expect(await line(ids.a!)).toMatchObject({ visitDate: '2026-11-10', subsidyMinutes: 180, hoursValueFen: 4500 });
    expect(await line(ids.b!)).toMatchObject({ visitDate: '2026-11-20', subsidyMinutes: 180, hoursValueFen: 5100 });
    expect(await line(ids.d!)).toMatchObject({ visitDate: '2026-11-22', hoursValueFen: 5100 });
    expect(await s.db.prisma.settlementLine.count({ where: { orderId: ids.c } })).toBe(0);
    const statement = await s.db.prisma.settlement.findFirstOrThrow({
      where: { month: '2026-11', lines: { some: { orderId: ids.a } } },
    });
    expect(statement.hoursValueFen).toBe(4500 + 5100 + 5100);
    // The full month at the wage in force: 90 h at 15 元 before the change, at 17 元 after it.
    expect(Math.round((5400 * 1500) / 60)).toBe(90 * 1500);

    const report = await s.gql(REPORT, { p: 'LUOYANG_2013', m: '2026-11' }, t.city);
    expect(report.errors).toBeUndefined();
    const rows = report.data!.homeCareReport as any[];
    expect(rows.find((r) => r.regionCode === '410323')).toEqual({
      regionCode: '410323',
      regionName: '新安县',
      month: '2026-11',
      minutesCredited: 5400 + 3600,
      minutesUsed: 540,
      vouchersIssued: 60,
      vouchersRedeemed: 2,
      costFen: 4500 + 5100 + 5100,
      minutesWithoutWage: 0,
      source: '003 三(二)',
    });
    // Laocheng (the test's 自理 elder and the seed's enrolled elders): no visits used hours there yet.
    const laocheng = await s.db.prisma.ledgerEntry.aggregate({
      _sum: { amount: true },
      where: {
        transaction: { kind: 'ALLOWANCE', month: '2026-11' },
        account: { kind: 'SUBSIDY_HOURS', elder: { community: { path: { startsWith: '410300/410302/' } } } },
      },
    });
    expect(rows.find((r) => r.regionCode === '410302')).toMatchObject({
      minutesCredited: Number(laocheng._sum.amount),
      minutesUsed: 0,
      costFen: 0,
    });
    expect(Number(laocheng._sum.amount)).toBeGreaterThanOrEqual(1800);
    // The demo seed enrolled Laocheng's eligible elders and gave them the month's vouchers.
    expect(rows.find((r) => r.regionCode === '410302').vouchersIssued).toBeGreaterThan(0);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});

describe('vouchers in fen (三(二): 补贴券, valued at the wage on the issue day)', () => {
  it('a 失能 day is 3 h × 15 元 = 45 元; a county without a wage figure is refused and nothing is issued', async () => {
    const p = s.db.prisma;
    const doc = structuredClone(
      (await p.policy.findUniqueOrThrow({ where: { code: 'LUOYANG_2013' } })).document,
    ) as any;
    doc.vouchers.unit = 'FEN';
    await p.policy.update({ where: { code: 'LUOYANG_2013' }, data: { document: parsePolicyDocument(doc) as any } });
    ids.fen = await elder('410323100001', 'DISABLED', '测试券面金额老人');
    const before = await p.voucher.count();
    // The city's run reaches Laocheng, whose wage is pendingSource: refused as a whole.
    expect(code(await s.gql(ISSUE, { p: 'LUOYANG_2013', m: '2026-11' }, t.city))).toBe('INVALID_STATE');
    expect(await p.voucher.count()).toBe(before);
    const r = await s.gql(ISSUE, { p: 'LUOYANG_2013', m: '2026-11' }, t.xinan);
    expect(r.data!.issueVouchers).toMatchObject({ elders: 1, issued: 30, skipped: 2 });
    const list = (await s.gql(LIST, { e: ids.fen, m: '2026-11' }, t.worker)).data!.elderVouchers as any[];
    // November is over (the clock is in December): issued on its first day, at that day's 15 元 an hour.
    expect(list[0]).toMatchObject({ unit: 'FEN', faceValue: 3 * 1500, issuedOn: '2026-11-01' });
  });
});
