// What the bot does with a chat message: parse, check who and where, call the API as the bound
// worker, answer in short Chinese lines for a phone. No Wechaty here (adapter.ts is the only
// Wechaty code); the server's own Chinese error messages are passed on as they are. Groups get the
// minimum about an elder (masked name, no phone or address: PIPL Art. 28); the details are answered
// in private chat, where the server checks the worker's scope. The commands are in commands/.
import { ApiError, type YilianApi } from './api/client.js';
import type { Incoming } from './commands/command.js';
import { parseCommand, runCommand } from './commands/index.js';
import { DEFAULT_BOT_NAME } from './text/normalise.js';

const CHOICE_TTL_MS = 5 * 60_000;

export class CommandHandler {
  /** A question the bot asked a contact ("which 张桂兰?"), answered by replying with a number. */
  private readonly pending = new Map<string, { expires: number; choose: (i: number) => Promise<string> }>();

  constructor(
    private readonly api: YilianApi,
    private readonly botName = DEFAULT_BOT_NAME,
  ) {}

  /** The reply to send, or null to stay silent (group chatter not addressed to the bot). */
  async handle(msg: Incoming): Promise<string | null> {
    const key = `${msg.roomId ?? 'private'}|${msg.contactId}`;
    try {
      const waiting = this.pending.get(key);
      const number = /^\s*(\d{1,2})\s*$/.exec(msg.text.replace(/^@\S+[\s\u2005\u3000]*/u, ''));
      if (waiting && number && waiting.expires > msg.now.getTime()) {
        this.pending.delete(key);
        return await waiting.choose(Number(number[1]));
      }
      if (msg.roomId && !msg.mentionedSelf) return null;
      const cmd = parseCommand({
        text: msg.text,
        botName: this.botName,
        mentionedSelf: msg.mentionedSelf,
        now: msg.now,
      });
      return await runCommand(cmd, {
        api: this.api,
        msg,
        choose: (options, then) =>
          this.pending.set(key, {
            expires: msg.now.getTime() + CHOICE_TTL_MS,
            choose: async (i) =>
              options[i - 1] !== undefined ? then(options[i - 1]!) : `请回复 1 到 ${options.length} 之间的数字。`,
          }),
      });
    } catch (err) {
      // The server's Chinese message as it is: out of scope, bad date, not enough balance…
      if (err instanceof ApiError) return err.message;
      return '系统出了点问题，请稍后再试。';
    }
  }
}
