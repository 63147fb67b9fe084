// 补贴明细 (issue 25): an elder's month from the ledger, per account: what the government granted
// and paid for services, what the family topped up and paid, what lapsed or was cleared, what was
// refunded. Every figure is a sum of the elder's ledger entries (statement.store.ts), so opening +
// the month's movements = closing, and this month's closing is the account's balance, to the fen.
import { monthInShanghai } from '../common/calendar.js';
import { badInput } from '../common/errors.js';
import type { AccountKind, TopUpStatus, Unit } from '../common/enums.js';
import type { PrismaClient } from '../db/prisma.js';
import { policyDocument } from '../policies/index.js';
import { parseMonth, previousMonth } from './month.js';
import { firstStatementMonth, statementSums } from './statement.store.js';
import type { StatementLine, WalletStatement } from './wallet.types.js';

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const ORDER: AccountKind[] = ['SUBSIDY_OFFLINE', 'SUBSIDY_ONLINE', 'SUBSIDY_HOURS', 'SELF_PAID'] as AccountKind[];

/** The instants a Shanghai month starts and ends (exclusive). */
function monthInstants(month: string): { from: Date; to: Date } {
  const { year, month: m } = parseMonth(month);
  return {
    from: new Date(Date.UTC(year, m - 1, 1) - SHANGHAI_OFFSET_MS),
    to: new Date(Date.UTC(year, m, 1) - SHANGHAI_OFFSET_MS),
  };
}

export async function walletStatement(
  prisma: PrismaClient,
  elderId: string,
  month: string | null | undefined,
  now: Date,
): Promise<WalletStatement> {
  const current = monthInShanghai(now);
  const wanted = month ?? current;
  parseMonth(wanted);
  if (wanted > current) throw badInput('month', '这个月还没到，请选择本月或以前的月份。');

  const [sums, first, enrolment] = await Promise.all([
    statementSums(prisma, elderId, wanted),
    firstStatementMonth(prisma, elderId),
    prisma.enrolment.findFirst({ where: { elderId }, include: { policy: true }, orderBy: { startedOn: 'desc' } }),
  ]);
  const buckets = enrolment ? policyDocument(enrolment.policy).allowance.buckets : [];

  const lines = new Map<string, StatementLine>();
  for (const r of sums) {
    const kind = r.account as AccountKind;
    const bucket = buckets.find((b) => b.accountKind === kind);
    const line = lines.get(kind) ?? {
      account: kind,
      unit: r.unit as Unit,
      paysFor: bucket ? (bucket.paysFor ?? null) : null,
      source: bucket?.source ?? null,
      opening: 0,
      granted: 0,
      toppedUp: 0,
      spent: 0,
      lapsed: 0,
      refunded: 0,
      other: 0,
      closing: 0,
    };
    const net = Number(r.credit) + Number(r.debit);
    if (r.tx === 'OPENING') line.opening += net;
    else if (r.tx === 'ALLOWANCE') line.granted += net;
    else if (r.tx === 'TOP_UP') line.toppedUp += net;
    else if (r.tx === 'CHARGE') line.spent -= net;
    else if (r.tx === 'EXPIRY' || r.tx === 'CLEARING') line.lapsed -= net;
    else if (r.tx === 'REFUND') line.refunded -= net;
    else line.other += net;
    line.closing += net;
    lines.set(kind, line);
  }
  const ordered = [...lines.values()].sort((a, b) => ORDER.indexOf(a.account) - ORDER.indexOf(b.account));
  const sum = (f: (l: StatementLine) => number, p: (l: StatementLine) => boolean) =>
    ordered.filter(p).reduce((s, l) => s + f(l), 0);
  const subsidyFen = (l: StatementLine) => l.account !== 'SELF_PAID' && l.unit === 'FEN';

  const { from, to } = monthInstants(wanted);
  const [topUps, refunds] = await Promise.all([
    prisma.topUp.findMany({
      where: { elderId, status: { in: ['PAID', 'REFUNDED'] }, paidAt: { gte: from, lt: to } },
      orderBy: { paidAt: 'desc' },
    }),
    prisma.refund.findMany({ where: { elderId, createdAt: { gte: from, lt: to } }, orderBy: { createdAt: 'desc' } }),
  ]);

  const months: string[] = [];
  for (let m = current; first && m >= first && months.length < 24; m = previousMonth(m)) months.push(m);

  return {
    month: wanted,
    months,
    lines: ordered,
    governmentPaidFen: sum((l) => l.spent, subsidyFen),
    governmentPaidMinutes: sum(
      (l) => l.spent,
      (l) => l.unit === 'MINUTE',
    ),
    familyPaidFen: sum(
      (l) => l.spent,
      (l) => l.account === 'SELF_PAID',
    ),
    lapsedFen: sum((l) => l.lapsed, subsidyFen),
    lapsedMinutes: sum(
      (l) => l.lapsed,
      (l) => l.unit === 'MINUTE',
    ),
    refundedFen: sum(
      (l) => l.refunded,
      (l) => l.account === 'SELF_PAID',
    ),
    toppedUpFen: sum(
      (l) => l.toppedUp,
      (l) => l.account === 'SELF_PAID',
    ),
    topUps: topUps.map((t) => ({
      id: t.id,
      amountFen: t.amountFen,
      status: t.status as TopUpStatus,
      refundedFen: t.refundedFen,
      paidAt: t.paidAt!,
    })),
    refunds: refunds.map((r) => ({
      id: r.id,
      amountFen: r.amountFen,
      reason: r.reason,
      status: r.status,
      createdAt: r.createdAt,
    })),
  };
}
