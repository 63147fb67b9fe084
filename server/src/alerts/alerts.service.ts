// Alerts to community workers (000 六 5: 24 小时内三次未接听或连续两周未下单 → 社区工作人员上门;
// 投诉 48 小时时限). One open alert per elder and kind (a partial unique index), so every detector
// can run as often as it likes, on any number of instances, without duplicates.
import { v7 as uuidv7 } from 'uuid';
import { type Actor, authorize, type Grant } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import type { Tx } from '../db/database.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { botCommunityIds } from '../groupchat/index.js';
import { elderScope } from '../elders/index.js';
import { notify } from '../notices/index.js';
import { pathWithin } from '../regions/index.js';
import { formatShanghaiCn } from '../common/calendar.js';
import { maskNumbersIn } from '../common/mask.js';
import { refPattern } from '../common/refs.js';
import type { AlertBus, AlertEvent } from './alert-bus.js';
import { insertOpenAlert } from './alerts.store.js';
import { yuanText } from '../common/money.js';

export type AlertKind =
  | 'MISSED_CONTACT'
  | 'NO_RECENT_ORDER'
  | 'COMPLAINT'
  | 'SLA_BREACH'
  | 'LOW_BALANCE'
  | 'HELP_CALL'
  | 'DEVICE_EVENT'
  | 'VISIT_PACE';

export const ALERT_LABELS: Record<AlertKind, string> = {
  MISSED_CONTACT: '多次联系不上',
  NO_RECENT_ORDER: '两周未下单',
  COMPLAINT: '收到投诉',
  SLA_BREACH: '投诉即将或已经超时',
  LOW_BALANCE: '余额不足',
  HELP_CALL: '老人或家属一键求助',
  DEVICE_EVENT: '家庭养老床位智能设备报警',
  VISIT_PACE: '居家上门服务进度落后',
};

/**
 * Raises an alert unless one of the kind is already open for the elder. Returns the new alert's
 * event (to publish after the transaction commits) or null when it was a duplicate.
 */
export async function raiseAlert(
  tx: Tx | PrismaClient,
  input: { elderId: string; kind: AlertKind; detail?: Prisma.InputJsonValue; at: Date },
): Promise<AlertEvent | null> {
  const elder = await tx.elder.findUniqueOrThrow({ where: { id: input.elderId }, include: { community: true } });
  const id = await insertOpenAlert(tx, {
    id: uuidv7(),
    elderId: elder.id,
    communityId: elder.communityId,
    kind: input.kind,
    detail: input.detail,
    at: input.at,
  });
  if (!id) return null;
  return {
    id,
    elderId: elder.id,
    elderName: elder.name,
    communityId: elder.communityId,
    communityCode: elder.community.code,
    communityPath: elder.community.path,
    kind: input.kind,
    status: 'RAISED',
    detail: input.detail ?? null,
    raisedAt: input.at.toISOString(),
  };
}

export const publishAll = (bus: AlertBus, events: (AlertEvent | null)[]) => {
  for (const e of events) if (e) bus.publish(e);
};

/**
 * Which alert events a subscriber may receive: within their region, optionally one community. The
 * bot's account, acting for no one, hears only communities where its own deployment has bound a
 * group (looked up per event, so a group bound after subscribing counts).
 */
export function alertVisibleTo(prisma: PrismaClient, actor: Actor | null | undefined, communityCode?: string | null) {
  const grant = authorize(actor, 'alertRaised');
  return async (e: AlertEvent) => {
    if (communityCode && e.communityCode !== communityCode) return false;
    if (grant.scope === 'BOT_ROOMS')
      return (
        (await prisma.botRoomBinding.count({ where: { botUserId: grant.actor.userId, communityId: e.communityId } })) >
        0
      );
    return pathWithin(e.communityPath, grant.actor.regionPath!);
  };
}

/** The alerts a grant reaches: its region's elders'; for the bot's own account, its groups' communities'. */
async function alertScope(prisma: PrismaClient, grant: Grant): Promise<Prisma.AlertWhereInput> {
  if (grant.scope === 'BOT_ROOMS') return { communityId: { in: await botCommunityIds(prisma, grant.actor.userId) } };
  return { elder: elderScope(grant) };
}

/** When an alert must be acknowledged before it goes up to the street (escalateAlerts). */
export const escalationHours = (config: { alertEscalationHours?: number }) => config.alertEscalationHours ?? 4;

export interface AlertFilterInput {
  communityCode?: string | null;
  status?: string | null;
  kind?: string | null;
  since?: Date | null;
}

export async function listAlerts(prisma: PrismaClient, actor: Actor, filter: AlertFilterInput, page: PageArgs) {
  const { take, afterId } = pageWindow(page);
  const where: Prisma.AlertWhereInput = {
    AND: [
      await alertScope(prisma, authorize(actor, 'alerts')),
      filter.communityCode ? { community: { code: filter.communityCode } } : {},
      filter.status ? { status: filter.status as never } : {},
      filter.kind ? { kind: filter.kind as never } : {},
      filter.since ? { raisedAt: { gt: filter.since } } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.alert.findMany({
      where: { AND: [where, afterId ? { id: { lt: afterId } } : {}] },
      orderBy: { id: 'desc' },
      take: take + 1,
    }),
    prisma.alert.count({ where }),
  ]);
  return toConnection(rows, take, total);
}

/** An alert by its short reference, for the staff covering it (the bot asks acting for a bound worker). */
export async function alertByRef(prisma: PrismaClient, actor: Actor, ref: string) {
  const grant = authorize(actor, 'alertByRef');
  const r = refPattern(ref);
  const alert = r ? await prisma.alert.findFirst({ where: { id: { endsWith: r }, elder: elderScope(grant) } }) : null;
  return alert ?? fail(ErrorCode.NOT_FOUND, `没有找到编号为 ${ref} 的告警。`);
}

async function alertInScope(prisma: PrismaClient, grant: Grant, id: string) {
  const alert = await prisma.alert.findFirst({ where: { id, elder: elderScope(grant) } });
  return alert ?? fail(ErrorCode.NOT_FOUND, '没有找到这条告警。');
}

/** RAISED → ACKNOWLEDGED (someone is on it). */
export async function acknowledgeAlert(prisma: PrismaClient, actor: Actor, id: string, now: Date) {
  const alert = await alertInScope(prisma, authorize(actor, 'acknowledgeAlert'), id);
  const n = await prisma.alert.updateMany({
    where: { id: alert.id, status: 'RAISED' },
    data: { status: 'ACKNOWLEDGED', acknowledgedAt: now, acknowledgedById: actor.userId },
  });
  if (n.count !== 1)
    fail(ErrorCode.INVALID_STATE, alert.status === 'RESOLVED' ? '这条告警已经处理完了。' : '这条告警已经有人确认了。');
  await audit(prisma, actor, { action: 'ALERT_ACKNOWLEDGED', entity: 'Alert', entityId: id });
  return prisma.alert.findUniqueOrThrow({ where: { id } });
}

/** → RESOLVED with the outcome of the visit (000 六 5: 帮助下单，或启动终止程序). */
export async function resolveAlert(prisma: PrismaClient, actor: Actor, id: string, outcome: string, now: Date) {
  const alert = await alertInScope(prisma, authorize(actor, 'resolveAlert'), id);
  const text = outcome?.trim() ?? '';
  if (text.length < 2 || text.length > 500)
    throw badInput('outcome', '请写明处理结果（2 到 500 字），例如“已上门，老人忘记接电话”。');
  const n = await prisma.alert.updateMany({
    where: { id: alert.id, status: { in: ['RAISED', 'ACKNOWLEDGED'] } },
    data: {
      status: 'RESOLVED',
      resolvedAt: now,
      resolvedById: actor.userId,
      outcome: text,
      ...(alert.acknowledgedAt ? {} : { acknowledgedAt: now, acknowledgedById: actor.userId }),
    },
  });
  if (n.count !== 1) fail(ErrorCode.INVALID_STATE, '这条告警已经处理完了。');
  await audit(prisma, actor, { action: 'ALERT_RESOLVED', entity: 'Alert', entityId: id, detail: { outcome: text } });
  return prisma.alert.findUniqueOrThrow({ where: { id } });
}

/**
 * Alerts nobody has acknowledged within `hours` go up to the street: marked escalated once, with a
 * notice to the street officers covering the community.
 */
export async function escalateAlerts(prisma: PrismaClient, now: Date, hours: number) {
  const due = await prisma.alert.findMany({
    where: { status: 'RAISED', escalatedAt: null, raisedAt: { lt: new Date(now.getTime() - hours * 3600_000) } },
    include: { community: true, elder: true },
  });
  let escalated = 0;
  for (const a of due) {
    const n = await prisma.alert.updateMany({
      where: { id: a.id, status: 'RAISED', escalatedAt: null },
      data: { escalatedAt: now },
    });
    if (n.count !== 1) continue;
    escalated += 1;
    const officers = await prisma.user.findMany({
      where: { role: 'STREET_OFFICER', active: true },
      include: { region: true },
    });
    await notify(
      prisma,
      officers.filter((u) => u.region && pathWithin(a.community.path, u.region.path)).map((u) => u.id),
      {
        elderId: a.elderId,
        kind: 'ALERT_ESCALATED',
        title: `告警 ${hours} 小时无人确认：${ALERT_LABELS[a.kind as AlertKind]}`,
        body: `${a.community.name} ${a.elder.name}：${ALERT_LABELS[a.kind as AlertKind]}，${hours} 小时内社区无人确认，请督促处理。`,
        dedupe: `alert:${a.id}:escalated`,
      },
    );
  }
  return escalated;
}

const HOUR_MS = 3_600_000;

/**
 * What happened, in one line a worker can act on: the complaint's own words (numbers in it masked)
 * and its deadline (000 六 4: 48 小时内处理), the unanswered calls and their window (000 六 5), the days
 * without an order, the balance left. Safe for a group chat: no name, phone or address of the elder.
 */
export async function alertSummary(prisma: PrismaClient, alert: { kind: string; detail: unknown }): Promise<string> {
  const d = (alert.detail ?? {}) as Record<string, unknown>;
  const num = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : undefined);
  switch (alert.kind as AlertKind) {
    case 'COMPLAINT':
    case 'SLA_BREACH': {
      const c =
        typeof d.complaintId === 'string' ? await prisma.complaint.findUnique({ where: { id: d.complaintId } }) : null;
      if (!c) return ALERT_LABELS[alert.kind as AlertKind];
      const words = Array.from(maskNumbersIn(c.content.replace(/\s+/g, ' ').trim()));
      const quote = words.length > 60 ? `${words.slice(0, 60).join('')}…` : words.join('');
      const hours = Math.round((c.dueAt.getTime() - c.createdAt.getTime()) / HOUR_MS);
      const late = alert.kind === 'SLA_BREACH' ? (d.overdue ? '，已超时' : '，即将超时') : '';
      return `投诉：“${quote}”，须在 ${formatShanghaiCn(c.dueAt)} 前处理（${hours} 小时时限${late}）`;
    }
    case 'MISSED_CONTACT': {
      const n = num('unanswered');
      const h = num('windowHours');
      return n && h ? `${h} 小时内 ${n} 次电话未接通，请上门看看` : ALERT_LABELS.MISSED_CONTACT;
    }
    case 'NO_RECENT_ORDER': {
      const days = num('days');
      const last = typeof d.lastOrderAt === 'string' ? `（上次下单 ${formatShanghaiCn(new Date(d.lastOrderAt))}）` : '';
      return days ? `连续 ${days} 天没有下单${last}，请了解情况` : ALERT_LABELS.NO_RECENT_ORDER;
    }
    case 'LOW_BALANCE': {
      const fen = num('availableFen');
      const minutes = num('availableMinutes');
      if (fen === undefined) return ALERT_LABELS.LOW_BALANCE;
      return `余额不足：可用 ${yuanText(fen)}${minutes ? `，免费时长 ${minutes} 分钟` : ''}`;
    }
    case 'VISIT_PACE': {
      const confirmed = num('confirmed');
      const expected = num('expectedByNow');
      const required = num('required');
      if (confirmed === undefined || expected === undefined || required === undefined) return ALERT_LABELS.VISIT_PACE;
      return `上门服务进度落后：已确认 ${confirmed} 次，按进度应达 ${expected} 次，${String(d.by ?? '')} 前须满 ${required} 次，请督促服务机构`;
    }
    default:
      return ALERT_LABELS[alert.kind as AlertKind] ?? '告警';
  }
}
