// Self-paid top-ups through WeChat Pay (000 四: 超出补贴的服务费用需老人自行支付). The wallet is
// credited only by a verified payment notification, exactly once per top-up however many
// notifications arrive and in whatever order.
import { type Actor, authorize } from '../auth/index.js';
import { assertElderInScope } from '../elders/index.js';
import { DomainError, ErrorCode, badInput, fail } from '../common/errors.js';
import { assertIdempotencyKey, firstUseOrReplay, replayOrConflict, requestHash } from '../common/idempotency.js';
import type { Logger } from '../common/logger.js';
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import type { PaymentGateway, WechatPayNotification } from '../payments/index.js';
import { accountKey, elderAccount, platformAccount, post, moneyTx } from './ledger.service.js';
import { lockAvailableByKey } from './ledger.store.js';
import type { TopUp as TopUpView } from './wallet.types.js';

export interface TopUpDeps {
  prisma: PrismaClient;
  gateway: PaymentGateway;
  /** Where WeChat Pay sends the notification: `<public url>/payments/wechat/notify`. */
  notifyUrl: string;
  /** The largest single top-up, in fen. */
  maxFen: number;
  logger: Logger;
}

type TopUpRow = Awaited<ReturnType<PrismaClient['topUp']['findUniqueOrThrow']>>;

/**
 * Creates a JSAPI payment for a self-paid top-up and returns the mini-program's payment
 * parameters. Bad input (amount not a whole number of fen between 1 and the limit, a malformed
 * key, an elder the caller may not pay for) is refused before anything is written; a reused key
 * returns the first top-up, or IDEMPOTENCY_CONFLICT if it asked for something else.
 */
export async function createTopUp(
  deps: TopUpDeps,
  actor: Actor,
  input: { elderId: string; amountFen: number; idempotencyKey: string },
): Promise<TopUpView> {
  const { prisma, gateway } = deps;
  // The elder themself, or a family member marked as payer (auth/permissions.ts).
  const elder = await assertElderInScope(prisma, authorize(actor, 'createTopUp'), input.elderId);
  if (!Number.isInteger(input.amountFen) || input.amountFen <= 0)
    throw badInput('amountFen', '充值金额必须大于 0（以分为单位的整数）。');
  if (input.amountFen > deps.maxFen) throw badInput('amountFen', `单笔充值不能超过 ${deps.maxFen / 100} 元。`);
  assertIdempotencyKey(input.idempotencyKey);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId } });
  const openid = user.wechatOpenId ?? (gateway.mode === 'sandbox' ? `sandbox-${user.id}` : null);
  if (!openid)
    fail(ErrorCode.BAD_USER_INPUT, '请在微信小程序中登录后充值（微信支付需要您的微信身份）。', { field: 'payer' });

  const hash = requestHash({ elderId: input.elderId, amountFen: input.amountFen, payer: actor.userId });
  const existing = await prisma.topUp.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  // The payer is part of the hash: another payer's use of the key is a different request.
  if (existing) return view(gateway, replayOrConflict(existing, hash));
  const first = await firstUseOrReplay(
    async () => ({
      replayed: false,
      row: await prisma.topUp.create({
        data: {
          elderId: elder.id,
          payerUserId: actor.userId,
          payerOpenId: openid,
          amountFen: input.amountFen,
          idempotencyKey: input.idempotencyKey,
          requestHash: hash,
          // WeChat: 6–32 characters of letters, digits, _-|*; unique per merchant.
          outTradeNo: `TU${crypto.randomUUID().replaceAll('-', '').slice(0, 30)}`,
          description: `颐联居家养老-${elder.name}自费充值`,
        },
      }),
    }),
    async () => ({
      replayed: true,
      row: replayOrConflict(
        await prisma.topUp.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } }),
        hash,
      ),
    }),
  );
  if (first.replayed) return view(gateway, first.row);
  let row: TopUpRow = first.row;
  try {
    const order = await gateway.createJsapiOrder({
      outTradeNo: row.outTradeNo,
      description: row.description,
      amountFen: row.amountFen,
      payerOpenid: openid!,
      notifyUrl: deps.notifyUrl,
    });
    row = await prisma.topUp.update({ where: { id: row.id }, data: { prepayId: order.prepayId } });
    return view(gateway, row);
  } catch (err) {
    deps.logger.error({ err, topUpId: row.id }, 'wechat pay order failed');
    await prisma.topUp.update({ where: { id: row.id }, data: { status: 'CLOSED' } });
    return fail(ErrorCode.PAYMENT_FAILED);
  }
}

export function view(gateway: PaymentGateway, row: TopUpRow): TopUpView {
  return {
    id: row.id,
    elderId: row.elderId,
    amountFen: row.amountFen,
    status: row.status,
    outTradeNo: row.outTradeNo,
    payParams: row.status === 'CREATED' && row.prepayId ? gateway.payParams(row.prepayId) : null,
    sandbox: gateway.mode === 'sandbox',
    createdAt: row.createdAt,
    paidAt: row.paidAt,
  };
}

/** A top-up the caller may see: its payer, or the elder's own. */
export async function getTopUp(
  prisma: PrismaClient,
  gateway: PaymentGateway,
  actor: Actor,
  id: string,
  action: 'topUp' | 'sandboxPayTopUp' = 'topUp',
): Promise<TopUpView> {
  authorize(actor, action);
  const row = await prisma.topUp.findUnique({ where: { id } });
  if (!row) return fail(ErrorCode.NOT_FOUND, '没有找到这笔充值。');
  authorize(actor, action, { ownerUserIds: [row.payerUserId], elderId: row.elderId });
  return view(gateway, row);
}

/** Why a verified notification was not accepted; WeChat Pay retries on a non-2xx answer. */
export class NotificationRejected extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Applies a verified, decrypted notification. TRANSACTION.SUCCESS credits the top-up's amount to
 * the elder's self-paid account once (the top-up row moves CREATED → PAID under a conditional
 * update, in the same transaction as the credit); replays are acknowledged and change nothing.
 * REFUND.SUCCESS / ABNORMAL settle a refund. An unknown order or a mismatched amount is refused.
 */
export async function applyNotification(
  prisma: PrismaClient,
  gateway: PaymentGateway,
  n: WechatPayNotification,
  now: Date,
): Promise<'CREDITED' | 'REPLAY' | 'IGNORED' | 'REFUND_SETTLED'> {
  if (n.event_type.startsWith('REFUND.')) return settleRefundNotification(prisma, n, now);
  if (n.event_type !== 'TRANSACTION.SUCCESS' || n.resource.trade_state !== 'SUCCESS') return 'IGNORED';
  const r = n.resource;
  if (r.mchid !== gateway.merchantId || r.appid !== gateway.appId)
    throw new NotificationRejected(400, 'merchant or app mismatch');
  const topUp = await prisma.topUp.findUnique({ where: { outTradeNo: r.out_trade_no } });
  if (!topUp) throw new NotificationRejected(404, 'unknown out_trade_no');
  if (r.amount.total !== topUp.amountFen || (r.amount.currency ?? 'CNY') !== 'CNY')
    throw new NotificationRejected(400, 'amount mismatch');
  return moneyTx(prisma, async (tx) => {
    await tx.topUp.update({ where: { id: topUp.id }, data: { notifyCount: { increment: 1 } } });
    const claimed = await tx.topUp.updateMany({
      where: { id: topUp.id, status: { in: ['CREATED', 'CLOSED'] } },
      data: {
        status: 'PAID',
        wechatTransactionId: r.transaction_id,
        paidAt: r.success_time ? new Date(r.success_time) : now,
      },
    });
    if (claimed.count !== 1) return 'REPLAY' as const;
    await creditTopUp(tx, topUp.id, topUp.elderId, topUp.amountFen, now);
    return 'CREDITED' as const;
  });
}

// `at`: the app clock, so the credit falls in the month the statement (statement.service.ts) shows it.
async function creditTopUp(tx: Tx, topUpId: string, elderId: string, amountFen: number, at: Date) {
  const wallet = await elderAccount(tx, elderId, 'SELF_PAID', 'FEN');
  const gatewayAccount = await platformAccount(tx, 'PAYMENT_GATEWAY', 'FEN');
  await post(tx, {
    kind: 'TOP_UP',
    idempotencyKey: `topup:${topUpId}`,
    request: { topUpId, amountFen },
    elderId,
    topUpId,
    memo: '微信支付充值到账',
    at,
    entries: [
      { accountId: gatewayAccount.id, amount: -BigInt(amountFen) },
      { accountId: wallet.id, amount: BigInt(amountFen) },
    ],
  });
}

async function settleRefundNotification(prisma: PrismaClient, n: WechatPayNotification, now: Date) {
  const r = n.resource as unknown as { out_refund_no?: string; refund_status?: string; refund_id?: string };
  if (!r.out_refund_no) throw new NotificationRejected(400, 'refund notification without out_refund_no');
  const refund = await prisma.refund.findUnique({ where: { outRefundNo: r.out_refund_no } });
  if (!refund) throw new NotificationRejected(404, 'unknown out_refund_no');
  const ok = r.refund_status === 'SUCCESS';
  await settleRefund(prisma, refund.id, ok ? 'SUCCESS' : 'FAILED', r.refund_id ?? null, now);
  return 'REFUND_SETTLED' as const;
}

/**
 * Refunds the elder's unused self-paid balance (termination: the service has ended) against
 * their paid top-ups, newest first, never more than a top-up's own amount. The money leaves the
 * wallet when the refund is requested; a refund WeChat reports as failed puts it back.
 */
export async function refundSelfPaid(
  prisma: PrismaClient,
  gateway: PaymentGateway,
  elderId: string,
  reason: string,
  now: Date,
  logger?: Logger,
) {
  const refunds = await moneyTx(prisma, async (tx) => {
    const account = await lockAvailableByKey(tx, accountKey({ elderId }, 'SELF_PAID'));
    let left = account?.available ?? 0n;
    if (!account || left <= 0n) return [];
    const wallet = account.id;
    const gatewayAccount = await platformAccount(tx, 'PAYMENT_GATEWAY', 'FEN');
    const paid = await tx.topUp.findMany({ where: { elderId, status: 'PAID' }, orderBy: { paidAt: 'desc' } });
    const created = [];
    for (const t of paid) {
      if (left <= 0n) break;
      const amount = BigInt(Math.min(t.amountFen - t.refundedFen, Number(left)));
      if (amount <= 0n) continue;
      const id = crypto.randomUUID();
      const refund = await tx.refund.create({
        data: {
          id,
          topUpId: t.id,
          elderId,
          outRefundNo: `RF${id.replaceAll('-', '').slice(0, 30)}`,
          amountFen: Number(amount),
          reason,
          createdAt: now,
        },
      });
      const claimed = await tx.topUp.updateMany({
        where: { id: t.id, refundedFen: t.refundedFen },
        data: { refundedFen: { increment: Number(amount) } },
      });
      if (claimed.count !== 1) throw new DomainError(ErrorCode.INVALID_STATE, '退款正在处理中，请稍后再试。');
      await post(tx, {
        kind: 'REFUND',
        idempotencyKey: `refund:${refund.id}`,
        request: { refundId: refund.id, amount: amount.toString() },
        elderId,
        topUpId: t.id,
        memo: `自费余额退回（${reason}）`,
        at: now,
        entries: [
          { accountId: wallet, amount: -amount },
          { accountId: gatewayAccount.id, amount },
        ],
      });
      created.push({ refund, topUp: t });
      left -= amount;
    }
    return created;
  });
  // The gateway is called after the money left the wallet, outside the transaction: a network
  // failure leaves the refund PROCESSING for the daily sweep to resubmit (same out_refund_no).
  for (const { refund, topUp } of refunds) await submitRefund(prisma, gateway, refund, topUp, now, logger);
  return refunds.map((r) => r.refund);
}

type RefundRow = Awaited<ReturnType<PrismaClient['refund']['findUniqueOrThrow']>>;

async function submitRefund(
  prisma: PrismaClient,
  gateway: PaymentGateway,
  refund: RefundRow,
  topUp: TopUpRow,
  now: Date,
  logger?: Logger,
) {
  try {
    const r = await gateway.refund({
      outTradeNo: topUp.outTradeNo,
      outRefundNo: refund.outRefundNo,
      refundFen: refund.amountFen,
      totalFen: topUp.amountFen,
      reason: refund.reason,
    });
    if (r.status === 'SUCCESS') await settleRefund(prisma, refund.id, 'SUCCESS', r.refundId, now);
    else await prisma.refund.update({ where: { id: refund.id }, data: { wechatRefundId: r.refundId } });
  } catch (err) {
    logger?.warn({ err, refundId: refund.id }, 'refund submission failed; will retry');
  }
}

/** Resubmits refunds still PROCESSING (WeChat de-duplicates by out_refund_no). */
export async function retryPendingRefunds(prisma: PrismaClient, gateway: PaymentGateway, now: Date, logger?: Logger) {
  const pending = await prisma.refund.findMany({
    where: { status: 'PROCESSING', wechatRefundId: null },
    include: { topUp: true },
  });
  for (const r of pending) await submitRefund(prisma, gateway, r, r.topUp, now, logger);
  return pending.length;
}

async function settleRefund(
  prisma: PrismaClient,
  refundId: string,
  status: 'SUCCESS' | 'FAILED',
  wechatRefundId: string | null,
  now: Date,
) {
  await moneyTx(prisma, async (tx) => {
    const claimed = await tx.refund.updateMany({
      where: { id: refundId, status: 'PROCESSING' },
      data: { status, wechatRefundId, settledAt: now },
    });
    if (claimed.count !== 1) return;
    const refund = await tx.refund.findUniqueOrThrow({ where: { id: refundId } });
    if (status === 'SUCCESS') {
      const topUp = await tx.topUp.findUniqueOrThrow({ where: { id: refund.topUpId } });
      if (topUp.refundedFen >= topUp.amountFen)
        await tx.topUp.update({ where: { id: topUp.id }, data: { status: 'REFUNDED' } });
      return;
    }
    // Failed at WeChat: the money comes back to the wallet, as a reversal of the refund posting.
    const original = await tx.ledgerTransaction.findUniqueOrThrow({
      where: { idempotencyKey: `refund:${refund.id}` },
      include: { entries: true },
    });
    await tx.topUp.update({ where: { id: refund.topUpId }, data: { refundedFen: { decrement: refund.amountFen } } });
    await post(tx, {
      kind: 'REVERSAL',
      idempotencyKey: `refund:${refund.id}:failed`,
      request: { refundId: refund.id },
      elderId: refund.elderId,
      memo: '退款未成功，金额退回自费余额',
      reversesId: original.id,
      entries: original.entries.map((e) => ({ accountId: e.accountId, amount: -e.amount })),
    });
  });
}
