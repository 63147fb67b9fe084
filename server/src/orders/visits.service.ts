// Verified visits (000 六·流程2: 扫码签到 at the elder's home with location and photo, the elder signs
// off, 扫码签出; 004 附件7: duration in minutes). A visit becomes payable only when someone other than
// the provider vouches for it (the elder, a family member, or a verifying call), and an hourly item
// is charged by the time measured between check-in and check-out.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Actor, authorize, type Action } from '../auth/index.js';
import { ErrorCode, badInput, fail, isRecordNotFound } from '../common/errors.js';
import type { OrderStatus, Prisma, PrismaClient } from '../db/prisma.js';
import { assertElderInScope } from '../elders/index.js';
import { VISIT_EVIDENCE } from '../policies/index.js';
import { moneyTx, postHold, systemAccount } from '../wallet/index.js';
import { payAgreementVisit } from '../agreements/index.js';
import type { Tx } from '../db/database.js';
import { elderAudience, notify } from '../notices/index.js';
import { audit } from '../audit/index.js';
import { orderInScope } from './orders.service.js';
import { chargeForVisit } from './pricing.js';
import { checkInWindow, orderRules } from './visit-rules.js';
import { checkInSite, checkOutSite } from '../canteens/index.js';
import { distanceMeters } from '../common/geo.js';

export { distanceMeters };

export interface VisitConfig {
  /** HMAC key for home QR codes (derived from the server's secrets). */
  qrKey: string;
  /** How far from the elder's recorded address a check-in or check-out may be. */
  geofenceMeters: number;
}

const mac = (key: string, elderId: string, secret: string) =>
  createHmac('sha256', key).update(`${elderId}:${secret}`).digest().subarray(0, 16).toString('base64url');

/**
 * The printable code at the elder's home: `YL1.<elderId>.<mac>`. Workers covering the elder print
 * it; rotating the elder's secret (`rotate`) voids a lost or copied code.
 */
export async function homeQrToken(
  prisma: PrismaClient,
  cfg: VisitConfig,
  actor: Actor,
  elderId: string,
  rotate = false,
) {
  let elder = await assertElderInScope(prisma, authorize(actor, 'homeQrToken'), elderId);
  if (!elder.qrSecret || rotate)
    elder = await prisma.elder.update({ where: { id: elder.id }, data: { qrSecret: randomBytes(16).toString('hex') } });
  return `YL1.${elder.id}.${mac(cfg.qrKey, elder.id, elder.qrSecret!)}`;
}

function verifyQr(cfg: VisitConfig, token: string, elder: { id: string; qrSecret: string | null }) {
  const [v, id, got] = (token ?? '').split('.');
  if (v !== 'YL1' || id !== elder.id || !got || !elder.qrSecret) return false;
  const want = Buffer.from(mac(cfg.qrKey, elder.id, elder.qrSecret));
  const given = Buffer.from(got);
  return want.length === given.length && timingSafeEqual(want, given);
}

function checkPlace(
  cfg: VisitConfig,
  elder: { latitude: number | null; longitude: number | null },
  lat: number,
  lng: number,
) {
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180)
    throw badInput('latitude', '定位信息无效，请打开手机定位后重试。');
  if (elder.latitude == null || elder.longitude == null)
    fail(ErrorCode.INVALID_STATE, '老人的住址还没有登记定位，请社区工作人员补录后再签到。');
  const d = distanceMeters({ lat, lng }, { lat: elder.latitude!, lng: elder.longitude! });
  if (d > cfg.geofenceMeters)
    fail(
      ErrorCode.GEOFENCE_VIOLATION,
      `签到位置离老人家约 ${d} 米，超过了 ${cfg.geofenceMeters} 米，请到老人家中扫码。`,
      { distanceMeters: d },
    );
  return d;
}

async function assertOwnPhoto(prisma: PrismaClient, actor: Actor, photoId: string) {
  const file = await prisma.storedFile.findUnique({ where: { id: photoId } });
  if (!file || file.uploadedById !== actor.userId) throw badInput('photoId', '请先上传本次服务的现场照片。');
}

/** A step received this long after its recorded time was queued offline: it is marked sent late. */
const SENT_LATE_AFTER_MS = 5 * 60_000;
/** Offline steps older than this are refused (assumed: a day covers a visit without signal). */
const MAX_OFFLINE_MS = 24 * 3_600_000;
/** A phone clock this far ahead of the server's is tolerated (clock drift), no more. */
const MAX_AHEAD_MS = 2 * 60_000;

/**
 * The time a step is judged by: the phone's recorded time when it was queued offline (issue 23),
 * else the server's; and whether it reached the server late. Refused when the recorded time is in
 * the future or too old to be checked.
 */
export function stepTime(recordedAt: Date | null | undefined, now: Date): { at: Date; late: boolean } {
  if (!recordedAt) return { at: now, late: false };
  const t = recordedAt.getTime();
  if (!Number.isFinite(t)) throw badInput('recordedAt', '记录时间无效，请重新签到。');
  if (t > now.getTime() + MAX_AHEAD_MS) throw badInput('recordedAt', '手机时间比现在还晚，请把手机时间调准后重试。');
  if (now.getTime() - t > MAX_OFFLINE_MS)
    throw badInput('recordedAt', '离线记录已超过 24 小时，不能再补传，请联系服务机构核实这次服务。');
  return { at: new Date(Math.min(t, now.getTime())), late: now.getTime() - t > SENT_LATE_AFTER_MS };
}

/** The caregiver's order with its elder, item's name and visit (and the visit's canteen), in one statement. */
async function caregiverOrder(prisma: PrismaClient, actor: Actor, orderId: string, action: Action) {
  return orderInScope(prisma, authorize(actor, action), orderId, {
    elder: true,
    serviceItem: { select: { name: true } },
    visit: { include: { canteen: true } },
  });
}

/**
 * Moves the order on from `from` (`data` sets the new status) and returns it as it is now, in one
 * statement; INVALID_STATE with `message` when it is no longer in `from` (a second check-in,
 * check-out or confirmation racing this one).
 */
async function claimOrder(
  tx: Tx,
  orderId: string,
  from: OrderStatus,
  data: Prisma.OrderUncheckedUpdateInput & { status: OrderStatus },
  message: string,
) {
  try {
    return await tx.order.update({ where: { id: orderId, status: from }, data });
  } catch (err) {
    if (isRecordNotFound(err)) fail(ErrorCode.INVALID_STATE, message);
    throw err;
  }
}

/** Check-in: the assigned caregiver scans the home code, within the geofence, with a photo. */
export async function checkIn(
  prisma: PrismaClient,
  cfg: VisitConfig,
  actor: Actor,
  input: {
    orderId: string;
    qrToken: string;
    latitude: number;
    longitude: number;
    photoId: string;
    recordedAt?: Date | null;
  },
  now: Date,
) {
  const step = stepTime(input.recordedAt, now);
  const order = await caregiverOrder(prisma, actor, input.orderId, 'checkIn');
  if (order.status !== 'ASSIGNED')
    fail(ErrorCode.INVALID_STATE, order.status === 'IN_SERVICE' ? '已经签到过了。' : '这张工单现在不能签到。');
  const rules = await orderRules(prisma, order);
  // An offline check-in is judged by when it happened, not by when the network came back.
  checkInWindow(rules.doc, order, step.at);
  const { elder } = order;
  // A canteen meal is verified at the canteen (000 六·流程3); everything else at the home.
  const canteen = await checkInSite(prisma, cfg, rules.item, elder, input);
  if (!canteen && !verifyQr(cfg, input.qrToken, elder))
    throw badInput('qrToken', '二维码不是这位老人家的，请扫描老人家中张贴的二维码。');
  const distance = canteen ? canteen.distance : checkPlace(cfg, elder, input.latitude, input.longitude);
  await assertOwnPhoto(prisma, actor, input.photoId);
  return prisma.$transaction(async (tx) => {
    const claimed = await claimOrder(tx, order.id, 'ASSIGNED', { status: 'IN_SERVICE' }, '已经签到过了。');
    await tx.visit.create({
      data: {
        orderId: order.id,
        caregiverId: order.caregiverId!,
        checkInAt: step.at,
        checkInReceivedAt: now,
        checkInSentLate: step.late,
        checkInLatitude: input.latitude,
        checkInLongitude: input.longitude,
        checkInDistanceM: distance,
        checkInPhotoId: input.photoId,
        canteenId: canteen?.canteenId,
      },
    });
    return claimed;
  });
}

/** Check-out: within the geofence, with a photo; the duration is counted in whole minutes. */
export async function checkOut(
  prisma: PrismaClient,
  cfg: VisitConfig,
  actor: Actor,
  input: {
    orderId: string;
    latitude: number;
    longitude: number;
    photoId: string;
    qrToken?: string | null;
    recordedAt?: Date | null;
  },
  now: Date,
) {
  const step = stepTime(input.recordedAt, now);
  const order = await caregiverOrder(prisma, actor, input.orderId, 'checkOut');
  if (order.status !== 'IN_SERVICE') fail(ErrorCode.INVALID_STATE, '还没有签到，或已经签出了。');
  const { elder, visit } = order;
  const checkedInAt = visit?.checkInAt;
  if (!visit || !checkedInAt) return fail(ErrorCode.INVALID_STATE, '还没有签到，或已经签出了。');
  if (!checkOutSite(cfg, visit, elder, input)) {
    // The caregiver's app scans the home code again on the way out (issue 23); a wrong code is refused.
    if (input.qrToken != null && !verifyQr(cfg, input.qrToken, elder))
      throw badInput('qrToken', '二维码不是这位老人家的，请扫描老人家中张贴的二维码。');
    checkPlace(cfg, elder, input.latitude, input.longitude);
  }
  await assertOwnPhoto(prisma, actor, input.photoId);
  return prisma.$transaction(async (tx) => {
    // The visit read with the order is the one to close: its check-in is written once, and the claim
    // lets one check-out through.
    const claimed = await claimOrder(tx, order.id, 'IN_SERVICE', { status: 'COMPLETED' }, '已经签出过了。');
    if (step.at.getTime() < checkedInAt.getTime())
      throw badInput('recordedAt', '签退时间早于签到时间，请检查手机时间后重试。');
    const minutes = Math.max(1, Math.round((step.at.getTime() - checkedInAt.getTime()) / 60_000));
    await tx.visit.update({
      where: { id: visit.id },
      data: {
        checkOutAt: step.at,
        checkOutReceivedAt: now,
        checkOutSentLate: step.late,
        checkOutLatitude: input.latitude,
        checkOutLongitude: input.longitude,
        checkOutPhotoId: input.photoId,
        durationMinutes: minutes,
      },
    });
    // 000 六: the family learns the visit is done, with the photos, and is asked to confirm.
    const item = order.serviceItem;
    await notify(tx, await elderAudience(tx, order.elderId), {
      elderId: order.elderId,
      kind: 'VISIT_COMPLETED',
      title: `${item.name}服务已完成`,
      body: `${elder.name}的${item.name}服务已完成，服务 ${minutes} 分钟，附现场照片。请确认并评价。`,
      dedupe: `order:${order.id}:completed`,
      orderId: order.id,
      photoFileIds: [visit.checkInPhotoId, input.photoId].filter((id): id is string => !!id),
    });
    return claimed;
  });
}

export type VisitEvidence = (typeof VISIT_EVIDENCE)[number];

/** Who may give which evidence. The provider's own staff never vouch for their own visit. */
const EVIDENCE_BY_ROLE: Partial<Record<Actor['role'], VisitEvidence>> = { ELDER: 'ELDER_APP', FAMILY: 'FAMILY_APP' };

/**
 * The elder or a family member confirms a completed visit in the app (000 六·流程2: 由老人签字确认),
 * or an operator or community worker confirms it after a call with the elder (平台核实及跟踪回访).
 * The visit is then charged (measured time for hourly items) and owed to the provider. A
 * caregiver or provider confirming its own visit is SELF_CONFIRMATION; confirming twice is
 * INVALID_STATE and charges once.
 */
export async function confirmOrder(prisma: PrismaClient, actor: Actor, orderId: string, now: Date) {
  const order = await orderInScope(prisma, authorize(actor, 'confirmOrder'), orderId);
  return chargeConfirmedVisit(prisma, actor, order, EVIDENCE_BY_ROLE[actor.role]!, now);
}

/**
 * An operator or the elder's community worker called the elder and the elder confirmed the visit
 * (000 六·流程2: 平台进行核实及跟踪回访). The call's note is kept in the audit trail.
 */
export async function confirmVisitByCall(prisma: PrismaClient, actor: Actor, orderId: string, note: string, now: Date) {
  const order = await orderInScope(prisma, authorize(actor, 'confirmVisitByCall'), orderId);
  const text = note?.trim() ?? '';
  if (text.length < 4) throw badInput('note', '请记录回访通话情况（如：老人确认护理员已上门打扫 2 小时）。');
  const confirmed = await chargeConfirmedVisit(prisma, actor, order, 'FOLLOW_UP_CALL', now);
  await audit(prisma, actor, {
    action: 'VISIT_CONFIRMED_BY_CALL',
    entity: 'Order',
    entityId: order.id,
    detail: { note: text },
  });
  return confirmed;
}

/**
 * Marks the visit confirmed on `evidence` and charges it, in one money transaction. Callers check
 * who may give the evidence.
 */
export async function chargeConfirmedVisit(
  prisma: PrismaClient,
  actor: Actor,
  order: { id: string; status: string; elderId: string; serviceItemId: string; quantity: number; amountFen: number },
  evidence: VisitEvidence,
  now: Date,
  /** What the evidence leaves on the visit (the elder's signature), written in the same transaction. */
  record?: (tx: Tx) => Promise<void>,
) {
  const rules = await orderRules(prisma, order);
  if (!rules.doc.visits.evidence.accepted.includes(evidence))
    fail(ErrorCode.EVIDENCE_NOT_ACCEPTED, `老人所属项目不接受这种确认方式（${rules.doc.visits.evidence.source}）。`);
  return moneyTx(prisma, async (tx) => {
    // The claim returns the order as it is now, which is what is charged.
    const claimed = await claimOrder(
      tx,
      order.id,
      'COMPLETED',
      { status: 'CONFIRMED', confirmedById: actor.userId, confirmedAt: now, evidence },
      order.status === 'CONFIRMED' ? '这次服务已经确认过了。' : '服务完成签出后才能确认。',
    );
    await record?.(tx);
    // 004 五(二)5, 五(五): an agreed visit is paid by the project at the agreed price, not from holds.
    if (claimed.visitAgreementId) {
      await payAgreementVisit(
        tx,
        { ...claimed, visitAgreementId: claimed.visitAgreementId },
        rules.policyId,
        actor.userId,
        now,
      );
      return tx.order.update({ where: { id: order.id }, data: { chargedFen: claimed.amountFen } });
    }
    // The visit's measured time and the holds to charge, in one statement.
    const { visit, holds } = await tx.order.findUniqueOrThrow({
      where: { id: order.id },
      select: {
        visit: { select: { durationMinutes: true } },
        holds: { where: { status: 'ACTIVE' }, include: { account: true }, orderBy: { createdAt: 'asc' } },
      },
    });
    const charge = chargeForVisit(
      rules.doc,
      rules.item,
      claimed,
      holds.map((h) => ({
        holdId: h.id,
        kind: h.account.kind as never,
        unit: h.account.unit,
        amount: Number(h.amount),
      })),
      visit?.durationMinutes ?? null,
    );
    for (const h of holds) {
      const part = BigInt(charge.parts.find((p) => p.holdId === h.id)?.amount ?? 0);
      const payable = await systemAccount(tx, rules.policyId, 'PROVIDER_PAYABLE', h.account.unit);
      await postHold(
        tx,
        h.id,
        part,
        payable.id,
        {
          idempotencyKey: `order:${order.id}:charge:${h.id}`,
          request: { order: order.id, hold: h.id, amount: part.toString() },
          elderId: order.elderId,
          orderId: order.id,
          memo:
            charge.payableMinutes === null
              ? '上门服务确认扣费'
              : `上门服务确认扣费（按实际服务 ${charge.payableMinutes} 分钟）`,
        },
        now,
      );
    }
    return tx.order.update({
      where: { id: order.id },
      data: { chargedFen: charge.chargedFen, chargedMinutes: charge.payableMinutes },
    });
  });
}
