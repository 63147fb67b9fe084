// 补贴券 (003 三(二): 政府可通过发放补贴券或购买服务时间等形式): a month's vouchers per enrolled elder,
// one per day, worth the day's hours by self-care level (the county's document, else the
// framework's); a verified visit redeems one by its serial (printed as text and a QR).
//
// Value: the allowance run credits the month's minutes to the elder's hours account, and the visit's
// CHARGE moves the minutes it used to the provider. The voucher is the paper form of that time, so
// issuing and redeeming move nothing on the ledger (a second movement would pay the same hour twice);
// redeeming records which verified visit used which voucher, once.
import { randomBytes } from 'node:crypto';
import { ErrorCode, fail } from '../common/errors.js';
import { monthInShanghai, todayInShanghai } from '../common/calendar.js';
import { qrDataUrl } from '../common/qr.js';
import type { PrismaClient } from '../db/prisma.js';
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { countyFor, hoursPerDayFor, loadPolicy, valueAtMinimumWage, type PolicyDocument } from '../policies/index.js';
import { monthBounds, monthLabel, parseMonth } from '../wallet/index.js';
import { enrolmentsForVouchers, lockOrder, lockVoucher } from './vouchers.store.js';

// Crockford's base32 without I, L, O, U: a serial read aloud or typed from a print is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SERIAL = /^[A-Z]{2,4}-\d{6}-[0-9A-HJKMNP-TV-Z]{10}$/;

const randomPart = () =>
  Array.from(randomBytes(10), (b) => ALPHABET[b % 32])
    .join('')
    .slice(0, 10);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const lastDay = (month: string) => dayOf(monthBounds(month).last);

export const voucherView = (v: { issuedOn: Date; expiresOn: Date; [k: string]: unknown }): Record<string, unknown> => ({
  ...v,
  issuedOn: dayOf(v.issuedOn),
  expiresOn: dayOf(v.expiresOn),
});

/**
 * Issues the month's vouchers to every active enrolment of the programme in the official's region.
 * Not in advance (like the allowance); a rerun issues only what is missing (one per elder and day,
 * unique), so it never issues twice. A FEN voucher needs the county's wage on the issue day.
 */
export async function issueVouchers(
  prisma: PrismaClient,
  actor: Actor,
  input: { policyCode: string; month: string },
  now: Date,
) {
  const grant = authorize(actor, 'issueVouchers');
  parseMonth(input.month);
  if (input.month > monthInShanghai(now))
    fail(ErrorCode.BAD_USER_INPUT, `补贴券按月发放，不能提前发放${monthLabel(input.month)}的券。`, { field: 'month' });
  const loaded = await loadPolicy(prisma, { code: input.policyCode });
  if (!loaded) return fail(ErrorCode.NOT_FOUND, '没有找到这个项目。');
  const { policy, doc } = loaded;
  if (!doc.vouchers) return fail(ErrorCode.INVALID_STATE, `${doc.name}不发放补贴券（政策未规定）。`);
  const where = { policyId: policy.id, doc, month: input.month, regionPath: grant.actor.regionPath! };
  return writeVouchers(prisma, where, now, actor);
}

/**
 * Writes the month's missing vouchers for the programme's active enrolments under `regionPath`: one per
 * day from the enrolment's first day, worth the day's hours (a FEN voucher: at the county's wage on
 * the issue day). Unique per elder, month and day, so a rerun or a race writes each once.
 */
export async function writeVouchers(
  prisma: PrismaClient,
  input: { policyId: string; doc: PolicyDocument; month: string; regionPath: string },
  now: Date,
  actor: Actor | null,
) {
  const { doc } = input;
  const rules = doc.vouchers;
  if (!rules) return fail(ErrorCode.INVALID_STATE, `${doc.name}不发放补贴券（政策未规定）。`);
  const { first, last } = monthBounds(input.month);
  const today = todayInShanghai(now);
  const issuedOn = input.month === today.slice(0, 7) ? today : dayOf(first);
  const days = Number(lastDay(input.month).slice(8));
  return prisma.$transaction(
    async (tx) => {
      const enrolments = await enrolmentsForVouchers(tx, input.policyId, last, input.regionPath);
      const already = new Set(
        (
          await tx.voucher.groupBy({
            by: ['elderId'],
            where: { policyId: input.policyId, month: input.month, elderId: { in: enrolments.map((e) => e.elderId) } },
          })
        ).map((g) => g.elderId),
      );
      const rows = [];
      for (const e of enrolments) {
        if (already.has(e.elderId)) continue;
        const hours = hoursPerDayFor(doc, e.communityPath, e.selfCare);
        if (hours === null) continue;
        let faceValue = hours * 60;
        if (rules.unit === 'FEN') {
          const county = countyFor(doc, e.communityPath);
          const v = county ? valueAtMinimumWage(county, issuedOn, faceValue) : null;
          if (!v || v.fen === null)
            fail(
              ErrorCode.INVALID_STATE,
              '本县（市、区）小时最低工资标准尚未录入，不能发放按金额计的补贴券；请先补录标准。',
            );
          faceValue = v!.fen!;
        }
        // An elder enrolled mid-month gets the days from the enrolment on.
        const fromDay = dayOf(e.startedOn) > dayOf(first) ? Number(dayOf(e.startedOn).slice(8)) : 1;
        for (let seq = fromDay; seq <= days; seq += 1)
          rows.push({
            serial: `${rules.serialPrefix}-${input.month.replace('-', '')}-${randomPart()}`,
            policyId: input.policyId,
            elderId: e.elderId,
            month: input.month,
            seq,
            unit: rules.unit,
            faceValue,
            issuedOn: new Date(`${issuedOn}T00:00:00Z`),
            expiresOn: last,
          });
      }
      // skipDuplicates: a concurrent issue of the same month takes each (elder, month, seq) once.
      const made = rows.length ? await tx.voucher.createMany({ data: rows, skipDuplicates: true }) : { count: 0 };
      const elders = new Set(rows.map((r) => r.elderId)).size;
      if (made.count)
        await audit(tx, actor, {
          action: 'VOUCHERS_ISSUED',
          entity: 'Policy',
          entityId: input.policyId,
          detail: { month: input.month, elders, vouchers: made.count, source: rules.source },
        });
      return { month: input.month, elders, issued: made.count, skipped: already.size };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}

async function elderTarget(prisma: PrismaClient, elderId: string) {
  const elder = await prisma.elder.findUnique({
    where: { id: elderId },
    include: { community: true, family: { select: { userId: true } } },
  });
  if (!elder) return fail(ErrorCode.NOT_FOUND, '没有找到这位老人。');
  return {
    elder,
    target: { regionPath: elder.community.path, elderId, familyUserIds: elder.family.map((f) => f.userId) },
  };
}

/** The elder's vouchers of a month, each with its QR image for printing. */
export async function elderVouchers(prisma: PrismaClient, actor: Actor, elderId: string, month: string) {
  authorize(actor, 'elderVouchers');
  parseMonth(month);
  const { target } = await elderTarget(prisma, elderId);
  authorize(actor, 'elderVouchers', target);
  const vouchers = await prisma.voucher.findMany({ where: { elderId, month }, orderBy: { seq: 'asc' } });
  return Promise.all(vouchers.map(async (v) => ({ ...voucherView(v), qrDataUrl: await qrDataUrl(v.serial) })));
}

/**
 * Redeems the voucher of `serial` with a verified visit (a CONFIRMED order of the voucher's elder, on a
 * day of the voucher's month, that has used no other voucher). Refused with nothing changed: used
 * already (VOUCHER_REDEEMED), past its last day or a visit after it (VOUCHER_EXPIRED), another
 * elder's, an unverified visit, or a visit that used one (VOUCHER_NOT_FOR_VISIT). The same key
 * replays the first answer; two redeems at once take turns on the voucher's row and one wins.
 */
export async function redeemVoucher(
  prisma: PrismaClient,
  actor: Actor,
  input: { serial: string; orderId: string; idempotencyKey: string },
  now: Date,
) {
  authorize(actor, 'redeemVoucher');
  const order = await prisma.order.findUnique({
    where: { id: input.orderId },
    include: {
      elder: { include: { community: true, family: { select: { userId: true } } } },
      caregiver: { select: { userId: true } },
      visit: { select: { checkInAt: true } },
      enrolment: { include: { policy: true } },
    },
  });
  if (!order) return fail(ErrorCode.NOT_FOUND, '没有找到这张工单。');
  const target = {
    regionPath: order.elder.community.path,
    elderId: order.elderId,
    providerIds: order.providerId ? [order.providerId] : [],
    caregiverUserIds: order.caregiver?.userId ? [order.caregiver.userId] : [],
  };
  authorize(actor, 'redeemVoucher', target);
  const policy = order.enrolment?.policy;
  const doc = policy ? (await loadPolicy(prisma, { id: policy.id }))!.doc : null;
  if (!doc?.vouchers) return fail(ErrorCode.INVALID_STATE, '这位老人所属项目不发放补贴券，服务按时长结算即可。');
  const serial = input.serial.trim().toUpperCase();
  if (!SERIAL.test(serial))
    fail(ErrorCode.BAD_USER_INPUT, '券号格式不对，请核对券面上的券号或重新扫码。', { field: 'serial' });

  const redeemed = await prisma.$transaction(async (tx) => {
    const id = await lockVoucher(tx, serial);
    if (!id) return fail(ErrorCode.NOT_FOUND, '没有找到这张补贴券，请核对券号。');
    await lockOrder(tx, order.id);
    const v = await tx.voucher.findUniqueOrThrow({ where: { id } });
    if (v.status === 'REDEEMED') {
      // The same request again: its first answer. Anything else: the voucher is spent.
      if (v.redeemKey === input.idempotencyKey && v.orderId === order.id) return { v, replayed: true };
      if (v.redeemKey === input.idempotencyKey) fail(ErrorCode.IDEMPOTENCY_CONFLICT);
      fail(ErrorCode.VOUCHER_REDEEMED, `这张补贴券已于${todayInShanghai(v.redeemedAt!)}使用过了，不能再次使用。`);
    }
    if ((await tx.voucher.count({ where: { redeemKey: input.idempotencyKey } })) > 0)
      fail(ErrorCode.IDEMPOTENCY_CONFLICT);
    const today = todayInShanghai(now);
    const visitDay = todayInShanghai(order.visit?.checkInAt ?? order.scheduledAt);
    const expires = dayOf(v.expiresOn);
    if (today > expires || visitDay > expires)
      fail(ErrorCode.VOUCHER_EXPIRED, `这张补贴券${expires}已到期（${monthLabel(v.month)}有效，不跨月使用）。`);
    if (v.elderId !== order.elderId)
      fail(ErrorCode.VOUCHER_NOT_FOR_VISIT, '这张补贴券不是这位老人的，请使用老人本人的券。');
    if (order.status !== 'CONFIRMED')
      fail(ErrorCode.VOUCHER_NOT_FOR_VISIT, '这次服务还没有经老人或家属确认，确认后才能用券。');
    if (visitDay < dayOf(v.issuedOn) || visitDay.slice(0, 7) !== v.month)
      fail(ErrorCode.VOUCHER_NOT_FOR_VISIT, `这次服务在${visitDay}，不在这张券的有效期内。`);
    if (await tx.voucher.findUnique({ where: { orderId: order.id } }))
      fail(ErrorCode.VOUCHER_NOT_FOR_VISIT, '这次服务已经用过一张补贴券了。');
    const done = await tx.voucher.update({
      where: { id },
      data: {
        status: 'REDEEMED',
        orderId: order.id,
        redeemedAt: now,
        redeemedById: actor.userId,
        redeemKey: input.idempotencyKey,
      },
    });
    await audit(tx, actor, {
      action: 'VOUCHER_REDEEMED',
      entity: 'Voucher',
      entityId: id,
      detail: { serial, orderId: order.id, source: doc.vouchers!.source },
    });
    return { v: done, replayed: false };
  });
  return voucherView(redeemed.v);
}
