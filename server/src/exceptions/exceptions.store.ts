// The detectors of visits officials should look at (异常工单), as one set-based statement per
// programme and month. Each finding is inserted once per visit and reason (the unique
// (orderId, reason) index), so a rerun adds only what is new and never reopens a resolved one.
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';

export interface DetectionRules {
  policyId: string;
  /** The month as an instant window (Asia/Shanghai). */
  start: Date;
  end: Date;
  earlyMinutes: number;
  lateMinutes: number;
  shortVisitPercent: number;
  samePointMeters: number;
  samePointMinutes: number;
  repeatedLocationVisits: number;
  now: Date;
}

/**
 * Screens the checked-out visits of the programme whose check-out or confirmation falls in the
 * month. The month recorded is the one of the charge (the confirmation), else of the check-out,
 * so the exception holds the statement that pays the visit. Returns how many were new.
 */
export async function insertFindings(db: PrismaClient | Tx, r: DetectionRules): Promise<number> {
  return db.$executeRaw`
    WITH vs AS (
      SELECT o.id AS order_id, o."providerId" AS provider_id, o."elderId" AS elder_id, v."caregiverId" AS caregiver_id,
             v."checkInAt" AS cin, v."checkOutAt" AS cout, v."durationMinutes" AS dur, o."scheduledAt" AS sched,
             v."checkInLatitude" AS lat1, v."checkInLongitude" AS lng1, v."checkOutLatitude" AS lat2,
               v."checkOutLongitude" AS lng2,
             v."checkInPhotoId" AS p1, v."checkOutPhotoId" AS p2,
             CASE WHEN si.unit::text IN ('PER_HOUR', 'PER_60_MIN') AND si."unitMinutes" IS NOT NULL THEN
               si."unitMinutes" * o.quantity END AS booked,
             -- The month is formatted for the few findings only (in the INSERT), not for every visit screened.
             COALESCE(o."confirmedAt", v."checkOutAt") AS month
        FROM "Visit" v
        JOIN "Order" o ON o.id = v."orderId"
        JOIN "ServiceItem" si ON si.id = o."serviceItemId"
       WHERE si."policyId" = ${r.policyId} AND o."providerId" IS NOT NULL AND o.status IN ('COMPLETED', 'CONFIRMED')
         AND v."checkInAt" IS NOT NULL AND v."checkOutAt" IS NOT NULL
         AND ((v."checkOutAt" >= ${r.start} AND v."checkOutAt" < ${r.end}) OR (o."confirmedAt" >= ${r.start} AND
           o."confirmedAt" < ${r.end}))),
    photos AS (
      SELECT vs.order_id, f.sha256 FROM vs CROSS JOIN LATERAL (VALUES (vs.p1), (vs.p2)) p(id)
        JOIN "StoredFile" f ON f.id = p.id),
    -- Every visit's photos (any month: a photo reused from an earlier month counts), as rows, so the
    -- hashes join by equality instead of an OR that the planner can only loop over.
    visit_photos AS (
      SELECT "orderId" AS order_id, "checkInPhotoId" AS file_id FROM "Visit" WHERE "checkInPhotoId" IS NOT NULL
      UNION ALL
      SELECT "orderId", "checkOutPhotoId" FROM "Visit" WHERE "checkOutPhotoId" IS NOT NULL),
    reused AS (
      SELECT DISTINCT ph.order_id FROM photos ph
        JOIN "StoredFile" f2 ON f2.sha256 = ph.sha256
        JOIN visit_photos v2 ON v2.file_id = f2.id AND v2.order_id <> ph.order_id),
    -- One row per visit (Visit.orderId is unique), so counting rows per caregiver and point is counting visits.
    spots AS (
      SELECT * FROM (
        SELECT vs.*, count(*) OVER (PARTITION BY caregiver_id, round(lat1::numeric, 5), round(lng1::numeric, 5)) AS n
          FROM vs WHERE lat1 IS NOT NULL AND lng1 IS NOT NULL) q
       WHERE n >= ${r.repeatedLocationVisits}),
    -- A caregiver's visits in check-in order: a visit overlaps another of theirs only if an earlier one is
    -- still running at its check-in, or the next one starts before its check-out. One sort instead of
    -- pairing every visit with every other of the caregiver's; only these few are paired below.
    ordered AS (
      SELECT order_id, provider_id, elder_id, caregiver_id, cin, cout, month,
             max(cout) OVER (PARTITION BY caregiver_id ORDER BY cin, order_id
                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_out,
             lead(cin) OVER (PARTITION BY caregiver_id ORDER BY cin, order_id) AS next_in
        FROM vs),
    overlapping AS MATERIALIZED (SELECT * FROM ordered WHERE prev_out > cin OR next_in < cout),
    findings AS (
      SELECT order_id, provider_id, month, 'SHORT_VISIT' AS reason, '实际服务 ' || dur || ' 分钟，预约 ' || booked || ' 分钟' AS
        detail
        FROM vs WHERE booked IS NOT NULL AND dur * 100 < booked * ${r.shortVisitPercent}
      UNION ALL
      SELECT order_id, provider_id, month, 'OUTSIDE_WINDOW',
             '签到时间 ' || to_char(cin + interval '8 hours', 'MM-DD HH24:MI') || '，预约时间 ' || to_char(sched + interval
               '8 hours', 'MM-DD HH24:MI')
        FROM vs WHERE cin < sched - ${r.earlyMinutes} * interval '1 minute' OR cin > sched + ${r.lateMinutes} *
          interval '1 minute'
      UNION ALL
      SELECT order_id, provider_id, month, 'QUICK_SAME_POINT', '签到签出相隔 ' || dur || ' 分钟，两处定位相距约 ' || round(d) || ' 米'
        FROM (SELECT vs.*, sqrt(power((lat2 - lat1) * 111320, 2) + power((lng2 - lng1) * 111320 * cos(radians(lat1)),
          2)) AS d FROM vs WHERE lat2 IS NOT NULL) q
       WHERE dur < ${r.samePointMinutes} AND d <= ${r.samePointMeters}
      UNION ALL
      (SELECT DISTINCT ON (a.order_id) a.order_id, a.provider_id, a.month, 'CAREGIVER_OVERLAP',
             '同一护理员在 ' || to_char(greatest(a.cin, b.cin) + interval '8 hours', 'MM-DD HH24:MI') || ' 同时在另一位老人家中签到（工单 '
               || left(b.order_id, 8) || '）'
        FROM overlapping a JOIN overlapping b ON b.caregiver_id = a.caregiver_id AND b.order_id <> a.order_id AND
          b.elder_id <> a.elder_id AND b.cin < a.cout AND a.cin < b.cout
       -- The earliest other visit is named, so the detail does not depend on the plan.
       ORDER BY a.order_id, b.cin, b.order_id)
      UNION ALL
      SELECT vs.order_id, vs.provider_id, vs.month, 'PHOTO_REUSED', '现场照片与另一次服务的照片完全相同（内容一致）'
        FROM vs JOIN reused ru ON ru.order_id = vs.order_id
      UNION ALL
      SELECT order_id, provider_id, month, 'LOCATION_REPEATED', '签到定位与该护理员本月另外 ' || (n - 1) ||
        ' 次服务完全相同（精确到米）'
        FROM spots)
    INSERT INTO "VisitException" (id, "orderId", "providerId", month, reason, detail, "createdAt")
    SELECT gen_random_uuid()::text, order_id, provider_id, to_char(month + interval '8 hours', 'YYYY-MM'),
           reason::"VisitExceptionReason", detail, ${r.now}
      FROM findings
    ON CONFLICT ("orderId", reason) DO NOTHING`;
}

/** The charges of an order, each with its entries' accounts and whether it was already reversed. */
export async function orderCharges(tx: Tx, orderId: string) {
  return tx.ledgerTransaction.findMany({
    where: { orderId, kind: 'CHARGE' },
    include: { entries: { include: { account: true } }, reversedBy: { select: { id: true } } },
    orderBy: { createdAt: 'asc' },
  });
}
