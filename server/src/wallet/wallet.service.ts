import { type Actor, authorize } from '../auth/index.js';
import type { AccountKind, TransactionKind, Unit } from '../common/enums.js';
import { ErrorCode, fail } from '../common/errors.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import type { LedgerAccount, Prisma, PrismaClient } from '../db/prisma.js';
import { pathWithin } from '../regions/index.js';
import { runMonthlyAllowance, type AllowanceResult } from './allowance.service.js';
import type { Account, WalletHold, WalletTransaction } from './wallet.types.js';
import { monthInShanghai } from '../common/calendar.js';

export const ELDER_KINDS = ['SUBSIDY_ONLINE', 'SUBSIDY_OFFLINE', 'SUBSIDY_HOURS', 'SELF_PAID'] as const;

/** The relation filter for an elder's own accounts, in the order the wallet lists them. */
export const ELDER_ACCOUNTS = {
  where: { kind: { in: [...ELDER_KINDS] } },
  orderBy: { kind: 'asc' },
} satisfies Prisma.Elder$accountsArgs;

/** One elder's account rows (read with ELDER_ACCOUNTS) as the wallet shows them. */
export const toAccounts = (rows: readonly LedgerAccount[]): Account[] =>
  rows.map((r) => ({
    kind: r.kind as AccountKind,
    unit: r.unit as Unit,
    balance: Number(r.balance),
    held: Number(r.held),
    available: Number(r.balance - r.held),
  }));

/** Elders' own accounts, batched for DataLoader. Balances are BigInt in the ledger; an elder's fit in Int. */
export async function accountsByElderIds(prisma: PrismaClient, elderIds: readonly string[]): Promise<Account[][]> {
  const rows = await prisma.ledgerAccount.findMany({
    where: { elderId: { in: [...elderIds] }, ...ELDER_ACCOUNTS.where },
    orderBy: ELDER_ACCOUNTS.orderBy,
  });
  const byElder = new Map<string, LedgerAccount[]>();
  for (const r of rows) byElder.set(r.elderId!, [...(byElder.get(r.elderId!) ?? []), r]);
  return elderIds.map((id) => toAccounts(byElder.get(id) ?? []));
}

/** Active holds on the elder's accounts (visits booked, not yet charged or cancelled). */
export async function activeHolds(prisma: PrismaClient, elderId: string): Promise<WalletHold[]> {
  const rows = await prisma.hold.findMany({
    where: { status: 'ACTIVE', account: { elderId } },
    include: { account: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((h) => ({
    id: h.id,
    account: h.account.kind as AccountKind,
    unit: h.account.unit as Unit,
    amount: Number(h.amount),
    orderId: h.orderId,
    createdAt: h.createdAt,
  }));
}

/** The elder's statement, newest first: one line per entry on the elder's own accounts. */
export async function walletTransactions(prisma: PrismaClient, elderId: string, page: PageArgs) {
  const { take, afterId } = pageWindow(page);
  const where = { account: { elderId } };
  const [rows, totalCount] = await Promise.all([
    prisma.ledgerEntry.findMany({
      where: { ...where, ...(afterId ? { id: { lt: afterId } } : {}) },
      include: { account: true, transaction: true },
      orderBy: { id: 'desc' },
      take: take + 1,
    }),
    prisma.ledgerEntry.count({ where }),
  ]);
  const lines: WalletTransaction[] = rows.map((e) => ({
    id: e.id,
    kind: e.transaction.kind as TransactionKind,
    account: e.account.kind as AccountKind,
    amount: Number(e.amount),
    unit: e.account.unit as Unit,
    at: e.createdAt,
    memo: e.transaction.memo,
    month: e.transaction.month,
    orderId: e.transaction.orderId,
  }));
  return toConnection(lines, take, totalCount);
}

/**
 * A district official runs the month's allowance for the programmes of their district (the
 * scheduler runs it for all). Idempotent: a second call credits no one twice.
 */
export async function runAllowanceFor(
  prisma: PrismaClient,
  actor: Actor,
  month: string,
  now: Date,
): Promise<AllowanceResult> {
  authorize(actor, 'runMonthlyAllowance');
  const policies = await prisma.policy.findMany({ include: { region: true } });
  const mine = policies.filter((p) => pathWithin(p.region.path, actor.regionPath!));
  if (!mine.length) fail(ErrorCode.FORBIDDEN, '您的辖区没有政府购买服务项目。');
  return runMonthlyAllowance(prisma, {
    month,
    currentMonth: monthInShanghai(now),
    now,
    policyIds: mine.map((p) => p.id),
  });
}
