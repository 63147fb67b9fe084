// Smart-bed devices (004 三(一) 网络连接、紧急呼叫、活动监测; 五(一) 24 小时动态管理和远程监控): each device of
// a care bed has its own secret, and signs each event: hex HMAC-SHA256 over "<timestamp>.<body>", the
// timestamp in Unix seconds within a replay window of the app clock, and the same signature never twice.
// An event becomes an alert for the elder's community, routed like every alert (bus, bot groups,
// escalation), with the programme's response deadline. A bad signature writes nothing.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type AlertEvent, raiseAlert } from '../alerts/index.js';
import { type Actor, authorize } from '../auth/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { bedFor } from './carebeds.service.js';
import { policyDocument } from '../policies/index.js';

/** Seconds a device's clock may differ from ours before its event is refused as stale or replayed. */
export const REPLAY_WINDOW_SECONDS = 300;
export const DEVICE_EVENT_KINDS = ['EMERGENCY_CALL', 'FALL', 'INACTIVITY', 'GAS', 'SMOKE'] as const;
const LABELS: Record<(typeof DEVICE_EVENT_KINDS)[number], string> = {
  EMERGENCY_CALL: '紧急呼叫',
  FALL: '跌倒报警',
  INACTIVITY: '长时间未活动',
  GAS: '燃气报警',
  SMOKE: '烟感报警',
};

interface Vault {
  encrypt(v: string): string;
  decrypt(v: string): string;
}

export const signDeviceEvent = (secret: string, timestamp: string, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** Registers a device on a bed; the secret is returned once and kept encrypted. */
export async function registerCareBedDevice(
  prisma: PrismaClient,
  vault: Vault,
  input: { careBedId: string; serial: string; secret?: string },
  now: Date,
) {
  const bed = await prisma.careBed.findUnique({ where: { id: input.careBedId } });
  if (!bed) return fail(ErrorCode.NOT_FOUND, '没有找到这张家庭养老床位。');
  if (!/^[A-Za-z0-9-]{4,64}$/.test(input.serial))
    throw badInput('serial', '设备编号只能是 4–64 位字母、数字或连字符。');
  const secret = input.secret ?? randomBytes(32).toString('hex');
  const device = await prisma.careBedDevice.create({
    data: {
      careBedId: bed.id,
      elderId: bed.elderId,
      serial: input.serial,
      secretEnc: vault.encrypt(secret),
      createdAt: now,
    },
  });
  return { device, secret };
}

const SERIAL = /^[A-Za-z0-9-]{4,64}$/;
const serialOf = (serial: string) => {
  const s = serial?.trim() ?? '';
  if (!SERIAL.test(s)) throw badInput('deviceSerial', '设备编号只能是 4–64 位字母、数字或连字符。');
  return s;
};

/**
 * The builder or the district registers a smart device on a bed (004 三(一)); the secret the device
 * signs with is shown once, here, and kept encrypted. A serial already registered is INVALID_STATE.
 */
export async function registerDeviceOnBed(
  prisma: PrismaClient,
  vault: Vault,
  actor: Actor,
  input: { careBedId: string; serial: string },
  now: Date,
) {
  authorize(actor, 'registerCareBedDevice');
  const serial = serialOf(input.serial);
  const { bed } = await bedFor(prisma, actor, 'registerCareBedDevice', input.careBedId);
  if (await prisma.careBedDevice.findUnique({ where: { serial } }))
    fail(ErrorCode.INVALID_STATE, `设备编号 ${serial} 已经登记过，请核对设备标签上的编号。`);
  const { device, secret } = await registerCareBedDevice(prisma, vault, { careBedId: bed.id, serial }, now);
  return { deviceId: device.id, careBedId: bed.id, serial, secret };
}

/**
 * A new secret for a registered device (lost or leaked): from now on only events signed with it are
 * taken; the old one gets BAD_SIGNATURE. Shown once, kept encrypted.
 */
export async function rotateDeviceSecret(prisma: PrismaClient, vault: Vault, actor: Actor, serialIn: string) {
  authorize(actor, 'rotateCareBedDeviceSecret');
  const serial = serialOf(serialIn);
  const device = await prisma.careBedDevice.findUnique({ where: { serial } });
  if (!device) return fail(ErrorCode.NOT_FOUND, `没有找到编号为 ${serial} 的设备。`);
  await bedFor(prisma, actor, 'rotateCareBedDeviceSecret', device.careBedId);
  const secret = randomBytes(32).toString('hex');
  await prisma.careBedDevice.update({ where: { id: device.id }, data: { secretEnc: vault.encrypt(secret) } });
  return { deviceId: device.id, careBedId: device.careBedId, serial, secret };
}

const refuse = (why: string) => fail(ErrorCode.BAD_SIGNATURE, `设备签名校验失败（${why}），事件未被接收。`);

/** Checks the device's signature and window, records the event and raises its alert. */
export async function ingestDeviceEvent(
  prisma: PrismaClient,
  vault: Vault,
  req: { serial?: string; timestamp?: string; signature?: string; body: string },
  now: Date,
): Promise<{ eventId: string; alert: AlertEvent | null; respondBy: string }> {
  if (!req.serial || !req.timestamp || !req.signature) return refuse('缺少设备编号、时间戳或签名');
  const device = await prisma.careBedDevice.findUnique({ where: { serial: req.serial } });
  if (!device) return refuse('设备未登记');
  const expected = Buffer.from(signDeviceEvent(vault.decrypt(device.secretEnc), req.timestamp, req.body), 'hex');
  const given = /^[0-9a-f]{64}$/.test(req.signature) ? Buffer.from(req.signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse('签名不符');
  const ts = Number(req.timestamp);
  if (!Number.isInteger(ts) || Math.abs(now.getTime() / 1000 - ts) > REPLAY_WINDOW_SECONDS)
    return refuse('时间戳超出允许范围');
  let parsed: { kind?: string; occurredAt?: string; note?: string };
  try {
    parsed = JSON.parse(req.body) as typeof parsed;
  } catch {
    throw badInput('body', '事件内容须为 JSON。');
  }
  const kind = DEVICE_EVENT_KINDS.find((k) => k === parsed.kind);
  if (!kind) throw badInput('kind', `事件类型须为 ${DEVICE_EVENT_KINDS.join('、')} 之一。`);
  const bed = await prisma.careBed.findUniqueOrThrow({ where: { id: device.careBedId } });
  const hours =
    policyDocument(await prisma.policy.findUniqueOrThrow({ where: { id: bed.policyId } })).careBeds
      ?.deviceResponseHours ?? 24;
  const respondBy = new Date(now.getTime() + hours * 3_600_000).toISOString();
  return prisma.$transaction(async (tx) => {
    const taken = await tx.careBedDeviceEvent.findUnique({ where: { signature: req.signature! } });
    if (taken) return refuse('重复提交的事件');
    const alert = await raiseAlert(tx, {
      elderId: device.elderId,
      kind: 'DEVICE_EVENT',
      detail: { event: kind, label: LABELS[kind], serial: device.serial, respondBy, note: parsed.note ?? null },
      at: now,
    });
    const event = await tx.careBedDeviceEvent.create({
      data: {
        deviceId: device.id,
        kind,
        signature: req.signature!,
        occurredAt:
          parsed.occurredAt && !Number.isNaN(Date.parse(parsed.occurredAt)) ? new Date(parsed.occurredAt) : now,
        receivedAt: now,
        alertId: alert?.id ?? null,
      },
    });
    return { eventId: event.id, alert, respondBy };
  });
}
