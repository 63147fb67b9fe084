// The only Wechaty code: messages in → CommandHandler → replies out; alerts from the server →
// the bound group of their community. Outgoing messages go through one throttled queue (accounts
// that send too fast get restricted); alerts wait while the puppet is logged out, are flushed on
// login, and are caught up from the server after any gap; after a long outage they go to a WeCom
// group-robot webhook instead (send-only fallback), if one is configured.
import PQueue from 'p-queue';
import type { Message } from 'wechaty';
import type { WechatyInterface } from 'wechaty/impls';
import type { YilianApi, RaisedAlert } from './api/client.js';
import { AlertsSinceDocument, BotRoomsDocument } from './api/generated.js';
import { alertText, CommandHandler } from './handlers.js';

export interface BotOptions {
  /** At most one outgoing message per this many ms. */
  throttleMs?: number;
  /** WeCom group-robot webhook used when the bot has been logged out this long. */
  webhook?: { url: string; afterMs: number };
  botName?: string;
  clock?: () => Date;
  log?: (line: string) => void;
}

export class YilianBot {
  readonly handler: CommandHandler;
  private readonly queue: PQueue;
  private readonly clock: () => Date;
  private loggedIn = false;
  private loggedOutAt: number | null = null;
  /** Alerts waiting for a login. */
  private readonly waiting: RaisedAlert[] = [];
  /** Alerts already posted (id → when), so catch-up and live events never post twice. */
  private readonly delivered = new Map<string, number>();
  private lastSeen: string;
  private rooms = new Map<string, string[]>();
  private unsubscribe?: () => void;

  constructor(private readonly wechaty: WechatyInterface, private readonly api: YilianApi, private readonly opts: BotOptions = {}) {
    this.handler = new CommandHandler(api, opts.botName);
    this.queue = new PQueue({ concurrency: 1, interval: opts.throttleMs ?? 1000, intervalCap: 1 });
    this.clock = opts.clock ?? (() => new Date());
    this.lastSeen = this.clock().toISOString();
  }

  async start() {
    await this.api.login();
    this.wechaty.on('login', () => void this.onLogin());
    this.wechaty.on('logout', () => {
      this.loggedIn = false;
      this.loggedOutAt = Date.now();
    });
    this.wechaty.on('error', (e) => this.opts.log?.(`wechaty error: ${String(e)}`));
    this.wechaty.on('message', (m) => void this.onMessage(m).catch((e) => this.opts.log?.(`message failed: ${String(e)}`)));
    this.unsubscribe = this.api.subscribeAlerts(
      (a) => void this.onAlert(a),
      (up) => up && void this.catchUp(),
    );
    await this.wechaty.start();
  }

  async stop() {
    this.unsubscribe?.();
    await this.queue.onIdle();
    await this.api.close();
    await this.wechaty.stop();
  }

  /** Resolves when every queued message has been sent. */
  idle() {
    return this.queue.onIdle();
  }

  private async onLogin() {
    this.loggedIn = true;
    this.loggedOutAt = null;
    await this.refreshRooms();
    const flush = this.waiting.splice(0);
    for (const a of flush) await this.onAlert(a);
    await this.catchUp();
  }

  private async onMessage(msg: Message) {
    if (msg.self() || msg.type() !== this.wechaty.Message.Type.Text) return;
    const room = msg.room();
    const talker = msg.talker();
    const reply = await this.handler.handle({
      text: msg.text(),
      messageId: msg.id,
      contactId: talker.id,
      contactName: talker.name(),
      roomId: room?.id,
      topic: room ? await room.topic() : undefined,
      mentionedSelf: room ? await msg.mentionSelf() : true,
      now: this.clock(),
    });
    if (!reply) return;
    await this.queue.add(() => (room ? room.say(reply, talker) : talker.say(reply)));
  }

  private async refreshRooms() {
    const rooms = (await this.api.request(BotRoomsDocument, {})).botRooms;
    this.rooms = new Map();
    for (const r of rooms) this.rooms.set(r.communityCode, [...(this.rooms.get(r.communityCode) ?? []), r.roomId]);
  }

  /** Posts an alert to its community's groups; marks it delivered only after the send succeeded. */
  private async onAlert(a: RaisedAlert) {
    if (this.delivered.has(a.id)) return;
    if (a.raisedAt > this.lastSeen) this.lastSeen = a.raisedAt;
    if (!this.loggedIn) {
      if (this.opts.webhook && this.loggedOutAt !== null && Date.now() - this.loggedOutAt >= this.opts.webhook.afterMs) return this.viaWebhook(a);
      if (!this.waiting.some((w) => w.id === a.id)) this.waiting.push(a);
      return;
    }
    if (!this.rooms.has(a.community.code)) await this.refreshRooms();
    const ids = this.rooms.get(a.community.code) ?? [];
    if (!ids.length) return;
    await this.queue.add(async () => {
      for (const id of ids) {
        const room = await this.wechaty.Room.find({ id });
        if (room) await room.say(alertText(a));
      }
      this.delivered.set(a.id, Date.now());
    });
  }

  /** After a reconnect or login: alerts raised since the last one seen that were never posted. */
  private async catchUp() {
    const since = this.lastSeen;
    try {
      const r = await this.api.request(AlertsSinceDocument, { since: new Date(new Date(since).getTime() - 60_000).toISOString() });
      for (const e of [...r.alerts.edges].reverse()) await this.onAlert(e.node);
    } catch (err) {
      this.opts.log?.(`catch-up failed: ${String(err)}`);
    }
  }

  private async viaWebhook(a: RaisedAlert) {
    const res = await fetch(this.opts.webhook!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ msgtype: 'text', text: { content: alertText(a) } }) });
    if (res.ok) this.delivered.set(a.id, Date.now());
    else if (!this.waiting.some((w) => w.id === a.id)) this.waiting.push(a);
  }
}
