// The analysis's own SQL (002 二(五)13 服务大数据分析): what the dashboard's statements (settlement/dashboard.store.ts)
// do not count — visit exceptions and credit events — per region path (with its sub-regions) and month window.
import type { PrismaClient } from '../db/prisma.js';

/** Visit exceptions found in the window, per region path of the visit's elder. */
export function exceptionsByRegion(prisma: PrismaClient, ps: string[], w: { start: Date; end: Date }) {
  return prisma.$queryRaw<{ path: string; n: bigint; rejected: bigint }[]>`
    SELECT p.path, count(*) AS n, count(*) FILTER (WHERE x.status = 'REJECTED') AS rejected
      FROM unnest(${ps}::text[]) AS p(path)
      JOIN "Region" r ON r.path = p.path OR r.path LIKE p.path || '/%'
      JOIN "Elder" el ON el."communityId" = r.id
      JOIN "Order" o ON o."elderId" = el.id
      JOIN "VisitException" x ON x."orderId" = o.id AND x."createdAt" >= ${w.start} AND x."createdAt" < ${w.end}
     GROUP BY p.path`;
}

/** Credit events that occurred in the window and still stand, per region path where they were recorded. */
export function creditByRegion(prisma: PrismaClient, ps: string[], w: { start: Date; end: Date }) {
  return prisma.$queryRaw<{ path: string; n: bigint; points: bigint | null }[]>`
    SELECT p.path, count(*) AS n, sum(c.points) AS points
      FROM unnest(${ps}::text[]) AS p(path)
      JOIN "CreditEvent" c ON (c."regionPath" = p.path OR c."regionPath" LIKE p.path || '/%')
       AND c.status = 'ACTIVE' AND c."occurredAt" >= ${w.start} AND c."occurredAt" < ${w.end}
     GROUP BY p.path`;
}
