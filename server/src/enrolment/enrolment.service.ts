// Enrolment: ending service (《终止表》) and looking enrolments up.
// Termination rules come from the policy document.
import type { Actor } from '../auth/actor.js';
import { authorize } from '../auth/permissions.js';
import { audit } from '../audit/audit.service.js';
import type { EventBus } from '../common/events.js';
import { badInput, ErrorCode, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { assertElderInScope } from '../elders/elders.service.js';
import { todayInShanghai } from '../common/calendar.js';
import { policyDocument } from '../policies/policy.store.js';
import { dateOnly } from './eligibility.service.js';

// app/loaders.ts reads the applications' batch functions from here.
export { objectionsByApplicationIds, reviewsByApplicationIds } from './application.service.js';

/** The last day of service: the month's end where the programme stops service "from next month". */
function lastServiceDay(today: string, effective: 'NEXT_MONTH' | 'IMMEDIATE'): string {
  if (effective === 'IMMEDIATE') return today;
  const [y, m] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Ends the elder's active enrolment for a reason the programme lists (BAD_USER_INPUT otherwise).
 * Huangpi (000 六 5) stops service from the next month; the wallet and order areas hear about it
 * through `enrolment.terminated`. No active enrolment: INVALID_STATE, nothing written.
 */
export async function terminateEnrolment(
  prisma: PrismaClient,
  events: EventBus,
  actor: Actor,
  input: { elderId: string; reason: string; note?: string | null },
  now: Date,
) {
  const elder = await assertElderInScope(prisma, authorize(actor, 'terminateEnrolment'), input.elderId);
  const today = todayInShanghai(now);
  const enrolment = await prisma.enrolment.findFirst({ where: { elderId: elder.id, status: 'ACTIVE' }, include: { policy: true } });
  if (!enrolment) return fail(ErrorCode.INVALID_STATE, `${elder.name}目前没有正在享受的服务，无需终止。`);
  const doc = policyDocument(enrolment.policy);
  const rule = doc.terminationReasons.find((r) => r.reason === input.reason);
  if (!rule) throw badInput('reason', `《${doc.name}》的终止原因不包括这一项，可选：${doc.terminationReasons.map((r) => r.label).join('、')}。`);
  const effective = rule.effective ?? doc.timeLimits.terminationEffective;
  const lastDay = lastServiceDay(today, effective);
  const updated = await prisma.$transaction(async (tx) => {
    const claimed = await tx.enrolment.updateMany({
      where: { id: enrolment.id, status: 'ACTIVE' },
      data: { status: 'TERMINATED', endedOn: dateOnly(lastDay), terminationReason: input.reason as never, terminationNote: input.note?.trim() || null, terminatedById: actor.userId },
    });
    if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, '这项服务已经终止了。');
    await tx.elder.update({ where: { id: elder.id }, data: { status: input.reason === 'DIED' ? 'DECEASED' : 'TERMINATED' } });
    await audit(tx, actor, { action: 'ENROLMENT_TERMINATED', entity: 'Enrolment', entityId: enrolment.id, detail: { reason: input.reason, lastServiceDay: lastDay, note: input.note ?? null } });
    return tx.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } });
  });
  await events.publish('enrolment.terminated', { enrolmentId: enrolment.id, elderId: elder.id, policyId: enrolment.policyId, reason: input.reason, lastServiceDay: lastDay, at: now });
  return updated;
}

export const enrolmentById = (prisma: PrismaClient, id: string) => prisma.enrolment.findUnique({ where: { id } });
