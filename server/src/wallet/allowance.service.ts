// Monthly allowances (000 三/七: 100 元 a month credited as virtual quota into the elder's
// e-wallet; 001 三(三): 4 hours a month, used that month, no rollover). Set-based so 100,000
// elders take seconds: one database transaction per batch of enrolments, with idempotency keys per
// elder, bucket and month, so a rerun or a resumed run never credits twice.
import { v7 as uuidv7 } from 'uuid';
import { ErrorCode, fail } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import type { PolicyDocument } from '../policies/policy.schema.js';
import { policyDocument } from '../policies/policy.store.js';
import { requestHash, systemAccount, type Kind, type LedgerUnit } from './ledger.service.js';
import { monthBounds, monthLabel, parseMonth, previousMonth } from './month.js';

export interface AllowanceResult {
  month: string;
  /** Elders credited by this call. */
  credited: number;
  /** Elders this call found already credited for the month. */
  skipped: number;
  /** Accounts whose unused balance lapsed at the end of the previous month (rollover NONE). */
  expired: number;
}

export interface AllowanceOptions {
  month: string;
  /** Today's month (Asia/Shanghai); allowances are never paid in advance. */
  currentMonth: string;
  /** Limit to these programmes (an official's region); all programmes otherwise. */
  policyIds?: string[];
  batchSize?: number;
  /** Stop after this many batches (tests simulate an interrupted run with it). */
  maxBatches?: number;
}

type Bucket = PolicyDocument['allowance']['buckets'][number];

const BUCKET_NAMES: Record<string, string> = {
  SUBSIDY_ONLINE: '线上服务补贴',
  SUBSIDY_OFFLINE: '线下服务补贴',
  SUBSIDY_HOURS: '免费服务时长',
};

export const allowanceKey = (elderId: string, kind: string, month: string) => `allowance:${elderId}:${kind}:${month}`;
export const expiryKey = (elderId: string, kind: string, month: string) => `expiry:${elderId}:${kind}:${month}`;

/**
 * Credits every active enrolment of the month per its programme's buckets, after lapsing what the
 * programme does not roll over (Yangcheng's unused hours of the previous month). Held amounts of
 * booked orders are not lapsed: those visits were booked against that month's quota.
 */
export async function runMonthlyAllowance(prisma: PrismaClient, opts: AllowanceOptions): Promise<AllowanceResult> {
  parseMonth(opts.month);
  if (opts.month > opts.currentMonth) fail(ErrorCode.BAD_USER_INPUT, `补贴按月发放，不能提前发放 ${monthLabel(opts.month)} 的补贴。`, { field: 'month' });
  const { first, last } = monthBounds(opts.month);
  const policies = await prisma.policy.findMany({
    where: { ...(opts.policyIds ? { id: { in: opts.policyIds } } : {}), effectiveFrom: { lte: last } },
    orderBy: { code: 'asc' },
  });
  const total: AllowanceResult = { month: opts.month, credited: 0, skipped: 0, expired: 0 };
  let batches = 0;
  for (const policy of policies) {
    const doc = policyDocument(policy);
    if (policy.effectiveTo && policy.effectiveTo < first) continue;
    const run = await prisma.allowanceRun.upsert({
      where: { policyId_month: { policyId: policy.id, month: opts.month } },
      create: { policyId: policy.id, month: opts.month },
      update: {},
    });
    // A finished run is re-checked from the start (cheap: keys say "already credited"); an
    // interrupted one resumes after the last enrolment it committed.
    let cursor = run.status === 'DONE' ? null : run.cursor;
    if (run.status === 'DONE') await prisma.allowanceRun.update({ where: { id: run.id }, data: { status: 'RUNNING', finishedAt: null } });
    for (;;) {
      if (opts.maxBatches !== undefined && batches >= opts.maxBatches) return total;
      const batch = await prisma.$transaction(
        (tx) => creditBatch(tx, { runId: run.id, policyId: policy.id, buckets: doc.allowance.buckets, month: opts.month, last, cursor, size: opts.batchSize ?? 1000 }),
        { timeout: 120_000, maxWait: 60_000 },
      );
      batches += 1;
      total.credited += batch.credited;
      total.skipped += batch.skipped;
      total.expired += batch.expired;
      if (!batch.lastId) break;
      cursor = batch.lastId;
    }
    await prisma.allowanceRun.update({ where: { id: run.id }, data: { status: 'DONE', finishedAt: new Date(), cursor: null } });
  }
  return total;
}

/** Credits one enrolment for a month (a new enrolment mid-month); a no-op if already credited. */
export async function creditEnrolment(prisma: PrismaClient, enrolmentId: string, month: string): Promise<AllowanceResult> {
  const enrolment = await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, include: { policy: true } });
  const doc = policyDocument(enrolment.policy);
  const result = await prisma.$transaction((tx) =>
    creditBatch(tx, { policyId: enrolment.policyId, buckets: doc.allowance.buckets, month, last: monthBounds(month).last, onlyEnrolmentId: enrolmentId, size: 1 }),
  );
  return { month, credited: result.credited, skipped: result.skipped, expired: result.expired };
}

interface BatchInput {
  runId?: string;
  policyId: string;
  buckets: Bucket[];
  month: string;
  last: Date;
  cursor?: string | null;
  onlyEnrolmentId?: string;
  size: number;
}

interface TxRow {
  id: string;
  kind: 'ALLOWANCE' | 'EXPIRY';
  key: string;
  elderId: string;
  month: string;
  memo: string;
  request: unknown;
}

async function creditBatch(tx: Tx, b: BatchInput) {
  // Concurrent runs of the same programme and month take turns batch by batch.
  if (b.runId) await tx.$queryRaw`SELECT id FROM "AllowanceRun" WHERE id = ${b.runId} FOR UPDATE`;
  // Raw SQL with array parameters: a batch is a handful of statements whatever its size.
  const enrolments = b.onlyEnrolmentId
    ? await tx.$queryRaw<{ id: string; elderId: string }[]>`
        SELECT id, "elderId" FROM "Enrolment" WHERE id = ${b.onlyEnrolmentId} AND status = 'ACTIVE' AND "startedOn" <= ${b.last}`
    : await tx.$queryRaw<{ id: string; elderId: string }[]>`
        SELECT id, "elderId" FROM "Enrolment"
         WHERE "policyId" = ${b.policyId} AND status = 'ACTIVE' AND "startedOn" <= ${b.last} AND id > ${b.cursor ?? ''}
         ORDER BY id LIMIT ${b.size}`;
  if (!enrolments.length) return { credited: 0, skipped: 0, expired: 0, lastId: null as string | null };

  const accountKey = (elderId: string, kind: string) => `elder:${elderId}:${kind}`;
  const wanted = enrolments.flatMap((e) => b.buckets.map((k) => ({ key: accountKey(e.elderId, k.accountKind), kind: k.accountKind, unit: k.unit, elderId: e.elderId })));
  const keysWanted = wanted.map((w) => w.key);
  const accountId = new Map(
    (await tx.$queryRaw<{ id: string; key: string }[]>`SELECT id, key FROM "LedgerAccount" WHERE key = ANY(${keysWanted}::text[])`).map((a) => [a.key, a.id]),
  );
  const missing = wanted.filter((w) => !accountId.has(w.key));
  if (missing.length) {
    await tx.$executeRaw`
      INSERT INTO "LedgerAccount" (id, key, kind, unit, "elderId", "policyId")
      SELECT v.id, v.key, v.kind::"AccountKind", v.unit::"Unit", v.elder, ${b.policyId}
        FROM unnest(${missing.map(() => uuidv7())}::text[], ${missing.map((m) => m.key)}::text[], ${missing.map((m) => m.kind)}::text[],
                    ${missing.map((m) => m.unit)}::text[], ${missing.map((m) => m.elderId)}::text[]) AS v(id, key, kind, unit, elder)
      ON CONFLICT (key) DO NOTHING`;
    const created = await tx.$queryRaw<{ id: string; key: string }[]>`SELECT id, key FROM "LedgerAccount" WHERE key = ANY(${missing.map((m) => m.key)}::text[])`;
    for (const a of created) accountId.set(a.key, a.id);
  }

  const prev = previousMonth(b.month);
  const keys = enrolments.flatMap((e) => b.buckets.flatMap((k) => [allowanceKey(e.elderId, k.accountKind, b.month), expiryKey(e.elderId, k.accountKind, prev)]));
  const done = new Set(
    (await tx.$queryRaw<{ key: string }[]>`SELECT "idempotencyKey" AS key FROM "LedgerTransaction" WHERE "idempotencyKey" = ANY(${keys}::text[])`).map((t) => t.key),
  );

  // What lapses: the available balance of non-rollover buckets, read under a row lock so a
  // concurrent booking either lands before (and is kept as a hold) or waits.
  const lapsing = b.buckets.filter((k) => k.rollover === 'NONE');
  const lapseIds = enrolments.flatMap((e) =>
    lapsing.filter((k) => !done.has(allowanceKey(e.elderId, k.accountKind, b.month)) && !done.has(expiryKey(e.elderId, k.accountKind, prev))).map((k) => accountId.get(accountKey(e.elderId, k.accountKind))!),
  );
  const available = new Map<string, bigint>();
  if (lapseIds.length) {
    const rows = await tx.$queryRaw<{ id: string; available: bigint }[]>`
      SELECT id, balance - held AS available FROM "LedgerAccount" WHERE id = ANY(${lapseIds}::text[]) ORDER BY id FOR UPDATE`;
    for (const r of rows) if (BigInt(r.available) > 0n) available.set(r.id, BigInt(r.available));
  }

  const txRows: TxRow[] = [];
  const entries: { transactionId: string; accountId: string; amount: bigint }[] = [];
  const systemIds = new Map<string, string>();
  const system = async (kind: Kind, unit: LedgerUnit) => {
    const k = `${kind}:${unit}`;
    if (!systemIds.has(k)) systemIds.set(k, (await systemAccount(tx, b.policyId, kind, unit)).id);
    return systemIds.get(k)!;
  };
  const credits = new Map<string, bigint>();
  const debits = new Map<string, bigint>();
  let credited = 0;
  let skipped = 0;
  let expired = 0;
  for (const e of enrolments) {
    let any = false;
    for (const k of b.buckets) {
      const acc = accountId.get(accountKey(e.elderId, k.accountKind))!;
      const ek = expiryKey(e.elderId, k.accountKind, prev);
      const lapse = available.get(acc);
      if (k.rollover === 'NONE' && lapse && !done.has(ek)) {
        const row: TxRow = { id: uuidv7(), kind: 'EXPIRY', key: ek, elderId: e.elderId, month: prev, memo: `${monthLabel(prev)}${BUCKET_NAMES[k.accountKind] ?? ''}未用完，按规定当月有效、不滚存`, request: { account: acc, month: prev, amount: lapse.toString() } };
        txRows.push(row);
        const sink = await system('EXPIRED', k.unit);
        entries.push({ transactionId: row.id, accountId: acc, amount: -lapse }, { transactionId: row.id, accountId: sink, amount: lapse });
        debits.set(acc, lapse);
        credits.set(sink, (credits.get(sink) ?? 0n) + lapse);
        expired += 1;
      }
      const ak = allowanceKey(e.elderId, k.accountKind, b.month);
      if (done.has(ak)) continue;
      any = true;
      const amount = BigInt(k.amount);
      const row: TxRow = { id: uuidv7(), kind: 'ALLOWANCE', key: ak, elderId: e.elderId, month: b.month, memo: `${monthLabel(b.month)}${BUCKET_NAMES[k.accountKind] ?? '补贴'}`, request: { elderId: e.elderId, kind: k.accountKind, month: b.month, amount: k.amount } };
      txRows.push(row);
      const source = await system('FUNDING', k.unit);
      entries.push({ transactionId: row.id, accountId: source, amount: -amount }, { transactionId: row.id, accountId: acc, amount });
      credits.set(acc, (credits.get(acc) ?? 0n) + amount);
      debits.set(source, (debits.get(source) ?? 0n) + amount);
    }
    if (any) credited += 1;
    else skipped += 1;
  }

  if (txRows.length) {
    await tx.$executeRaw`
      INSERT INTO "LedgerTransaction" (id, kind, "idempotencyKey", "requestHash", "elderId", month, memo)
      SELECT v.id, v.kind::"TransactionKind", v.key, v.hash, v.elder, v.month, v.memo
        FROM unnest(${txRows.map((r) => r.id)}::text[], ${txRows.map((r) => r.kind)}::text[], ${txRows.map((r) => r.key)}::text[],
                    ${txRows.map((r) => requestHash(r.request))}::text[], ${txRows.map((r) => r.elderId)}::text[], ${txRows.map((r) => r.month)}::text[],
                    ${txRows.map((r) => r.memo)}::text[]) AS v(id, kind, key, hash, elder, month, memo)`;
    await tx.$executeRaw`
      INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", amount)
      SELECT v.id, v.tx, v.account, v.amount::bigint
        FROM unnest(${entries.map(() => uuidv7())}::text[], ${entries.map((e) => e.transactionId)}::text[], ${entries.map((e) => e.accountId)}::text[],
                    ${entries.map((e) => e.amount.toString())}::text[]) AS v(id, tx, account, amount)`;
    const delta = new Map<string, bigint>();
    for (const [id, v] of credits) delta.set(id, (delta.get(id) ?? 0n) + v);
    for (const [id, v] of debits) delta.set(id, (delta.get(id) ?? 0n) - v);
    const ids = [...delta.keys()];
    const amounts = ids.map((id) => delta.get(id)!.toString());
    // One statement for the whole batch; the CHECK (balance >= 0) still guards every elder row.
    await tx.$executeRaw`
      UPDATE "LedgerAccount" a SET balance = a.balance + v.amount
        FROM (SELECT unnest(${ids}::text[]) AS id, unnest(${amounts}::text[])::bigint AS amount) v
       WHERE a.id = v.id`;
  }
  const lastId = b.onlyEnrolmentId ? null : enrolments[enrolments.length - 1]!.id;
  if (b.runId) {
    await tx.allowanceRun.update({ where: { id: b.runId }, data: { credited: { increment: credited }, skipped: { increment: skipped }, expired: { increment: expired }, cursor: lastId } });
  }
  return { credited, skipped, expired, lastId: enrolments.length < b.size ? null : lastId };
}
