// Which programme an approved application enrols in. Service starts on the first of next month;
// a programme with a last day (001 is the 2026 plan: effective to 2026-12-31) takes no enrolment
// starting after it. Its successor, where the document names one, carries the application over,
// under the successor's own rules; otherwise the approval is refused and nothing changes.
import { ErrorCode, fail } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import { evaluateEligibility, loadPolicy, type PolicyDocument } from '../policies/index.js';
import { elderFacts } from './eligibility.service.js';

/** The first day of the month after `today` (YYYY-MM-DD). */
export function firstOfNextMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`;
}

export interface EnrolmentTarget {
  policyId: string;
  doc: PolicyDocument;
  category: string;
  startedOn: string;
  /** Set when the application was carried over to the successor programme. */
  carriedOverFrom?: string;
}

export async function enrolmentTarget(
  prisma: PrismaClient | Tx,
  app: { elderId: string; policyId: string; category: string; elder: { name: string } },
  doc: PolicyDocument,
  today: string,
): Promise<EnrolmentTarget> {
  const startedOn = firstOfNextMonth(today);
  const to = doc.effective.to;
  if (!to || startedOn <= to) return { policyId: app.policyId, doc, category: app.category, startedOn };
  const ended = `《${doc.name}》到 ${to} 结束，现在批准服务要从 ${startedOn} 开始，已超出项目期限`;
  if (!doc.successor)
    return fail(ErrorCode.PROGRAMME_ENDED, `${ended}，且未配置接续项目；请等新一期项目下达后重新申请。`, {
      lastDay: to,
      startedOn,
    });
  const next = await loadPolicy(prisma, { code: doc.successor.code });
  if (!next || !next.policy.active)
    return fail(ErrorCode.PROGRAMME_ENDED, `${ended}；接续项目尚未上线，请上线后再办理。`, { lastDay: to, startedOn });
  if (next.doc.effective.from > startedOn || (next.doc.effective.to && next.doc.effective.to < startedOn)) {
    return fail(
      ErrorCode.PROGRAMME_ENDED,
      `${ended}；接续项目《${next.doc.name}》自 ${next.doc.effective.from} 起实施，不能从 ${startedOn} 开始服务。`,
      { lastDay: to, startedOn },
    );
  }
  // The successor's rules decide: its categories and exclusions may differ from this programme's.
  const { facts } = await elderFacts(prisma, app.elderId, next.doc, today);
  const verdict = evaluateEligibility(next.doc, facts);
  if (!verdict.eligible)
    return fail(
      ErrorCode.PROGRAMME_ENDED,
      `${ended}；按接续项目《${next.doc.name}》的条件，${app.elder.name}${verdict.explanation}`,
      { lastDay: to, startedOn },
    );
  return { policyId: next.policy.id, doc: next.doc, category: verdict.category, startedOn, carriedOverFrom: doc.code };
}
