// Production refuses to start on a sandbox (pay, code2session, SMS, subscribe messages) unless
// YILIAN_DEMO=1 says it is a demo; then it warns, and every response a sandbox answered says so.
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from './app.js';
import { HttpSmsSender } from '../auth/sms.js';
import { HttpWechatSessionClient } from '../auth/wechat.client.js';
import type { Database } from '../db/database.js';
import { WechatSubscribeMessageClient } from '../notices/subscribe-message.js';
import { WechatPayClient } from '../payments/payment.gateway.js';
import { DEMO_FAMILY_WECHAT_CODE } from '../seed/seed.js';
import { startTestServer, testConfig, type GqlResult, type TestServer } from '../testing/harness.js';
import { productionCredentials } from '../testing/production.js';
import { loadConfig } from '../common/config.js';
import { createLogger } from '../common/logger.js';

const SECRETS = {
  JWT_SECRET: 'j'.repeat(44),
  ID_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  ID_HASH_KEY: Buffer.alloc(32, 2).toString('base64'),
};
const prodEnv = (extra: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  YILIAN_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'yilian-cfg-')),
  ...SECRETS,
  ...extra,
});
const REAL_BUT_PAY = {
  WECHAT_APP_ID: 'wx1',
  WECHAT_APP_SECRET: 's',
  SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms',
  SMS_GATEWAY_TOKEN: 't',
  WECHAT_SUBSCRIBE_TEMPLATES: '{"VISIT_COMPLETED":"tmpl"}',
};
const noDb = {} as Database;
const sandboxOf = (r: GqlResult) =>
  (r as { extensions?: { sandbox?: { services: string[]; message: string } } }).extensions?.sandbox;

describe('start-up in production', () => {
  it('refuses with one line naming every missing service', () => {
    let message = '';
    try {
      loadConfig(prodEnv());
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).not.toContain('\n');
    for (const need of [
      'WECHATPAY_MCHID',
      'WECHAT_APP_ID',
      'SMS_GATEWAY_URL',
      'WECHAT_SUBSCRIBE_TEMPLATES',
      'YILIAN_DEMO=1',
    ])
      expect(message).toContain(need);
  });

  it('refuses without a WeChat Pay merchant alone, naming only that', () => {
    expect(() => loadConfig(prodEnv(REAL_BUT_PAY))).toThrow(
      new RegExp(
        '^NODE_ENV=production refuses to start on sandboxes: ' +
          'no WeChat Pay merchant \\(set WECHATPAY_MCHID and its keys\\)\\. For a demo',
      ),
    );
    expect(() =>
      buildServices(
        testConfig({ production: true, demo: false, ...productionCredentials(), wechatPay: undefined }),
        noDb,
      ),
    ).toThrow(/no WeChat Pay merchant/);
    expect(() =>
      buildServices(testConfig({ production: true, demo: false, ...productionCredentials(), sms: undefined }), noDb),
    ).toThrow(/no SMS gateway/);
  });

  it('is a demo only with YILIAN_DEMO=1 said explicitly', () => {
    expect(loadConfig(prodEnv({ YILIAN_DEMO: '1' })).demo).toBe(true);
    expect(() => loadConfig(prodEnv({ YILIAN_DEMO: 'true' }))).toThrow(/refuses to start/);
    expect(loadConfig({ ...prodEnv(), NODE_ENV: 'development' }).demo).toBe(true);
  });

  it('with every credential builds the real clients and warns of nothing', () => {
    const sink = new PassThrough();
    let logged = '';
    sink.on('data', (c: Buffer) => (logged += c.toString()));
    const services = buildServices(
      testConfig({ production: true, demo: false, ...productionCredentials() }),
      noDb,
      createLogger(sink),
    );
    expect(services.payments).toBeInstanceOf(WechatPayClient);
    expect(services.wechat).toBeInstanceOf(HttpWechatSessionClient);
    expect(services.sms).toBeInstanceOf(HttpSmsSender);
    expect(services.messages.sender).toBeInstanceOf(WechatSubscribeMessageClient);
    expect(logged).not.toMatch(/sandbox/i);
  });

  it('sends SMS codes to the configured gateway with its token', async () => {
    const received: { auth?: string; body: string }[] = [];
    const gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, body });
        res.writeHead(received.length === 1 ? 200 : 503).end();
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    const { port } = gateway.address() as { port: number };
    try {
      const sms = new HttpSmsSender(`http://127.0.0.1:${port}/send`, 'gw-token');
      await sms.sendLoginCode('13900001111', '123456', 5);
      expect(received[0]!.auth).toBe('Bearer gw-token');
      expect(JSON.parse(received[0]!.body)).toEqual({
        phone: '13900001111',
        text: '【颐联】验证码 123456，5 分钟内有效。如非本人操作请忽略。',
      });
      await expect(sms.sendLoginCode('13900001111', '123456', 5)).rejects.toThrow(/503/);
    } finally {
      gateway.close();
    }
  });
});

describe('servers', () => {
  let demo: TestServer;
  let real: TestServer;
  beforeAll(async () => {
    [demo, real] = await Promise.all([
      startTestServer({ production: true, demo: true }),
      startTestServer({ production: true, demo: false, ...productionCredentials() }),
    ]);
  });
  afterAll(async () => Promise.all([demo?.close(), real?.close()]));

  const WX = 'mutation($c: String!) { wechatLogin(code: $c) { user { role } } }';
  const CREATE = 'mutation($input: CreateTopUpInput!) { createTopUp(input: $input) { id status sandbox } }';
  const PAY = 'mutation($id: ID!) { sandboxPayTopUp(id: $id) { status sandbox } }';

  it('a production demo warns at start that sandboxes are in use', () => {
    expect(demo.logs()).toMatch(/"level":40.*sandboxes in use for WECHAT_PAY, WECHAT_LOGIN, SMS, SUBSCRIBE_MESSAGES/);
  });

  it('a production demo marks each response a sandbox answered, and only those', async () => {
    const wx = await demo.gql(WX, { c: DEMO_FAMILY_WECHAT_CODE });
    expect(wx.data!.wechatLogin.user.role).toBe('FAMILY');
    expect(sandboxOf(wx)).toEqual({
      services: ['WECHAT_LOGIN'],
      message: '演示环境：微信登录为模拟，不核验登录凭证。',
    });

    const family = await demo.login('family');
    expect(sandboxOf(await demo.gql('{ me { id } }', {}, family))).toBeUndefined();
    const elderId = (await demo.db.prisma.familyLink.findFirstOrThrow({ where: { user: { username: 'family' } } }))
      .elderId;
    const created = await demo.gql(
      CREATE,
      { input: { elderId, amountFen: 50_000, idempotencyKey: 'sandbox-marked-1' } },
      family,
    );
    expect(created.data!.createTopUp).toMatchObject({ status: 'CREATED', sandbox: true });
    expect(sandboxOf(created)!.services).toEqual(['WECHAT_PAY']);
    expect(sandboxOf(created)!.message).toBe('演示环境：微信支付为模拟，不产生真实扣款。');
    const paid = await demo.gql(PAY, { id: created.data!.createTopUp.id }, family);
    expect(paid.data!.sandboxPayTopUp).toEqual({ status: 'PAID', sandbox: true });
    expect(sandboxOf(paid)!.services).toContain('WECHAT_PAY');

    const sms = await demo.gql('mutation { requestLoginCode(phone: "13900007777") { sandboxCode } }');
    expect(sms.data!.requestLoginCode.sandboxCode).toMatch(/^\d{6}$/);
    expect(sandboxOf(sms)!.services).toEqual(['SMS']);
  });

  it('with the real clients, sandboxPayTopUp is refused and nothing is marked', async () => {
    const family = await real.login('family');
    const elderId = (await real.db.prisma.familyLink.findFirstOrThrow({ where: { user: { username: 'family' } } }))
      .elderId;
    const r = await real.gql(PAY, { id: elderId }, family);
    expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(r.errors![0]!.message).toBe('正式环境请在微信中完成支付。');
    expect(sandboxOf(r)).toBeUndefined();
  });

  // Last: it turns the demo server's demo flag off underneath it.
  it('a sandbox left wired in production without the demo flag still takes no money and no code', async () => {
    const family = await demo.login('family');
    const elderId = (await demo.db.prisma.familyLink.findFirstOrThrow({ where: { user: { username: 'family' } } }))
      .elderId;
    const created = await demo.gql(
      CREATE,
      { input: { elderId, amountFen: 50_000, idempotencyKey: 'sandbox-undemo-1' } },
      family,
    );
    const balance = async () =>
      (await demo.db.prisma.ledgerAccount.findUnique({ where: { key: `elder:${elderId}:SELF_PAID` } }))?.balance ?? 0n;
    const before = await balance();
    demo.app.services.config.demo = false;
    const pay = await demo.gql(PAY, { id: created.data!.createTopUp.id }, family);
    expect(pay.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await balance()).toBe(before);
    const wx = await demo.gql(WX, { c: 'any-code-at-all' });
    expect(wx.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(wx.errors![0]!.message).toBe('微信登录尚未开通，请联系平台管理员。');
  });
});
