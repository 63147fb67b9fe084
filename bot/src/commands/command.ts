/**
 * The shape every chat command has (its names, its help line, a parser for its arguments, its
 * handler) and the pieces their parsers and replies share. The registry (index.ts) lists them.
 */
import type { Acting, YilianApi } from '../api/client.js';

/** A chat message as the adapter hands it over: no Wechaty types past this point. */
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

export type ParseErrorCode =
  | 'MISSING_ELDER'
  | 'MISSING_SERVICE'
  | 'BAD_DATE'
  | 'MISSING_TIME'
  | 'DATE_IN_PAST'
  | 'BAD_QUANTITY'
  | 'BAD_CODE'
  | 'MISSING_OUTCOME';

/** A message the bot understood as a command but cannot act on; `message` is the reply. */
export type ParseError = { kind: 'error'; code: ParseErrorCode; message: string };

/** Phone-friendly: a short reason, then one example of the right phrasing. */
export function fail(code: ParseErrorCode, reason: string, example: string): ParseError {
  return { kind: 'error', code, message: `${reason}\n例：${example}` };
}

/** The conversation a handler answers in. */
export interface Chat {
  api: YilianApi;
  msg: Incoming;
  /**
   * Lists options the contact picks from by replying with a number (two elders of one name, two
   * items for one service word); `then` answers the pick. The caller writes the numbered list.
   */
  choose<T>(options: readonly T[], then: (option: T) => string | Promise<string>): void;
}

/** A conversation with a bound worker: requests go as that worker, in the bound group's community. */
export interface WorkerChat extends Chat {
  acting: Acting;
  /** The bound group's community, or null in private chat (the worker's own scope). */
  community: string | null;
}

interface CommandBase<A extends { kind: string }> {
  /** The intent this command parses to (its `kind`). */
  kind: A['kind'];
  /** The words a worker starts the command with; the first is the one the help line shows. */
  names: readonly string[];
  /** Its line in the help text. */
  help: string;
  /** Its line in a private chat's help, where it differs (no @, details allowed); default `help`. */
  privateHelp?: string;
  /** Where it is used: a group-only command is left out of the private help. Default both. */
  only?: 'group';
  /**
   * Reads a message that starts with one of its names (normalised text); undefined when the
   * message is not this command. Tried in registry order, before any `parsePhrase`.
   */
  parse?(text: string, now: Date): A | ParseError | undefined;
  /**
   * Reads looser phrasings (张桂兰还有多少钱, 查 张桂兰), tried only after every command's `parse`
   * declined, so that 查工单 and 查余额 reach their own commands before 查 takes the rest.
   */
  parsePhrase?(text: string, now: Date): A | ParseError | undefined;
}

/** A command anyone may send: binding a worker or a group. */
export interface BindingCommand<A extends { kind: string }> extends CommandBase<A> {
  binding: true;
  handle(args: A, chat: Chat): Promise<string>;
}

/** A command for a bound worker (and, in a group, a bound group). */
export interface WorkerCommand<A extends { kind: string }> extends CommandBase<A> {
  binding?: false;
  handle(args: A, chat: WorkerChat): Promise<string>;
}

export type BotCommand<A extends { kind: string }> = BindingCommand<A> | WorkerCommand<A>;

/** A regular-expression alternation of words, longest first so 查询 is not read as 查 + 询. */
export function oneOf(words: readonly string[]): string {
  return `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`;
}

/** The ask-words: a command of their own (查 张桂兰) and optional in front of others (查余额, 查看告警). */
export const ASK_WORDS = ['查', '查询', '查看'] as const;
export const ASK = oneOf(ASK_WORDS);

/** An order or alert reference as typed (1024, #A7, 3f9a12bc), the part after the # captured. */
export const REF = '#?([A-Za-z0-9][A-Za-z0-9_-]{0,63})';
const WHOLE_REF = new RegExp(`^${REF}$`);

/** The reference that is all of `s`, or undefined. */
export function readRef(s: string): string | undefined {
  return WHOLE_REF.exec(s.trim())?.[1];
}

export const NEED_ALERT_REF = '请带上告警编号（发“告警”可查看）。';

/** A parser for a name followed by one reference: `re` captures what follows the name. */
export function refParser<A>(re: RegExp, args: (ref: string) => A, missing: ParseError) {
  return (t: string): A | ParseError | undefined => {
    const m = re.exec(t);
    if (!m) return undefined;
    const ref = readRef(m[1]!);
    return ref ? args(ref) : missing;
  };
}

/** A parser for a name and an alert reference (确认 1024, 详情 告警 #A7). */
export function alertRefParser<K extends string>(kind: K, names: readonly string[], example: string) {
  const re = new RegExp(`^${oneOf(names)}\\s*(?:告警)?\\s*(.*)$`);
  return refParser(re, (alertNo) => ({ kind, alertNo }), fail('BAD_CODE', NEED_ALERT_REF, example));
}

/** A parser for a binding command: `re` captures the one-time code (6 digits, spaces allowed between). */
export function bindCodeParser<K extends string>(kind: K, re: RegExp, example: string) {
  return (t: string): { kind: K; code: string } | ParseError | undefined => {
    const m = re.exec(t);
    if (!m) return undefined;
    const code = m[1]!.replace(/\s/g, '');
    return /^\d{6}$/.test(code)
      ? { kind, code }
      : fail('BAD_CODE', '绑定码是 6 位数字，在小程序“我的-绑定微信”里获取。', example);
  };
}

export const yuan = (fen: number) => `${(fen / 100).toFixed(2).replace(/\.00$/, '')} 元`;

/** 张桂兰，女，82岁 */
export const personLine = (p: { name: string; gender: string; age: number }) =>
  `${p.name}，${p.gender === 'FEMALE' ? '女' : '男'}，${p.age}岁`;

/** The arguments a command parses to. */
export type ArgsOf<C> = C extends BindingCommand<infer A> ? A : C extends WorkerCommand<infer A> ? A : never;
