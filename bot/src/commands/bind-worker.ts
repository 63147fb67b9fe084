// 绑定 123456: ties this WeChat contact to the worker who took the code (private chat only, so no
// one else in a group sees or reuses the code).
import { BindWorkerDocument } from '../api/generated.js';
import { bindCodeParser, type BindingCommand } from './command.js';

export type BindWorkerArgs = { kind: 'bind_worker'; code: string };

export const bindWorker: BindingCommand<BindWorkerArgs> = {
  kind: 'bind_worker',
  names: ['绑定'],
  help: '绑定 123456 — 绑定本人',
  binding: true,
  // Not 绑定群, which is the group's command.
  parse: bindCodeParser('bind_worker', /^绑定(?!\s*群)\s*(.*)$/, '绑定 123456'),
  async handle(args, { api, msg }) {
    if (msg.roomId) return '为了安全，绑定本人请私聊我发送“绑定 绑定码”。';
    const r = await api.request(BindWorkerDocument, {
      code: args.code,
      contactId: msg.contactId,
      contactName: msg.contactName,
    });
    return `绑定成功：${r.bindBotWorker?.displayName}（${r.bindBotWorker?.communityName}）。把我拉进社区工作群，再在群里发“绑定群 绑定码”。`;
  },
};
