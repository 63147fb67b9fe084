import type { Actor } from './actor.js';
import { audit } from '../audit/index.js';
import type { Role } from '../common/enums.js';
import { ErrorCode, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { claimPasswordAttempt, passwordAccepted } from './auth.store.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import type { TokenService } from './token.js';
import { WechatCodeError, type WechatSessionClient } from './wechat.client.js';

// After this many wrong passwords in a row the account waits LOCK_MINUTES (RATE_LIMITED).
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface AuthResult {
  token: string;
  expiresAt: Date;
  userId: string;
}

const WRONG_CREDENTIALS = '用户名或密码不正确。';

/**
 * Staff login. Each check is claimed in the database before the hash is compared, and the fifth
 * claim in a row locks the account for LOCK_MINUTES: a burst of parallel guesses gets five checks,
 * then RATE_LIMITED (with details.retryAfterSeconds), even for the right password.
 */
export async function passwordLogin(
  prisma: PrismaClient,
  tokens: TokenService,
  input: { username: string; password: string },
  now: Date,
): Promise<AuthResult> {
  const username = input.username.trim();
  if (!username || !input.password) fail(ErrorCode.BAD_USER_INPUT, '请输入用户名和密码。');
  const user = await prisma.user.findUnique({ where: { username } });
  if (!user || !user.passwordHash || !user.active) {
    await verifyPassword(input.password, await dummyPasswordHash());
    return fail(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
  }
  const claim = await claimPasswordAttempt(
    prisma,
    user.id,
    now,
    MAX_FAILED_LOGINS,
    new Date(now.getTime() + LOCK_MINUTES * 60_000),
  );
  if (!claim) {
    const { lockedUntil } = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { lockedUntil: true },
    });
    const seconds = Math.max(1, Math.ceil(((lockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
    return fail(
      ErrorCode.RATE_LIMITED,
      `密码错误次数过多，账号已暂时锁定，请 ${Math.ceil(seconds / 60)} 分钟后再试。`,
      { retryAfterSeconds: seconds },
    );
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    await audit(prisma, null, {
      action: 'LOGIN_FAILED',
      entity: 'User',
      entityId: user.id,
      detail: { failed: claim.attempt, locked: claim.locks },
    });
    return fail(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
  }
  await passwordAccepted(prisma, user.id, now);
  const { token, expiresAt } = await tokens.sign({ sub: user.id, role: user.role });
  return { token, expiresAt, userId: user.id };
}

/**
 * Mini-program login: code2session, then the user bound to that openid. A first-time WeChat user
 * becomes a FAMILY account with no elders yet; a community worker's link code attaches elders.
 */
export async function wechatLogin(
  prisma: PrismaClient,
  tokens: TokenService,
  wechat: WechatSessionClient,
  code: string,
  now: Date,
): Promise<AuthResult> {
  if (!code?.trim()) fail(ErrorCode.BAD_USER_INPUT, '缺少微信登录凭证，请重新进入小程序。');
  let session;
  try {
    session = await wechat.code2Session(code.trim());
  } catch (err) {
    if (err instanceof WechatCodeError)
      return fail(ErrorCode.UNAUTHENTICATED, '微信登录凭证无效或已过期，请重新进入小程序。');
    throw err;
  }
  const user = await prisma.user.upsert({
    where: { wechatOpenId: session.openId },
    create: { wechatOpenId: session.openId, wechatUnionId: session.unionId, displayName: '微信用户', role: 'FAMILY' },
    update: { lastLoginAt: now },
  });
  if (!user.active) fail(ErrorCode.FORBIDDEN, '该账号已停用，请联系社区工作人员。');
  const { token, expiresAt } = await tokens.sign({ sub: user.id, role: user.role });
  return { token, expiresAt, userId: user.id };
}

/** Resolves a verified token subject to the acting user and their scope; null if gone or disabled. */
export async function loadActor(prisma: PrismaClient, userId: string): Promise<Actor | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { region: { select: { path: true } } } });
  if (!user || !user.active) return null;
  return {
    userId: user.id,
    role: user.role as Role,
    displayName: user.displayName,
    regionPath: user.region?.path,
    providerId: user.providerId ?? undefined,
    elderId: user.elderId ?? undefined,
    qaAgencyId: user.qaAgencyId ?? undefined,
  };
}

export async function findUser(prisma: PrismaClient, id: string) {
  return prisma.user.findUnique({ where: { id } });
}

/**
 * The caller behind an `Authorization: Bearer` header: null without one; UNAUTHENTICATED (401)
 * for an expired or forged token or a deactivated user. Used by GraphQL, WebSockets and files.
 */
export async function actorFromAuthorization(
  deps: { tokens: TokenService; actors: { get(userId: string): Promise<Actor | null> } },
  authorization: string | undefined,
): Promise<Actor | null> {
  const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (!token) return null;
  const claims = await deps.tokens.verify(token);
  const actor = claims ? await deps.actors.get(claims.sub) : null;
  if (!actor) fail(ErrorCode.UNAUTHENTICATED, '登录已过期或无效，请重新登录。', undefined);
  return actor;
}
