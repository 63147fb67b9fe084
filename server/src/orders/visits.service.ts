// Verified visits (000 六: 扫码签到 at the elder's home with location and photo, the elder signs
// off, 扫码签出; 004 附件7: duration in minutes). Confirmation charges the booked holds.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { assertElderInScope } from '../elders/elders.service.js';
import { moneyTx, postHold, systemAccount } from '../wallet/ledger.service.js';
import { elderAudience, notify } from '../notices/notices.service.js';
import { orderInScope } from './orders.service.js';

export interface VisitConfig {
  /** HMAC key for home QR codes (derived from the server's secrets). */
  qrKey: string;
  /** How far from the elder's recorded address a check-in or check-out may be. */
  geofenceMeters: number;
}

const mac = (key: string, elderId: string, secret: string) => createHmac('sha256', key).update(`${elderId}:${secret}`).digest().subarray(0, 16).toString('base64url');

/**
 * The printable code at the elder's home: `YL1.<elderId>.<mac>`. Workers covering the elder print
 * it; rotating the elder's secret (`rotate`) voids a lost or copied code.
 */
export async function homeQrToken(prisma: PrismaClient, cfg: VisitConfig, actor: Actor, elderId: string, rotate = false) {
  if (!['COMMUNITY_WORKER', 'STREET_OFFICER', 'DISTRICT_ADMIN'].includes(actor.role)) fail(ErrorCode.FORBIDDEN, '上门二维码由社区工作人员打印。');
  let elder = await assertElderInScope(prisma, actor, elderId);
  if (!elder.qrSecret || rotate) elder = await prisma.elder.update({ where: { id: elder.id }, data: { qrSecret: randomBytes(16).toString('hex') } });
  return `YL1.${elder.id}.${mac(cfg.qrKey, elder.id, elder.qrSecret!)}`;
}

function verifyQr(cfg: VisitConfig, token: string, elder: { id: string; qrSecret: string | null }) {
  const [v, id, got] = (token ?? '').split('.');
  if (v !== 'YL1' || id !== elder.id || !got || !elder.qrSecret) return false;
  const want = Buffer.from(mac(cfg.qrKey, elder.id, elder.qrSecret));
  const given = Buffer.from(got);
  return want.length === given.length && timingSafeEqual(want, given);
}

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)));
}

function checkPlace(cfg: VisitConfig, elder: { latitude: number | null; longitude: number | null }, lat: number, lng: number) {
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) throw badInput('latitude', '定位信息无效，请打开手机定位后重试。');
  if (elder.latitude == null || elder.longitude == null) fail(ErrorCode.INVALID_STATE, '老人的住址还没有登记定位，请社区工作人员补录后再签到。');
  const d = distanceMeters({ lat, lng }, { lat: elder.latitude!, lng: elder.longitude! });
  if (d > cfg.geofenceMeters) fail(ErrorCode.GEOFENCE_VIOLATION, `签到位置离老人家约 ${d} 米，超过了 ${cfg.geofenceMeters} 米，请到老人家中扫码。`, { distanceMeters: d });
  return d;
}

async function assertOwnPhoto(prisma: PrismaClient, actor: Actor, photoId: string) {
  const file = await prisma.storedFile.findUnique({ where: { id: photoId } });
  if (!file || file.uploadedById !== actor.userId) throw badInput('photoId', '请先上传本次服务的现场照片。');
}

async function caregiverOrder(prisma: PrismaClient, actor: Actor, orderId: string) {
  if (actor.role !== 'CAREGIVER') fail(ErrorCode.FORBIDDEN, '签到签出由上门服务的护理员办理。');
  const order = await orderInScope(prisma, actor, orderId);
  return order;
}

/** Check-in: the assigned caregiver scans the home code, within the geofence, with a photo. */
export async function checkIn(prisma: PrismaClient, cfg: VisitConfig, actor: Actor, input: { orderId: string; qrToken: string; latitude: number; longitude: number; photoId: string }, now: Date) {
  const order = await caregiverOrder(prisma, actor, input.orderId);
  if (order.status !== 'ASSIGNED') fail(ErrorCode.INVALID_STATE, order.status === 'IN_SERVICE' ? '已经签到过了。' : '这张工单现在不能签到。');
  const elder = await prisma.elder.findUniqueOrThrow({ where: { id: order.elderId } });
  if (!verifyQr(cfg, input.qrToken, elder)) throw badInput('qrToken', '二维码不是这位老人家的，请扫描老人家中张贴的二维码。');
  const distance = checkPlace(cfg, elder, input.latitude, input.longitude);
  await assertOwnPhoto(prisma, actor, input.photoId);
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.order.updateMany({ where: { id: order.id, status: 'ASSIGNED' }, data: { status: 'IN_SERVICE' } });
    if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, '已经签到过了。');
    await tx.visit.create({
      data: { orderId: order.id, caregiverId: order.caregiverId!, checkInAt: now, checkInLatitude: input.latitude, checkInLongitude: input.longitude, checkInDistanceM: distance, checkInPhotoId: input.photoId },
    });
    return tx.order.findUniqueOrThrow({ where: { id: order.id } });
  });
}

/** Check-out: within the geofence, with a photo; the duration is counted in whole minutes. */
export async function checkOut(prisma: PrismaClient, cfg: VisitConfig, actor: Actor, input: { orderId: string; latitude: number; longitude: number; photoId: string }, now: Date) {
  const order = await caregiverOrder(prisma, actor, input.orderId);
  if (order.status !== 'IN_SERVICE') fail(ErrorCode.INVALID_STATE, '还没有签到，或已经签出了。');
  const elder = await prisma.elder.findUniqueOrThrow({ where: { id: order.elderId } });
  checkPlace(cfg, elder, input.latitude, input.longitude);
  await assertOwnPhoto(prisma, actor, input.photoId);
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.order.updateMany({ where: { id: order.id, status: 'IN_SERVICE' }, data: { status: 'COMPLETED' } });
    if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, '已经签出过了。');
    const visit = await tx.visit.findUniqueOrThrow({ where: { orderId: order.id } });
    const minutes = Math.max(1, Math.round((now.getTime() - visit.checkInAt!.getTime()) / 60_000));
    await tx.visit.update({ where: { id: visit.id }, data: { checkOutAt: now, checkOutLatitude: input.latitude, checkOutLongitude: input.longitude, checkOutPhotoId: input.photoId, durationMinutes: minutes } });
    // 000 六: the family learns the visit is done, with the photos, and is asked to confirm.
    const item = await tx.serviceItem.findUniqueOrThrow({ where: { id: order.serviceItemId } });
    await notify(tx, await elderAudience(tx, order.elderId), {
      elderId: order.elderId, kind: 'VISIT_COMPLETED', title: `${item.name}服务已完成`,
      body: `${elder.name}的${item.name}服务已完成，服务 ${minutes} 分钟。现场照片：/files/${visit.checkInPhotoId}、/files/${input.photoId}。请确认并评价。`,
      dedupe: `order:${order.id}:completed`,
    });
    return tx.order.findUniqueOrThrow({ where: { id: order.id } });
  });
}

/**
 * The elder or a family member confirms a completed visit (000 六: 由老人签字确认); the booked
 * holds become charges owed to the provider. Confirming twice is INVALID_STATE and charges once.
 */
export async function confirmOrder(prisma: PrismaClient, actor: Actor, orderId: string, now: Date) {
  if (!['ELDER', 'FAMILY', 'CAREGIVER'].includes(actor.role)) fail(ErrorCode.FORBIDDEN, '服务完成后由老人或家属确认。');
  const order = await orderInScope(prisma, actor, orderId);
  return moneyTx(prisma, async (tx) => {
    const claimed = await tx.order.updateMany({ where: { id: order.id, status: 'COMPLETED' }, data: { status: 'CONFIRMED', confirmedById: actor.userId, confirmedAt: now } });
    if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, order.status === 'CONFIRMED' ? '这次服务已经确认过了。' : '服务完成签出后才能确认。');
    const holds = await tx.hold.findMany({ where: { orderId: order.id, status: 'ACTIVE' }, include: { account: true } });
    for (const h of holds) {
      const payable = await systemAccount(tx, order.enrolmentId ? (await tx.enrolment.findUniqueOrThrow({ where: { id: order.enrolmentId } })).policyId : h.account.policyId!, 'PROVIDER_PAYABLE', h.account.unit);
      await postHold(tx, h.id, payable.id, { idempotencyKey: `order:${order.id}:charge:${h.id}`, request: { order: order.id, hold: h.id }, elderId: order.elderId, orderId: order.id, memo: '上门服务确认扣费' }, now);
    }
    return tx.order.findUniqueOrThrow({ where: { id: order.id } });
  });
}
