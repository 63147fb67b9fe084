// 余额 张桂兰: what an elder can still spend, per account (subsidy, free hours, self-paid).
import { ASK, oneOf, yuan, type WorkerCommand } from './command.js';
import { elderArgs, isElderName, withElder, type Elder } from './elders.js';

export type BalanceArgs = { kind: 'balance'; elderName: string };

const names = ['余额'];
const EXAMPLE = '余额 张桂兰';
const KIND: Record<string, string> = {
  SUBSIDY_ONLINE: '线上补贴',
  SUBSIDY_OFFLINE: '线下补贴',
  SUBSIDY_HOURS: '免费时长',
  SELF_PAID: '自费余额',
};

type Account = Elder['wallet']['accounts'][number];
const amount = (a: Account, n: number) => (a.unit === 'MINUTE' ? `${n} 分钟` : yuan(n));

function balanceText(e: Elder): string {
  const held = (a: Account) => (a.held ? `（另有 ${amount(a, a.held)} 已预约）` : '');
  const lines = e.wallet.accounts.map((a) => `${KIND[a.kind] ?? a.kind}：${amount(a, a.available)}${held(a)}`);
  return [`${e.name}（${e.community.name}）可用余额：`, ...(lines.length ? lines : ['暂无账户'])].join('\n');
}

export const balance: WorkerCommand<BalanceArgs> = {
  kind: 'balance',
  names,
  help: `${EXAMPLE} — 查补贴余额`,
  parse(t) {
    const m = new RegExp(`^${ASK}?\\s*${oneOf(names)}\\s*(.*)$`).exec(t);
    return m ? elderArgs('balance', m[1]!, EXAMPLE) : undefined;
  },
  /** 张桂兰的余额, 张桂兰补贴余额还有多少, 张桂兰还剩多少钱 */
  parsePhrase(t) {
    let m = new RegExp(`^${ASK}?\\s*(.*?)\\s*的?\\s*(?:补贴)?余额(?:还有多少|有多少|是多少|多少)?$`).exec(t);
    if (m) return elderArgs('balance', m[1]!, EXAMPLE);
    m = new RegExp(`^${ASK}?\\s*(.+?)\\s*(?:还有|还剩|剩|有)?多少钱$`).exec(t);
    const name = m?.[1]!.replace(/的$/, '');
    return name && isElderName(name) ? { kind: 'balance', elderName: name } : undefined;
  },
  handle: (args, chat) => withElder(chat, args.elderName, balanceText),
};
