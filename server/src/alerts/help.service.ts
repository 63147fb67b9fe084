// One-tap help (000 四 线上服务表): 紧急救援 (the platform puts the call through to 120), 联络紧急联络人
// (it rings the family) and 定位查询 (it locates the elder) are calls, not orders. The app rings the
// number itself; this records the call as an alert for the call centre and the community, with
// the elder's location when they allowed it, so someone follows up even if the call drops.
import { type Actor, authorize } from '../auth/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { assertElderInScope } from '../elders/index.js';
import { loadPolicy, type CallsPolicy } from '../policies/index.js';
import type { AlertBus } from './alert-bus.js';
import { publishAll, raiseAlert } from './alerts.service.js';
import type { HelpDesk, HelpLine, HelpPurpose } from './help.types.js';

const ALL: HelpPurpose[] = ['SOS', 'FAMILY', 'LOCATE'];

/** The programme's call section for the elder's active enrolment, if it has one. */
async function callsFor(prisma: PrismaClient, elderId: string): Promise<CallsPolicy | null> {
  const enrolment = await prisma.enrolment.findFirst({ where: { elderId, status: 'ACTIVE' } });
  if (!enrolment) return null;
  return (await loadPolicy(prisma, { id: enrolment.policyId }))?.doc.calls ?? null;
}

/** The family and emergency contacts: linked family accounts' phones, then the record's contacts. */
async function familyLines(prisma: PrismaClient, elder: { id: string; contacts: unknown }): Promise<HelpLine[]> {
  const links = await prisma.familyLink.findMany({ where: { elderId: elder.id }, include: { user: true } });
  const contacts = Array.isArray(elder.contacts) ? (elder.contacts as { name?: string; phone?: string }[]) : [];
  const lines: HelpLine[] = [
    ...links.map((l) => ({ name: `${l.relation} ${l.user.displayName ?? ''}`.trim(), phone: l.user.phone ?? '' })),
    ...contacts.map((c) => ({ name: `紧急联系人 ${c.name ?? ''}`.trim(), phone: c.phone ?? '' })),
  ]
    .filter((l) => /^[0-9-]{3,20}$/.test(l.phone))
    .map((l) => ({ kind: 'FAMILY', name: l.name, phone: l.phone, purposes: ['FAMILY'] as HelpPurpose[] }));
  return lines.filter((l, i) => lines.findIndex((m) => m.phone === l.phone) === i);
}

async function desk(prisma: PrismaClient, elder: { id: string; contacts: unknown }): Promise<HelpDesk> {
  const calls = await callsFor(prisma, elder.id);
  const programme: HelpLine[] = (calls?.lines ?? []).map((l) => ({
    kind: l.kind,
    name: l.name,
    phone: l.phone,
    purposes: l.for.filter((p) => ALL.includes(p)),
    source: l.source,
  }));
  return {
    lines: [...programme, ...(await familyLines(prisma, elder))],
    actions: (calls?.actions ?? []).map((a) => ({ itemCode: a.itemCode, purpose: a.purpose })),
  };
}

/** The numbers an elder or their family can ring in one tap, and which online services are calls. */
export async function helpDesk(prisma: PrismaClient, actor: Actor, elderId: string): Promise<HelpDesk> {
  const elder = await assertElderInScope(prisma, authorize(actor, 'helpDesk'), elderId);
  return desk(prisma, elder);
}

export interface CallForHelp {
  elderId: string;
  purpose: HelpPurpose;
  phone: string;
  latitude?: number | null;
  longitude?: number | null;
}

/**
 * Records a call the app has just placed. The number must be one the desk offers for the purpose,
 * so the record says truthfully whom the elder rang. One open help alert per elder: a second tap
 * while the first is being handled is added to it, not raised twice.
 */
export async function callForHelp(prisma: PrismaClient, bus: AlertBus, actor: Actor, input: CallForHelp, now: Date) {
  const elder = await assertElderInScope(prisma, authorize(actor, 'callForHelp'), input.elderId);
  const hasLat = input.latitude != null;
  if (hasLat !== (input.longitude != null))
    throw badInput(hasLat ? 'longitude' : 'latitude', '位置要同时有纬度和经度。');
  const line = (await desk(prisma, elder)).lines.find(
    (l) => l.phone === input.phone && l.purposes.includes(input.purpose),
  );
  if (!line) throw badInput('phone', '这个号码不在老人的一键呼叫号码里，请从页面上的号码中选择。');
  const call = {
    purpose: input.purpose,
    phone: input.phone,
    lineName: line!.name,
    by: actor.role,
    at: now.toISOString(),
    ...(hasLat ? { latitude: input.latitude!, longitude: input.longitude! } : {}),
  };
  const event = await raiseAlert(prisma, {
    elderId: elder.id,
    kind: 'HELP_CALL',
    detail: { ...call, calls: [call] },
    at: now,
  });
  if (event) {
    publishAll(bus, [event]);
    return {
      alertId: event.id,
      purpose: input.purpose,
      phone: input.phone,
      raisedAt: now,
      located: hasLat,
      alreadyOpen: false,
    };
  }
  const open = await prisma.alert.findFirst({
    where: { elderId: elder.id, kind: 'HELP_CALL', status: { not: 'RESOLVED' } },
    orderBy: { raisedAt: 'desc' },
  });
  if (!open) return fail(ErrorCode.INVALID_STATE, '求助没有记录上，请再按一次，或直接拨打 120。');
  const detail = (open.detail ?? {}) as { calls?: Prisma.InputJsonObject[] };
  await prisma.alert.update({
    where: { id: open.id },
    data: { detail: { ...detail, ...call, calls: [...(detail.calls ?? []), call] } },
  });
  return {
    alertId: open.id,
    purpose: input.purpose,
    phone: input.phone,
    raisedAt: now,
    located: hasLat,
    alreadyOpen: true,
  };
}
