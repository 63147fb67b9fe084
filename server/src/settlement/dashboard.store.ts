// The dashboard's SQL: one statement per metric for a whole batch of region paths (each with its
// sub-regions, by path prefix) and one month.
import type { PrismaClient } from '../db/prisma.js';

/** The month as instants (start inclusive, end exclusive) and as its first and last day. */
export interface MonthWindow {
  start: Date;
  end: Date;
  first: Date;
  last: Date;
}

/** Elders enrolled at some point of the month, per region path (with its sub-regions) and programme. */
export function enrolledByRegion(prisma: PrismaClient, ps: string[], w: MonthWindow) {
  const { first, last } = w;
  return prisma.$queryRaw<{ path: string; policyId: string; n: bigint }[]>`
    SELECT p.path, e."policyId", count(DISTINCT e."elderId") AS n
      FROM unnest(${ps}::text[]) AS p(path)
      JOIN "Region" r ON r.path = p.path OR r.path LIKE p.path || '/%'
      JOIN "Elder" el ON el."communityId" = r.id
      JOIN "Enrolment" e ON e."elderId" = el.id AND e."startedOn" <= ${last} AND (e."endedOn" IS NULL OR e."endedOn"
        >= ${first})
     GROUP BY p.path, e."policyId"`;
}

/** The month's orders, visits, visit minutes and confirmed subsidy spending, per region path. */
export function ordersByRegion(prisma: PrismaClient, ps: string[], w: MonthWindow) {
  const { start, end } = w;
  return prisma.$queryRaw<
    { path: string; orders: bigint; visits: bigint; minutes: bigint | null; spending: bigint | null }[]
  >`
    SELECT p.path,
           count(*) FILTER (WHERE o."createdAt" >= ${start} AND o."createdAt" < ${end} AND o.status <> 'CANCELLED') AS
             orders,
           count(v.id) FILTER (WHERE v."checkOutAt" >= ${start} AND v."checkOutAt" < ${end}) AS visits,
           SUM(v."durationMinutes") FILTER (WHERE v."checkOutAt" >= ${start} AND v."checkOutAt" < ${end}) AS minutes,
           SUM(o."subsidyFen") FILTER (WHERE o."confirmedAt" >= ${start} AND o."confirmedAt" < ${end}) AS spending
      FROM unnest(${ps}::text[]) AS p(path)
      JOIN "Region" r ON r.path = p.path OR r.path LIKE p.path || '/%'
      JOIN "Elder" el ON el."communityId" = r.id
      JOIN "Order" o ON o."elderId" = el.id
      LEFT JOIN "Visit" v ON v."orderId" = o.id
     GROUP BY p.path`;
}

/** The month's follow-up verdicts (per satisfaction) and the average rating, per region path. */
export function feedbackByRegion(prisma: PrismaClient, ps: string[], w: MonthWindow) {
  const { start, end } = w;
  return prisma.$queryRaw<{ path: string; satisfaction: string | null; n: bigint; stars: number | null }[]>`
    SELECT p.path, f.satisfaction::text AS satisfaction, count(*) AS n, NULL::float AS stars
      FROM unnest(${ps}::text[]) AS p(path)
      JOIN "Region" r ON r.path = p.path OR r.path LIKE p.path || '/%'
      JOIN "Elder" el ON el."communityId" = r.id
      JOIN "Order" o ON o."elderId" = el.id
      JOIN "FollowUp" f ON f."orderId" = o.id AND f.at >= ${start} AND f.at < ${end}
     GROUP BY p.path, f.satisfaction
    UNION ALL
    SELECT p.path, NULL, count(*), avg(rt.stars)::float
      FROM unnest(${ps}::text[]) AS p(path)
      JOIN "Region" r ON r.path = p.path OR r.path LIKE p.path || '/%'
      JOIN "Elder" el ON el."communityId" = r.id
      JOIN "Order" o ON o."elderId" = el.id
      JOIN "Rating" rt ON rt."orderId" = o.id AND rt.at >= ${start} AND rt.at < ${end}
     GROUP BY p.path`;
}

/** The month's complaints and alerts (per kind), per region path. */
export function issuesByRegion(prisma: PrismaClient, ps: string[], w: MonthWindow) {
  const { start, end } = w;
  return prisma.$queryRaw<{ path: string; kind: string; n: bigint }[]>`
    SELECT p.path, 'COMPLAINT_FILED' AS kind, count(*) AS n
      FROM unnest(${ps}::text[]) AS p(path)
      JOIN "Region" r ON r.path = p.path OR r.path LIKE p.path || '/%'
      JOIN "Elder" el ON el."communityId" = r.id
      JOIN "Complaint" c ON c."elderId" = el.id AND c."createdAt" >= ${start} AND c."createdAt" < ${end}
     GROUP BY p.path
    UNION ALL
    SELECT p.path, a.kind::text, count(*)
      FROM unnest(${ps}::text[]) AS p(path)
      JOIN "Region" r ON r.path = p.path OR r.path LIKE p.path || '/%'
      JOIN "Alert" a ON a."communityId" = r.id AND a."raisedAt" >= ${start} AND a."raisedAt" < ${end}
     GROUP BY p.path, a.kind`;
}
