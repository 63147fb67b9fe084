// 确认 1024: the worker claims an alert (the acknowledge-by clock stops).
import { AcknowledgeAlertDocument, AlertByRefDocument } from '../api/generated.js';
import { alertRefParser, type WorkerCommand } from './command.js';

export type AckArgs = { kind: 'ack'; alertNo: string };

const names = ['确认'];

export const ack: WorkerCommand<AckArgs> = {
  kind: 'ack',
  names,
  help: '确认 1024 — 认领告警',
  parse: alertRefParser('ack', names, '确认 1024'),
  async handle(args, chat) {
    const a = (await chat.api.request(AlertByRefDocument, { ref: args.alertNo }, chat.acting)).alertByRef;
    await chat.api.request(AcknowledgeAlertDocument, { id: a.id }, chat.acting);
    return `已认领告警 ${a.ref}（${a.elderMaskedName}：${a.reason}）。处理完请发：处理 ${a.ref} 结果`;
  },
};
