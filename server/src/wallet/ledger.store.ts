// The ledger's set-based writes, for runs that move money for thousands of elders at once (the
// monthly allowance). The rules are `post`'s (ledger.service.ts): one transaction per idempotency
// key, replayed when the request is the same and IDEMPOTENCY_CONFLICT when it is not, balanced per
// unit, no elder account below its available balance. Only the shape differs: a batch is a
// handful of statements with array parameters whatever its size, instead of a few per posting.
// Joins between two CTEs are avoided: their row estimates are guesses, and a nested loop over
// thousands of rows on each side made the allowance run 1.6 times slower on PGlite.
import { v7 as uuidv7 } from 'uuid';
import { ErrorCode, fail } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import { requestHash } from '../common/idempotency.js';
import { assertPostingShape, type Kind, type LedgerUnit, type PostingInput } from './ledger.service.js';

export interface AccountSpec {
  /** From accountKey(). */
  key: string;
  kind: Kind;
  unit: LedgerUnit;
  elderId?: string;
  policyId?: string;
  allowNegative?: boolean;
}

/**
 * Account ids by key, creating the missing ones. INSERT … ON CONFLICT DO NOTHING, so two runs
 * creating the same account at once both succeed, as `ensureAccount` does one at a time.
 */
export async function ensureAccounts(tx: Tx, specs: readonly AccountSpec[]): Promise<Map<string, string>> {
  const ids = new Map(
    (
      await tx.$queryRaw<
        { id: string; key: string }[]
      >`SELECT id, key FROM "LedgerAccount" WHERE key = ANY(${specs.map((s) => s.key)}::text[])`
    ).map((a) => [a.key, a.id]),
  );
  const missing = specs.filter((s) => !ids.has(s.key));
  if (!missing.length) return ids;
  await tx.$executeRaw`
    INSERT INTO "LedgerAccount" (id, key, kind, unit, "elderId", "policyId", "allowNegative")
    SELECT v.id, v.key, v.kind::"AccountKind", v.unit::"Unit", v.elder, v.policy, v.negative
      FROM unnest(${missing.map(() => uuidv7())}::text[], ${missing.map((m) => m.key)}::text[],
        ${missing.map((m) => m.kind)}::text[],
                  ${missing.map((m) => m.unit)}::text[], ${missing.map((m) => m.elderId ?? null)}::text[],
                    ${missing.map((m) => m.policyId ?? null)}::text[],
                  ${missing.map((m) => m.allowNegative ?? false)}::boolean[]) AS v(id, key, kind, unit, elder, policy,
                    negative)
    ON CONFLICT (key) DO NOTHING`;
  const created = await tx.$queryRaw<
    { id: string; key: string }[]
  >`SELECT id, key FROM "LedgerAccount" WHERE key = ANY(${missing.map((m) => m.key)}::text[])`;
  for (const a of created) ids.set(a.key, a.id);
  return ids;
}

/** Which of these idempotency keys already have a posting (a run decides what is left to do). */
export async function postedKeys(tx: Tx, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await tx.$queryRaw<
    { key: string }[]
  >`SELECT "idempotencyKey" AS key FROM "LedgerTransaction" WHERE "idempotencyKey" = ANY(${keys}::text[])`;
  return new Set(rows.map((r) => r.key));
}

/**
 * Available balances (balance − held) of these accounts, with the rows locked until the
 * transaction ends, so a concurrent booking lands before (and is kept as a hold) or waits. Locked
 * in id order, so two lockers of overlapping sets cannot deadlock.
 */
export async function lockAvailable(tx: Tx, accountIds: readonly string[]): Promise<Map<string, bigint>> {
  if (!accountIds.length) return new Map();
  const rows = await tx.$queryRaw<{ id: string; available: bigint }[]>`
    SELECT id, balance - held AS available FROM "LedgerAccount" WHERE id = ANY(${accountIds}::text[]) ORDER BY id FOR
      UPDATE`;
  return new Map(rows.map((r) => [r.id, BigInt(r.available)]));
}

/** One account by key, locked like lockAvailable; null if it does not exist yet. */
export async function lockAvailableByKey(tx: Tx, key: string): Promise<{ id: string; available: bigint } | null> {
  const rows = await tx.$queryRaw<
    { id: string; available: bigint }[]
  >`SELECT id, balance - held AS available FROM "LedgerAccount" WHERE key = ${key} FOR UPDATE`;
  return rows[0] ? { id: rows[0].id, available: BigInt(rows[0].available) } : null;
}

export interface PostManyResult {
  /** Keys posted by this call. */
  posted: Set<string>;
  /** Keys already posted with the same request (by an earlier or a concurrent call). */
  replayed: Set<string>;
}

/**
 * Posts many balanced transactions in the caller's transaction, each exactly once per idempotency
 * key. The batch is checked as a whole: an account's net change may not take its available
 * balance (balance − held) below zero, else INSUFFICIENT_BALANCE. A refusal is thrown after some
 * rows are written, so the caller's transaction must roll back (it does when the error propagates).
 */
export async function postMany(tx: Tx, inputs: readonly PostingInput[]): Promise<PostManyResult> {
  const result: PostManyResult = { posted: new Set(), replayed: new Set() };
  if (!inputs.length) return result;
  const rows = inputs.map((input) => {
    assertPostingShape(input);
    return { id: uuidv7(), key: input.idempotencyKey, hash: requestHash(input.request), input };
  });
  const keys = rows.map((r) => r.key);
  if (new Set(keys).size !== keys.length) throw new Error('postMany: an idempotency key appears twice in one batch');
  const col = <T>(f: (i: PostingInput) => T | undefined) => inputs.map((i) => f(i) ?? null);

  // A key taken by an earlier or concurrent posting is skipped here (the unique index decides,
  // waiting for a concurrent inserter to commit) and told apart below as a replay or a conflict.
  // Keys go in in order, so two batches sharing keys wait for each other instead of deadlocking.
  const inserted = await tx.$executeRaw`
    INSERT INTO "LedgerTransaction" (id, kind, "idempotencyKey", "requestHash", "elderId", "orderId", "topUpId",
      month, memo, "reversesId", "createdById", "createdAt")
    SELECT v.id, v.kind::"TransactionKind", v.key, v.hash, v.elder, v.ord, v.topup, v.month, v.memo, v.reverses,
      v.actor, COALESCE(v.at, LOCALTIMESTAMP)
      FROM unnest(${rows.map((r) => r.id)}::text[], ${col((i) => i.kind)}::text[], ${keys}::text[],
        ${rows.map((r) => r.hash)}::text[],
                  ${col((i) => i.elderId)}::text[], ${col((i) => i.orderId)}::text[],
                    ${col((i) => i.topUpId)}::text[], ${col((i) => i.month)}::text[],
                  ${col((i) => i.memo)}::text[], ${col((i) => i.reversesId)}::text[], ${col((i) => i.actorId)}::text[],
                  ${col((i) => i.at?.toISOString())}::timestamp[]) AS v(id, kind, key, hash, elder, ord, topup, month,
                    memo, reverses, actor, at)
     ORDER BY v.key
    ON CONFLICT ("idempotencyKey") DO NOTHING`;
  let fresh = rows;
  if (inserted < rows.length) {
    const found = new Map(
      (
        await tx.$queryRaw<{ id: string; key: string; hash: string | null }[]>`
        SELECT id, "idempotencyKey" AS key, "requestHash" AS hash FROM "LedgerTransaction" WHERE "idempotencyKey" =
          ANY(${keys}::text[])`
      ).map((t) => [t.key, t]),
    );
    fresh = [];
    for (const r of rows) {
      const t = found.get(r.key)!;
      if (t.id === r.id) fresh.push(r);
      else if (t.hash !== r.hash) fail(ErrorCode.IDEMPOTENCY_CONFLICT);
      else result.replayed.add(r.key);
    }
  }
  if (!fresh.length) return result;

  // The accounts are locked in id order first (the funding and expiry accounts are in every
  // batch), so concurrent batches queue rather than deadlock on them.
  const entries = fresh.flatMap((r) =>
    r.input.entries.map((e) => ({ tx: r.id, account: e.accountId, amount: e.amount.toString() })),
  );
  const accounts = [...new Set(entries.map((e) => e.account))];
  await tx.$queryRaw`SELECT id FROM "LedgerAccount" WHERE id = ANY(${accounts}::text[]) ORDER BY id FOR UPDATE`;
  // Entries and balances in one statement: an account's balance moves once by its net change,
  // guarded like post's conditional update; the CHECK constraints still guard each row. That each
  // transaction balances per unit is the database's own check at commit (the LedgerEntry_balanced
  // constraint trigger), which refuses the caller's whole transaction.
  const updated = await tx.$executeRaw`
    WITH e AS (
           SELECT v.id, v.tx, v.account, v.amount::bigint AS amount
             FROM unnest(${entries.map(() => uuidv7())}::text[], ${entries.map((e) => e.tx)}::text[],
               ${entries.map((e) => e.account)}::text[],
                         ${entries.map((e) => e.amount)}::text[]) AS v(id, tx, account, amount)),
         ins AS (INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", amount) SELECT id, tx, account, amount
           FROM e)
    UPDATE "LedgerAccount" a SET balance = a.balance + d.amount
      FROM (SELECT account, SUM(amount)::bigint AS amount FROM e GROUP BY account) d
     WHERE a.id = d.account AND (a."allowNegative" OR a.balance - a.held + d.amount >= 0)`;
  // Unknown accounts already failed the entries' foreign key, so a short update is an overdraft.
  if (updated !== accounts.length) fail(ErrorCode.INSUFFICIENT_BALANCE, '余额不足。');
  for (const r of fresh) result.posted.add(r.key);
  return result;
}
