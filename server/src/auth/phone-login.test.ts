// H5 login by phone and SMS code: codes are single-use, short-lived, counted, rate-limited, and the
// sandbox hands the code back only in demo mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { MAX_CODE_ATTEMPTS } from './phone-login.service.js';
import type { SandboxSmsSender } from './sms.js';

let s: TestServer;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const REQUEST = `mutation($p: String!) { requestLoginCode(phone: $p) { phone expiresAt resendAt sandboxCode } }`;
const LOGIN = `mutation($p: String!, $c: String!) { phoneLogin(phone: $p, code: $c) { token user { id role displayName
  } } }`;
type Req = { requestLoginCode: { phone: string; sandboxCode: string | null; expiresAt: string; resendAt: string } };
let clock = Date.now();

beforeAll(async () => {
  s = await startTestServer();
  s.app.services.clock = () => new Date(clock);
});
afterAll(async () => s?.close());

describe('phone login', () => {
  it('sends a code, logs in once with it, and makes a first-time number a FAMILY account', async () => {
    const r = await s.gql<Req>(REQUEST, { p: '+86 139-0000-1111' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.requestLoginCode.phone).toBe('13900001111');
    const c = r.data!.requestLoginCode.sandboxCode!;
    expect(c).toMatch(/^\d{6}$/);
    expect((s.app.services.sms as SandboxSmsSender).sent.at(-1)!.text).toContain(c);
    const ok = await s.gql<{ phoneLogin: { token: string; user: { role: string; displayName: string } } }>(LOGIN, {
      p: '13900001111',
      c,
    });
    expect(ok.data!.phoneLogin.user).toMatchObject({ role: 'FAMILY', displayName: '用户1111' });
    const me = await s.gql<{ me: { role: string } }>('{ me { role } }', {}, ok.data!.phoneLogin.token);
    expect(me.data!.me.role).toBe('FAMILY');
    expect(code(await s.gql(LOGIN, { p: '13900001111', c }))).toBe('UNAUTHENTICATED');
    expect(await s.db.prisma.user.count({ where: { phone: '13900001111' } })).toBe(1);
  });

  it('logs an existing family member into their own account', async () => {
    const family = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'family' } });
    await s.db.prisma.user.update({ where: { id: family.id }, data: { phone: '13900002222' } });
    clock += 61_000;
    const c = (await s.gql<Req>(REQUEST, { p: '13900002222' })).data!.requestLoginCode.sandboxCode!;
    const ok = await s.gql<{ phoneLogin: { user: { id: string } } }>(LOGIN, { p: '13900002222', c });
    expect(ok.data!.phoneLogin.user.id).toBe(family.id);
  });

  it(
    'refuses bad numbers and codes, resends within a minute, five wrong guesses, expired and superseded ' + 'codes',
    async () => {
      expect(code(await s.gql(REQUEST, { p: '12345' }))).toBe('BAD_USER_INPUT');
      expect(code(await s.gql(REQUEST, { p: '10000000000' }))).toBe('BAD_USER_INPUT');
      expect(code(await s.gql(LOGIN, { p: '13900003333', c: 'abc' }))).toBe('BAD_USER_INPUT');
      clock += 61_000;
      const first = (await s.gql<Req>(REQUEST, { p: '13900003333' })).data!.requestLoginCode.sandboxCode!;
      const again = await s.gql(REQUEST, { p: '13900003333' });
      expect(code(again)).toBe('RATE_LIMITED');
      expect(again.errors![0]!.message).toMatch(/秒后/);
      clock += 61_000;
      const second = (await s.gql<Req>(REQUEST, { p: '13900003333' })).data!.requestLoginCode.sandboxCode!;
      if (first !== second) expect(code(await s.gql(LOGIN, { p: '13900003333', c: first }))).toBe('UNAUTHENTICATED');
      const wrong = second === '000000' ? '000001' : '000000';
      for (let i = 0; i < 5; i++)
        expect(code(await s.gql(LOGIN, { p: '13900003333', c: wrong }))).toBe('UNAUTHENTICATED');
      // Void after five wrong guesses, even with the right code.
      expect(code(await s.gql(LOGIN, { p: '13900003333', c: second }))).toBe('UNAUTHENTICATED');
      clock += 61_000;
      const third = (await s.gql<Req>(REQUEST, { p: '13900003333' })).data!.requestLoginCode.sandboxCode!;
      clock += 6 * 60_000;
      expect(code(await s.gql(LOGIN, { p: '13900003333', c: third }))).toBe('UNAUTHENTICATED');
      expect(await s.db.prisma.user.count({ where: { phone: '13900003333' } })).toBe(0);
    },
  );

  it(
    `30 parallel wrong codes: only ${MAX_CODE_ATTEMPTS} are checked, then the code is void, even for the ` +
      `right digits`,
    async () => {
      clock += 61_000;
      const right = (await s.gql<Req>(REQUEST, { p: '13900006666' })).data!.requestLoginCode.sandboxCode!;
      const wrong = (i: number) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0');
      const burst = await Promise.all(
        Array.from({ length: 30 }, (_, i) => s.gql(LOGIN, { p: '13900006666', c: wrong(i) })),
      );
      expect(burst.map(code)).toEqual(Array(30).fill('UNAUTHENTICATED'));
      const row = await s.db.prisma.accessCode.findFirstOrThrow({
        where: { purpose: 'PHONE_LOGIN', subject: '13900006666' },
      });
      // Each guess is counted before it is compared, so the count is the number of comparisons.
      expect(row.attempts).toBe(MAX_CODE_ATTEMPTS);
      const late = await s.gql(LOGIN, { p: '13900006666', c: right });
      expect(code(late)).toBe('UNAUTHENTICATED');
      expect(late.errors![0]!.message).toBe('验证码不正确或已过期，请重新获取。');
      expect((await s.db.prisma.accessCode.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(
        MAX_CODE_ATTEMPTS,
      );
      expect(await s.db.prisma.user.count({ where: { phone: '13900006666' } })).toBe(0);
    },
  );

  it('one code, two simultaneous logins: exactly one succeeds', async () => {
    clock += 61_000;
    const c = (await s.gql<Req>(REQUEST, { p: '13900004444' })).data!.requestLoginCode.sandboxCode!;
    const both = await Promise.all([s.gql(LOGIN, { p: '13900004444', c }), s.gql(LOGIN, { p: '13900004444', c })]);
    expect(both.filter((r) => !r.errors).length).toBe(1);
    expect(await s.db.prisma.user.count({ where: { phone: '13900004444' } })).toBe(1);
  });
});

describe('outside demo mode', () => {
  it('the SMS sandbox refuses, so no code is ever revealed', async () => {
    const prod = await startTestServer({ demo: false });
    try {
      const r = await prod.gql(REQUEST, { p: '13900005555' });
      expect(code(r)).toBe('FORBIDDEN');
      expect(await prod.db.prisma.accessCode.count()).toBe(0);
    } finally {
      await prod.close();
    }
  });
});
