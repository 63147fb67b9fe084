// The only Wechaty code: messages in → CommandHandler → replies out; alerts from the server →
// the bound group of their community. Outgoing messages go through one throttled queue (accounts
// that send too fast get restricted); alerts wait while the puppet is logged out, are flushed on
// login, and the server's list of undelivered alerts is replayed after any gap (a restart, a dropped
// socket); after a long outage they go to a WeCom group-robot webhook (send-only fallback), if set.
import PQueue from 'p-queue';
import type { Message } from 'wechaty';
import type { WechatyInterface } from 'wechaty/impls';
import type { YilianApi, RaisedAlert } from './api/client.js';
import {
  AlertDeliveredDocument,
  BotDailyDigestDocument,
  BotRoomsDocument,
  UndeliveredAlertsDocument,
} from './api/generated.js';
import { alertText } from './commands/alerts.js';
import { DEFAULT_DIGEST_MINUTE, digestText } from './digest.js';
import { CommandHandler } from './handlers.js';

export interface BotOptions {
  /** At most one outgoing message per this many ms. */
  throttleMs?: number;
  /** WeCom group-robot webhook used when the bot has been logged out this long. */
  webhook?: { url: string; afterMs: number };
  botName?: string;
  clock?: () => Date;
  /** When each group gets the daily digest, in minutes after Shanghai midnight (default 17:00). */
  digestMinute?: number;
  log?: (line: string) => void;
}

export class YilianBot {
  readonly handler: CommandHandler;
  private readonly queue: PQueue;
  private readonly clock: () => Date;
  private loggedIn = false;
  private loggedOutAt: number | null = null;
  /** Alerts waiting for a login (the server's undelivered list is the backstop after restarts). */
  private readonly waiting: RaisedAlert[] = [];
  /** "alertId|roomId" already posted by this process, so live events and catch-up never post twice. */
  private readonly posted = new Set<string>();
  private rooms = new Map<string, string[]>();
  private unsubscribe?: () => void;
  /** The Shanghai day whose digest this process has posted. */
  private digestDay: string | null = null;
  private digestTimer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly wechaty: WechatyInterface,
    private readonly api: YilianApi,
    private readonly opts: BotOptions = {},
  ) {
    this.handler = new CommandHandler(api, opts.botName);
    this.queue = new PQueue({ concurrency: 1, interval: opts.throttleMs ?? 1000, intervalCap: 1 });
    this.clock = opts.clock ?? (() => new Date());
  }

  async start() {
    await this.api.login();
    this.wechaty.on('login', () => void this.onLogin());
    this.wechaty.on('logout', () => {
      this.loggedIn = false;
      this.loggedOutAt = Date.now();
    });
    this.wechaty.on('error', (e) => this.opts.log?.(`wechaty error: ${String(e)}`));
    this.wechaty.on(
      'message',
      (m) => void this.onMessage(m).catch((e) => this.opts.log?.(`message failed: ${String(e)}`)),
    );
    this.unsubscribe = this.api.subscribeAlerts(
      (a) => void this.onAlert(a).catch((e) => this.opts.log?.(`alert failed: ${String(e)}`)),
      (up) => up && void this.catchUp(),
    );
    await this.wechaty.start();
    this.digestTimer = setInterval(() => void this.digestTick().catch((e) => this.opts.log?.(`digest: ${e}`)), 60_000);
    this.digestTimer.unref?.();
  }

  async stop() {
    clearInterval(this.digestTimer);
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
    for (const a of this.waiting.splice(0)) await this.onAlert(a);
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

  /** A live alert: to its community's groups now, or held until login (or the webhook after a long outage). */
  private async onAlert(a: RaisedAlert) {
    if (!this.loggedIn) {
      if (this.opts.webhook && this.loggedOutAt !== null && Date.now() - this.loggedOutAt >= this.opts.webhook.afterMs)
        return this.viaWebhook(a);
      if (!this.waiting.some((w) => w.id === a.id)) this.waiting.push(a);
      return;
    }
    if (!this.rooms.has(a.community.code)) await this.refreshRooms();
    await this.post(a, this.rooms.get(a.community.code) ?? []);
  }

  /** Sends to each group and tells the server only after the send went through. */
  private async post(a: RaisedAlert, roomIds: string[]) {
    for (const roomId of roomIds) {
      const key = `${a.id}|${roomId}`;
      if (this.posted.has(key)) continue;
      this.posted.add(key);
      try {
        await this.queue.add(async () => {
          const room = await this.wechaty.Room.find({ id: roomId });
          if (!room) throw new Error(`room ${roomId} not found`);
          await room.say(alertText(a));
        });
        await this.api.request(AlertDeliveredDocument, { alertId: a.id, roomId });
      } catch (err) {
        this.posted.delete(key);
        this.opts.log?.(`alert ${a.ref} to ${roomId} failed: ${String(err)}`);
      }
    }
  }

  /**
   * Checked every minute against the bot's clock: once a Shanghai day, at the first check past the
   * set time, each bound group gets its digest. Returns how many groups it was posted to.
   */
  async digestTick(): Promise<number> {
    if (!this.loggedIn) return 0;
    const local = new Date(this.clock().getTime() + 8 * 3_600_000);
    const day = local.toISOString().slice(0, 10);
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
    if (this.digestDay === day || minute < (this.opts.digestMinute ?? DEFAULT_DIGEST_MINUTE)) return 0;
    this.digestDay = day;
    const digests = (await this.api.request(BotDailyDigestDocument, {})).botDailyDigest;
    let sent = 0;
    for (const d of digests) {
      try {
        await this.queue.add(async () => {
          const room = await this.wechaty.Room.find({ id: d.roomId });
          if (!room) throw new Error(`room ${d.roomId} not found`);
          await room.say(digestText(d));
        });
        sent++;
      } catch (err) {
        this.opts.log?.(`digest to ${d.roomId} failed: ${String(err)}`);
      }
    }
    return sent;
  }

  /** At login and after the alert socket reconnects: whatever the server says a group has not had yet. */
  private async catchUp() {
    if (!this.loggedIn) return;
    try {
      for (const u of (await this.api.request(UndeliveredAlertsDocument, {})).botUndeliveredAlerts)
        await this.post(u.alert, u.roomIds);
    } catch (err) {
      this.opts.log?.(`catch-up failed: ${String(err)}`);
    }
  }

  private async viaWebhook(a: RaisedAlert) {
    const res = await fetch(this.opts.webhook!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msgtype: 'text', text: { content: alertText(a) } }),
    });
    if (!res.ok && !this.waiting.some((w) => w.id === a.id)) this.waiting.push(a);
  }
}
