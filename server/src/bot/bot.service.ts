// The group-chat bot's server side. The bot is a client of this API with its own service account
// (role BOT); a community worker binds their WeChat contact, and a group to their community, with
// one-time codes; afterwards the bot acts for the worker (their scope, narrowed to the room's
// community) and the channel is recorded as BOT.
import type { Actor } from '../auth/actor.js';
import { loadActor } from '../auth/auth.service.js';
import { ErrorCode, fail } from '../common/errors.js';
import { digitCode, hashCode } from '../common/one-time-code.js';
import type { PrismaClient } from '../db/prisma.js';
import { pathWithin } from '../regions/regions.service.js';

const CODE_TTL_MS = 10 * 60_000;
const CODES_PER_HOUR = 5;

export const codeHash = (secret: string, code: string) => hashCode(secret, 'bot-binding', code);

/** A worker asks for a 6-digit code to bind their WeChat (WORKER) or a group (ROOM); 10 minutes, once. */
export async function issueBindingCode(prisma: PrismaClient, secret: string, actor: Actor, purpose: 'WORKER' | 'ROOM', now: Date) {
  if (actor.role !== 'COMMUNITY_WORKER' || !actor.regionPath) fail(ErrorCode.FORBIDDEN, '绑定码由社区（村）工作人员领取。');
  const community = await prisma.region.findFirst({ where: { path: actor.regionPath } });
  if (!community) return fail(ErrorCode.FORBIDDEN);
  const recent = await prisma.botBindingCode.count({ where: { userId: actor.userId, createdAt: { gt: new Date(now.getTime() - 3600_000) } } });
  if (recent >= CODES_PER_HOUR) fail(ErrorCode.RATE_LIMITED, '一小时内最多领取 5 个绑定码，请稍后再试。');
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = digitCode();
    try {
      const row = await prisma.botBindingCode.create({ data: { codeHash: codeHash(secret, code), userId: actor.userId, purpose, communityId: community.id, expiresAt: new Date(now.getTime() + CODE_TTL_MS), createdAt: now } });
      return { code, purpose, expiresAt: row.expiresAt };
    } catch (err) {
      if ((err as { code?: string }).code !== 'P2002') throw err;
    }
  }
  return fail(ErrorCode.INTERNAL_SERVER_ERROR);
}

async function claimCode(prisma: PrismaClient, secret: string, code: string, purpose: 'WORKER' | 'ROOM', now: Date) {
  const row = await prisma.botBindingCode.findUnique({ where: { codeHash: codeHash(secret, (code ?? '').trim()) } });
  const claimed = row && row.purpose === purpose ? await prisma.botBindingCode.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } }) : { count: 0 };
  if (!row || claimed.count !== 1) fail(ErrorCode.BAD_USER_INPUT, purpose === 'WORKER' ? '绑定码无效或已过期，请在工作台重新领取“绑定本人”的绑定码。' : '绑定码无效或已过期，请在工作台重新领取“绑定群”的绑定码。', { field: 'code' });
  return row!;
}

function requireBot(actor: Actor) {
  if (actor.role !== 'BOT') fail(ErrorCode.FORBIDDEN, '仅限群机器人调用。');
}

/** `绑定 123456` sent privately: the contact becomes the worker's. A contact binds one worker. */
export async function bindWorker(prisma: PrismaClient, secret: string, actor: Actor, input: { code: string; contactId: string; contactName: string }, now: Date) {
  requireBot(actor);
  const code = await claimCode(prisma, secret, input.code, 'WORKER', now);
  await prisma.$transaction([
    prisma.botWorkerBinding.deleteMany({ where: { OR: [{ contactId: input.contactId }, { userId: code.userId }] } }),
    prisma.botWorkerBinding.create({ data: { contactId: input.contactId, contactName: input.contactName, userId: code.userId } }),
  ]);
  return workerOf(prisma, input.contactId);
}

/** `绑定群 123456` sent in the group by the worker who got the code: the group follows their community. */
export async function bindRoom(prisma: PrismaClient, secret: string, actor: Actor, input: { code: string; roomId: string; topic: string; contactId: string }, now: Date) {
  requireBot(actor);
  const binding = await prisma.botWorkerBinding.findUnique({ where: { contactId: input.contactId } });
  const code = await claimCode(prisma, secret, input.code, 'ROOM', now);
  if (!binding || binding.userId !== code.userId) fail(ErrorCode.FORBIDDEN, '请领取绑定码的工作人员本人在群里发送“绑定群”。');
  await prisma.botRoomBinding.upsert({
    where: { roomId: input.roomId },
    create: { roomId: input.roomId, topic: input.topic, communityId: code.communityId, boundById: code.userId },
    update: { topic: input.topic, communityId: code.communityId, boundById: code.userId },
  });
  return roomOf(prisma, input.roomId, input.topic);
}

async function workerOf(prisma: PrismaClient, contactId: string, contactName?: string) {
  let binding = await prisma.botWorkerBinding.findUnique({ where: { contactId } });
  if (!binding && contactName) {
    // The puppet gave the contact a new id: rebind by name when exactly one binding has it.
    const byName = await prisma.botWorkerBinding.findMany({ where: { contactName } });
    if (byName.length === 1) binding = await prisma.botWorkerBinding.update({ where: { id: byName[0]!.id }, data: { contactId } });
  }
  if (!binding) return null;
  const user = await prisma.user.findUnique({ where: { id: binding.userId }, include: { region: true } });
  if (!user?.active || !user.region) return null;
  return { userId: user.id, displayName: user.displayName, communityCode: user.region.code, communityName: user.region.name };
}

async function roomOf(prisma: PrismaClient, roomId: string, topic?: string) {
  let room = await prisma.botRoomBinding.findUnique({ where: { roomId } });
  if (!room && topic) {
    const byTopic = await prisma.botRoomBinding.findMany({ where: { topic } });
    if (byTopic.length === 1) room = await prisma.botRoomBinding.update({ where: { id: byTopic[0]!.id }, data: { roomId } });
  }
  if (!room) return null;
  const community = await prisma.region.findUniqueOrThrow({ where: { id: room.communityId } });
  return { roomId: room.roomId, topic: room.topic, communityCode: community.code, communityName: community.name };
}

/** Who is talking and where: the bot asks before each command. */
export async function botContext(prisma: PrismaClient, actor: Actor, input: { contactId: string; contactName?: string | null; roomId?: string | null; topic?: string | null }) {
  requireBot(actor);
  return {
    worker: await workerOf(prisma, input.contactId, input.contactName ?? undefined),
    room: input.roomId ? await roomOf(prisma, input.roomId, input.topic ?? undefined) : null,
  };
}

/** Every bound group, for posting alerts to the right one. */
export async function botRooms(prisma: PrismaClient, actor: Actor) {
  requireBot(actor);
  const rooms = await prisma.botRoomBinding.findMany({ orderBy: { id: 'asc' } });
  const regions = new Map((await prisma.region.findMany({ where: { id: { in: rooms.map((r) => r.communityId) } } })).map((r) => [r.id, r]));
  return rooms.map((r) => ({ roomId: r.roomId, topic: r.topic, communityCode: regions.get(r.communityId)!.code, communityName: regions.get(r.communityId)!.name }));
}

/**
 * The actor a BOT request acts as: the worker bound to the contact, narrowed to the room's
 * community when the command comes from a group (FORBIDDEN when the group is another community's).
 */
export async function actingActor(prisma: PrismaClient, bot: Actor, contactId: string, roomId?: string): Promise<Actor> {
  const binding = await prisma.botWorkerBinding.findUnique({ where: { contactId } });
  if (!binding) return fail(ErrorCode.UNAUTHENTICATED, '您还没有绑定，请私聊我发送“绑定 6位绑定码”（绑定码在工作台领取）。');
  const worker = await loadActor(prisma, binding.userId);
  if (!worker || !worker.regionPath) return fail(ErrorCode.UNAUTHENTICATED, '您的账号已停用，请联系管理员。');
  let regionPath = worker.regionPath;
  if (roomId) {
    const room = await prisma.botRoomBinding.findUnique({ where: { roomId } });
    if (!room) return fail(ErrorCode.FORBIDDEN, '这个群还没有绑定社区，请工作人员发送“绑定群 6位绑定码”。');
    const community = await prisma.region.findUniqueOrThrow({ where: { id: room.communityId } });
    if (!pathWithin(community.path, worker.regionPath)) fail(ErrorCode.FORBIDDEN, '这个群属于其他社区，您不能在这里办理。');
    regionPath = community.path;
  }
  return { ...worker, regionPath, channel: 'BOT', viaUserId: bot.userId };
}

/**
 * Alerts of bound communities raised since `since` (default: the last 24 hours) that have not yet
 * been posted to every group of their community, oldest first, with the groups still missing them.
 */
export async function undeliveredAlerts(prisma: PrismaClient, actor: Actor, since: Date) {
  requireBot(actor);
  const rooms = await prisma.botRoomBinding.findMany();
  if (!rooms.length) return [];
  const alerts = await prisma.alert.findMany({
    where: { communityId: { in: [...new Set(rooms.map((r) => r.communityId))] }, raisedAt: { gt: since }, status: { not: 'RESOLVED' } },
    orderBy: { id: 'asc' },
    take: 200,
  });
  const delivered = await prisma.botAlertDelivery.findMany({ where: { alertId: { in: alerts.map((a) => a.id) } } });
  const done = new Set(delivered.map((d) => `${d.alertId}|${d.roomId}`));
  return alerts
    .map((a) => ({ alert: a, roomIds: rooms.filter((r) => r.communityId === a.communityId && !done.has(`${a.id}|${r.roomId}`)).map((r) => r.roomId) }))
    .filter((x) => x.roomIds.length);
}

/** The bot reports a posted alert; reporting twice is harmless. */
export async function alertDelivered(prisma: PrismaClient, actor: Actor, alertId: string, roomId: string, now: Date) {
  requireBot(actor);
  await prisma.botAlertDelivery.createMany({ data: [{ alertId, roomId, deliveredAt: now }], skipDuplicates: true });
  return true;
}
