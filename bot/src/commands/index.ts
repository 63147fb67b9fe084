/**
 * The registry of chat commands: parses a message to the command it names and runs that command's
 * handler, and writes the help text from the commands' help lines. Adding a command is a file in
 * this folder (see command.ts for its shape) and its line in COMMANDS.
 *
 * Parsing is pure: no Wechaty, no network, no clock (the caller passes `now`).
 */
import { BotContextDocument } from '../api/generated.js';
import { DEFAULT_BOT_NAME, normalizeText } from '../text/normalise.js';
import { ack } from './ack.js';
import { alertDetail } from './alert-detail.js';
import { alerts } from './alerts.js';
import { balance } from './balance.js';
import { bindRoom } from './bind-room.js';
import { bindWorker } from './bind-worker.js';
import type { ArgsOf, Chat, ParseError } from './command.js';
import { lookup } from './lookup.js';
import { order } from './order.js';
import { orderStatus } from './order-status.js';
import { resolve } from './resolve.js';

/** In the order of the help text. Each `parse` is tried in this order, then each `parsePhrase`. */
export const COMMANDS = [
  balance,
  lookup,
  order,
  orderStatus,
  alerts,
  ack,
  resolve,
  alertDetail,
  bindWorker,
  bindRoom,
] as const;

export type Intent = ArgsOf<(typeof COMMANDS)[number]>;
export type Command = Intent | { kind: 'help' } | { kind: 'unknown'; text: string } | ParseError;

export const HELP_TEXT = ['颐联助手 指令（@我 后发送）：', ...COMMANDS.map((c) => c.help)].join('\n');

/** The help in a private chat: no @, no group-only commands, the lines written for private use. */
export const PRIVATE_HELP_TEXT = [
  '颐联助手 指令（私聊直接发送）：',
  ...COMMANDS.filter((c) => !('only' in c && c.only === 'group')).map((c) =>
    'privateHelp' in c && c.privateHelp ? c.privateHelp : c.help,
  ),
].join('\n');

/** A message that is no command: a one-line guess at what was meant, and the words to type. */
const GUESSES: [RegExp, string, string][] = [
  [/下单|预约|约|订|上门|助洁|助浴|助餐|理发|保洁|打扫/, '您是想下单吗', '下单 张桂兰 理发 明天上午9点'],
  [/余额|钱|补贴|额度/, '您是想查余额吗', '余额 张桂兰'],
  [/工单|订单|进度|到了没|来了没/, '您是想查工单吗', '工单 1024'],
  [/告警|报警|异常/, '您是想看告警吗', '告警'],
  [/绑定|绑码|绑定码/, '您是想绑定吗', '绑定 123456'],
  [/老人|信息|电话|住址|地址/, '您是想查老人信息吗', '查 张桂兰'],
];

export function guessReply(text: string): string {
  const hit = GUESSES.find(([re]) => re.test(text));
  return hit ? `没看懂。${hit[1]}？试试：${hit[2]}` : '没看懂。发“帮助”看全部指令。';
}

const HELP_WORDS = /^(?:帮助|菜单|功能|指令|命令|\?+|\/?help)$/i;

export interface ParseInput {
  text: string;
  /** The bot's display name; `@<botName>` is stripped from the start or end. Default 颐联助手. */
  botName?: string;
  /** True when WeChat says the message mentions the bot (then any leading `@alias\u2005` goes too). */
  mentionedSelf?: boolean;
  now: Date;
}

export function parseCommand(input: ParseInput): Command {
  const t = normalizeText(input.text, input.botName ?? DEFAULT_BOT_NAME, input.mentionedSelf);
  if (t === '' || HELP_WORDS.test(t)) return { kind: 'help' };
  for (const c of COMMANDS) {
    const r = c.parse?.(t, input.now);
    if (r) return r;
  }
  for (const c of COMMANDS) {
    const r = c.parsePhrase?.(t, input.now);
    if (r) return r;
  }
  return { kind: 'unknown', text: t };
}

const BIND_HELP = '您还没有绑定。请在工作台领取绑定码，然后私聊我发送：绑定 123456';
const ROOM_BIND_HELP = '本群还没有绑定社区。请社区工作人员领取“绑定群”绑定码，在群里 @我 发送：绑定群 123456';

/** The reply to a parsed command: binding commands for anyone, the rest for a bound worker only. */
export async function runCommand(cmd: Command, chat: Chat): Promise<string> {
  if (cmd.kind === 'help') return chat.msg.roomId ? HELP_TEXT : PRIVATE_HELP_TEXT;
  if (cmd.kind === 'unknown') return guessReply(cmd.text);
  if (cmd.kind === 'error') return cmd.message;
  const command = COMMANDS.find((c) => c.kind === cmd.kind)!;
  // `cmd` is what `command` parsed (found by its kind); TypeScript cannot follow that through the union.
  if (command.binding) return command.handle(cmd as never, chat);
  // Bindings follow ids and codes only; the name and topic are never sent to be matched.
  const { msg } = chat;
  const ctx = (await chat.api.request(BotContextDocument, { contactId: msg.contactId, roomId: msg.roomId ?? null }))
    .botContext;
  if (!ctx.worker) return BIND_HELP;
  if (msg.roomId && !ctx.room) return ROOM_BIND_HELP;
  const acting = { contactId: msg.contactId, roomId: msg.roomId };
  return command.handle(cmd as never, { ...chat, acting, community: ctx.room?.communityCode ?? null });
}
