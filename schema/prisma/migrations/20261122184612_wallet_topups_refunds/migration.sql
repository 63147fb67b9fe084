-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PROCESSING', 'SUCCESS', 'FAILED');

-- AlterTable
ALTER TABLE "AllowanceRun" ADD COLUMN     "cursor" TEXT,
ADD COLUMN     "expired" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "TopUp" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "payerOpenId" TEXT,
ADD COLUMN     "refundedFen" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "topUpId" TEXT NOT NULL,
    "elderId" TEXT NOT NULL,
    "outRefundNo" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'PROCESSING',
    "wechatRefundId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Refund_outRefundNo_key" ON "Refund"("outRefundNo");

-- CreateIndex
CREATE INDEX "Refund_elderId_idx" ON "Refund"("elderId");

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_topUpId_fkey" FOREIGN KEY ("topUpId") REFERENCES "TopUp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Refunds never exceed what was paid (WeChat Pay refuses it too); amounts are positive.
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "TopUp" ADD CONSTRAINT "TopUp_refund_within_paid" CHECK ("refundedFen" >= 0 AND "refundedFen" <= "amountFen");
