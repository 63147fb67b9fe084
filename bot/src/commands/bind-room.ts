// 绑定群 123456: ties this group to the community of the worker who took the code; that
// community's alerts are posted here from then on.
import { BindRoomDocument } from '../api/generated.js';
import { bindCodeParser, type BindingCommand } from './command.js';

export type BindRoomArgs = { kind: 'bind_room'; code: string };

export const bindRoom: BindingCommand<BindRoomArgs> = {
  kind: 'bind_room',
  names: ['绑定群'],
  help: '绑定群 123456 — 绑定本群',
  only: 'group',
  binding: true,
  parse: bindCodeParser('bind_room', /^绑定\s*群\s*(.*)$/, '绑定群 123456'),
  async handle(args, { api, msg }) {
    if (!msg.roomId) return '请在要绑定的工作群里 @我 发送“绑定群 绑定码”。';
    const vars = { code: args.code, roomId: msg.roomId, topic: msg.topic ?? '', contactId: msg.contactId };
    const r = await api.request(BindRoomDocument, vars);
    return `本群已绑定到${r.bindBotRoom?.communityName}，该社区的告警会发到这里。`;
  },
};
