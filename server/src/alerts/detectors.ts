// Detectors, run as a sweep (scheduler) and on the events that matter (a call attempt, a
// complaint). Thresholds come from the programme (missedContact, timeLimits); where it is silent,
// the platform settings below apply.
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import { type PolicyDocument, policyDocument } from '../policies/index.js';
import { elderAudience, notify } from '../notices/index.js';
import type { AlertEvent } from './alert-bus.js';
import { raiseAlert } from './alerts.service.js';
import { availableBalances, eldersWithUnansweredCalls, eldersWithoutOrders } from './alerts.store.js';

/** Platform settings (no programme sets them): when a wallet counts as low, how early an SLA warns. */
export const LOW_BALANCE = { fen: 2000, minutes: 60 };
export const SLA_WARNING_HOURS = 6;

/** 000 六 5: this many unanswered calls within the window, with none answered since, is a missed contact. */
export async function detectMissedContact(
  tx: Tx | PrismaClient,
  elderId: string,
  doc: PolicyDocument,
  now: Date,
): Promise<AlertEvent | null> {
  const rule = doc.missedContact;
  if (!rule) return null;
  const since = new Date(now.getTime() - rule.windowHours * 3600_000);
  const attempts = await tx.callAttempt.findMany({
    where: { callTask: { elderId }, at: { gt: since, lte: now } },
    orderBy: { at: 'asc' },
  });
  const lastAnswered = attempts.map((a, i) => (a.answered ? i : -1)).reduce((m, i) => Math.max(m, i), -1);
  const unanswered = attempts.slice(lastAnswered + 1).filter((a) => !a.answered);
  if (unanswered.length < rule.unansweredCalls) return null;
  return raiseAlert(tx, {
    elderId,
    kind: 'MISSED_CONTACT',
    detail: { unanswered: unanswered.length, windowHours: rule.windowHours, source: rule.source },
    at: now,
  });
}

/** The whole sweep; returns the alerts it raised (to publish). */
export async function runAlertSweep(prisma: PrismaClient, now: Date): Promise<AlertEvent[]> {
  const raised: (AlertEvent | null)[] = [];
  for (const policy of await prisma.policy.findMany()) {
    const doc = policyDocument(policy);
    const rule = doc.missedContact;
    if (rule) {
      // 000 六 5: 连续两周未下单 — enrolled for the whole period and no order placed in it.
      const since = new Date(now.getTime() - rule.noOrderDays * 86_400_000);
      const quiet = await eldersWithoutOrders(prisma, policy.id, since);
      for (const q of quiet)
        raised.push(
          await raiseAlert(prisma, {
            elderId: q.elderId,
            kind: 'NO_RECENT_ORDER',
            detail: { days: rule.noOrderDays, lastOrderAt: q.last?.toISOString() ?? null, source: rule.source },
            at: now,
          }),
        );
      const windowStart = new Date(now.getTime() - rule.windowHours * 3600_000);
      const missed = await eldersWithUnansweredCalls(prisma, policy.id, windowStart);
      for (const m of missed) raised.push(await detectMissedContact(prisma, m.elderId, doc, now));
    }
    // Low balance: the subsidy for the item modes is spent and self-paid money is nearly gone.
    const low = await availableBalances(prisma, policy.id);
    const hours = doc.allowance.buckets.some((b) => b.unit === 'MINUTE');
    for (const l of low) {
      const isLow = hours
        ? Number(l.minutes) < LOW_BALANCE.minutes && Number(l.fen) < LOW_BALANCE.fen
        : Number(l.fen) < LOW_BALANCE.fen;
      if (!isLow) continue;
      const event = await raiseAlert(prisma, {
        elderId: l.elderId,
        kind: 'LOW_BALANCE',
        detail: { availableFen: Number(l.fen), availableMinutes: Number(l.minutes) },
        at: now,
      });
      raised.push(event);
      if (event) {
        await notify(prisma, await elderAudience(prisma, l.elderId), {
          elderId: l.elderId,
          kind: 'LOW_BALANCE',
          title: `${event.elderName}的服务额度快用完了`,
          body: hours
            ? `本月免费服务时长剩 ${Number(l.minutes)} 分钟，自费余额 ${(Number(l.fen) / 100).toFixed(2)} 元。`
            : `可用补贴和自费余额合计 ${(Number(l.fen) / 100).toFixed(2)} 元，需要时请充值。`,
          dedupe: `low-balance:${l.elderId}:${now.toISOString().slice(0, 7)}`,
        });
      }
    }
  }
  // Complaints nearing or past their deadline (000 六 4: 48 小时内处理).
  const late = await prisma.complaint.findMany({
    where: { status: { not: 'CLOSED' }, dueAt: { lt: new Date(now.getTime() + SLA_WARNING_HOURS * 3600_000) } },
  });
  for (const c of late)
    raised.push(
      await raiseAlert(prisma, {
        elderId: c.elderId,
        kind: 'SLA_BREACH',
        detail: { complaintId: c.id, dueAt: c.dueAt.toISOString(), overdue: c.dueAt < now },
        at: now,
      }),
    );
  return raised.filter((e): e is AlertEvent => e !== null);
}
