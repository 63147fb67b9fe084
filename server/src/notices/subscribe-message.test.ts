// One message per consent (WeChat 订阅消息 rule): consents recorded from the mini-program are spent
// by sending; notices without one stay in the inbox; two senders never spend one consent twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { notify } from './notices.service.js';
import { deliverNotices, SandboxSubscribeMessageSender, WechatSubscribeMessageClient } from './subscribe-message.js';

let s: TestServer;
let family: string;
let userId: string;

beforeAll(async () => {
  s = await startTestServer();
  family = await s.login('family');
  userId = (await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'family' } })).id;
});
afterAll(async () => s?.close());

describe('subscribe messages', () => {
  it('sends one message per consent and keeps the rest in the inbox', async () => {
    const templates = await s.gql<{ messageTemplates: { kind: string; templateId: string }[] }>(
      `{ messageTemplates { kind templateId } }`,
      {},
      family,
    );
    const visit = templates.data!.messageTemplates.find((t) => t.kind === 'VISIT_COMPLETED')!.templateId;
    const rec = await s.gql<{ recordMessageConsents: number }>(
      `mutation($t: [String!]!) { recordMessageConsents(templateIds: $t) }`,
      { t: [visit, 'not-a-template'] },
      family,
    );
    expect(rec.data!.recordMessageConsents).toBe(1);
    for (const i of [1, 2, 3])
      await notify(s.db.prisma, [userId], {
        kind: 'VISIT_COMPLETED',
        title: `第${i}次助洁服务已完成`,
        body: '服务 60 分钟，请确认并评价。',
        dedupe: `test-visit-${i}`,
      });

    const sender = s.app.services.messages.sender as SandboxSubscribeMessageSender;
    const before = sender.sent.length;
    const now = s.app.services.clock();
    // Two deliverers at once (two instances): the single consent sends exactly one message.
    const [a, b] = await Promise.all([
      deliverNotices(s.db.prisma, sender, s.app.services.messages.templates, now),
      deliverNotices(s.db.prisma, sender, s.app.services.messages.templates, now),
    ]);
    expect(a + b).toBe(1);
    expect(sender.sent.length - before).toBe(1);
    const msg = sender.sent.at(-1)!;
    expect(msg).toMatchObject({ template_id: visit, touser: expect.stringMatching(/\S/) });
    expect([...msg.data.thing1!.value].length).toBeLessThanOrEqual(20);
    expect(
      await s.db.prisma.notice.count({
        where: { userId, kind: 'VISIT_COMPLETED', dedupeKey: { startsWith: 'test-visit-' }, sentAt: null },
      }),
    ).toBe(2);
    expect(await deliverNotices(s.db.prisma, sender, s.app.services.messages.templates, now)).toBe(0);
    // The inbox still has all three.
    const inbox = await s.gql<{ notices: { totalCount: number } }>(
      `{ notices(first: 1, unreadOnly: true) { totalCount } }`,
      {},
      family,
    );
    expect(inbox.data!.notices.totalCount).toBeGreaterThanOrEqual(3);
  });

  it("the production client fetches a token once and posts WeChat's message shape", async () => {
    const calls: { url: string; body?: string }[] = [];
    const fake = (async (url: string, init?: RequestInit) => {
      calls.push({ url, body: init?.body as string | undefined });
      return new Response(
        JSON.stringify(
          url.includes('/cgi-bin/token') ? { access_token: 'AT', expires_in: 7200 } : { errcode: 0, errmsg: 'ok' },
        ),
      );
    }) as unknown as typeof fetch;
    const client = new WechatSubscribeMessageClient('wxappid', 'secret', fake);
    const m = {
      touser: 'openid-1',
      template_id: 'T1',
      data: { thing1: { value: '助洁服务已完成' }, time3: { value: '2026-11-22 10:00' } },
    };
    await client.send(m);
    await client.send(m);
    expect(calls.filter((c) => c.url.includes('/cgi-bin/token'))).toHaveLength(1);
    expect(calls[1]!.url).toBe('https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=AT');
    expect(JSON.parse(calls[1]!.body!)).toMatchObject({
      touser: 'openid-1',
      template_id: 'T1',
      lang: 'zh_CN',
      data: { thing1: { value: '助洁服务已完成' } },
    });
    await expect(
      client.send({ ...m, data: { thing1: { value: '这是一段超过二十个字的模板内容会被微信拒绝发送的' } } }),
    ).rejects.toThrow(/20/);
  });
});
