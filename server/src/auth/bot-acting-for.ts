// Authentication strategy for the group-chat bot. A BOT token with `x-acting-for: <contactId>`
// (and `x-acting-in-room: <roomId>` from a group) acts as the worker whom that contact was bound
// to, by a one-time code, through this same bot account; from a group, narrowed to the group's
// community. Nothing else makes the bot act for anyone: not a nickname, not a group topic, not a
// binding made through another bot deployment.
import type { PrismaClient } from '../db/prisma.js';
import { ErrorCode, fail } from '../common/errors.js';
import { pathWithin } from '../regions/index.js';
import type { Actor } from './actor.js';
import { actorFromAuthorization, loadActor } from './auth.service.js';
import type { ActorCache } from './actor-cache.js';
import type { TokenService } from './token.js';

export interface ActingHeaders {
  contactId?: string;
  roomId?: string;
}

/**
 * The worker a BOT request acts as (channel BOT); UNAUTHENTICATED without a binding, FORBIDDEN in another community's
 * group.
 */
export async function actingFor(prisma: PrismaClient, bot: Actor, contactId: string, roomId?: string): Promise<Actor> {
  const binding = await prisma.botWorkerBinding.findUnique({
    where: { botUserId_contactId: { botUserId: bot.userId, contactId } },
  });
  if (!binding)
    return fail(ErrorCode.UNAUTHENTICATED, '您还没有绑定，请私聊我发送“绑定 6位绑定码”（绑定码在工作台领取）。');
  const worker = await loadActor(prisma, binding.userId);
  if (!worker || !worker.regionPath) return fail(ErrorCode.UNAUTHENTICATED, '您的账号已停用，请联系管理员。');
  let regionPath = worker.regionPath;
  if (roomId) {
    const room = await prisma.botRoomBinding.findUnique({
      where: { botUserId_roomId: { botUserId: bot.userId, roomId } },
    });
    if (!room) return fail(ErrorCode.FORBIDDEN, '这个群还没有绑定社区，请工作人员发送“绑定群 6位绑定码”。');
    const community = await prisma.region.findUniqueOrThrow({ where: { id: room.communityId } });
    if (!pathWithin(community.path, worker.regionPath))
      fail(ErrorCode.FORBIDDEN, '这个群属于其他社区，您不能在这里办理。');
    regionPath = community.path;
  }
  return { ...worker, regionPath, channel: 'BOT', viaUserId: bot.userId };
}

/**
 * The caller of an HTTP request: the bearer token's account, or, for the bot's account with acting
 * headers, the bound worker. Other roles' acting headers mean nothing and are ignored.
 */
export async function authenticateRequest(
  deps: { tokens: TokenService; actors: ActorCache; db: { prisma: PrismaClient } },
  authorization: string | undefined,
  acting: ActingHeaders = {},
): Promise<Actor | null> {
  const actor = await actorFromAuthorization(deps, authorization);
  if (actor?.role !== 'BOT' || !acting.contactId) return actor;
  return actingFor(deps.db.prisma, actor, acting.contactId, acting.roomId);
}
