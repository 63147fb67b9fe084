/**
 * Elders in chat: telling a name from a service word when reading a command, and finding the named
 * elder in the worker's (or the group's) community when answering one.
 */
import { FindEldersDocument, type FindEldersQuery } from '../api/generated.js';
import { fail, type ParseError, type WorkerChat } from './command.js';

export type Elder = FindEldersQuery['elders']['edges'][number]['node'];

/** Service words from both programmes' guides (and their categories); used to tell names from services. */
const SERVICE_WORDS = new Set([
  '助餐',
  '助浴',
  '助洁',
  '助行',
  '助急',
  '助医',
  '助购',
  '代办',
  '代购',
  '送餐',
  '就餐',
  '集中就餐',
  '午餐',
  '理发',
  '剪发',
  '剪指甲',
  '修脚',
  '洗衣',
  '洗澡',
  '洗浴',
  '保洁',
  '清洁',
  '居室清洁',
  '厨房整理',
  '打扫',
  '家政',
  '体检',
  '陪诊',
  '就医',
  '陪同就医',
  '陪同外出',
  '陪聊',
  '读报',
  '理疗',
  '理疗护理',
  '护理',
  '康复',
  '康复护理',
  '心理慰藉',
  '精神慰藉',
  '心理疏导',
  '探访',
  '巡访',
  '健康指导',
  '医疗协助',
  '按摩',
  '评估',
  '培训',
  '法律咨询',
  '政策解读',
  '生活照料',
]);

export function isServiceWord(word: string): boolean {
  const base = word
    .replace(/\([^)]*\)$/, '')
    .replace(/服务$/, '')
    .replace(/^上门/, '');
  return SERVICE_WORDS.has(base);
}

const HAN = '\\p{Script=Han}';
const NAME_RE = new RegExp(`^(?:${HAN}{2,4}|${HAN}{1,10}(?:·${HAN}{1,10}){1,3})$`, 'u');
/** Words that make a 2–4 character string a phrase rather than a name. */
const NOT_IN_NAME =
  /余额|多少|工单|告警|下单|预约|帮助|菜单|绑定|确认|处理|查询|查看|小时|上午|下午|中午|晚上|早上|凌晨|傍晚|今天|明天|后天|星期|礼拜|服务|老人|账户|一下|信息|情况|详情|怎么|什么/;

/** 2–4 Han characters (or Han parts joined by ·), not a service word or a command phrase. */
export function isElderName(word: string): boolean {
  return NAME_RE.test(word) && !NOT_IN_NAME.test(word) && !isServiceWord(word);
}

/** 张桂兰助洁 → ['张桂兰', '助洁'] when a name is glued to a known service word. */
export function splitNameService(token: string): [string, string] | undefined {
  const chars = Array.from(token);
  for (let i = 2; i < chars.length; i++) {
    const name = chars.slice(0, i).join('');
    const service = chars.slice(i).join('');
    if (isElderName(name) && isServiceWord(service)) return [name, service];
  }
  return undefined;
}

/** The elder named after a command word (余额 张桂兰, 查 张桂兰的), or why not, with `example`. */
export function elderArgs<K extends string>(
  kind: K,
  who: string,
  example: string,
): { kind: K; elderName: string } | ParseError {
  const name = who.replace(/的$/, '').trim();
  if (isElderName(name)) return { kind, elderName: name };
  return fail('MISSING_ELDER', name ? `没认出老人姓名「${name}」。` : '请写上老人姓名。', example);
}

/** Finds the elder by name in the worker's (or the group's) community; two of a name → a numbered choice. */
export async function withElder(
  chat: WorkerChat,
  name: string,
  then: (e: Elder) => string | Promise<string>,
): Promise<string> {
  const { elders } = await chat.api.request(
    FindEldersDocument,
    { search: name, communityCode: chat.community },
    chat.acting,
  );
  const found = elders.edges.map((e) => e.node).filter((e) => e.name === name);
  if (!found.length) return `没有找到“${name}”，请核对姓名（只能查本社区的老人）。`;
  if (found.length === 1) return then(found[0]!);
  chat.choose(found, then);
  const line = (e: Elder, i: number) =>
    `${i + 1}. ${e.name}，${e.age}岁，${e.community.name}${e.phone ? `，电话尾号${e.phone.slice(-4)}` : ''}`;
  return [`有 ${found.length} 位${name}，请回复序号：`, ...found.map(line)].join('\n');
}
