// The orders area's SQL.
import type { Tx } from '../db/database.js';
import { Prisma, type Order } from '../db/prisma.js';

/**
 * Waits for the transaction-scoped advisory lock on an idempotency key: requests with the same key
 * take turns, so the later ones find the first order instead of racing it for the balance.
 */
export async function lockIdempotencyKey(tx: Tx, key: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS ok FROM pg_advisory_xact_lock(hashtext(${key}))`;
}

/**
 * Locks an order's row for the rest of the transaction and reads what a move depends on, so a
 * cancellation, a check-in or another move in flight waits or is seen as it is.
 */
export async function lockOrderRow(
  tx: Tx,
  orderId: string,
): Promise<{ status: string; scheduledAt: Date; caregiverId: string | null }> {
  const rows = await tx.$queryRaw<{ status: string; scheduledAt: Date; caregiverId: string | null }[]>`
    SELECT "status"::text AS "status", "scheduledAt", "caregiverId" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  return rows[0]!;
}

/** A new order's columns that placeOrder sets; the rest take the table's defaults. */
export type NewOrder = Pick<
  Order,
  | 'id'
  | 'elderId'
  | 'enrolmentId'
  | 'serviceItemId'
  | 'providerId'
  | 'quantity'
  | 'scheduledAt'
  | 'note'
  | 'channel'
  | 'placedById'
  | 'amountFen'
  | 'subsidyFen'
  | 'subsidyMinutes'
  | 'selfPaidFen'
  | 'idempotencyKey'
  | 'requestHash'
  | 'visitAgreementId'
  | 'createdAt'
>;

/**
 * The order's INSERT for the wallet's holdAllAndInsert: one row from its `gate` (all holds covered)
 * or none, returning the whole order as Prisma reads it (enums as text). The key's unique index
 * refuses a second order under one idempotency key.
 */
export const orderInsert = (o: NewOrder, updatedAt: Date): Prisma.Sql => Prisma.sql`
  INSERT INTO "Order" (id, "elderId", "enrolmentId", "serviceItemId", "providerId", quantity, "scheduledAt", note,
    channel, "placedById", "amountFen", "subsidyFen", "subsidyMinutes", "selfPaidFen", "idempotencyKey", "requestHash",
    "visitAgreementId", "createdAt", "updatedAt")
  SELECT ${o.id}, ${o.elderId}, ${o.enrolmentId}, ${o.serviceItemId}, ${o.providerId}, ${o.quantity}, ${o.scheduledAt},
    ${o.note}, ${o.channel}::"Channel", ${o.placedById}, ${o.amountFen}, ${o.subsidyFen}, ${o.subsidyMinutes},
    ${o.selfPaidFen}, ${o.idempotencyKey}, ${o.requestHash}, ${o.visitAgreementId}, ${o.createdAt}, ${updatedAt}
    FROM gate
  RETURNING id, "elderId", "enrolmentId", "serviceItemId", "providerId", "caregiverId", quantity, "scheduledAt",
    "departedAt", note, channel::text AS channel, "placedById", status::text AS status, "amountFen", "subsidyFen",
    "subsidyMinutes", "selfPaidFen", "idempotencyKey", "requestHash", "cancelReason", "confirmedById", "confirmedAt",
    evidence::text AS evidence, "chargedFen", "chargedMinutes", "visitAgreementId", "createdAt", "updatedAt"`;
