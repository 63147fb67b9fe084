import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { DEMO_FAMILY_WECHAT_CODE, DEMO_PASSWORD } from '../seed/seed.js';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from './auth.service.js';

let t: TestServer;
let clock = Date.now();
beforeAll(async () => {
  t = await startTestServer();
  t.app.services.clock = () => new Date(clock);
});
afterAll(async () => t?.close());

const LOGIN =
  'mutation($u:String!,$p:String!){ passwordLogin(username:$u,password:$p){ token expiresAt user { id role ' +
  'displayName } } }';

describe('passwordLogin', () => {
  it('logs a demo account in and `me` answers with its role', async () => {
    const r = await t.gql(LOGIN, { u: 'worker', p: DEMO_PASSWORD });
    expect(r.errors).toBeUndefined();
    expect(r.data!.passwordLogin.user.role).toBe('COMMUNITY_WORKER');
    const me = await t.gql('{ me { id role displayName region { code level } } }', {}, r.data!.passwordLogin.token);
    expect(me.data!.me.id).toBe(r.data!.passwordLogin.user.id);
    expect(me.data!.me.region.level).toBe('COMMUNITY');
  });

  it('refuses a wrong password and an unknown user with the same Chinese message', async () => {
    const wrong = await t.gql(LOGIN, { u: 'worker2', p: 'nope' });
    const unknown = await t.gql(LOGIN, { u: 'nobody', p: 'nope' });
    expect(wrong.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
    expect(wrong.errors![0].message).toMatch(/用户名或密码不正确/);
  });

  it(`locks an account after ${MAX_FAILED_LOGINS} wrong passwords, even against the right one`, async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await t.gql(LOGIN, { u: 'qa', p: `wrong-${i}` });
    const r = await t.gql(LOGIN, { u: 'qa', p: DEMO_PASSWORD });
    expect(r.errors![0].extensions!.code).toBe('RATE_LIMITED');
    const failures = await t.db.prisma.auditLog.count({ where: { action: 'LOGIN_FAILED' } });
    expect(failures).toBeGreaterThanOrEqual(MAX_FAILED_LOGINS);
  });

  it(
    `30 parallel wrong passwords get ${MAX_FAILED_LOGINS} checks and lock the account; the right one waits ` +
      `out the lock`,
    async () => {
      const user = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'operator' } });
      const burst = await Promise.all(
        Array.from({ length: 30 }, (_, i) => t.gql(LOGIN, { u: 'operator', p: `guess-${i}` })),
      );
      const codes = burst.map((r) => r.errors![0].extensions!.code);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(MAX_FAILED_LOGINS);
      expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(30 - MAX_FAILED_LOGINS);
      // Only the claimed attempts reached the password check (each wrong check is audited).
      expect(await t.db.prisma.auditLog.count({ where: { action: 'LOGIN_FAILED', entityId: user.id } })).toBe(
        MAX_FAILED_LOGINS,
      );
      const locked = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(locked.lockedUntil!.getTime()).toBe(clock + LOCK_MINUTES * 60_000);

      const during = await t.gql(LOGIN, { u: 'operator', p: DEMO_PASSWORD });
      expect(during.errors![0].extensions!.code).toBe('RATE_LIMITED');
      expect(during.errors![0].message).toBe(`密码错误次数过多，账号已暂时锁定，请 ${LOCK_MINUTES} 分钟后再试。`);
      expect(during.errors![0].extensions!.details).toEqual({ retryAfterSeconds: LOCK_MINUTES * 60 });
      clock += LOCK_MINUTES * 60_000 - 1000;
      expect((await t.gql(LOGIN, { u: 'operator', p: DEMO_PASSWORD })).errors![0].extensions!.code).toBe(
        'RATE_LIMITED',
      );

      clock += 1000;
      const after = await t.gql(LOGIN, { u: 'operator', p: DEMO_PASSWORD });
      expect(after.errors).toBeUndefined();
      expect(after.data!.passwordLogin.user.id).toBe(user.id);
      expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: new Date(clock),
      });
    },
  );

  it('a right password ends the run of failures, so the next wrong ones start counting again', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) await t.gql(LOGIN, { u: 'street_officer', p: `wrong-${i}` });
    expect((await t.gql(LOGIN, { u: 'street_officer', p: DEMO_PASSWORD })).errors).toBeUndefined();
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) await t.gql(LOGIN, { u: 'street_officer', p: `wrong-${i}` });
    expect((await t.gql(LOGIN, { u: 'street_officer', p: DEMO_PASSWORD })).errors).toBeUndefined();
  });

  it('stores passwords only as scrypt hashes', async () => {
    const users = await t.db.prisma.user.findMany({ where: { passwordHash: { not: null } } });
    expect(users.length).toBeGreaterThan(5);
    for (const u of users) {
      expect(u.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(u.passwordHash).not.toContain(DEMO_PASSWORD);
    }
  });

  it('rejects a forged or garbage token with 401 UNAUTHENTICATED', async () => {
    const r = await t.gql('{ me { id } }', {}, 'not.a.token');
    expect(r.status).toBe(401);
    expect(r.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token without exp even when it is signed with the server key', async () => {
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' } });
    const key = new TextEncoder().encode(t.app.services.config.secrets.jwtSecret);
    const token = (exp?: number) => {
      const jwt = new SignJWT({ role: user.role })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user.id)
        .setIssuer('yilian')
        .setAudience('yilian-api')
        .setIssuedAt();
      return (exp ? jwt.setExpirationTime(exp) : jwt).sign(key);
    };
    const forever = await t.gql('{ me { id } }', {}, await token());
    expect(forever.status).toBe(401);
    expect(forever.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(forever.errors![0].message).toMatch(/登录已过期或无效/);
    // The same token with an expiry is accepted, so it is the missing exp that is refused.
    const dated = await t.gql('{ me { id } }', {}, await token(Math.floor(Date.now() / 1000) + 600));
    expect(dated.data!.me.id).toBe(user.id);
  });

  it('rejects empty credentials as BAD_USER_INPUT', async () => {
    const r = await t.gql(LOGIN, { u: ' ', p: '' });
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('wechatLogin (sandbox code2session)', () => {
  const WX = 'mutation($c:String!){ wechatLogin(code:$c){ token user { id role displayName } } }';

  it('logs the demo family member in by the sandbox code and shows their elders', async () => {
    const r = await t.gql(WX, { c: DEMO_FAMILY_WECHAT_CODE });
    expect(r.data!.wechatLogin.user.role).toBe('FAMILY');
    const elders = await t.gql('{ elders { totalCount } }', {}, r.data!.wechatLogin.token);
    expect(elders.data!.elders.totalCount).toBe(2);
  });

  it(
    'makes a first-time WeChat user a FAMILY account with no elders, and the same code returns the same ' + 'user',
    async () => {
      const a = await t.gql(WX, { c: 'fresh-user-code' });
      const b = await t.gql(WX, { c: 'fresh-user-code' });
      expect(a.data!.wechatLogin.user.id).toBe(b.data!.wechatLogin.user.id);
      const elders = await t.gql('{ elders { totalCount } }', {}, a.data!.wechatLogin.token);
      expect(elders.data!.elders.totalCount).toBe(0);
    },
  );

  it('refuses an invalid code with UNAUTHENTICATED and creates no user', async () => {
    const before = await t.db.prisma.user.count();
    const r = await t.gql(WX, { c: 'invalid-code' });
    expect(r.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(r.errors![0].message).toMatch(/微信登录凭证/);
    const bad = await t.gql(WX, { c: 'has spaces and 中文' });
    expect(bad.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await t.db.prisma.user.count()).toBe(before);
  });
});
