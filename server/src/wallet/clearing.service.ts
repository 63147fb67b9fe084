// Clearing subsidy wallets (000 七: 电子钱包在周年对应日清零或在老人去世、户籍迁出时清零) and
// ending them with the service. Only the available balance is cleared: amounts held for visits
// already booked stay until those visits are charged or cancelled (a cancelled one is cleared by
// the next sweep).
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import { type PolicyDocument, policyDocument } from '../policies/index.js';
import { allowanceKey } from './allowance.service.js';
import { accountKey, post, systemAccount } from './ledger.service.js';
import { lockAvailableByKey } from './ledger.store.js';
import { anniversaryCandidates, endedWithSubsidy } from './clearing.store.js';
import { isAnniversary } from './month.js';

type ClearingEvent = PolicyDocument['allowance']['clearing'][number]['on'];

/** Which clearing rule a termination reason triggers (enum TerminationReason → policy clearing). */
const CLEARING_FOR_REASON: Record<string, ClearingEvent> = { DIED: 'DEATH', MOVED_HUKOU: 'HUKOU_MOVED_OUT' };

const REASON_MEMO: Record<string, string> = {
  ANNIVERSARY: '服务满一年，电子钱包按规定在周年对应日清零',
  DEATH: '老人去世，电子钱包按规定清零',
  HUKOU_MOVED_OUT: '户籍迁出，电子钱包按规定清零',
  ENDED: '服务已终止，剩余补贴额度收回',
};

export interface ClearingResult {
  accounts: number;
  amount: { FEN: number; MINUTE: number };
}

/**
 * Clears the elder's subsidy buckets of one programme. `key` names the event, so clearing the
 * same event twice changes nothing. On the 1st of a month an anniversary clearing leaves that
 * month's own allowance alone: it belongs to the new service year.
 */
export async function clearSubsidy(
  tx: Tx,
  input: {
    elderId: string;
    policyId: string;
    doc: PolicyDocument;
    reason: keyof typeof REASON_MEMO;
    key: string;
    day: string;
    actorId?: string;
  },
): Promise<ClearingResult> {
  const result: ClearingResult = { accounts: 0, amount: { FEN: 0, MINUTE: 0 } };
  for (const bucket of input.doc.allowance.buckets) {
    const idempotencyKey = `clearing:${input.elderId}:${bucket.accountKind}:${input.key}`;
    if (await tx.ledgerTransaction.findUnique({ where: { idempotencyKey }, select: { id: true } })) continue;
    const account = await lockAvailableByKey(tx, accountKey({ elderId: input.elderId }, bucket.accountKind));
    if (!account) continue;
    let amount = account.available;
    if (input.reason === 'ANNIVERSARY' && input.day.endsWith('-01')) {
      const fresh = await tx.ledgerTransaction.findUnique({
        where: { idempotencyKey: allowanceKey(input.elderId, bucket.accountKind, input.day.slice(0, 7)) },
        select: { id: true },
      });
      if (fresh) amount -= BigInt(bucket.amount);
    }
    if (amount <= 0n) continue;
    const sink = await systemAccount(tx, input.policyId, 'EXPIRED', bucket.unit);
    await post(tx, {
      kind: 'CLEARING',
      idempotencyKey,
      request: { account: account.id, amount: amount.toString(), key: input.key },
      elderId: input.elderId,
      memo: REASON_MEMO[input.reason],
      actorId: input.actorId,
      entries: [
        { accountId: account.id, amount: -amount },
        { accountId: sink.id, amount },
      ],
    });
    result.accounts += 1;
    result.amount[bucket.unit] += Number(amount);
  }
  return result;
}

/** Whether a termination reason clears the wallet at once under the programme's rules. */
export function clearsImmediately(doc: PolicyDocument, reason: string): boolean {
  const rule = CLEARING_FOR_REASON[reason];
  return doc.allowance.clearing.some((c) => c.on === 'TERMINATION' || (rule !== undefined && c.on === rule));
}

export const clearingReasonFor = (reason: string): keyof typeof REASON_MEMO =>
  (CLEARING_FOR_REASON[reason] as keyof typeof REASON_MEMO | undefined) ?? 'ENDED';

/**
 * The daily sweep (run by the scheduler for each Asia/Shanghai day): anniversaries of active
 * enrolments whose programme clears on them, and wallets of enrolments whose service has ended.
 * Idempotent per elder, bucket and day.
 */
export async function runClearingSweep(
  prisma: PrismaClient,
  day: string,
): Promise<{ anniversaries: number; ended: number }> {
  const policies = await prisma.policy.findMany();
  let anniversaries = 0;
  let ended = 0;
  const [, mm, dd] = day.split('-');
  for (const policy of policies) {
    const doc = policyDocument(policy);
    if (doc.allowance.clearing.some((c) => c.on === 'ENROLMENT_ANNIVERSARY')) {
      // Same month and day; 28 February also picks up starts on 29 February (isAnniversary decides).
      const candidates = await anniversaryCandidates(
        prisma,
        policy.id,
        Number(mm),
        Number(dd),
        mm === '02' && dd === '28' ? 29 : Number(dd),
      );
      for (const e of candidates) {
        if (!isAnniversary(e.startedOn.toISOString().slice(0, 10), day)) continue;
        const r = await prisma.$transaction((tx) =>
          clearSubsidy(tx, {
            elderId: e.elderId,
            policyId: policy.id,
            doc,
            reason: 'ANNIVERSARY',
            key: `anniversary:${day}`,
            day,
          }),
        );
        if (r.accounts) anniversaries += 1;
      }
    }
    // Service ended before today and money is still on a subsidy account: it goes back.
    const over = await endedWithSubsidy(prisma, policy.id, new Date(`${day}T00:00:00Z`));
    for (const e of over) {
      const r = await prisma.$transaction((tx) =>
        clearSubsidy(tx, {
          elderId: e.elderId,
          policyId: policy.id,
          doc,
          reason: 'ENDED',
          key: `ended:${e.id}:${day}`,
          day,
        }),
      );
      if (r.accounts) ended += 1;
    }
  }
  return { anniversaries, ended };
}
