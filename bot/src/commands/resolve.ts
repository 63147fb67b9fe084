// 处理 1024 已上门 老人忘记接电话: closes an alert with what was done.
import { AlertByRefDocument, ResolveAlertDocument } from '../api/generated.js';
import { fail, NEED_ALERT_REF, oneOf, REF, type WorkerCommand } from './command.js';

export type ResolveArgs = { kind: 'resolve'; alertNo: string; outcome: string };

const names = ['处理'];
const EXAMPLE_OUTCOME = '已上门 老人忘记接电话';

export const resolve: WorkerCommand<ResolveArgs> = {
  kind: 'resolve',
  names,
  help: `处理 1024 ${EXAMPLE_OUTCOME}`,
  parse(t) {
    // The reference may be glued to the outcome (处理1024已上门), so it is read off the front.
    const m = new RegExp(`^${oneOf(names)}\\s*(?:告警)?\\s*(?:${REF})?\\s*(.*)$`).exec(t);
    if (!m) return undefined;
    const alertNo = m[1];
    if (!alertNo) return fail('BAD_CODE', NEED_ALERT_REF, `处理 1024 ${EXAMPLE_OUTCOME}`);
    const outcome = m[2]!.trim();
    if (!outcome) return fail('MISSING_OUTCOME', '请写上处理结果。', `处理 ${alertNo} ${EXAMPLE_OUTCOME}`);
    return { kind: 'resolve', alertNo, outcome };
  },
  async handle(args, chat) {
    const a = (await chat.api.request(AlertByRefDocument, { ref: args.alertNo }, chat.acting)).alertByRef;
    await chat.api.request(ResolveAlertDocument, { id: a.id, outcome: args.outcome }, chat.acting);
    return `告警 ${a.ref} 已处理：${args.outcome}`;
  },
};
