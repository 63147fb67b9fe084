// WeChat subscribe messages (小程序订阅消息): each consent the user gives in the mini-program
// (wx.requestSubscribeMessage) allows one message of that template, so a consent is spent by
// sending. The sandbox keeps what it would have sent; the real client calls WeChat's API.
import { shanghaiMinute } from '../common/calendar.js';
import { noteSandbox } from '../common/sandbox.js';
import type { PrismaClient } from '../db/prisma.js';

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  /** WeChat's shape: { thing1: { value: '…' }, time2: { value: '…' } }. */
  data: Record<string, { value: string }>;
  miniprogram_state?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN';
}

export interface SubscribeMessageSender {
  readonly mode: 'sandbox' | 'wechat';
  send(message: SubscribeMessage): Promise<void>;
}

/** WeChat's limits on template values (thing ≤ 20 characters, etc.), checked before sending. */
function validate(m: SubscribeMessage) {
  for (const [key, { value }] of Object.entries(m.data)) {
    if (key.startsWith('thing') && [...value].length > 20) throw new Error(`${key} longer than 20 characters`);
    if (key.startsWith('time') && !/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/.test(value))
      throw new Error(`${key} is not a time`);
  }
}

export class SandboxSubscribeMessageSender implements SubscribeMessageSender {
  readonly mode = 'sandbox' as const;
  readonly sent: SubscribeMessage[] = [];
  async send(m: SubscribeMessage) {
    noteSandbox('SUBSCRIBE_MESSAGES');
    validate(m);
    this.sent.push(m);
  }
}

/** The production client: a cached access_token and POST /cgi-bin/message/subscribe/send. */
export class WechatSubscribeMessageClient implements SubscribeMessageSender {
  readonly mode = 'wechat' as const;
  private token?: { value: string; expires: number };
  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private async accessToken() {
    if (this.token && this.token.expires > Date.now() + 60_000) return this.token.value;
    const res = await this.fetchImpl(
      `https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid` +
        `=${encodeURIComponent(this.appId)}&secret=${encodeURIComponent(this.appSecret)}`,
    );
    const body = (await res.json()) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
      errmsg?: string;
    };
    if (!body.access_token) throw new Error(`wechat token: ${body.errcode} ${body.errmsg}`);
    this.token = { value: body.access_token, expires: Date.now() + (body.expires_in ?? 7200) * 1000 };
    return this.token.value;
  }

  async send(m: SubscribeMessage) {
    validate(m);
    const res = await this.fetchImpl(
      `https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=${await this.accessToken()}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lang: 'zh_CN', miniprogram_state: 'formal', ...m }),
      },
    );
    const body = (await res.json()) as { errcode: number; errmsg: string };
    // 43101: the user has no consent left for the template (refused or spent).
    if (body.errcode !== 0)
      throw Object.assign(new Error(`wechat subscribe send: ${body.errcode} ${body.errmsg}`), {
        errcode: body.errcode,
      });
  }
}

/** Which template carries which notice kind (configured per mini-program; sandbox ids in demo mode). */
export type TemplateMap = Partial<Record<string, string>>;

export const SANDBOX_TEMPLATES: TemplateMap = {
  VISIT_COMPLETED: 'sandbox-visit-completed',
  COMPLAINT_UPDATED: 'sandbox-complaint-updated',
  LOW_BALANCE: 'sandbox-low-balance',
  FESTIVAL_GREETING: 'sandbox-greeting',
  BIRTHDAY_GREETING: 'sandbox-greeting',
};

const cut = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

/**
 * Sends unsent notices as subscribe messages where the user has an unspent consent for the
 * template: the consent is claimed first (a conditional update), so two senders never spend one
 * consent twice and no consent sends two messages. Notices without a consent stay in the inbox.
 */
export async function deliverNotices(
  prisma: PrismaClient,
  sender: SubscribeMessageSender,
  templates: TemplateMap,
  now: Date,
  limit = 500,
) {
  const pending = await prisma.notice.findMany({
    where: {
      sentAt: null,
      kind: { in: Object.keys(templates) },
      user: { wechatOpenId: { not: null } },
      createdAt: { gt: new Date(now.getTime() - 7 * 86_400_000) },
    },
    include: { user: true },
    orderBy: { id: 'asc' },
    take: limit,
  });
  let sent = 0;
  for (const n of pending) {
    const templateId = templates[n.kind]!;
    const consent = await prisma.messageConsent.findFirst({
      where: { userId: n.userId, templateId, usedAt: null },
      orderBy: { grantedAt: 'asc' },
    });
    if (!consent) continue;
    const claimed = await prisma.messageConsent.updateMany({
      where: { id: consent.id, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) continue;
    try {
      await sender.send({
        touser: n.user.wechatOpenId!,
        template_id: templateId,
        page: `pages/notices/index?id=${n.id}`,
        data: {
          thing1: { value: cut(n.title, 20) },
          thing2: { value: cut(n.body, 20) },
          time3: { value: shanghaiMinute(n.createdAt) },
        },
      });
      await prisma.notice.update({ where: { id: n.id }, data: { sentAt: now } });
      sent += 1;
    } catch {
      // WeChat refused (e.g. 43101: consent withdrawn); the consent is spent either way, the notice stays in the inbox.
    }
  }
  return sent;
}

/** The mini-program reports which templates the user just accepted (one consent each). */
export async function recordConsents(
  prisma: PrismaClient,
  userId: string,
  templateIds: string[],
  known: TemplateMap,
  now: Date,
) {
  const allowed = new Set(Object.values(known));
  const ids = templateIds.filter((t) => allowed.has(t));
  if (ids.length)
    await prisma.messageConsent.createMany({ data: ids.map((templateId) => ({ userId, templateId, grantedAt: now })) });
  return ids.length;
}
