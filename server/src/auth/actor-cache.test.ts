// The account behind a token is reused for a few seconds instead of read on every request
// (issue 22), and an account disabled in the database still loses access once that time is up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';

const ME = '{ me { id role } }';

describe('successful: the account is read once and reused', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ sessionCacheMs: 60_000 });
  }, 300_000);
  afterAll(async () => s?.close());

  it('a second request with the same token reads no user and no region', async () => {
    const token = await s.login('family');
    const sql: string[] = [];
    s.db.stats.onStatement = (q) => sql.push(q);
    expect((await s.gql(ME, {}, token)).data?.me.role).toBe('FAMILY');
    const first = sql.filter((q) => /FROM "public"\."(User|Region)"/.test(q)).length;
    sql.length = 0;
    expect((await s.gql(ME, {}, token)).data?.me.role).toBe('FAMILY');
    s.db.stats.onStatement = undefined;
    // `me` itself reads the user row for its fields; the token's account check does not.
    expect(first).toBeGreaterThan(sql.filter((q) => /FROM "public"\."(User|Region)"/.test(q)).length);
  });
});

describe('failing: a disabled account loses access', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ sessionCacheMs: 300 });
  }, 300_000);
  afterAll(async () => s?.close());

  it('within the cache lifetime, and never after it', async () => {
    const token = await s.login('family');
    expect((await s.gql(ME, {}, token)).errors).toBeUndefined();
    await s.db.prisma.user.update({ where: { username: 'family' }, data: { active: false } });
    await new Promise((r) => setTimeout(r, 400));
    const r = await s.gql(ME, {}, token);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0]?.message).toBe('登录已过期或无效，请重新登录。');
  });

  it('at once when the cache is off (SESSION_CACHE_MS=0)', async () => {
    const off = await startTestServer({ sessionCacheMs: 0 });
    try {
      const token = await off.login('family');
      expect((await off.gql(ME, {}, token)).errors).toBeUndefined();
      await off.db.prisma.user.update({ where: { username: 'family' }, data: { active: false } });
      expect((await off.gql(ME, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await off.close();
    }
  }, 300_000);
});
