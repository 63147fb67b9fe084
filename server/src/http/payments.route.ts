// POST /payments/wechat/notify: WeChat Pay's notifications. WeChat treats 200/204 as received and
// retries anything else (with {"code":"FAIL","message":…}), so a rejected notification is
// answered 4xx and changes nothing; a verified one is applied once (topup.service).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices } from '../app/context.js';
import { PaymentVerificationError } from '../payments/index.js';
import { applyNotification, NotificationRejected } from '../wallet/index.js';
import { readRawBody, sendJson } from './io.js';

export async function handlePaymentNotify(app: AppServices, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') return sendJson(res, 405, { code: 'FAIL', message: '仅支持 POST' });
  const raw = await readRawBody(req, 64 * 1024);
  const now = app.clock();
  try {
    const notification = app.payments.parseNotification(req.headers, raw, now);
    const outcome = await applyNotification(app.db.prisma, app.payments, notification, now);
    app.logger.info({ outcome, event: notification.event_type, id: notification.id }, 'wechat pay notification');
    res.writeHead(204);
    return res.end();
  } catch (err) {
    if (err instanceof PaymentVerificationError) {
      app.logger.warn({ reason: err.reason }, 'wechat pay notification rejected');
      return sendJson(res, 401, { code: 'FAIL', message: `验签失败：${err.reason}` });
    }
    if (err instanceof NotificationRejected) {
      app.logger.warn({ reason: err.reason }, 'wechat pay notification refused');
      return sendJson(res, err.status, { code: 'FAIL', message: err.reason });
    }
    if (err instanceof SyntaxError) return sendJson(res, 400, { code: 'FAIL', message: '报文不是合法的 JSON' });
    throw err;
  }
}
