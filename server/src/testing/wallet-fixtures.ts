// Money for tests that need an elder to be able to pay, not the payment itself: a top-up posted
// straight on the ledger as WeChat Pay's notification would post it (the gateway to the elder's
// self-paid account). The payment flow is covered by wallet/topup.test.ts.
import type { PrismaClient } from '../db/prisma.js';
import { elderAccount, platformAccount, postOnce } from '../wallet/ledger.service.js';

/** Credits `fen` to the elder's self-paid account once per `idempotencyKey` (a replay posts nothing). */
export async function creditSelfPaid(
  prisma: PrismaClient,
  elderId: string,
  fen: number | bigint,
  idempotencyKey: string,
  at?: Date,
) {
  const wallet = await prisma.$transaction((tx) => elderAccount(tx, elderId, 'SELF_PAID', 'FEN'));
  const gateway = await prisma.$transaction((tx) => platformAccount(tx, 'PAYMENT_GATEWAY', 'FEN'));
  const amount = BigInt(fen);
  return postOnce(prisma, {
    kind: 'TOP_UP',
    idempotencyKey,
    request: {},
    elderId,
    at,
    entries: [
      { accountId: gateway.id, amount: -amount },
      { accountId: wallet.id, amount },
    ],
  });
}
