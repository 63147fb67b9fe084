// The group-chat bot's server side. The bot is a client of this API with its own service account
// (role BOT); a community worker binds their WeChat contact, and a group to their community, with
// one-time codes, and only with them; afterwards the bot acts for the worker (auth/bot-acting-for.ts:
// their scope, narrowed to the room's community) and the channel is recorded as BOT. Each BOT
// account is one deployment: it sees only the bindings made through it.
import { type Actor, authorize } from '../auth/index.js';
import { ErrorCode, fail, isUniqueViolation } from '../common/errors.js';
import { digitCode, hashCode } from '../common/one-time-code.js';
import type { PrismaClient } from '../db/prisma.js';

const CODE_TTL_MS = 10 * 60_000;
const CODES_PER_HOUR = 5;

export const codeHash = (secret: string, code: string) => hashCode(secret, 'bot-binding', code);

/** A worker asks for a 6-digit code to bind their WeChat (WORKER) or a group (ROOM); 10 minutes, once. */
export async function issueBindingCode(
  prisma: PrismaClient,
  secret: string,
  actor: Actor,
  purpose: 'WORKER' | 'ROOM',
  now: Date,
) {
  authorize(actor, 'issueBotBindingCode');
  const community = await prisma.region.findFirst({ where: { path: actor.regionPath } });
  if (!community) return fail(ErrorCode.FORBIDDEN);
  const recent = await prisma.botBindingCode.count({
    where: { userId: actor.userId, createdAt: { gt: new Date(now.getTime() - 3600_000) } },
  });
  if (recent >= CODES_PER_HOUR) fail(ErrorCode.RATE_LIMITED, '一小时内最多领取 5 个绑定码，请稍后再试。');
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = digitCode();
    try {
      const row = await prisma.botBindingCode.create({
        data: {
          codeHash: codeHash(secret, code),
          userId: actor.userId,
          purpose,
          communityId: community.id,
          expiresAt: new Date(now.getTime() + CODE_TTL_MS),
          createdAt: now,
        },
      });
      return { code, purpose, expiresAt: row.expiresAt };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return fail(ErrorCode.INTERNAL_SERVER_ERROR);
}

async function claimCode(prisma: PrismaClient, secret: string, code: string, purpose: 'WORKER' | 'ROOM', now: Date) {
  const row = await prisma.botBindingCode.findUnique({ where: { codeHash: codeHash(secret, (code ?? '').trim()) } });
  const claimed =
    row && row.purpose === purpose
      ? await prisma.botBindingCode.updateMany({
          where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        })
      : { count: 0 };
  if (!row || claimed.count !== 1)
    fail(
      ErrorCode.BAD_USER_INPUT,
      purpose === 'WORKER'
        ? '绑定码无效或已过期，请在工作台重新领取“绑定本人”的绑定码。'
        : '绑定码无效或已过期，请在工作台重新领取“绑定群”的绑定码。',
      { field: 'code' },
    );
  return row!;
}

/**
 * `绑定 123456` sent privately: the contact becomes the worker's, for this bot deployment. A
 * contact binds one worker and a worker one contact, so binding again (the puppet gave new ids)
 * replaces the old binding.
 */
export async function bindWorker(
  prisma: PrismaClient,
  secret: string,
  actor: Actor,
  input: { code: string; contactId: string; contactName: string },
  now: Date,
) {
  authorize(actor, 'bindBotWorker');
  const code = await claimCode(prisma, secret, input.code, 'WORKER', now);
  const botUserId = actor.userId;
  await prisma.$transaction([
    prisma.botWorkerBinding.deleteMany({
      where: { botUserId, OR: [{ contactId: input.contactId }, { userId: code.userId }] },
    }),
    prisma.botWorkerBinding.create({
      data: { botUserId, contactId: input.contactId, contactName: input.contactName, userId: code.userId },
    }),
  ]);
  return workerOf(prisma, actor, input.contactId);
}

/** `绑定群 123456` sent in the group by the worker who got the code: the group follows their community. */
export async function bindRoom(
  prisma: PrismaClient,
  secret: string,
  actor: Actor,
  input: { code: string; roomId: string; topic: string; contactId: string },
  now: Date,
) {
  authorize(actor, 'bindBotRoom');
  const botUserId = actor.userId;
  const binding = await prisma.botWorkerBinding.findUnique({
    where: { botUserId_contactId: { botUserId, contactId: input.contactId } },
  });
  const code = await claimCode(prisma, secret, input.code, 'ROOM', now);
  if (!binding || binding.userId !== code.userId)
    fail(ErrorCode.FORBIDDEN, '请领取绑定码的工作人员本人在群里发送“绑定群”。');
  await prisma.botRoomBinding.upsert({
    where: { botUserId_roomId: { botUserId, roomId: input.roomId } },
    create: {
      botUserId,
      roomId: input.roomId,
      topic: input.topic,
      communityId: code.communityId,
      boundById: code.userId,
    },
    update: { topic: input.topic, communityId: code.communityId, boundById: code.userId },
  });
  return roomOf(prisma, actor, input.roomId);
}

// Bindings are looked up by id only: a matching nickname or topic proves nothing.
async function workerOf(prisma: PrismaClient, bot: Actor, contactId: string) {
  const binding = await prisma.botWorkerBinding.findUnique({
    where: { botUserId_contactId: { botUserId: bot.userId, contactId } },
  });
  if (!binding) return null;
  const user = await prisma.user.findUnique({ where: { id: binding.userId }, include: { region: true } });
  if (!user?.active || !user.region) return null;
  return {
    userId: user.id,
    displayName: user.displayName,
    communityCode: user.region.code,
    communityName: user.region.name,
  };
}

async function roomOf(prisma: PrismaClient, bot: Actor, roomId: string) {
  const room = await prisma.botRoomBinding.findUnique({
    where: { botUserId_roomId: { botUserId: bot.userId, roomId } },
  });
  if (!room) return null;
  const community = await prisma.region.findUniqueOrThrow({ where: { id: room.communityId } });
  return { roomId: room.roomId, topic: room.topic, communityCode: community.code, communityName: community.name };
}

/** Who is talking and where: the bot asks before each command. */
export async function botContext(
  prisma: PrismaClient,
  actor: Actor,
  input: { contactId: string; roomId?: string | null },
) {
  authorize(actor, 'botContext');
  return {
    worker: await workerOf(prisma, actor, input.contactId),
    room: input.roomId ? await roomOf(prisma, actor, input.roomId) : null,
  };
}

/** This deployment's bound groups, for posting alerts to the right one. */
export async function botRooms(prisma: PrismaClient, actor: Actor) {
  authorize(actor, 'botRooms');
  const rooms = await prisma.botRoomBinding.findMany({ where: { botUserId: actor.userId }, orderBy: { id: 'asc' } });
  const regions = new Map(
    (await prisma.region.findMany({ where: { id: { in: rooms.map((r) => r.communityId) } } })).map((r) => [r.id, r]),
  );
  return rooms.map((r) => ({
    roomId: r.roomId,
    topic: r.topic,
    communityCode: regions.get(r.communityId)!.code,
    communityName: regions.get(r.communityId)!.name,
  }));
}

/** The communities a bot account has bound groups in: all it sees of alerts when acting for no one. */
export async function botCommunityIds(prisma: PrismaClient, botUserId: string): Promise<string[]> {
  const rows = await prisma.botRoomBinding.findMany({
    where: { botUserId },
    select: { communityId: true },
    distinct: ['communityId'],
  });
  return rows.map((r) => r.communityId);
}

/**
 * Alerts of bound communities raised since `since` (default: the last 24 hours) that have not yet
 * been posted to every group of their community, oldest first, with the groups still missing them.
 */
export async function undeliveredAlerts(prisma: PrismaClient, actor: Actor, since: Date) {
  authorize(actor, 'botUndeliveredAlerts');
  const rooms = await prisma.botRoomBinding.findMany({ where: { botUserId: actor.userId } });
  if (!rooms.length) return [];
  const alerts = await prisma.alert.findMany({
    where: {
      communityId: { in: [...new Set(rooms.map((r) => r.communityId))] },
      raisedAt: { gt: since },
      status: { not: 'RESOLVED' },
    },
    orderBy: { id: 'asc' },
    take: 200,
  });
  const delivered = await prisma.botAlertDelivery.findMany({ where: { alertId: { in: alerts.map((a) => a.id) } } });
  const done = new Set(delivered.map((d) => `${d.alertId}|${d.roomId}`));
  return alerts
    .map((a) => ({
      alert: a,
      roomIds: rooms
        .filter((r) => r.communityId === a.communityId && !done.has(`${a.id}|${r.roomId}`))
        .map((r) => r.roomId),
    }))
    .filter((x) => x.roomIds.length);
}

/** The bot reports a posted alert; reporting twice is harmless. Only for its own groups' alerts. */
export async function alertDelivered(prisma: PrismaClient, actor: Actor, alertId: string, roomId: string, now: Date) {
  authorize(actor, 'botAlertDelivered');
  const room = await prisma.botRoomBinding.findUnique({
    where: { botUserId_roomId: { botUserId: actor.userId, roomId } },
  });
  const alert = room ? await prisma.alert.findFirst({ where: { id: alertId, communityId: room.communityId } }) : null;
  if (!alert) fail(ErrorCode.NOT_FOUND, '没有找到这个群的这条告警。');
  await prisma.botAlertDelivery.createMany({ data: [{ alertId, roomId, deliveredAt: now }], skipDuplicates: true });
  return true;
}
