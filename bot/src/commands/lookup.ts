// 查 张桂兰: an elder's record; in a group without the address and phone, which are asked for privately.
import { ASK, ASK_WORDS, personLine, type WorkerCommand } from './command.js';
import { elderArgs, withElder, type Elder } from './elders.js';

export type LookupArgs = { kind: 'lookup'; elderName: string };

function lookupText(e: Elder, inGroup: boolean): string {
  // The programme by its name; the category code (HP_AGED_80) is for systems, not for people.
  const enrol = e.enrolment
    ? `${e.enrolment.status === 'ACTIVE' ? '在册' : '已终止'}（${e.enrolment.policy.name}）`
    : '未纳入';
  const head = personLine(e);
  if (inGroup) return `${head}\n${e.community.name}\n服务资格：${enrol}\n住址和电话请私聊我发：查 ${e.name}`;
  return `${head}\n${e.community.name}，${e.address}\n服务资格：${enrol}${e.phone ? `\n电话：${e.phone}` : ''}`;
}

export const lookup: WorkerCommand<LookupArgs> = {
  kind: 'lookup',
  names: ASK_WORDS,
  help: '查 张桂兰 — 查老人信息',
  privateHelp: '查 张桂兰 — 查老人住址电话',
  // A phrase, not a verb: 查 also starts 查工单 and 查余额, which their commands take first.
  parsePhrase(t) {
    const m = new RegExp(`^${ASK}\\s*(.*)$`).exec(t);
    return m ? elderArgs('lookup', m[1]!, '查 张桂兰') : undefined;
  },
  handle: (args, chat) => withElder(chat, args.elderName, (e) => lookupText(e, !!chat.msg.roomId)),
};
