// H5 login by phone number and SMS code (the mini-program itself uses wx.login). A first-time
// number becomes a FAMILY account with no elders; a community worker's link code attaches them.
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import { digitCode, hashCode } from '../common/one-time-code.js';
import type { PrismaClient } from '../db/prisma.js';
import type { AuthResult } from './auth.service.js';
import { claimCodeAttempt } from './auth.store.js';
import type { SmsSender } from './sms.js';
import type { TokenService } from './token.js';

export const LOGIN_CODE_TTL_MINUTES = 5;
export const RESEND_SECONDS = 60;
const CODES_PER_DAY = 10;
export const MAX_CODE_ATTEMPTS = 5;
const PHONE = /^1[3-9]\d{9}$/;

const normalisePhone = (phone: string) => (phone ?? '').replace(/[\s-]/g, '').replace(/^\+?86/, '');
const subjectHash = (secret: string, phone: string, code: string) => hashCode(secret, `phone-login:${phone}`, code);

export interface LoginCodeRequest {
  phone: string;
  expiresAt: Date;
  resendAt: Date;
  /** Demo mode only: the code the sandbox "sent", so the demo can be used without a phone. */
  sandboxCode: string | null;
}

/**
 * Sends a 6-digit code valid 5 minutes. Refused: a number that is not a mainland mobile
 * (BAD_USER_INPUT); another request within 60 s or more than 10 a day for the number
 * (RATE_LIMITED); the SMS sandbox outside demo mode (FORBIDDEN: no gateway, no SMS login).
 */
export async function requestLoginCode(
  prisma: PrismaClient,
  sms: SmsSender,
  deps: { secret: string; demo: boolean },
  rawPhone: string,
  now: Date,
): Promise<LoginCodeRequest> {
  const phone = normalisePhone(rawPhone);
  if (!PHONE.test(phone)) throw badInput('phone', '请输入 11 位手机号码。');
  if (sms.sandbox && !deps.demo) fail(ErrorCode.FORBIDDEN, '短信验证码登录尚未开通，请在微信中打开小程序登录。');
  const recent = await prisma.accessCode.findMany({
    where: { purpose: 'PHONE_LOGIN', subject: phone, createdAt: { gt: new Date(now.getTime() - 86_400_000) } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const last = recent[0]?.createdAt;
  if (last && now.getTime() - last.getTime() < RESEND_SECONDS * 1000) {
    const wait = Math.ceil((last.getTime() + RESEND_SECONDS * 1000 - now.getTime()) / 1000);
    fail(ErrorCode.RATE_LIMITED, `验证码已发送，请 ${wait} 秒后再重新获取。`, { retryAfterSeconds: wait });
  }
  if (recent.length >= CODES_PER_DAY)
    fail(ErrorCode.RATE_LIMITED, '今天获取验证码的次数太多了，请明天再试或在微信中打开小程序。');
  const code = digitCode();
  const expiresAt = new Date(now.getTime() + LOGIN_CODE_TTL_MINUTES * 60_000);
  // A new code retires the older ones, so only the latest message works.
  await prisma.$transaction([
    prisma.accessCode.updateMany({
      where: { purpose: 'PHONE_LOGIN', subject: phone, usedAt: null },
      data: { usedAt: now },
    }),
    prisma.accessCode.create({
      data: {
        purpose: 'PHONE_LOGIN',
        subject: phone,
        codeHash: subjectHash(deps.secret, phone, code),
        expiresAt,
        createdAt: now,
      },
    }),
  ]);
  await sms.sendLoginCode(phone, code, LOGIN_CODE_TTL_MINUTES);
  return {
    phone,
    expiresAt,
    resendAt: new Date(now.getTime() + RESEND_SECONDS * 1000),
    sandboxCode: sms.sandbox && deps.demo ? code : null,
  };
}

/**
 * Logs in with the latest code sent to the number. Every guess counts against it; after 5 the
 * code is void. Wrong, expired, used or void codes are all UNAUTHENTICATED with one message, so a
 * guesser learns nothing. The account is the number's family or elder account, or a new FAMILY one.
 */
export async function phoneLogin(
  prisma: PrismaClient,
  tokens: TokenService,
  secret: string,
  input: { phone: string; code: string },
  now: Date,
): Promise<AuthResult> {
  const phone = normalisePhone(input.phone);
  if (!PHONE.test(phone)) throw badInput('phone', '请输入 11 位手机号码。');
  if (!/^\d{6}$/.test((input.code ?? '').trim())) throw badInput('code', '请输入短信里的 6 位验证码。');
  const WRONG = '验证码不正确或已过期，请重新获取。';
  // The guess is counted before it is compared, in one statement, so a parallel burst gets no
  // more than MAX_CODE_ATTEMPTS comparisons against a code.
  const row = await claimCodeAttempt(prisma, 'PHONE_LOGIN', phone, now, MAX_CODE_ATTEMPTS);
  if (!row || row.codeHash !== subjectHash(secret, phone, input.code)) return fail(ErrorCode.UNAUTHENTICATED, WRONG);
  const user = await prisma.$transaction(async (tx) => {
    // Claimed under a condition, so two logins racing with one code cannot both pass.
    const claimed = await tx.accessCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) return fail(ErrorCode.UNAUTHENTICATED, WRONG);
    const existing = await tx.user.findFirst({
      where: { phone, role: { in: ['FAMILY', 'ELDER'] } },
      orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
    });
    const user =
      existing ?? (await tx.user.create({ data: { phone, role: 'FAMILY', displayName: `用户${phone.slice(-4)}` } }));
    if (!user.active) fail(ErrorCode.FORBIDDEN, '该账号已停用，请联系社区工作人员。');
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await tx.accessCode.update({ where: { id: row.id }, data: { usedById: user.id } });
    await audit(tx, null, { action: 'PHONE_LOGIN', entity: 'User', entityId: user.id, detail: { created: !existing } });
    return user;
  });
  const { token, expiresAt } = await tokens.sign({ sub: user.id, role: user.role });
  return { token, expiresAt, userId: user.id };
}
