// The double-entry ledger (docs/adr/0005-double-entry-ledger.md): integer amounts, balanced
// immutable transactions with unique idempotency keys, balances that never go below zero under any
// concurrency. Every function takes the caller's transaction client, so a money movement commits
// with its cause.
import { ErrorCode, fail } from '../common/errors.js';
import { firstUseOrReplay, replayOrConflict, requestHash } from '../common/idempotency.js';
import type { Tx } from '../db/database.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import {
  addToBalance,
  holdAllAndInsert,
  holdIfAvailable,
  settleHoldAndRelease,
  violationRows,
  type LedgerViolation,
} from './balances.store.js';

export type Kind =
  | 'SUBSIDY_ONLINE'
  | 'SUBSIDY_OFFLINE'
  | 'SUBSIDY_HOURS'
  | 'SELF_PAID'
  | 'FUNDING'
  | 'EXPIRED'
  | 'PROVIDER_PAYABLE'
  | 'PAYMENT_GATEWAY'
  | 'REFUND_PAYABLE'
  | 'PLATFORM_FEE_PAYABLE'
  | 'FACILITY_GRANT'
  | 'GRANT_FUNDING';
export type LedgerUnit = 'FEN' | 'MINUTE';
export type TxKind =
  | 'ALLOWANCE'
  | 'EXPIRY'
  | 'CLEARING'
  | 'TOP_UP'
  | 'CHARGE'
  | 'REFUND'
  | 'REVERSAL'
  | 'PLATFORM_FEE'
  | 'FACILITY_STARTUP_GRANT'
  | 'FACILITY_OPERATING_SUBSIDY'
  | 'FACILITY_ANNUAL_GRANT'
  | 'FACILITY_MEAL_SUBSIDY'
  | 'FACILITY_GRANT_CLAWBACK'
  | 'CARE_BED_GRANT';

export interface PostingInput {
  kind: TxKind;
  idempotencyKey: string;
  /** What the request asked for; a replay with the same key must ask for the same thing. */
  request: unknown;
  entries: { accountId: string; amount: bigint }[];
  elderId?: string;
  orderId?: string;
  topUpId?: string;
  month?: string;
  memo?: string;
  actorId?: string;
  /** The transaction this one reverses (corrections are reversals, never edits). */
  reversesId?: string;
  /**
   * When it happened on the app clock. Settlement and statements put a transaction in the month
   * of this instant, so postings that a month's accounts read pass the clock, not the wall time.
   */
  at?: Date;
}

/**
 * Whose account: an elder's (one per kind), a programme's source or sink, the platform's, a
 * facility's (the grants its funder received), or a finance's grant budget (a paying region and
 * fund source: 003 三(一) 市、区两级财政; 002 五(二) 福彩公益金、慈善捐赠).
 */
export type AccountOwner =
  | { elderId: string }
  | { policyId: string }
  | 'platform'
  | { facilityId: string }
  | { fundingRegionId: string; fundSource: string };

/**
 * The one format of an account key, unique per account: `elder:<elderId>:<kind>`,
 * `policy:<policyId>:<kind>:<unit>`, `platform:<kind>:<unit>`, `facility:<facilityId>:<kind>:<unit>`,
 * `fund:<regionId>:<fundSource>:<kind>:<unit>`. An elder has one account per kind, so its key
 * carries no unit.
 */
export function accountKey(owner: { elderId: string }, kind: Kind): string;
export function accountKey(owner: Exclude<AccountOwner, { elderId: string }>, kind: Kind, unit: LedgerUnit): string;
export function accountKey(owner: AccountOwner, kind: Kind, unit?: LedgerUnit): string {
  if (owner === 'platform') return `platform:${kind}:${unit}`;
  if ('facilityId' in owner) return `facility:${owner.facilityId}:${kind}:${unit}`;
  if ('fundingRegionId' in owner) return `fund:${owner.fundingRegionId}:${owner.fundSource}:${kind}:${unit}`;
  return 'elderId' in owner ? `elder:${owner.elderId}:${kind}` : `policy:${owner.policyId}:${kind}:${unit}`;
}

/** What a posting must be before it reaches the database: two entries or more, none of them zero. */
export function assertPostingShape(input: PostingInput) {
  if (input.entries.length < 2) throw new Error('a transaction needs at least two entries');
  if (input.entries.some((e) => e.amount === 0n)) throw new Error('zero entry');
}

/**
 * The account with this key, created on first use. INSERT … ON CONFLICT DO NOTHING, so two
 * transactions creating it at once both succeed (an upsert's insert would fail one of them).
 */
async function ensureAccount(
  tx: Tx,
  data: { key: string; kind: Kind; unit: LedgerUnit; elderId?: string; policyId?: string; allowNegative?: boolean },
) {
  const found = await tx.ledgerAccount.findUnique({ where: { key: data.key } });
  if (found) return found;
  await tx.ledgerAccount.createMany({ data: [data], skipDuplicates: true });
  return tx.ledgerAccount.findUniqueOrThrow({ where: { key: data.key } });
}

/** The elder's account of a kind, created on first use. */
export async function elderAccount(tx: Tx, elderId: string, kind: Kind, unit: LedgerUnit, policyId?: string) {
  return ensureAccount(tx, { key: accountKey({ elderId }, kind), kind, unit, elderId, policyId });
}

/** Several of the elder's accounts in one read (placeOrder's buckets and self-paid), in the order asked. */
export async function elderAccounts(
  tx: Tx,
  elderId: string,
  wanted: readonly { kind: Kind; unit: LedgerUnit; policyId?: string }[],
) {
  const keys = wanted.map((w) => accountKey({ elderId }, w.kind));
  const found = new Map((await tx.ledgerAccount.findMany({ where: { key: { in: keys } } })).map((a) => [a.key, a]));
  const accounts = [];
  // Missing ones are created one after another: one transaction, one connection.
  for (const [i, w] of wanted.entries())
    accounts.push(found.get(keys[i]!) ?? (await elderAccount(tx, elderId, w.kind, w.unit, w.policyId)));
  return accounts;
}

/** A programme's source or sink account (funding, expiry, payables); these may run below zero. */
export async function systemAccount(tx: Tx, policyId: string, kind: Kind, unit: LedgerUnit) {
  return ensureAccount(tx, { key: accountKey({ policyId }, kind, unit), kind, unit, policyId, allowNegative: true });
}

/** A platform-wide account outside any programme (self-paid money through WeChat Pay). */
export async function platformAccount(tx: Tx, kind: Kind, unit: LedgerUnit) {
  return ensureAccount(tx, { key: accountKey('platform', kind, unit), kind, unit, allowNegative: true });
}

/**
 * A facility's grant account or a finance's grant budget (issue 20). Both may run below zero: a
 * budget is a source, and a clawed-back grant is owed by the funder until it is repaid.
 */
export async function grantAccount(
  tx: Tx,
  owner: { facilityId: string } | { fundingRegionId: string; fundSource: string },
) {
  const kind: Kind = 'facilityId' in owner ? 'FACILITY_GRANT' : 'GRANT_FUNDING';
  return ensureAccount(tx, { key: accountKey(owner, kind, 'FEN'), kind, unit: 'FEN', allowNegative: true });
}

/**
 * Posts a balanced transaction exactly once per idempotency key: a replay with the same request
 * returns the first posting; the same key with a different request is IDEMPOTENCY_CONFLICT. A debit
 * that would take an elder account's available balance (balance − held) below zero is
 * INSUFFICIENT_BALANCE, decided by a conditional update so concurrent debits cannot overspend.
 */
export async function post(tx: Tx, input: PostingInput) {
  const hash = requestHash(input.request);
  const existing = await tx.ledgerTransaction.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    include: { entries: true },
  });
  if (existing) return { transaction: replayOrConflict(existing, hash), replayed: true };
  assertPostingShape(input);
  const accounts = await tx.ledgerAccount.findMany({ where: { id: { in: input.entries.map((e) => e.accountId) } } });
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const sums = new Map<string, bigint>();
  for (const e of input.entries) {
    const acc = byId.get(e.accountId);
    if (!acc) throw new Error(`unknown account ${e.accountId}`);
    sums.set(acc.unit, (sums.get(acc.unit) ?? 0n) + e.amount);
  }
  for (const [unit, sum] of sums) if (sum !== 0n) throw new Error(`unbalanced transaction in ${unit}: ${sum}`);

  for (const e of input.entries) {
    const acc = byId.get(e.accountId)!;
    if (e.amount < 0n && !acc.allowNegative) {
      const n = await addToBalance(tx, acc.id, e.amount, true);
      if (n !== 1)
        fail(ErrorCode.INSUFFICIENT_BALANCE, '余额不足。', { accountKind: acc.kind, needed: Number(-e.amount) });
    } else {
      await addToBalance(tx, acc.id, e.amount, false);
    }
  }
  const transaction = await tx.ledgerTransaction.create({
    data: {
      kind: input.kind,
      idempotencyKey: input.idempotencyKey,
      requestHash: hash,
      elderId: input.elderId,
      orderId: input.orderId,
      topUpId: input.topUpId,
      month: input.month,
      memo: input.memo,
      reversesId: input.reversesId,
      createdById: input.actorId,
      createdAt: input.at,
    },
  });
  // The entries in one INSERT … RETURNING: a nested create would insert them, then read the whole
  // transaction back (issue 22: a charge's statements).
  const entries = await tx.ledgerEntry.createManyAndReturn({
    data: input.entries.map((e) => ({ transactionId: transaction.id, accountId: e.accountId, amount: e.amount })),
  });
  return { transaction: { ...transaction, entries }, replayed: false };
}

/** Reserves part of an account's available balance for an order (booking); INSUFFICIENT_BALANCE if short. */
export async function placeHold(tx: Tx, accountId: string, amount: bigint, orderId?: string) {
  if (amount <= 0n) throw new Error('holds are positive');
  const hold = await holdIfAvailable(tx, accountId, amount, orderId ?? null);
  return hold ?? fail(ErrorCode.INSUFFICIENT_BALANCE, '可用余额不足，无法预约。', { needed: Number(amount) });
}

/**
 * Reserves each amount on its account for a new row `insert` writes (an order), all or none, in
 * one statement with the insert; INSUFFICIENT_BALANCE if one is short (see holdAllAndInsert).
 */
export async function placeHoldsWith<R extends { id: string }>(
  tx: Tx,
  holds: readonly { accountId: string; amount: bigint }[],
  insert: Prisma.Sql,
) {
  if (holds.some((h) => h.amount <= 0n)) throw new Error('holds are positive');
  const row = await holdAllAndInsert<R>(tx, holds, insert, new Date());
  return (
    row ??
    fail(ErrorCode.INSUFFICIENT_BALANCE, '可用余额不足，无法预约。', {
      needed: Number(holds.reduce((sum, h) => sum + h.amount, 0n)),
    })
  );
}

/** Releases an active hold (cancellation). Settling twice is refused, so a hold frees its money once. */
export async function voidHold(tx: Tx, holdId: string, at = new Date()) {
  return settleHold(tx, holdId, 'VOIDED', at);
}

/**
 * Turns an active hold into a charge: the hold is settled once, `amount` (≤ the hold; all of it
 * for a visit as booked, less for one shorter than booked) leaves the account to `toAccountId`,
 * and the remainder becomes available again. An amount of zero only frees the hold.
 */
export async function postHold(
  tx: Tx,
  holdId: string,
  amount: bigint,
  toAccountId: string,
  posting: Omit<PostingInput, 'entries' | 'kind'> & { kind?: TxKind },
  at: Date,
) {
  if (amount < 0n) throw new Error(`cannot charge ${amount}`);
  if (amount === 0n) {
    await voidHold(tx, holdId, at);
    return null;
  }
  const hold = await settleHold(tx, holdId, 'POSTED', at);
  // Checked after the settlement, which the throw rolls back with the caller's transaction.
  if (amount > hold.amount) throw new Error(`cannot charge ${amount} of a hold of ${hold.amount}`);
  return post(tx, {
    kind: posting.kind ?? 'CHARGE',
    at,
    ...posting,
    entries: [
      { accountId: hold.accountId, amount: -amount },
      { accountId: toAccountId, amount },
    ],
  });
}

async function settleHold(tx: Tx, holdId: string, status: 'POSTED' | 'VOIDED', at: Date) {
  const hold = await settleHoldAndRelease(tx, holdId, status, at);
  return hold ?? fail(ErrorCode.INVALID_STATE, '这笔预约冻结已经处理过了。');
}

export type { LedgerViolation };

/**
 * The ledger's invariants, checked in SQL over the whole database: each balance equals the sum
 * of its entries; each transaction sums to zero per unit; no elder account is below zero or holds
 * more than it has; held equals the sum of active holds. Tests call it after every money test.
 */
export async function ledgerViolations(prisma: PrismaClient | Tx): Promise<LedgerViolation[]> {
  return violationRows(prisma);
}

/**
 * `post` in a transaction of its own. Two identical requests racing past the key look-up meet at
 * the unique index; the loser's transaction is rolled back and retried once, when it finds the
 * winner's posting and returns it as a replay (or IDEMPOTENCY_CONFLICT if it asked for more).
 */
export async function postOnce(prisma: PrismaClient, input: PostingInput) {
  const once = () => prisma.$transaction((tx) => post(tx, input), MONEY_TX);
  return firstUseOrReplay(once, once);
}

/**
 * Money transactions queue for a connection rather than fail: Prisma's default 2 s wait would
 * turn a busy minute (PGlite runs one transaction at a time) into spurious errors.
 */
export const MONEY_TX = { maxWait: 15_000, timeout: 20_000 } as const;

export const moneyTx = <T>(prisma: PrismaClient, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  prisma.$transaction(fn, MONEY_TX);
