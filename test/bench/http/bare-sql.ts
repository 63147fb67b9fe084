// The floor: each scenario as ONE hand-written SQL statement, sent through pg by a bare node:http
// server (bare-server.ts). No GraphQL, no authentication, no ORM.

export const GUIDE_SQL = `SELECT s.code, s.name, s.category, s.mode, s.unit, s."priceFen", s.description
  FROM "ServiceItem" s JOIN "Policy" p ON p.id = s."policyId"
  WHERE p.code = $1 AND s.active ORDER BY s."sortOrder", s.code`;

// The page, the total and every nested object, scoped to the caller's district as the API scopes it.
export const ELDERS_SQL = `WITH page AS (
    SELECT e.* FROM "Elder" e JOIN "Region" c ON c.id = e."communityId"
    WHERE c.path LIKE $2 ORDER BY e.id LIMIT $1
  )
  SELECT json_build_object(
    'totalCount', (SELECT count(*) FROM "Elder" e JOIN "Region" c ON c.id = e."communityId" WHERE c.path LIKE $2),
    'edges', coalesce(json_agg(json_build_object('node', json_build_object(
      'id', page.id, 'name', page.name,
      'age', date_part('year', age((now() AT TIME ZONE 'Asia/Shanghai')::date, page."birthDate"))::int,
      'idNumberMasked', page."idNumberMasked",
      'community', json_build_object('code', r.code, 'name', r.name),
      'enrolment', (SELECT json_build_object('policy', json_build_object('code', p.code), 'category', en.category,
                      'status', en.status, 'startedOn', to_char(en."startedOn", 'YYYY-MM-DD'))
                    FROM "Enrolment" en JOIN "Policy" p ON p.id = en."policyId"
                    WHERE en."elderId" = page.id ORDER BY (en.status = 'ACTIVE') DESC, en."startedOn" DESC LIMIT 1),
      'wallet', json_build_object('accounts', coalesce((SELECT json_agg(json_build_object('kind', a.kind,
                      'unit', a.unit, 'balance', a.balance, 'held', a.held) ORDER BY a.kind)
                    FROM "LedgerAccount" a WHERE a."elderId" = page.id), '[]'::json))
    )) ORDER BY page.id), '[]'::json)
  ) AS body
  FROM page JOIN "Region" r ON r.id = page."communityId"`;

// The family dashboard: the elder (only if linked to the caller, the check the API makes), its
// wallet, and the newest $3 orders with service, provider and caregiver.
export const DASHBOARD_SQL = `SELECT json_build_object('elder', json_build_object('id', e.id, 'name', e.name,
    'wallet', json_build_object('accounts', coalesce((SELECT json_agg(json_build_object('kind', a.kind,
        'available', a.balance - a.held, 'held', a.held) ORDER BY a.kind)
      FROM "LedgerAccount" a WHERE a."elderId" = e.id
        AND a.kind IN ('SUBSIDY_ONLINE', 'SUBSIDY_OFFLINE', 'SUBSIDY_HOURS', 'SELF_PAID')), '[]'::json)),
    'orders', json_build_object('edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object(
        'id', o.id, 'status', o.status, 'scheduledAt', o."scheduledAt",
        'service', json_build_object('name', s.name),
        'provider', CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('name', p.name) END,
        'caregiverCard', CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('name', c.name) END
      )) ORDER BY o.id DESC)
      FROM (SELECT * FROM "Order" WHERE "elderId" = e.id ORDER BY id DESC LIMIT $3) o
      JOIN "ServiceItem" s ON s.id = o."serviceItemId"
      LEFT JOIN "Provider" p ON p.id = o."providerId"
      LEFT JOIN "Caregiver" c ON c.id = o."caregiverId"), '[]'::json)))) AS body
  FROM "Elder" e
  WHERE e.id = $1 AND EXISTS (SELECT 1 FROM "FamilyLink" f WHERE f."elderId" = e.id AND f."userId" = $2)`;

// placeOrder as the hold amounts to: the conditional UPDATE (free balance >= amount, one row or
// nothing), and in the same statement the order and its hold. The price, item and provider are
// given (Yilian works them out per request); the whole amount is held on the self-paid account.
export const PLACE_ORDER_SQL = `WITH held AS (
    UPDATE "LedgerAccount" SET held = held + $2::bigint
    WHERE id = $1 AND balance - held >= $2::bigint
    RETURNING id
  ), placed AS (
    INSERT INTO "Order" (id, "elderId", "enrolmentId", "serviceItemId", "providerId", quantity, "scheduledAt",
      channel, "placedById", "amountFen", "subsidyFen", "selfPaidFen", "idempotencyKey", "requestHash",
      "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, $3, $4, $5, $6, 1, $7::timestamp, 'MINIPROGRAM', $8, $2::int, 0, $2::int,
      $9, md5($9), now(), now()
    FROM held
    RETURNING id
  )
  INSERT INTO "Hold" (id, "accountId", "orderId", amount, status, "createdAt")
  SELECT gen_random_uuid()::text, $1, placed.id, $2::bigint, 'ACTIVE', now() FROM placed
  RETURNING "orderId" AS id`;

/** What the bare placeOrder is given instead of working it out. */
export interface BareOrderParams {
  accountId: string;
  amountFen: number;
  elderId: string;
  enrolmentId: string;
  serviceItemId: string;
  providerId: string;
  placedById: string;
}
