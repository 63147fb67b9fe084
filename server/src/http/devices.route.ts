// POST /devices/events: a smart care bed's device reports an event (carebeds/devices.service.ts). No
// account: the device signs with its own secret (x-device-serial, x-device-timestamp, x-device-signature).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices } from '../app/context.js';
import { publishDeviceAlert, ingestDeviceEvent } from '../carebeds/index.js';
import { DomainError } from '../common/errors.js';
import { readRawBody, sendJson } from './io.js';

export const DEVICE_EVENTS_PATH = '/devices/events';

export async function handleDeviceEvents(
  app: AppServices,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
) {
  if (pathname !== DEVICE_EVENTS_PATH) return false;
  if (req.method !== 'POST') {
    sendJson(res, 405, { errors: [{ message: '只接受 POST。', extensions: { code: 'BAD_USER_INPUT' } }] });
    return true;
  }
  const header = (n: string) => (typeof req.headers[n] === 'string' ? (req.headers[n] as string) : undefined);
  try {
    const body = (await readRawBody(req, 16 * 1024)).toString('utf8');
    const r = await ingestDeviceEvent(
      app.db.prisma,
      app.vault,
      {
        serial: header('x-device-serial'),
        timestamp: header('x-device-timestamp'),
        signature: header('x-device-signature'),
        body,
      },
      app.clock(),
    );
    publishDeviceAlert(app.alertBus, r.alert);
    sendJson(res, 202, { eventId: r.eventId, alertId: r.alert?.id ?? null, respondBy: r.respondBy });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const status = err.code === 'BAD_SIGNATURE' ? 401 : 400;
    sendJson(res, status, { errors: [{ message: err.message, extensions: err.extensions }] });
  }
  return true;
}
