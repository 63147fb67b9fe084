// Monthly allowances (000 三/七: 100 元 a month credited as virtual quota into the elder's
// e-wallet; 001 三(三): 4 hours a month, used that month, no rollover). Set-based so 100,000
// elders take seconds: one database transaction per batch of enrolments, with idempotency keys per
// elder, bucket and month, so a rerun or a resumed run never credits twice. The run decides what
// to credit and lapse; the ledger writes it (postMany in ledger.store.ts).
import { ErrorCode, fail } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import { homeCareMinutesFor, type PolicyDocument, policyDocument } from '../policies/index.js';
import { enrolmentsToCredit, lockRun, type EnrolmentToCredit } from './allowance.store.js';
import { accountKey, systemAccount, type Kind, type LedgerUnit, type PostingInput } from './ledger.service.js';
import { ensureAccounts, lockAvailable, postedKeys, postMany } from './ledger.store.js';
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
  /** The app clock's instant the postings carry (a statement files them by it); else the database's clock. */
  now?: Date;
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
  if (opts.month > opts.currentMonth)
    fail(ErrorCode.BAD_USER_INPUT, `补贴按月发放，不能提前发放 ${monthLabel(opts.month)} 的补贴。`, { field: 'month' });
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
    if (run.status === 'DONE')
      await prisma.allowanceRun.update({ where: { id: run.id }, data: { status: 'RUNNING', finishedAt: null } });
    for (;;) {
      if (opts.maxBatches !== undefined && batches >= opts.maxBatches) return total;
      const batch = await prisma.$transaction(
        (tx) =>
          creditBatch(tx, {
            runId: run.id,
            policyId: policy.id,
            doc,
            buckets: doc.allowance.buckets,
            month: opts.month,
            last,
            cursor,
            size: opts.batchSize ?? 1000,
            at: opts.now,
          }),
        { timeout: 120_000, maxWait: 60_000 },
      );
      batches += 1;
      total.credited += batch.credited;
      total.skipped += batch.skipped;
      total.expired += batch.expired;
      if (!batch.lastId) break;
      cursor = batch.lastId;
    }
    await prisma.allowanceRun.update({
      where: { id: run.id },
      data: { status: 'DONE', finishedAt: new Date(), cursor: null },
    });
  }
  return total;
}

/** Credits one enrolment for a month (a new enrolment mid-month); a no-op if already credited. */
export async function creditEnrolment(
  prisma: PrismaClient,
  enrolmentId: string,
  month: string,
): Promise<AllowanceResult> {
  const enrolment = await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, include: { policy: true } });
  const doc = policyDocument(enrolment.policy);
  const result = await prisma.$transaction((tx) =>
    creditBatch(tx, {
      policyId: enrolment.policyId,
      doc,
      buckets: doc.allowance.buckets,
      month,
      last: monthBounds(month).last,
      onlyEnrolmentId: enrolmentId,
      size: 1,
    }),
  );
  return { month, credited: result.credited, skipped: result.skipped, expired: result.expired };
}

/**
 * What a bucket credits an elder for the month: its fixed amount, or for HOME_CARE_HOURS (003 三(二))
 * the daily hours of the elder's self-care level in their county × days in the month × 60 minutes.
 */
export function bucketAmount(doc: PolicyDocument, k: Bucket, e: EnrolmentToCredit, month: string): number {
  if (k.amountFrom !== 'HOME_CARE_HOURS') return k.amount;
  return homeCareMinutesFor(doc, e.communityPath, e.selfCare, month)?.minutes ?? k.amount;
}

interface BatchInput {
  at?: Date;
  runId?: string;
  policyId: string;
  doc: PolicyDocument;
  buckets: Bucket[];
  month: string;
  last: Date;
  cursor?: string | null;
  onlyEnrolmentId?: string;
  size: number;
}

async function creditBatch(tx: Tx, b: BatchInput) {
  // Concurrent runs of the same programme and month take turns batch by batch.
  if (b.runId) await lockRun(tx, b.runId);
  const enrolments = await enrolmentsToCredit(tx, b);
  if (!enrolments.length) return { credited: 0, skipped: 0, expired: 0, lastId: null as string | null };

  const elderKey = (elderId: string, k: Bucket) => accountKey({ elderId }, k.accountKind);
  const accountId = await ensureAccounts(
    tx,
    enrolments.flatMap((e) =>
      b.buckets.map((k) => ({
        key: elderKey(e.elderId, k),
        kind: k.accountKind,
        unit: k.unit,
        elderId: e.elderId,
        policyId: b.policyId,
      })),
    ),
  );
  const prev = previousMonth(b.month);
  const done = await postedKeys(
    tx,
    enrolments.flatMap((e) =>
      b.buckets.flatMap((k) => [
        allowanceKey(e.elderId, k.accountKind, b.month),
        expiryKey(e.elderId, k.accountKind, prev),
      ]),
    ),
  );

  // What lapses: the available balance of non-rollover buckets, read under a row lock so a
  // concurrent booking either lands before (and is kept as a hold) or waits.
  const lapsing = b.buckets.filter((k) => k.rollover === 'NONE');
  const available = await lockAvailable(
    tx,
    enrolments.flatMap((e) =>
      lapsing
        .filter(
          (k) =>
            !done.has(allowanceKey(e.elderId, k.accountKind, b.month)) &&
            !done.has(expiryKey(e.elderId, k.accountKind, prev)),
        )
        .map((k) => accountId.get(elderKey(e.elderId, k))!),
    ),
  );

  const systemIds = new Map<string, string>();
  const system = async (kind: Kind, unit: LedgerUnit) => {
    const k = `${kind}:${unit}`;
    if (!systemIds.has(k)) systemIds.set(k, (await systemAccount(tx, b.policyId, kind, unit)).id);
    return systemIds.get(k)!;
  };
  const postings: PostingInput[] = [];
  const allowanceKeysOf = new Map<string, string[]>();
  for (const e of enrolments) {
    const keys: string[] = [];
    allowanceKeysOf.set(e.elderId, keys);
    for (const k of b.buckets) {
      const acc = accountId.get(elderKey(e.elderId, k))!;
      const ek = expiryKey(e.elderId, k.accountKind, prev);
      const lapse = available.get(acc) ?? 0n;
      if (k.rollover === 'NONE' && lapse > 0n && !done.has(ek)) {
        postings.push({
          kind: 'EXPIRY',
          idempotencyKey: ek,
          request: { account: acc, month: prev, amount: lapse.toString() },
          elderId: e.elderId,
          month: prev,
          at: b.at,
          memo: `${monthLabel(prev)}${BUCKET_NAMES[k.accountKind] ?? ''}未用完，按规定当月有效、不滚存`,
          entries: [
            { accountId: acc, amount: -lapse },
            { accountId: await system('EXPIRED', k.unit), amount: lapse },
          ],
        });
      }
      const ak = allowanceKey(e.elderId, k.accountKind, b.month);
      if (done.has(ak)) continue;
      keys.push(ak);
      const credit = bucketAmount(b.doc, k, e, b.month);
      const amount = BigInt(credit);
      postings.push({
        kind: 'ALLOWANCE',
        idempotencyKey: ak,
        request: { elderId: e.elderId, kind: k.accountKind, month: b.month, amount: credit },
        elderId: e.elderId,
        month: b.month,
        at: b.at,
        memo: `${monthLabel(b.month)}${BUCKET_NAMES[k.accountKind] ?? '补贴'}`,
        entries: [
          { accountId: await system('FUNDING', k.unit), amount: -amount },
          { accountId: acc, amount },
        ],
      });
    }
  }
  const { posted } = await postMany(tx, postings);
  // Counted from what this call posted, so a key a concurrent credit took first counts as skipped.
  const credited = enrolments.filter((e) => allowanceKeysOf.get(e.elderId)!.some((k) => posted.has(k))).length;
  const skipped = enrolments.length - credited;
  const expired = postings.filter((p) => p.kind === 'EXPIRY' && posted.has(p.idempotencyKey)).length;

  const lastId = b.onlyEnrolmentId ? null : enrolments[enrolments.length - 1]!.id;
  if (b.runId) {
    await tx.allowanceRun.update({
      where: { id: b.runId },
      data: {
        credited: { increment: credited },
        skipped: { increment: skipped },
        expired: { increment: expired },
        cursor: lastId,
      },
    });
  }
  return { credited, skipped, expired, lastId: enrolments.length < b.size ? null : lastId };
}
