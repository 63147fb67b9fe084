// 补贴明细 (issue 25): Wallet.statement on a real database, with the app clock moved across a month
// end. Each figure is checked against the elder's ledger entries summed here by the Beijing month of
// their transaction; a month's closing is the next month's opening, and this month's is the balance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedElderId } from '../testing/users.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { accountKey, ledgerViolations } from './ledger.service.js';

let s: TestServer;
// 30 November, 23:30 in Beijing: still November there, already the 30th 15:30 in UTC.
let now = new Date('2026-11-30T23:30:00+08:00');
let family: string;
let elderId: string;

const STATEMENT = `query($id: ID!, $month: String) { elder(id: $id) { wallet { statement(month: $month) {
  month months governmentPaidFen familyPaidFen lapsedFen refundedFen toppedUpFen
  lines { account unit paysFor source opening granted toppedUp spent lapsed refunded other closing }
  topUps { id amountFen status paidAt } } } } }`;
interface Line {
  account: string;
  unit: string;
  paysFor: string | null;
  source: string | null;
  opening: number;
  granted: number;
  toppedUp: number;
  spent: number;
  lapsed: number;
  refunded: number;
  other: number;
  closing: number;
}
interface Statement {
  month: string;
  months: string[];
  governmentPaidFen: number;
  familyPaidFen: number;
  lapsedFen: number;
  refundedFen: number;
  toppedUpFen: number;
  lines: Line[];
  topUps: { id: string; amountFen: number; status: string; paidAt: string }[];
}
const statement = async (month?: string, token = family, id = elderId) =>
  s.gql<{ elder: { wallet: { statement: Statement } } }>(STATEMENT, { id, month }, token);

const monthOf = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

/** What the ledger says for the elder's account of a kind in a month: opening, each kind's net, closing. */
async function ledgerMonth(id: string, kind: string, month: string) {
  const entries = await s.db.prisma.ledgerEntry.findMany({
    where: { account: { key: accountKey({ elderId: id }, kind as 'SELF_PAID') } },
    include: { transaction: true },
  });
  const opening = entries.filter((e) => monthOf(e.transaction.createdAt) < month).reduce((n, e) => n + e.amount, 0n);
  const within = entries.filter((e) => monthOf(e.transaction.createdAt) === month);
  const net = (...kinds: string[]) =>
    within.filter((e) => kinds.includes(e.transaction.kind)).reduce((n, e) => n + e.amount, 0n);
  return {
    opening: Number(opening),
    net,
    closing: Number(opening + net('ALLOWANCE', 'TOP_UP', 'CHARGE', 'EXPIRY', 'CLEARING', 'REFUND', 'REVERSAL')),
  };
}

async function topUp(amountFen: number, key: string) {
  const created = await s.gql<{ createTopUp: { id: string } }>(
    `mutation($i: CreateTopUpInput!) { createTopUp(input: $i) { id } }`,
    { i: { elderId, amountFen, idempotencyKey: key } },
    family,
  );
  expect(created.errors).toBeUndefined();
  const paid = await s.gql<{ sandboxPayTopUp: { status: string } }>(
    `mutation($id: ID!) { sandboxPayTopUp(id: $id) { status } }`,
    { id: created.data!.createTopUp.id },
    family,
  );
  expect(paid.data!.sandboxPayTopUp.status).toBe('PAID');
  return created.data!.createTopUp.id;
}

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  family = await s.login('family');
  elderId = await linkedElderId(s);
});
afterAll(async () => s?.close());

describe('Wallet.statement', () => {
  it('puts a top-up in its Beijing month and agrees with the ledger to the fen, month after month', async () => {
    const november = await topUp(12_345, `statement-nov-${elderId}`);
    now = new Date('2026-12-01T00:10:00+08:00');
    const december = await topUp(678, `statement-dec-${elderId}`);

    const nov = (await statement('2026-11')).data!.elder.wallet.statement;
    const dec = (await statement()).data!.elder.wallet.statement;
    expect(dec.month).toBe('2026-12');
    expect(dec.months[0]).toBe('2026-12');
    expect(dec.months).toContain('2026-11');
    expect(nov.topUps.map((t) => t.id)).toContain(november);
    expect(nov.topUps.map((t) => t.id)).not.toContain(december);
    expect(dec.topUps.map((t) => [t.id, t.amountFen])).toEqual([[december, 678]]);

    for (const st of [nov, dec]) {
      for (const line of st.lines) {
        const l = await ledgerMonth(elderId, line.account, st.month);
        expect(line.opening).toBe(l.opening);
        expect(line.granted).toBe(Number(l.net('ALLOWANCE')));
        expect(line.toppedUp).toBe(Number(l.net('TOP_UP')));
        expect(line.spent).toBe(Number(-l.net('CHARGE')));
        expect(line.lapsed).toBe(Number(-l.net('EXPIRY', 'CLEARING')));
        expect(line.refunded).toBe(Number(-l.net('REFUND')));
        expect(line.closing).toBe(l.closing);
        expect(line.closing).toBe(
          line.opening + line.granted + line.toppedUp - line.spent - line.lapsed - line.refunded + line.other,
        );
      }
    }
    const self = (st: Statement) => st.lines.find((l) => l.account === 'SELF_PAID')!;
    expect(self(dec).opening).toBe(self(nov).closing);
    expect(self(dec).toppedUp).toBe(678);
    expect(dec.toppedUpFen).toBe(678);
    expect(self(nov).toppedUp).toBeGreaterThanOrEqual(12_345);
    // This month's closing is what the accounts hold now.
    const accounts = await s.db.prisma.ledgerAccount.findMany({ where: { elderId } });
    for (const a of accounts) expect(dec.lines.find((l) => l.account === a.kind)!.closing).toBe(Number(a.balance));
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it("says what each subsidy pays for in the programme's words (Huangpi 000, Yangcheng 001 三(三))", async () => {
    const dec = (await statement()).data!.elder.wallet.statement;
    const offline = dec.lines.find((l) => l.account === 'SUBSIDY_OFFLINE')!;
    expect(offline.paysFor).toContain('政府购买居家线下养老服务');
    expect(offline.source).toBe('000 七');
    expect(dec.lines.find((l) => l.account === 'SELF_PAID')!.paysFor).toBeNull();

    const yc = await s.db.prisma.enrolment.findFirstOrThrow({
      where: { status: 'ACTIVE', policy: { code: 'YANGCHENG_2026' } },
    });
    const r = await statement(undefined, await s.login('yc_admin'), yc.elderId);
    expect(r.errors).toBeUndefined();
    const hoursLine = r.data!.elder.wallet.statement.lines.find((l) => l.account === 'SUBSIDY_HOURS');
    expect(hoursLine).toMatchObject({ unit: 'MINUTE', source: '001 三(三)' });
    expect(hoursLine!.paysFor).toContain('每月 4 小时（要分次进行）');
  });

  it('refuses a malformed or future month and a caller who may not see the wallet', async () => {
    for (const month of ['2026-13', '12/2026', '2027-01']) {
      const r = await statement(month);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const other = await s.db.prisma.elder.findFirstOrThrow({
      where: { family: { none: { user: { username: 'family' } } } },
    });
    const r = await statement(undefined, family, other.id);
    expect(r.errors).toBeDefined();
    expect(r.data?.elder?.wallet ?? null).toBeNull();
  });
});
