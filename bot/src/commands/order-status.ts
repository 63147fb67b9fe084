// 工单 1024: where an order is (placed, assigned, in service…), with the caregiver and the visit.
import { OrderByRefDocument } from '../api/generated.js';
import { formatDateTimeCn } from '../text/dates.js';
import { ASK, fail, oneOf, refParser, type WorkerCommand } from './command.js';

export type OrderStatusArgs = { kind: 'order_status'; orderNo: string };

const names = ['工单'];
const STATUS: Record<string, string> = {
  PLACED: '已下单，待派单',
  ASSIGNED: '已派单',
  IN_SERVICE: '服务中',
  COMPLETED: '已完成，待确认',
  CONFIRMED: '已确认',
  CANCELLED: '已取消',
};

export const orderStatus: WorkerCommand<OrderStatusArgs> = {
  kind: 'order_status',
  names,
  help: '工单 1024 — 查工单进度',
  parse: refParser(
    new RegExp(`^${ASK}?\\s*${oneOf(names)}(?:号|进度|状态)?\\s*(.*)$`),
    (orderNo) => ({ kind: 'order_status', orderNo }),
    fail('BAD_CODE', '请带上工单编号。', '工单 1024'),
  ),
  async handle(args, chat) {
    const o = (await chat.api.request(OrderByRefDocument, { ref: args.orderNo }, chat.acting)).orderByRef;
    const visit = o.visit?.checkOutAt
      ? `，服务 ${o.visit.durationMinutes} 分钟`
      : o.visit?.checkInAt
        ? '，护理员已签到'
        : '';
    const caregiver = o.caregiver ? `，护理员 ${o.caregiver.name}` : '';
    const when = formatDateTimeCn(new Date(o.scheduledAt));
    const head = `工单 ${o.ref}：${o.elder.name} ${o.service.name}×${o.quantity}，${when}`;
    return `${head}\n状态：${STATUS[o.status] ?? o.status}${caregiver}${visit}`;
  },
};
