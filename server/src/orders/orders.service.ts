// Orders from every channel (000 六: hotline or community worker selects services; the platform
// dispatches to the provider of the elder's zone, 001 五: one provider per zone). Placing an order
// reserves its price in the wallet (holds); cancelling releases them; confirming charges them.
import { type Actor, authorize, outOfScopeMessage, type Grant } from '../auth/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import { assertIdempotencyKey, replayOrConflict, requestHash } from '../common/idempotency.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import type { Tx } from '../db/database.js';
import type { Order, Prisma, PrismaClient } from '../db/prisma.js';
import { assertElderInScope, elderScope } from '../elders/index.js';
import {
  POLICY_STAMP,
  checkBookingHours,
  checkVisitMaximum,
  checkVisitSplit,
  policyDocumentOf,
} from '../policies/index.js';
import { assertTakesOrders, providerForCommunity } from '../providers/index.js';
import { elderAccounts, placeHoldsWith, moneyTx, voidHold } from '../wallet/index.js';
import { orderInsert, type NewOrder } from './orders.store.js';
import { v7 as uuidv7 } from 'uuid';
import { agreementSplit, priceOrder } from './pricing.js';
import { refPattern } from '../common/refs.js';
import { servingWhere } from '../enrolment/index.js';
import { agreementForVisit } from '../agreements/index.js';
import { yuan } from '../common/money.js';

const CHANNEL_FOR_ROLE: Partial<Record<Actor['role'], 'MINIPROGRAM' | 'WORKER' | 'HOTLINE' | 'BOT'>> = {
  FAMILY: 'MINIPROGRAM',
  ELDER: 'MINIPROGRAM',
  COMMUNITY_WORKER: 'WORKER',
  OPERATOR: 'HOTLINE',
};

export interface PlaceOrderInput {
  elderId: string;
  serviceCode: string;
  quantity: number;
  scheduledAt: Date;
  note?: string | null;
  idempotencyKey: string;
}

const MAX_QUANTITY = 20;
const MAX_DAYS_AHEAD = 60;

/**
 * Places an order for an enrolled elder. Refused, with nothing written: a caller who may not order
 * for the elder (FORBIDDEN), no active enrolment (NOT_ELIGIBLE), a service not in the elder's
 * programme, a quantity outside 1–20, a time in the past, more than 60 days ahead or after the
 * service ends (BAD_USER_INPUT), a start outside the programme's booking hours for an item that is not night
 * care (OUTSIDE_BOOKING_HOURS), no provider for the elder's zone (OUT_OF_ZONE), a suspended
 * provider (PROVIDER_SUSPENDED), not enough money in total (INSUFFICIENT_BALANCE, with what is
 * missing), a reused key for another order (IDEMPOTENCY_CONFLICT). A replayed key returns the
 * first order.
 */
export async function placeOrder(prisma: PrismaClient, actor: Actor, input: PlaceOrderInput, now: Date) {
  const grant = authorize(actor, 'placeOrder');
  const channel = actor.channel ?? CHANNEL_FOR_ROLE[actor.role]!;
  assertIdempotencyKey(input.idempotencyKey);
  const hash = requestHash({
    elderId: input.elderId,
    serviceCode: input.serviceCode,
    quantity: input.quantity,
    scheduledAt: input.scheduledAt.toISOString(),
    note: input.note ?? null,
  });
  // The key's first order, for the same request by the same caller; IDEMPOTENCY_CONFLICT otherwise.
  const replay = <O extends { requestHash: string | null; placedById: string }>(first: O) =>
    replayOrConflict(first, hash, first.placedById === actor.userId);
  // A first use reads no order by its key: the order's insert finds a replayed request's order (the
  // key's unique index makes a twin in flight wait for the first to commit, then fail, and the
  // first's order is returned). A retry that today's checks refuse (its visit's time has passed, the
  // enrolment has ended, the balance its twin held no longer covers it) is looked up when they refuse
  // it, and still gets its order.
  const orKeysOrder = async (err: unknown) => {
    const existing = await prisma.order.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (existing) return replay(existing);
    throw err;
  };
  let c: OrderContext;
  try {
    c = await orderContext(prisma, grant, { ...input, at: input.scheduledAt }, now);
    checkPlacement(c, input, now);
  } catch (err) {
    return orKeysOrder(err);
  }
  const at = input.scheduledAt;

  // Any refusal inside, the key's unique violation included (a twin committed first), replays the
  // key's order if there is one.
  return moneyTx(prisma, async (tx) => {
    // A visit under an agreement is the project's to pay (004 五(五)): the wallet is not read or held.
    const accounts = c.agreement
      ? new Map<string, { id: string; available: number }>()
      : await availableAccounts(tx, c);
    const split = priceFrom(c, input.quantity, accounts);
    if (split.shortFen > 0) {
      fail(
        ErrorCode.INSUFFICIENT_BALANCE,
        `余额不足：这次服务共 ${yuan(split.amountFen)} 元，补贴抵扣后还需自费 ${yuan(split.selfPaidFen)} 元，自费余额还差` +
          ` ${yuan(split.shortFen)} 元。请先充值或减少数量。`,
        {
          amountFen: split.amountFen,
          subsidyFen: split.subsidyFen,
          subsidyMinutes: split.subsidyMinutes,
          selfPaidFen: split.selfPaidFen,
          missingFen: split.shortFen,
        },
      );
    }
    // The order and its holds in one statement: all holds taken or no order (issue 22: 6 statements).
    const row: NewOrder = {
      id: uuidv7(),
      elderId: c.elder.id,
      enrolmentId: c.enrolment.id,
      serviceItemId: c.serviceItem.id,
      providerId: c.provider.id,
      quantity: input.quantity,
      scheduledAt: at,
      note: input.note?.trim() || null,
      channel: channel!,
      placedById: actor.userId,
      amountFen: split.amountFen,
      subsidyFen: split.subsidyFen + split.subsidyMinutesValueFen,
      subsidyMinutes: split.subsidyMinutes,
      selfPaidFen: split.selfPaidFen,
      idempotencyKey: input.idempotencyKey,
      requestHash: hash,
      visitAgreementId: c.agreement?.id ?? null,
      // The month an order counts in (dashboard, statements) follows the app clock.
      createdAt: now,
    };
    // Holds are taken under the same conditional update as debits, so two orders racing for
    // the last of the balance cannot both get it.
    const order = await placeHoldsWith<Order>(
      tx,
      split.holds.map((h) => ({ accountId: accounts.get(h.kind)!.id, amount: BigInt(h.amount) })),
      orderInsert(row, new Date()),
    );
    return order;
  }).catch(orKeysOrder);
}

/** placeOrder's checks of the request against its context: the note, the time, the enrolment's end, the hours. */
function checkPlacement(c: OrderContext, input: PlaceOrderInput, now: Date) {
  const at = input.scheduledAt;
  if (input.note && input.note.length > 500) throw badInput('note', '备注不能超过 500 字。');
  if (Number.isNaN(at.getTime()) || at.getTime() < now.getTime() - 5 * 60_000)
    throw badInput('scheduledAt', '预约时间不能早于现在。');
  if (at.getTime() > now.getTime() + MAX_DAYS_AHEAD * 86_400_000)
    throw badInput('scheduledAt', `最多只能预约 ${MAX_DAYS_AHEAD} 天以内的服务。`);
  // A terminated enrolment serves until its end (000 六·流程5 从下月起终止), not after it.
  if (c.enrolment.serviceEndsAt && at >= c.enrolment.serviceEndsAt)
    throw badInput(
      'scheduledAt',
      `老人的服务到 ${c.enrolment.endedOn!.toISOString().slice(0, 10)} 终止，不能预约之后的服务。`,
    );
  // The programme's hours hold on every channel, not only where a client checks them first.
  assertBookingHours(c.doc, c.item, at, 'scheduledAt');
}

/** OUTSIDE_BOOKING_HOURS, with the hours and slots a page can offer instead, for a visit at `at`. */
export function assertBookingHours(
  doc: Parameters<typeof checkBookingHours>[0],
  item: Parameters<typeof checkBookingHours>[1],
  at: Date,
  field: string,
) {
  const hours = checkBookingHours(doc, item, at);
  if (!hours.ok)
    fail(ErrorCode.OUTSIDE_BOOKING_HOURS, hours.message, {
      field,
      fromMinute: hours.fromMinute,
      untilMinute: hours.untilMinute,
      slots: hours.slots,
    });
}

/**
 * What an order would cost and how it would be paid, from the balances free now, without holding
 * anything: the mini-program shows it before the family confirms. Refused like placeOrder
 * (FORBIDDEN, NOT_ELIGIBLE, BAD_USER_INPUT, OUT_OF_ZONE, PROVIDER_SUSPENDED); a shortfall is not an
 * error here but `missingFen`, so the page can offer a top-up.
 */
export async function quoteOrder(
  prisma: PrismaClient,
  actor: Actor,
  input: { elderId: string; serviceCode: string; quantity: number },
  now: Date,
) {
  const c = await orderContext(prisma, authorize(actor, 'quoteOrder'), { ...input, at: now }, now);
  const accounts = c.agreement
    ? new Map<string, { id: string; available: number }>()
    : await prisma.$transaction((tx) => availableAccounts(tx, c));
  const split = priceFrom(c, input.quantity, accounts);
  return {
    amountFen: split.amountFen,
    subsidyFen: split.subsidyFen + split.subsidyMinutesValueFen,
    subsidyMinutes: split.subsidyMinutes,
    selfPaidFen: split.selfPaidFen,
    missingFen: split.shortFen,
    selfPaidAvailableFen: Math.max(0, accounts.get('SELF_PAID')?.available ?? 0),
    providerName: c.provider.name,
    unitPriceFen: c.item.priceFen ?? 0,
  };
}

/**
 * The checks placing and quoting share: scope, quantity, enrolment, item of its guide, provider. Where the
 * programme buys visits under agreements (004 三(二)), the elder's filed agreement for the visit's time
 * chooses the provider and the price.
 */
async function orderContext(
  prisma: PrismaClient,
  grant: Grant,
  input: { elderId: string; serviceCode: string; quantity: number; at: Date },
  now: Date,
) {
  // The elder with their community and serving enrolment, its programme and the item asked for, in
  // one statement (relation joins): placeOrder's reads are most of its cost (issue 22).
  const elder = await assertElderInScope(prisma, grant, input.elderId, {
    community: true,
    enrolments: {
      where: servingWhere(now),
      include: {
        // The document comes from the policy store's memo, not with every order (policyDocumentOf).
        policy: {
          select: { ...POLICY_STAMP, serviceItems: { where: { code: input.serviceCode, active: true }, take: 1 } },
        },
      },
      orderBy: { startedOn: 'desc' },
      take: 1,
    },
  });
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_QUANTITY)
    throw badInput('quantity', `数量应为 1 到 ${MAX_QUANTITY} 之间的整数。`);
  const enrolment = elder.enrolments[0];
  if (!enrolment) return fail(ErrorCode.NOT_ELIGIBLE, '这位老人还没有纳入政府购买居家养老服务，暂不能下单。');
  const doc = await policyDocumentOf(prisma, enrolment.policy);
  const item = doc.serviceGuide.items.find((i) => i.code === input.serviceCode);
  const serviceItem = item && enrolment.policy.serviceItems[0];
  if (!item || !serviceItem)
    throw badInput('serviceCode', '这项服务不在老人所属项目的服务指南中，请从服务指南中选择。');
  const split = checkVisitSplit(doc, item, input.quantity);
  if (!split.ok) throw badInput('quantity', split.message);
  const most = checkVisitMaximum(item, input.quantity);
  if (!most.ok) fail(ErrorCode.OVER_VISIT_MAXIMUM, most.message, { field: 'quantity', maxQuantity: most.maxQuantity });
  const agreement = await agreementForVisit(prisma, { ...input, elderId: elder.id, policyId: enrolment.policyId, doc });
  // The agreement's provider and price (004 五(二)3); else the zone's provider and its own price list
  // (001 五(二)2), read with it, the subsidy still paying at most the programme's cap.
  const { provider, priceFen } = agreement
    ? {
        provider: await prisma.provider.findUniqueOrThrow({ where: { id: agreement.providerId } }),
        priceFen: agreement.priceFen,
      }
    : await providerForCommunity(prisma, enrolment.policyId, elder.community, serviceItem.id).then((p) => ({
        provider: p,
        priceFen: p.prices[0]?.priceFen ?? item.priceFen ?? null,
      }));
  assertTakesOrders(provider);
  return { elder, enrolment, doc, item: { ...item, priceFen }, serviceItem, provider, agreement };
}

type OrderContext = Awaited<ReturnType<typeof orderContext>>;

/** Each account the programme's buckets and self-paid money use, with what is free now. */
async function availableAccounts(tx: Tx, c: OrderContext) {
  const kinds = [...new Set([...c.doc.allowance.buckets.map((b) => b.accountKind), 'SELF_PAID' as const])];
  const rows = await elderAccounts(
    tx,
    c.elder.id,
    kinds.map((kind) => ({
      kind,
      unit: c.doc.allowance.buckets.find((b) => b.accountKind === kind)?.unit ?? 'FEN',
      policyId: kind === 'SELF_PAID' ? undefined : c.enrolment.policyId,
    })),
  );
  const free = (a: (typeof rows)[number]) => ({ id: a.id, available: Number(a.balance - a.held) });
  return new Map(kinds.map((kind, i) => [kind, free(rows[i]!)]));
}

/** The programme's price and payment split for the quantity, against what is free in each account. */
const priceFrom = (c: OrderContext, quantity: number, accounts: Map<string, { available: number }>) =>
  c.agreement
    ? agreementSplit(c.agreement.priceFen, quantity)
    : priceOrder(c.doc, c.item, quantity, Object.fromEntries([...accounts].map(([k, v]) => [k, v.available])));

/**
 * Cancels an order that has not started (PLACED or ASSIGNED) and releases its holds. The elder,
 * their family, the staff who cover them, or the provider may cancel, with a reason; not the
 * caregiver sent to the visit (it asks its provider's dispatcher).
 */
export async function cancelOrder(prisma: PrismaClient, actor: Actor, orderId: string, reason: string) {
  const order = await orderInScope(prisma, authorize(actor, 'cancelOrder'), orderId);
  if (!reason?.trim()) throw badInput('reason', '请填写取消原因。');
  return moneyTx(prisma, async (tx) => {
    const claimed = await tx.order.updateMany({
      where: { id: order.id, status: { in: ['PLACED', 'ASSIGNED'] } },
      data: { status: 'CANCELLED', cancelReason: reason.trim() },
    });
    if (claimed.count !== 1)
      fail(
        ErrorCode.INVALID_STATE,
        order.status === 'CANCELLED' ? '这张工单已经取消了。' : '服务已经开始或完成，不能取消。',
      );
    await releaseHolds(tx, order.id);
    return tx.order.findUniqueOrThrow({ where: { id: order.id } });
  });
}

export async function releaseHolds(tx: Tx, orderId: string) {
  const holds = await tx.hold.findMany({ where: { orderId, status: 'ACTIVE' } });
  for (const h of holds) await voidHold(tx, h.id);
}

/** The orders a grant reaches: its provider's, a caregiver's own, or those of the elders it reaches. */
export function orderScope(grant: Grant): Prisma.OrderWhereInput {
  if (grant.scope === 'PROVIDER') return { providerId: grant.actor.providerId! };
  if (grant.scope === 'OWN_VISITS') return { caregiver: { userId: grant.actor.userId } };
  return { elder: elderScope(grant) };
}

export async function orderInScope<I extends Prisma.OrderInclude = Record<never, never>>(
  prisma: PrismaClient,
  grant: Grant,
  orderId: string,
  include?: I,
): Promise<Prisma.OrderGetPayload<{ include: I }>> {
  const order = await prisma.order.findFirst({ where: { AND: [{ id: orderId }, orderScope(grant)] }, include });
  if (order) return order as Prisma.OrderGetPayload<{ include: I }>;
  const exists = await prisma.order.count({ where: { id: orderId } });
  return fail(
    exists ? ErrorCode.FORBIDDEN : ErrorCode.NOT_FOUND,
    exists ? outOfScopeMessage(grant, '这张工单不在您的办理范围内。') : '没有找到这张工单。',
  );
}

export interface OrderFilterInput {
  elderId?: string | null;
  status?: string[] | null;
  providerId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export async function listOrders(
  prisma: PrismaClient,
  actor: Actor,
  filter: OrderFilterInput,
  page: PageArgs,
  include?: Prisma.OrderInclude,
) {
  const grant = authorize(actor, 'orders');
  const { take, afterId } = pageWindow(page);
  const where: Prisma.OrderWhereInput = {
    AND: [
      orderScope(grant),
      filter.elderId ? { elderId: filter.elderId } : {},
      filter.status?.length ? { status: { in: filter.status as never } } : {},
      filter.providerId ? { providerId: filter.providerId } : {},
      filter.from || filter.to
        ? { scheduledAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
        : {},
    ],
  };
  const rows = await prisma.order.findMany({
    where: { AND: [where, afterId ? { id: { lt: afterId } } : {}] },
    orderBy: { id: 'desc' },
    take: take + 1,
    include,
  });
  // Not awaited: counted only if the client asks for totalCount (the family's home page does not).
  return toConnection(rows, take, prisma.order.count({ where }));
}

/** An order by its short reference (the last 8 hex digits of its id), within the caller's scope. */
export async function orderByRef(prisma: PrismaClient, actor: Actor, ref: string) {
  const r = refPattern(ref);
  const grant = authorize(actor, 'orderByRef');
  const order = r
    ? await prisma.order.findFirst({ where: { AND: [{ id: { endsWith: r } }, orderScope(grant)] } })
    : null;
  return order ?? fail(ErrorCode.NOT_FOUND, `没有找到编号为 ${ref} 的工单。`);
}
