// Home-visit agreements (居家养老上门服务协议, 004 三(二), 五(二)3/5): the community or street records the
// agreement an elder signed with a provider (items, method, price, term); the street reviews it and the
// district files it. The term's minimum, the exempt classes, the visits owed by a deadline and the
// exclusion of elders with an accepted care bed are the programme's `visitAgreements` section. Visits
// are orders placed under the filed agreement (agreements.visits.service.ts), paid by the project; one
// counts when it is confirmed by the deadline (Asia/Shanghai, inclusive).
import { type AlertEvent, raiseAlert } from '../alerts/index.js';
import { type Actor, authorize } from '../auth/index.js';
import { hasAcceptedCareBed } from '../carebeds/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { assertElderInScope } from '../elders/index.js';
import { policyDocument, type PolicyDocument } from '../policies/index.js';
import { pathWithin } from '../regions/index.js';
import type { SignVisitAgreementInput } from './agreements.types.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 86_400_000;
/** The first instant after the Asia/Shanghai day `d`. */
const endOfDay = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`) + dayMs);

type Rules = NonNullable<PolicyDocument['visitAgreements']>;

/**
 * The visits placed under the agreement (its provider, item and price) confirmed by the deadline, and the
 * pace toward the visits owed (004 三(二): a visit counts when it is confirmed).
 */
export async function agreementProgress(
  prisma: PrismaClient,
  a: { id: string; startsOn: Date },
  rules: Rules,
  now: Date,
) {
  const deadline = endOfDay(rules.visitsBy);
  const confirmed = await prisma.order.count({
    where: { visitAgreementId: a.id, status: 'CONFIRMED', confirmedAt: { gte: a.startsOn, lt: deadline } },
  });
  const span = Math.max(1, deadline.getTime() - a.startsOn.getTime());
  const elapsed = Math.min(span, Math.max(0, now.getTime() - a.startsOn.getTime()));
  const expectedByNow = Math.floor((rules.minVisits * elapsed) / span);
  return {
    confirmed,
    required: rules.minVisits,
    by: rules.visitsBy,
    met: confirmed >= rules.minVisits,
    expectedByNow,
    behindPace: confirmed < rules.minVisits && expectedByNow - confirmed >= rules.paceAlertShortfall,
  };
}

async function rulesFor(prisma: PrismaClient, communityPath: string) {
  const policies = await prisma.policy.findMany({ include: { region: { select: { path: true } } } });
  const stored = policies.find((p) => pathWithin(communityPath, p.region.path) && policyDocument(p).visitAgreements);
  if (!stored) return fail(ErrorCode.NOT_ELIGIBLE, '这位老人所在地区没有居家养老上门服务项目协议。');
  const doc = policyDocument(stored);
  return { stored, doc, rules: doc.visitAgreements! };
}

const withProgress = async (prisma: PrismaClient, a: { id: string; startsOn: Date; policyId: string }, now: Date) => {
  const doc = policyDocument(await prisma.policy.findUniqueOrThrow({ where: { id: a.policyId } }));
  return { ...a, progress: await agreementProgress(prisma, a, doc.visitAgreements!, now) };
};

/** 五(二)3 签约: the agreement an elder signed with a provider, recorded for review. */
export async function signVisitAgreement(
  prisma: PrismaClient,
  actor: Actor,
  input: SignVisitAgreementInput & { providerId: string },
  now: Date,
) {
  const grant = authorize(actor, 'signVisitAgreement');
  if (!input.items.length) throw badInput('items', '请选择协议约定的服务项目。');
  if (!input.method.trim()) throw badInput('method', '请填写服务方式。');
  if (!Number.isInteger(input.priceFen) || input.priceFen < 0)
    throw badInput('priceFen', '服务价格须为不小于 0 的整数（分）。');
  if (!DAY.test(input.startsOn)) throw badInput('startsOn', '日期格式应为 YYYY-MM-DD，例如 2022-11-01。');
  if (!Number.isInteger(input.termMonths) || input.termMonths < 1)
    throw badInput('termMonths', '签约期限须为正整数（月）。');
  const elder = await assertElderInScope(prisma, grant, input.elderId);
  const community = await prisma.region.findUniqueOrThrow({ where: { id: elder.communityId } });
  const { stored, doc, rules } = await rulesFor(prisma, community.path);
  const exempt = rules.exemptClasses.find((c) => c.code === input.elderClass);
  if (input.elderClass && !exempt)
    throw badInput(
      'elderClass',
      `老年人类别须为${rules.exemptClasses.map((c) => `${c.label}（${c.code}）`).join('、')}，或不填。`,
    );
  if (!exempt && input.termMonths < rules.minTermMonths)
    fail(
      ErrorCode.AGREEMENT_TERM_TOO_SHORT,
      `A 类、B 类以外的服务对象，签约服务不少于 ${rules.minTermMonths} 个月（${rules.termSource}）；` +
        `本协议 ${input.termMonths} 个月，请延长后再签订。`,
    );
  if (rules.excludesAcceptedBed && (await hasAcceptedCareBed(prisma, elder.id)))
    fail(
      ErrorCode.HAS_ACCEPTED_CARE_BED,
      `${elder.name}已建成家庭养老床位，居家上门服务只面向未建立家庭养老床位的老年人（${rules.exclusionSource}）。`,
    );
  const unknown = input.items.filter((i) => !doc.serviceGuide.items.some((x) => x.code === i));
  if (unknown.length) throw badInput('items', `服务项目 ${unknown.join('、')} 不在本项目的服务清单中。`);
  const provider = await prisma.provider.findUnique({ where: { id: input.providerId } });
  if (!provider) throw badInput('providerId', '没有找到这家服务机构。');
  const startsOn = new Date(`${input.startsOn}T00:00:00Z`);
  const endsOn = new Date(startsOn);
  endsOn.setUTCMonth(endsOn.getUTCMonth() + input.termMonths);
  const row = await prisma.visitAgreement.create({
    data: {
      elderId: elder.id,
      providerId: provider.id,
      policyId: stored.id,
      items: input.items,
      method: input.method.trim(),
      priceFen: input.priceFen,
      startsOn: new Date(Date.parse(`${input.startsOn}T00:00:00+08:00`)),
      endsOn,
      termMonths: input.termMonths,
      elderClass: exempt?.code ?? null,
      signedById: actor.userId,
      createdAt: now,
    },
  });
  return withProgress(prisma, row, now);
}

/** 五(二)3: 经街道（镇）审查后报区市民政部门核定备案. */
export async function reviewVisitAgreement(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; approved: boolean; opinion?: string | null },
  now: Date,
) {
  const grant = authorize(actor, 'reviewVisitAgreement');
  const opinion = input.opinion?.trim() || null;
  if (!input.approved && !opinion) throw badInput('opinion', '选择“不同意”的，须说明理由。');
  const a = await prisma.visitAgreement.findUnique({ where: { id: input.id } });
  if (!a) return fail(ErrorCode.NOT_FOUND, '没有找到这份服务协议。');
  await assertElderInScope(prisma, grant, a.elderId);
  const street = a.status === 'SIGNED';
  if (!street && a.status !== 'STREET_REVIEWED') fail(ErrorCode.INVALID_STATE, '这份服务协议已审查备案或已不同意。');
  if (actor.role !== (street ? 'STREET_OFFICER' : 'DISTRICT_ADMIN'))
    fail(ErrorCode.FORBIDDEN, street ? '服务协议先由街道（镇）审查。' : '服务协议由区市民政部门核定备案。');
  const to = !input.approved ? 'REJECTED' : street ? 'STREET_REVIEWED' : 'FILED';
  const n = await prisma.visitAgreement.updateMany({
    where: { id: a.id, status: a.status },
    data: street
      ? { status: to, streetOpinion: opinion ?? '同意', streetById: actor.userId, streetAt: now }
      : { status: to, districtOpinion: opinion ?? '同意备案', districtById: actor.userId, districtAt: now },
  });
  if (n.count !== 1) fail(ErrorCode.INVALID_STATE, '这份服务协议刚被其他人办理过，请刷新后再试。');
  return withProgress(prisma, await prisma.visitAgreement.findUniqueOrThrow({ where: { id: a.id } }), now);
}

/** An elder's agreements, each with its progress toward the visits owed. */
export async function visitAgreementsOf(prisma: PrismaClient, actor: Actor, elderId: string, now: Date) {
  const grant = authorize(actor, 'visitAgreements');
  await assertElderInScope(prisma, grant, elderId);
  const rows = await prisma.visitAgreement.findMany({ where: { elderId }, orderBy: { createdAt: 'asc' } });
  return Promise.all(rows.map((r) => withProgress(prisma, r, now)));
}

/**
 * 004 三(二): every agreement still running (signed, reviewed or filed) whose confirmed visits have
 * fallen `paceAlertShortfall` behind an even pace to its visits owed raises a VISIT_PACE alert for the
 * elder's community, like every alert (one open alert per elder and kind; the caller publishes them on
 * the bus). Run by the alert sweep (app/scheduler.ts).
 */
export async function detectBehindPace(prisma: PrismaClient, now: Date): Promise<AlertEvent[]> {
  const raised: AlertEvent[] = [];
  for (const policy of await prisma.policy.findMany()) {
    const rules = policyDocument(policy).visitAgreements;
    if (!rules || now >= endOfDay(rules.visitsBy)) continue;
    const running = await prisma.visitAgreement.findMany({
      where: { policyId: policy.id, status: { not: 'REJECTED' }, startsOn: { lte: now } },
      orderBy: { id: 'asc' },
    });
    for (const a of running) {
      const p = await agreementProgress(prisma, a, rules, now);
      if (!p.behindPace) continue;
      const event = await raiseAlert(prisma, {
        elderId: a.elderId,
        kind: 'VISIT_PACE',
        detail: {
          agreementId: a.id,
          confirmed: p.confirmed,
          expectedByNow: p.expectedByNow,
          required: p.required,
          by: p.by,
          source: rules.visitsSource,
        },
        at: now,
      });
      if (event) raised.push(event);
    }
  }
  return raised;
}
