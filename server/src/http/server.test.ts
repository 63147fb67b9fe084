// The HTTP and WebSocket edge: limits, error hygiene, production switches.
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { productionCredentials } from '../testing/production.js';

let dev: TestServer;
let prod: TestServer;
beforeAll(async () => {
  [dev, prod] = await Promise.all([
    startTestServer(),
    startTestServer({ production: true, demo: false, ...productionCredentials() }),
  ]);
});
afterAll(async () => {
  await Promise.all([dev?.close(), prod?.close()]);
});

describe('query limits', () => {
  it('rejects an over-deep query with BAD_USER_INPUT before running it', async () => {
    const deep =
      '{ me { region { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent' +
      ' { code } } } } } } } } } } } } }';
    const r = await dev.gql(deep);
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/请求格式有误/);
  });

  it('rejects an alias flood', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: policies { code }`).join(' ');
    const r = await dev.gql(`{ ${aliases} }`);
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('answers malformed queries and unknown fields with a stable code and no stack trace', async () => {
    for (const q of ['{ policies { code ', '{ nope }']) {
      const r = await dev.gql(q);
      expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(r)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
    }
  });
});

describe('production mode', () => {
  it('turns off introspection, the query page and field suggestions', async () => {
    const r = await prod.gql('{ __schema { types { name } } }');
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect((await fetch(prod.url.replace(/graphql$/, 'admin'))).status).toBe(404);
    const typo = await prod.gql('{ polices { code } }');
    expect(typo.errors![0].message).not.toMatch(/Did you mean/);
    // The development server does offer them.
    expect((await dev.gql('{ __schema { queryType { name } } }')).data!.__schema.queryType.name).toBe('Query');
    expect((await fetch(dev.url.replace(/graphql$/, 'admin'))).status).toBe(200);
  });
});

describe('graphql-ws on the same path', () => {
  const wsUrl = () => dev.url.replace(/^http/, 'ws');

  it('runs an authenticated operation with the token in connectionParams', async () => {
    const token = await dev.login('worker');
    const client = createClient({
      url: wsUrl(),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: true,
      retryAttempts: 0,
    });
    try {
      const result = await new Promise<{ data?: { me: { role: string } } }>((resolve, reject) => {
        let value: unknown;
        client.subscribe(
          { query: '{ me { role } }' },
          { next: (v) => (value = v), error: reject, complete: () => resolve(value as never) },
        );
      });
      expect(result.data!.me.role).toBe('COMMUNITY_WORKER');
    } finally {
      await client.dispose();
    }
  });

  it('refuses a connection with a bad token', async () => {
    const client = createClient({
      url: wsUrl(),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: 'Bearer forged' },
      lazy: true,
      retryAttempts: 0,
    });
    try {
      const outcome = await new Promise<string>((resolve) => {
        client.subscribe(
          { query: '{ me { role } }' },
          {
            next: (v) => resolve(JSON.stringify(v)),
            error: (e) => resolve(`error:${(e as { code?: number }).code ?? String(e)}`),
            complete: () => resolve('complete'),
          },
        );
      });
      // graphql-ws closes with 4403 Forbidden when onConnect refuses.
      expect(outcome).toBe('error:4403');
    } finally {
      await client.dispose();
    }
  });
});

describe('HTTP hygiene', () => {
  const base = () => dev.url.replace(/\/graphql$/, '');
  const errorsOf = async (res: Response) =>
    ((await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors;
  const post = (body: string, token?: string) =>
    fetch(dev.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });

  it('answers syntax errors, token floods and invalid documents with 400 and a code', async () => {
    for (const q of ['{ policies { code ', '{ nope }', `{ ${'me { role } '.repeat(1200)} }`]) {
      const r = await dev.gql(q);
      expect([r.status, r.errors![0].extensions!.code], q.slice(0, 40)).toEqual([400, 'BAD_USER_INPUT']);
      expect(r.errors![0].message).toMatch(/^请求格式有误/);
    }
  });

  it('answers a body over the limit with 413, a code and a JSON body, not a reset connection', async () => {
    const res = await post(
      JSON.stringify({ query: '{ me { role } }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
    );
    expect(res.status).toBe(413);
    expect((await errorsOf(res))[0]).toMatchObject({
      message: expect.stringMatching(/太大/),
      extensions: { code: 'BAD_USER_INPUT', reason: 'PAYLOAD_TOO_LARGE' },
    });
    // A photo over 5 MB the same way.
    const photo = await fetch(`${base()}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await dev.login('caregiver')}`, 'content-type': 'image/jpeg' },
      body: Buffer.alloc(6 * 1024 * 1024),
    });
    expect(photo.status).toBe(413);
    expect((await errorsOf(photo))[0]!.extensions.reason).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers malformed /files paths with 400 and an unknown id with 404', async () => {
    const token = await dev.login('family');
    for (const p of ['%E0%A4%A', '%00', 'x%00y', 'not-an-id']) {
      const res = await fetch(`${base()}/files/${p}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, p).toBe(400);
      expect((await errorsOf(res))[0]!.extensions.code).toBe('BAD_USER_INPUT');
    }
    expect(
      (await fetch(`${base()}/files/${randomUUID()}`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(404);
  });

  it('refuses a subscription sent over POST with 400 and a code', async () => {
    const res = await post(JSON.stringify({ query: 'subscription { alertRaised { id } }' }), await dev.login('worker'));
    expect(res.status).toBe(400);
    expect((await errorsOf(res))[0]).toMatchObject({
      message: expect.stringMatching(/WebSocket/),
      extensions: { code: 'BAD_USER_INPUT', reason: 'SUBSCRIPTION_OVER_HTTP' },
    });
  });

  it('refuses bad input with 400, names the field in Chinese and writes nothing', async () => {
    const token = await dev.login('worker');
    const before = await dev.db.prisma.elder.count();
    const input = {
      name: '张\u0000三',
      birthDate: '1950-01-01',
      idNumber: '420116195001011234',
      communityCode: '420116001001',
      address: '前川街道',
    };
    const r = await dev.gql(
      'mutation($input: RegisterElderInput!) { registerElder(input: $input) { id } }',
      { input },
      token,
    );
    expect(r.status).toBe(400);
    expect(r.errors![0]).toMatchObject({
      message: '「姓名」含有不可见字符，请删除后重新输入。',
      extensions: { code: 'BAD_USER_INPUT', details: { field: 'name' } },
    });
    const long = await dev.gql(
      'mutation($input: RegisterElderInput!) { registerElder(input: $input) { id } }',
      { input: { ...input, name: '张三', address: '长'.repeat(2001) } },
      token,
    );
    expect(long.errors![0].message).toBe('「地址」太长了，最多 2000 个字。');
    const cursor = await dev.gql(
      'query($after: String) { elders(after: $after) { totalCount } }',
      { after: Buffer.from('c:\u0000').toString('base64url') },
      token,
    );
    expect([cursor.status, cursor.errors![0].message]).toEqual([400, '分页游标无效，请从第一页重新查询。']);
    // Nested arguments too: an elder's orders.
    const nested = await dev.gql(
      'query($id: ID!) { elder(id: $id) { orders(first: 5, after: "!!") { totalCount } } }',
      { id: randomUUID() },
      token,
    );
    expect([nested.status, nested.errors![0].extensions!.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(await dev.db.prisma.elder.count()).toBe(before);
  });

  it(
    'serves nothing from another host: no Apollo landing page in production, only local assets on ' + '/admin',
    async () => {
      const landing = await fetch(prod.url, { headers: { accept: 'text/html' } });
      expect(await landing.text()).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)/);
      const admin = await (await fetch(`${base()}/admin`)).text();
      expect(admin).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    },
  );

  it('holds graphql-ws operations to the same parse, validation and input rules', async () => {
    const token = await dev.login('worker');
    const client = createClient({
      url: dev.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: true,
      retryAttempts: 0,
    });
    const run = (query: string, variables?: Record<string, unknown>) =>
      new Promise<string>((resolve) => {
        client.subscribe(
          { query, variables },
          {
            next: (v) => resolve(`next:${JSON.stringify(v)}`),
            error: (e) => resolve(`error:${JSON.stringify(e)}`),
            complete: () => resolve('complete'),
          },
        );
      });
    try {
      expect(await run('query($id: ID!) { elder(id: $id) { id } }', { id: 'x\u0000' })).toMatch(
        /^error:.*「老人编号」含有不可见字符.*BAD_USER_INPUT/,
      );
      expect(await run(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { role }`).join(' ')} }`)).toMatch(
        /^error:.*BAD_USER_INPUT/,
      );
      expect(await run('{ me { role ')).toMatch(/^error:.*请求格式有误/);
      expect(await run('{ me { role } }')).toMatch(/COMMUNITY_WORKER/);
    } finally {
      await client.dispose();
    }
  });
});
