// Settlement's SQL: the month's confirmed charges (net of reversals an official's review posted)
// frozen into statement lines, the statement's totals, and the elders the platform served.
import QueryStream from 'pg-query-stream';
import { postgresPool, type Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';

const LINE_COLUMNS =
  '"orderId", "elderId", "elderName", "idNumberEnc", "communityName", "serviceCode", "serviceName", category, mode, ' +
  '"visitDate", "durationMinutes", "amountFen", "subsidyFen", "subsidyMinutes", "hoursValueFen", "selfPaidFen", ' +
  '"caregiverName", satisfaction, stars';

/**
 * The statement's lines as the ledger has them now (every column but id and settlementId): every order
 * with a CHARGE in the month window, net of the REVERSAL of those charges (an exception's ADJUST or
 * REJECT, whenever it was posted). An order whose charge was reversed in full has no line. Unconfirmed
 * visits have no charge and so never reach a statement. Parameters: $1 the statement (unused here),
 * $2 the provider, $3 and $4 the window, $5 the hourly cap.
 */
const FRESH_LINES = `
    WITH charged AS (
      SELECT t."orderId",
             SUM(CASE WHEN a.kind IN ('SUBSIDY_ONLINE', 'SUBSIDY_OFFLINE') THEN -e.amount ELSE 0 END) AS subsidy_fen,
             SUM(CASE WHEN a.kind = 'SUBSIDY_HOURS' THEN -e.amount ELSE 0 END) AS subsidy_min,
             SUM(CASE WHEN a.kind = 'SELF_PAID' THEN -e.amount ELSE 0 END) AS self_fen
        FROM "LedgerTransaction" t
        JOIN "LedgerEntry" e ON e."transactionId" = t.id
        JOIN "LedgerAccount" a ON a.id = e."accountId" AND a."elderId" IS NOT NULL
        LEFT JOIN "LedgerTransaction" c ON c.id = t."reversesId"
       WHERE t."orderId" IS NOT NULL
         AND ((t.kind = 'CHARGE' AND t."createdAt" >= $3::timestamp AND t."createdAt" < $4::timestamp)
           OR (t.kind = 'REVERSAL' AND c.kind = 'CHARGE' AND c."createdAt" >= $3::timestamp
               AND c."createdAt" < $4::timestamp))
       GROUP BY t."orderId"),
    fresh AS (
    SELECT o.id AS "orderId", el.id AS "elderId", el.name AS "elderName", el."idNumberEnc", r.name AS "communityName",
           si.code AS "serviceCode", si.name AS "serviceName", si.category, si.mode::text AS mode,
           to_char(COALESCE(v."checkInAt", o."scheduledAt") + interval '8 hours', 'YYYY-MM-DD') AS "visitDate",
           COALESCE(v."durationMinutes", 0) AS "durationMinutes",
           (c.subsidy_fen + c.self_fen
             + round(c.subsidy_min * LEAST(COALESCE(si."priceFen", $5::int), $5::int) / 60.0))::int AS "amountFen",
           c.subsidy_fen::int AS "subsidyFen", c.subsidy_min::int AS "subsidyMinutes",
           round(c.subsidy_min * LEAST(COALESCE(si."priceFen", $5::int), $5::int) / 60.0)::int AS "hoursValueFen",
           c.self_fen::int AS "selfPaidFen", COALESCE(cg.name, '') AS "caregiverName",
           f.satisfaction::text AS satisfaction, rt.stars
      FROM charged c
      JOIN "Order" o ON o.id = c."orderId" AND o."providerId" = $2::text
      JOIN "Elder" el ON el.id = o."elderId"
      JOIN "Region" r ON r.id = el."communityId"
      JOIN "ServiceItem" si ON si.id = o."serviceItemId"
      LEFT JOIN "Visit" v ON v."orderId" = o.id
      LEFT JOIN "Caregiver" cg ON cg.id = o."caregiverId"
      LEFT JOIN "FollowUp" f ON f."orderId" = o.id
      LEFT JOIN "Rating" rt ON rt."orderId" = o.id
     WHERE c.subsidy_fen <> 0 OR c.subsidy_min <> 0 OR c.self_fen <> 0)`;

/**
 * A line id per inserted row in the shape of a UUIDv7 (the ids Prisma gives every other row): the
 * statement's millisecond, then the row's number, then 40 random bits. A month's lines are
 * numbered in order, so they go to the right-hand end of the id indexes instead of 400,000 random
 * places (random v4 ids made index maintenance most of a first run's time); the random tail keeps
 * two statements in the same millisecond apart. `n` is the SQL expression of the row's number and
 * `ms` that of the statement's millisecond in 12 hex digits, computed once per statement (`MS`):
 * a subquery per row cost 1.2 s of a 400,000-line insert.
 */
const lineId = (n: string, ms: string) =>
  `substr(${ms}, 1, 8) || '-' || substr(${ms}, 9, 4) || '-7' || lpad(to_hex((${n} >> 20) & 4095), 3, '0') || '-' ||
   to_hex(8 | ((${n} >> 18) & 3)) || lpad(to_hex((${n} >> 6) & 4095), 3, '0') || '-' ||
   lpad(to_hex(${n} & 63), 2, '0') || lpad(to_hex((random() * 1099511627776)::bigint), 10, '0')`;
const MS = `(SELECT lpad(to_hex((extract(epoch FROM statement_timestamp()) * 1000)::bigint), 12, '0') AS ms) stamp`;

const prefixed = (cols: string, alias: string) => cols.replace(/(^|, )/g, `$1${alias}.`);

/**
 * Brings the statement's lines in line with the ledger, in SQL, so no visit passes through
 * JavaScript, and in one statement, so the month's charges are read once. A first run inserts
 * every line. A rerun keeps each line that is still exactly right (most of a month), rewrites in
 * place the ones that differ, drops those whose order has no charge any more and inserts what is
 * missing, so the lines end as a rewrite from nothing would leave them, apart from the ids. The
 * three parts touch different orders, so they cannot meet in the same statement. The missing lines
 * are found through the (settlementId, orderId) index only when lines exist (and so have planner
 * statistics): an anti-join planned for an empty table scanned the rows being inserted once per row.
 */
export async function writeLines(
  tx: Tx,
  settlementId: string,
  providerId: string,
  window: { start: Date; end: Date },
  capFenPerHour: number,
) {
  const params = [settlementId, providerId, window.start, window.end, capFenPerHour] as const;
  // The month's charges are aggregated in memory, not in 30-odd batches on disk (the default 4 MB).
  await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
  const [had] = await tx.$queryRaw<{ any: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "SettlementLine" WHERE "settlementId" = ${settlementId}) AS any`;
  const insert = (where: string) => `
    INSERT INTO "SettlementLine" (id, "settlementId", ${LINE_COLUMNS})
    SELECT ${lineId('n', 'stamp.ms')}, $1::text, ${LINE_COLUMNS}
      FROM (SELECT fresh.*, row_number() OVER () AS n FROM fresh ${where}) fresh, ${MS}
    ON CONFLICT ("settlementId", "orderId") DO NOTHING`;
  if (!had!.any) {
    await tx.$executeRawUnsafe(`${FRESH_LINES} ${insert('')}`, ...params);
    return;
  }
  await tx.$executeRawUnsafe(
    `${FRESH_LINES},
    gone AS (
      DELETE FROM "SettlementLine" l
       -- NOT IN, a hashed subplan (orderId is never null): NOT EXISTS was planned as a merge anti-join
       -- that sorted the month's fresh lines on disk (1.6 s of a 400,000-line rerun).
       WHERE l."settlementId" = $1::text AND l."orderId" NOT IN (SELECT "orderId" FROM fresh)),
    changed AS (
      UPDATE "SettlementLine" l SET (${LINE_COLUMNS}) = (${prefixed(LINE_COLUMNS, 'fresh')})
        FROM fresh
       WHERE l."settlementId" = $1::text AND l."orderId" = fresh."orderId"
         AND (${prefixed(LINE_COLUMNS, 'fresh')}) IS DISTINCT FROM (${prefixed(LINE_COLUMNS, 'l')}))
    ${insert(`WHERE NOT EXISTS (SELECT 1 FROM "SettlementLine" l
                                 WHERE l."settlementId" = $1::text AND l."orderId" = fresh."orderId")`)}`,
    ...params,
  );
}

/**
 * 003 三(二) 参照本辖区小时最低工资标准核算购买服务工时费用: where the programme's counties keep a dated
 * wage table, each line's subsidised minutes are valued at the wage of the elder's county in force
 * on the visit's day (replacing the item-price value writeLines put there). A day with no figure yet
 * (pendingSource) values the minutes at 0 and is counted, so the statement says how many wait.
 */
export async function valueHoursAtMinimumWage(
  tx: Tx,
  settlementId: string,
  periods: { regionCode: string; from: string; to: string | null; fenPerHour: number | null }[],
) {
  if (!periods.length) return { pendingLines: 0 };
  const table = JSON.stringify(periods);
  const [r] = await tx.$queryRaw<{ pending: bigint }[]>`
    WITH w AS (
      SELECT * FROM jsonb_to_recordset(${table}::jsonb)
        AS w("regionCode" text, "from" text, "to" text, "fenPerHour" int)),
    valued AS (
      SELECT l.id, (SELECT w."fenPerHour" FROM w
                     WHERE ('/' || r.path || '/') LIKE ('%/' || w."regionCode" || '/%')
                       AND w."from" <= l."visitDate" AND (w."to" IS NULL OR l."visitDate" <= w."to")
                     LIMIT 1) AS fen_per_hour
        FROM "SettlementLine" l
        JOIN "Elder" el ON el.id = l."elderId"
        JOIN "Region" r ON r.id = el."communityId"
       WHERE l."settlementId" = ${settlementId} AND l."subsidyMinutes" <> 0),
    updated AS (
      UPDATE "SettlementLine" l
         SET "hoursValueFen" = round(l."subsidyMinutes" * COALESCE(v.fen_per_hour, 0) / 60.0)::int,
             "amountFen" = l."amountFen" - l."hoursValueFen"
               + round(l."subsidyMinutes" * COALESCE(v.fen_per_hour, 0) / 60.0)::int
        FROM valued v WHERE v.id = l.id
      RETURNING v.fen_per_hour)
    SELECT count(*) FILTER (WHERE fen_per_hour IS NULL) AS pending FROM updated`;
  return { pendingLines: Number(r!.pending) };
}

/**
 * The statement's totals from its lines, and the unresolved exceptions that hold it: those of the
 * provider found in the month or on one of the statement's visits (whenever found).
 */
export async function statementFigures(tx: Tx, q: { settlementId: string; providerId: string; month: string }) {
  const [t] = await tx.$queryRaw<
    {
      orders: bigint;
      subsidy: bigint | null;
      minutes: bigint | null;
      hours: bigint | null;
      self: bigint | null;
      open: bigint;
    }[]
  >`
    SELECT count(*) AS orders, SUM("subsidyFen") AS subsidy, SUM("subsidyMinutes") AS minutes, SUM("hoursValueFen") AS
      hours, SUM("selfPaidFen") AS self,
      (SELECT count(*) FROM "VisitException" x
        WHERE x."providerId" = ${q.providerId} AND x.status::text = 'OPEN'
          AND (x.month = ${q.month} OR EXISTS (
            SELECT 1 FROM "SettlementLine" l WHERE l."settlementId" = ${q.settlementId} AND l."orderId" = x."orderId")))
        AS open
      FROM "SettlementLine" WHERE "settlementId" = ${q.settlementId}`;
  return {
    totals: {
      orders: Number(t!.orders),
      subsidyFen: Number(t!.subsidy ?? 0),
      subsidyMinutes: Number(t!.minutes ?? 0),
      hoursValueFen: Number(t!.hours ?? 0),
      selfPaidFen: Number(t!.self ?? 0),
    },
    open: Number(t!.open),
  };
}

/**
 * Elders of the programme living in the zone (its regions' paths), enrolled on some day of the
 * month, whom the platform served that month: a confirmed visit charged in the month, or an
 * answered care call (000 七 按实际服务人数).
 */
export async function servedElders(
  tx: Tx,
  q: { policyId: string; zonePaths: string[]; first: Date; last: Date; start: Date; end: Date },
) {
  const paths = q.zonePaths.map((p) => `${p}/%`);
  const [row] = await tx.$queryRaw<{ n: bigint }[]>`
    SELECT count(DISTINCT en."elderId") AS n
      FROM "Enrolment" en JOIN "Elder" el ON el.id = en."elderId" JOIN "Region" r ON r.id = el."communityId"
     WHERE en."policyId" = ${q.policyId} AND en."startedOn" <= ${q.last} AND (en."endedOn" IS NULL OR en."endedOn" >=
       ${q.first})
       AND (r.path || '/') LIKE ANY(${paths}::text[])
       AND (EXISTS (SELECT 1 FROM "LedgerTransaction" t WHERE t."elderId" = en."elderId" AND t.kind = 'CHARGE' AND
         t."createdAt" >= ${q.start} AND t."createdAt" < ${q.end})
         OR EXISTS (SELECT 1 FROM "CallTask" k JOIN "CallAttempt" at ON at."callTaskId" = k.id
                     WHERE k."elderId" = en."elderId" AND at.answered AND at.at >= ${q.start} AND at.at < ${q.end}))`;
  return Number(row!.n);
}

/**
 * Refreshes the planner's statistics of the lines once a run has rewritten them: a month's lines
 * arrive in one statement, and until autovacuum notices, the planner takes a statement of 400,000
 * lines for a few dozen and sorts all of them for every export page instead of reading the index.
 */
export async function analyzeLines(db: PrismaClient) {
  await db.$executeRaw`ANALYZE "SettlementLine"`;
}

/** What the exports read of a line. */
export interface ExportLine {
  id: string;
  elderName: string;
  idNumberEnc: string;
  communityName: string;
  serviceName: string;
  category: string;
  mode: string;
  visitDate: string;
  durationMinutes: number;
  amountFen: number;
  subsidyFen: number;
  subsidyMinutes: number;
  hoursValueFen: number;
  selfPaidFen: number;
  caregiverName: string;
  satisfaction: string | null;
  stars: number | null;
}

const EXPORT_COLUMNS = `id, "elderName", "idNumberEnc", "communityName", "serviceName", category, mode, "visitDate",
  "durationMinutes", "amountFen", "subsidyFen", "subsidyMinutes", "hoursValueFen", "selfPaidFen", "caregiverName",
  satisfaction, stars`;

/**
 * One keyset page of a statement's lines after `after` (by id), straight from SQL, only the columns
 * the exports write. One statement per page, so the (settlementId, id) index yields the page in order
 * without sorting the rest of the month each time.
 */
export function linesPage(db: PrismaClient | Tx, settlementId: string, after: string, limit: number) {
  return db.$queryRawUnsafe<ExportLine[]>(
    `SELECT ${EXPORT_COLUMNS} FROM "SettlementLine" WHERE "settlementId" = $1 AND id > $2 ORDER BY id LIMIT $3`,
    settlementId,
    after,
    limit,
  );
}

/**
 * A statement's lines in id order, `pageSize` at a time, so an export holds one page (and the
 * page being fetched) whatever the month's size. On PostgreSQL one query read through a
 * server-side cursor (pg-query-stream), a batch per round trip, on a connection of its own for
 * as long as the caller reads; Prisma would fetch the whole result first. On PGlite, which runs
 * in this process and has no cursor over the wire, keyset pages on the (settlementId, id) index.
 * Stopping early (a closed response) closes the cursor and returns the connection.
 */
export async function* streamLines(
  db: PrismaClient,
  settlementId: string,
  pageSize: number,
): AsyncGenerator<ExportLine[]> {
  const pool = postgresPool(db);
  if (!pool) {
    let next = linesPage(db, settlementId, '', pageSize);
    for (;;) {
      const page = await next;
      if (!page.length) return;
      // The next page is fetched while the caller writes this one; at most two are held.
      if (page.length === pageSize) next = linesPage(db, settlementId, page[page.length - 1]!.id, pageSize);
      yield page;
      if (page.length < pageSize) return;
    }
  }
  const client = await pool.connect();
  const rows = client.query(
    new QueryStream(
      `SELECT ${EXPORT_COLUMNS} FROM "SettlementLine" WHERE "settlementId" = $1 ORDER BY "settlementId", id`,
      [settlementId],
      { batchSize: pageSize, highWaterMark: pageSize },
    ),
  );
  let failed = false;
  try {
    let page: ExportLine[] = [];
    for await (const row of rows as AsyncIterable<ExportLine>) {
      page.push(row);
      if (page.length === pageSize) {
        yield page;
        page = [];
      }
    }
    if (page.length) yield page;
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    rows.destroy();
    // A connection whose query failed midway is closed rather than handed to the next caller.
    client.release(failed);
  }
}
