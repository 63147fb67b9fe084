/**
 * Chat text clean-up before any grammar: the bot's @-mention off, full-width forms folded to
 * half-width, punctuation to spaces, whitespace collapsed. Pure string work: no clock, no network.
 */

export const DEFAULT_BOT_NAME = '颐联助手';

/** Full-width ASCII (！…～, ０-９, ：, Ａ-ｚ) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Strips `@<botName>` (followed by U+2005, U+3000, spaces or nothing) from the start or end, and,
 * when the message is known to mention the bot, any leading `@alias\u2005` (WeChat's mention
 * marker), since a group alias can differ from the bot's name.
 */
export function stripMention(text: string, botName = DEFAULT_BOT_NAME, mentionedSelf = false): string {
  let t = toHalfWidth(text);
  if (mentionedSelf) t = t.replace(/^(?:\s*@[^@\s]{1,40}\u2005)+/u, '');
  const name = escapeRe(toHalfWidth(botName).trim());
  if (!name) return t;
  const lead = new RegExp(`^\\s*@${name}`, 'u');
  const trail = new RegExp(`\\s*@${name}\\s*$`, 'u');
  for (let prev = ''; prev !== t;) {
    prev = t;
    t = t.replace(lead, '').replace(trail, '');
  }
  return t;
}

/** Mention stripped, full-width folded, punctuation to spaces, whitespace collapsed. */
export function normalizeText(text: string, botName?: string, mentionedSelf?: boolean): string {
  let t = stripMention(text, botName, mentionedSelf);
  t = t
    // Name dots typed in other ways: 阿依古丽•买买提, 阿依古丽・买买提, 阿依古丽.买买提
    .replace(/(?<=\p{Script=Han})\s*[.•・‧∙･]\s*(?=\p{Script=Han})/gu, '·')
    .replace(/[，,、；;。！!…~～"'“”‘’「」《》【】]/g, ' ')
    // A colon is a separator (下单：张桂兰) except inside a clock time (11:30).
    .replace(/:(?!\d)|(?<!\d):/g, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  // A trailing question mark (张桂兰还有多少钱？) is punctuation, a lone one asks for help.
  if (!/^\?+$/.test(t)) t = t.replace(/\s*\?+$/, '');
  return t;
}

/** `s` with the match taken out and a space in its place, so the words either side stay apart. */
export function cutMatch(s: string, m: RegExpExecArray): string {
  return `${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}`;
}
