// 告警: the open alerts in the group's (or the worker's) community, and how an alert is posted to a
// group: the minimum a worker needs to act (masked name, community, reason, the time to acknowledge
// by), with the details asked for privately (PIPL Art. 28).
import { OpenAlertsDocument } from '../api/generated.js';
import { formatDateTimeCn } from '../text/dates.js';
import { ASK, oneOf, type WorkerCommand } from './command.js';

export type AlertsArgs = { kind: 'alerts' };

const names = ['告警'];

export const alerts: WorkerCommand<AlertsArgs> = {
  kind: 'alerts',
  names,
  help: '告警 — 看待处理告警',
  parse: (t) => (new RegExp(`^${ASK}?\\s*${oneOf(names)}(?:列表)?$`).test(t) ? { kind: 'alerts' } : undefined),
  async handle(_args, chat) {
    const r = (await chat.api.request(OpenAlertsDocument, { communityCode: chat.community }, chat.acting)).alerts;
    if (!r.totalCount) return '目前没有待处理的告警。';
    const lines = r.edges.map(({ node: a }) => `${a.ref} ${a.elderMaskedName}：${a.summary}`);
    return [`待处理告警 ${r.totalCount} 条：`, ...lines, '认领请发：确认 编号'].join('\n');
  },
};

/**
 * An alert as posted to the group, and to the WeCom webhook when the bot is logged out: what
 * happened (the complaint's words and deadline, the missed calls), whom it is about masked (张*兰,
 * 138****5678, the street and road without the house number), and how to act on it.
 */
export function alertText(a: {
  ref: string;
  reason: string;
  summary: string;
  elderMaskedName: string;
  elderMaskedPhone?: string | null;
  elderMaskedAddress: string;
  acknowledgeBy: string;
  community: { name: string };
}): string {
  const who = [a.elderMaskedName, a.elderMaskedPhone, a.elderMaskedAddress].filter(Boolean).join('，');
  return [
    `【告警 ${a.ref}】${a.community.name}：${a.reason}`,
    `老人：${who}`,
    a.summary,
    `请在 ${formatDateTimeCn(new Date(a.acknowledgeBy))} 前认领（逾时上报街道）`,
    `认领请 @我 发：确认 ${a.ref}`,
    `完整电话和住址请私聊我发：详情 ${a.ref}`,
  ].join('\n');
}
