// The HTTP and WebSocket edge: limits, error hygiene, production switches.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../testing/harness.js';

let dev: TestServer;
let prod: TestServer;
beforeAll(async () => {
  [dev, prod] = await Promise.all([startTestServer(), startTestServer({ production: true, demo: false })]);
});
afterAll(async () => {
  await Promise.all([dev?.close(), prod?.close()]);
});

describe('query limits', () => {
  it('rejects an over-deep query with BAD_USER_INPUT before running it', async () => {
    const deep = '{ me { region { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } } } }';
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
    const client = createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, lazy: true, retryAttempts: 0 });
    try {
      const result = await new Promise<{ data?: { me: { role: string } } }>((resolve, reject) => {
        let value: unknown;
        client.subscribe({ query: '{ me { role } }' }, { next: (v) => (value = v), error: reject, complete: () => resolve(value as never) });
      });
      expect(result.data!.me.role).toBe('COMMUNITY_WORKER');
    } finally {
      await client.dispose();
    }
  });

  it('refuses a connection with a bad token', async () => {
    const client = createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { authorization: 'Bearer forged' }, lazy: true, retryAttempts: 0 });
    try {
      const outcome = await new Promise<string>((resolve) => {
        client.subscribe({ query: '{ me { role } }' }, {
          next: (v) => resolve(JSON.stringify(v)),
          error: (e) => resolve(`error:${(e as { code?: number }).code ?? String(e)}`),
          complete: () => resolve('complete'),
        });
      });
      // graphql-ws closes with 4403 Forbidden when onConnect refuses.
      expect(outcome).toBe('error:4403');
    } finally {
      await client.dispose();
    }
  });
});
