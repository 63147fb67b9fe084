// What the bot does with a chat message: parse, check who and where, call the API as the bound
// worker, answer in short Chinese lines for a phone. No Wechaty here (adapter.ts is the only
// Wechaty code); the server's own Chinese error messages are passed on as they are. Groups get the
// minimum about an elder (masked name, no phone or address: PIPL Art. 28); the details are answered
// in private chat, where the server checks the worker's scope.
import { createHash } from 'node:crypto';
import { ApiError, type YilianApi } from './api/client.js';
import {
  AcknowledgeAlertDocument, AlertByRefDocument, AlertDetailsDocument, BindRoomDocument, BindWorkerDocument, BotContextDocument, FindEldersDocument, OpenAlertsDocument,
  OrderByRefDocument, PlaceOrderDocument, ResolveAlertDocument, ServiceGuideDocument,
  type FindEldersQuery, type ServiceGuideQuery,
} from './api/generated.js';
import { formatDateTimeCn, HELP_TEXT, parseCommand, type Command, type OrderCommand } from './commands/parse.js';

export interface Incoming {
  text: string;
  messageId: string;
  contactId: string;
  contactName: string;
  roomId?: string;
  topic?: string;
  /** Whether the message @-mentions the bot (groups only answer when mentioned). */
  mentionedSelf: boolean;
  now: Date;
}

type Elder = FindEldersQuery['elders']['edges'][number]['node'];
type Item = ServiceGuideQuery['serviceGuide'][number];

const BIND_HELP = '您还没有绑定。请在工作台领取绑定码，然后私聊我发送：绑定 123456';
const yuan = (fen: number) => `${(fen / 100).toFixed(2).replace(/\.00$/, '')} 元`;
const STATUS: Record<string, string> = { PLACED: '已下单，待派单', ASSIGNED: '已派单', IN_SERVICE: '服务中', COMPLETED: '已完成，待确认', CONFIRMED: '已确认', CANCELLED: '已取消' };
const KIND: Record<string, string> = { SUBSIDY_ONLINE: '线上补贴', SUBSIDY_OFFLINE: '线下补贴', SUBSIDY_HOURS: '免费时长', SELF_PAID: '自费余额' };
const CHOICE_TTL_MS = 5 * 60_000;

/** An idempotency key from the chat message id, so a message delivered twice files one order. */
export const messageKey = (messageId: string) => `wechat:${createHash('sha256').update(messageId).digest('hex').slice(0, 40)}`;

export class CommandHandler {
  /** A question the bot asked a contact ("which 张桂兰?"), answered by replying with a number. */
  private readonly pending = new Map<string, { expires: number; choose: (i: number) => Promise<string> }>();

  constructor(private readonly api: YilianApi, private readonly botName = '颐联助手') {}

  /** The reply to send, or null to stay silent (group chatter not addressed to the bot). */
  async handle(msg: Incoming): Promise<string | null> {
    try {
      const waiting = this.pending.get(this.pendingKey(msg));
      const number = /^\s*(\d{1,2})\s*$/.exec(msg.text.replace(/^@\S+[\s\u2005\u3000]*/u, ''));
      if (waiting && number && waiting.expires > msg.now.getTime()) {
        this.pending.delete(this.pendingKey(msg));
        return await waiting.choose(Number(number[1]));
      }
      if (msg.roomId && !msg.mentionedSelf) return null;
      return await this.run(parseCommand({ text: msg.text, botName: this.botName, mentionedSelf: msg.mentionedSelf, now: msg.now }), msg);
    } catch (err) {
      // The server's Chinese message as it is: out of scope, bad date, not enough balance…
      if (err instanceof ApiError) return err.message;
      return '系统出了点问题，请稍后再试。';
    }
  }

  private pendingKey(msg: Incoming) {
    return `${msg.roomId ?? 'private'}|${msg.contactId}`;
  }

  private async run(cmd: Command, msg: Incoming): Promise<string> {
    switch (cmd.kind) {
      case 'help':
      case 'unknown':
        return HELP_TEXT;
      case 'error':
        return cmd.message;
      case 'bind_worker': {
        if (msg.roomId) return '为了安全，绑定本人请私聊我发送“绑定 绑定码”。';
        const r = await this.api.request(BindWorkerDocument, { code: cmd.code, contactId: msg.contactId, contactName: msg.contactName });
        return `绑定成功：${r.bindBotWorker?.displayName}（${r.bindBotWorker?.communityName}）。把我拉进社区工作群，再在群里发“绑定群 绑定码”。`;
      }
      case 'bind_room': {
        if (!msg.roomId) return '请在要绑定的工作群里 @我 发送“绑定群 绑定码”。';
        const r = await this.api.request(BindRoomDocument, { code: cmd.code, roomId: msg.roomId, topic: msg.topic ?? '', contactId: msg.contactId });
        return `本群已绑定到${r.bindBotRoom?.communityName}，该社区的告警会发到这里。`;
      }
      default:
        break;
    }
    // Bindings follow ids and codes only; the name and topic are never sent to be matched.
    const ctx = (await this.api.request(BotContextDocument, { contactId: msg.contactId, roomId: msg.roomId ?? null })).botContext;
    if (!ctx.worker) return BIND_HELP;
    if (msg.roomId && !ctx.room) return '本群还没有绑定社区。请社区工作人员领取“绑定群”绑定码，在群里 @我 发送：绑定群 123456';
    const acting = { contactId: msg.contactId, roomId: msg.roomId };
    const community = ctx.room?.communityCode ?? null;
    switch (cmd.kind) {
      case 'balance':
      case 'lookup':
        return this.withElder(cmd.elderName, community, acting, msg, (e) => (cmd.kind === 'balance' ? balanceText(e) : lookupText(e, !!msg.roomId)));
      case 'order':
        return this.withElder(cmd.elderName, community, acting, msg, (e) => this.order(e, cmd, acting, msg));
      case 'order_status': {
        const o = (await this.api.request(OrderByRefDocument, { ref: cmd.orderNo }, acting)).orderByRef;
        const visit = o.visit?.checkOutAt ? `，服务 ${o.visit.durationMinutes} 分钟` : o.visit?.checkInAt ? '，护理员已签到' : '';
        return `工单 ${o.ref}：${o.elder.name} ${o.service.name}×${o.quantity}，${formatDateTimeCn(new Date(o.scheduledAt))}\n状态：${STATUS[o.status] ?? o.status}${o.caregiver ? `，护理员 ${o.caregiver.name}` : ''}${visit}`;
      }
      case 'alerts': {
        const r = (await this.api.request(OpenAlertsDocument, { communityCode: community }, acting)).alerts;
        if (!r.totalCount) return '目前没有待处理的告警。';
        return [`待处理告警 ${r.totalCount} 条：`, ...r.edges.map((e) => `${e.node.ref} ${e.node.elderMaskedName}：${e.node.reason}`), '认领请发：确认 编号'].join('\n');
      }
      case 'ack': {
        const a = (await this.api.request(AlertByRefDocument, { ref: cmd.alertNo }, acting)).alertByRef;
        await this.api.request(AcknowledgeAlertDocument, { id: a.id }, acting);
        return `已认领告警 ${a.ref}（${a.elderMaskedName}：${a.reason}）。处理完请发：处理 ${a.ref} 结果`;
      }
      case 'alert_detail': {
        if (msg.roomId) return `为保护老人隐私，详情不在群里发。请私聊我发送：详情 ${cmd.alertNo}`;
        const a = (await this.api.request(AlertDetailsDocument, { ref: cmd.alertNo }, acting)).alertByRef;
        const e = a.elder;
        return [
          `告警 ${a.ref}：${a.reason}（${a.community.name}）`,
          `${e.name}，${e.gender === 'FEMALE' ? '女' : '男'}，${e.age}岁`,
          `住址：${e.address}`,
          e.phone ? `电话：${e.phone}` : '电话：未登记',
          a.status === 'RAISED' ? `请在 ${formatDateTimeCn(new Date(a.acknowledgeBy))} 前确认：确认 ${a.ref}` : '',
        ].filter(Boolean).join('\n');
      }
      case 'resolve': {
        const a = (await this.api.request(AlertByRefDocument, { ref: cmd.alertNo }, acting)).alertByRef;
        await this.api.request(ResolveAlertDocument, { id: a.id, outcome: cmd.outcome }, acting);
        return `告警 ${a.ref} 已处理：${cmd.outcome}`;
      }
    }
    return HELP_TEXT;
  }

  /** Finds the elder by name in the worker's (or the group's) community; two of a name → a numbered choice. */
  private async withElder(name: string, community: string | null, acting: { contactId: string; roomId?: string }, msg: Incoming, then: (e: Elder) => string | Promise<string>): Promise<string> {
    const found = (await this.api.request(FindEldersDocument, { search: name, communityCode: community }, acting)).elders.edges.map((e) => e.node).filter((e) => e.name === name);
    if (!found.length) return `没有找到“${name}”，请核对姓名（只能查本社区的老人）。`;
    if (found.length === 1) return then(found[0]!);
    this.pending.set(this.pendingKey(msg), {
      expires: msg.now.getTime() + CHOICE_TTL_MS,
      choose: async (i) => (found[i - 1] ? then(found[i - 1]!) : `请回复 1 到 ${found.length} 之间的数字。`),
    });
    return [`有 ${found.length} 位${name}，请回复序号：`, ...found.map((e, i) => `${i + 1}. ${e.name}，${e.age}岁，${e.community.name}${e.phone ? `，电话尾号${e.phone.slice(-4)}` : ''}`)].join('\n');
  }

  private async order(elder: Elder, cmd: OrderCommand, acting: { contactId: string; roomId?: string }, msg: Incoming): Promise<string> {
    if (!elder.enrolment || elder.enrolment.status !== 'ACTIVE') return `${elder.name}还没有纳入政府购买服务，暂不能下单。`;
    const guide = (await this.api.request(ServiceGuideDocument, { policyCode: elder.enrolment.policy.code })).serviceGuide;
    const items = matchItems(guide, cmd);
    if (!items.length) return `${elder.enrolment.policy.code === 'HUANGPI_2020' ? '黄陂区' : '本地'}服务指南里没有“${cmd.service}”，可选：${[...new Set(guide.filter((g) => g.mode === 'OFFLINE').map((g) => g.category))].join('、')}`;
    const place = async (item: Item) => {
      const hourly = item.unitMinutes === 60;
      const quantity = cmd.quantity ?? 1;
      if (!Number.isInteger(quantity)) return `${item.name}按${hourly ? '小时' : '次'}计，请填整数，例如 ${hourly ? '2小时' : '1次'}。`;
      const r = (await this.api.request(PlaceOrderDocument, { input: { elderId: elder.id, serviceCode: item.code, quantity, scheduledAt: cmd.scheduledAt.toISOString(), note: cmd.note ?? null, idempotencyKey: messageKey(msg.messageId) } }, acting)).placeOrder;
      const split = [r.subsidyMinutes ? `免费时长 ${r.subsidyMinutes} 分钟` : r.subsidyFen ? `补贴 ${yuan(r.subsidyFen)}` : '', r.selfPaidFen ? `自费 ${yuan(r.selfPaidFen)}` : ''].filter(Boolean).join('，');
      return `已下单 ${r.ref}：${elder.name} ${r.service.name}×${r.quantity}\n${formatDateTimeCn(new Date(r.scheduledAt))}，${r.provider?.name ?? ''}\n共 ${yuan(r.amountFen)}${split ? `（${split}）` : ''}`;
    };
    if (items.length === 1) return place(items[0]!);
    this.pending.set(this.pendingKey(msg), { expires: msg.now.getTime() + CHOICE_TTL_MS, choose: async (i) => (items[i - 1] ? place(items[i - 1]!) : `请回复 1 到 ${items.length} 之间的数字。`) });
    return [`“${cmd.service}”有 ${items.length} 项，请回复序号：`, ...items.map((it, i) => `${i + 1}. ${it.name}${it.priceFen ? ` ${yuan(it.priceFen)}/${it.unitMinutes === 60 ? '小时' : '次'}` : ''}`)].join('\n');
  }
}

/** Items the typed service word means: the name first, else the category, narrowed by unit. */
export function matchItems(guide: Item[], cmd: OrderCommand): Item[] {
  const word = cmd.service.replace(/服务$/, '');
  const offline = guide.filter((g) => g.mode === 'OFFLINE');
  let hits = offline.filter((g) => g.name === cmd.service || g.name.includes(word));
  if (!hits.length) hits = offline.filter((g) => g.category.includes(word));
  if (hits.length > 1 && cmd.unit) {
    const byUnit = hits.filter((g) => (cmd.unit === 'HOUR') === (g.unitMinutes === 60));
    if (byUnit.length) hits = byUnit;
  }
  return hits;
}

function balanceText(e: Elder): string {
  const lines = e.wallet.accounts.map((a) => `${KIND[a.kind] ?? a.kind}：${a.unit === 'MINUTE' ? `${a.available} 分钟` : yuan(a.available)}${a.held ? `（另有 ${a.unit === 'MINUTE' ? `${a.held} 分钟` : yuan(a.held)} 已预约）` : ''}`);
  return [`${e.name}（${e.community.name}）可用余额：`, ...(lines.length ? lines : ['暂无账户'])].join('\n');
}

/** An elder's record; in a group without the address and phone, which are asked for privately. */
function lookupText(e: Elder, inGroup: boolean): string {
  const enrol = e.enrolment ? `${e.enrolment.status === 'ACTIVE' ? '在册' : '已终止'}（${e.enrolment.category}）` : '未纳入';
  const head = `${e.name}，${e.gender === 'FEMALE' ? '女' : '男'}，${e.age}岁`;
  if (inGroup) return `${head}\n${e.community.name}\n服务资格：${enrol}\n住址和电话请私聊我发：查 ${e.name}`;
  return `${head}\n${e.community.name}，${e.address}\n服务资格：${enrol}${e.phone ? `\n电话：${e.phone}` : ''}`;
}

/**
 * An alert as posted to the group: the minimum a worker needs to act (masked name, community,
 * reason, the time to acknowledge by) and how to claim it or get the details privately.
 */
export function alertText(a: { ref: string; reason: string; elderMaskedName: string; acknowledgeBy: string; community: { name: string } }): string {
  return [
    `【告警 ${a.ref}】${a.community.name}`,
    `${a.elderMaskedName}：${a.reason}`,
    `请在 ${formatDateTimeCn(new Date(a.acknowledgeBy))} 前确认（逾时上报街道）`,
    `认领请 @我 发：确认 ${a.ref}`,
    `老人电话和住址请私聊我发：详情 ${a.ref}`,
  ].join('\n');
}
