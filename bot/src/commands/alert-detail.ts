// 详情 1024: the elder's contact details for an alert, answered in private chat only (the server
// checks the worker's scope); a group gets no phone or address (PIPL Art. 28).
import { AlertDetailsDocument } from '../api/generated.js';
import { formatDateTimeCn } from '../text/dates.js';
import { alertRefParser, personLine, type WorkerCommand } from './command.js';

export type AlertDetailArgs = { kind: 'alert_detail'; alertNo: string };

const names = ['详情', '告警详情'];

export const alertDetail: WorkerCommand<AlertDetailArgs> = {
  kind: 'alert_detail',
  names,
  help: '详情 1024 — 私聊我看告警详情',
  privateHelp: '详情 1024 — 看告警电话和住址',
  parse: alertRefParser('alert_detail', names, '详情 1024'),
  async handle(args, chat) {
    if (chat.msg.roomId) return `为保护老人隐私，详情不在群里发。请私聊我发送：详情 ${args.alertNo}`;
    const a = (await chat.api.request(AlertDetailsDocument, { ref: args.alertNo }, chat.acting)).alertByRef;
    const e = a.elder;
    return [
      `告警 ${a.ref}：${a.reason}（${a.community.name}）`,
      a.summary,
      personLine(e),
      `住址：${e.address}`,
      e.phone ? `电话：${e.phone}` : '电话：未登记',
      a.status === 'RAISED' ? `请在 ${formatDateTimeCn(new Date(a.acknowledgeBy))} 前确认：确认 ${a.ref}` : '',
    ]
      .filter(Boolean)
      .join('\n');
  },
};
