-- CreateTable
CREATE TABLE "OrderReschedule" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "fromAt" TIMESTAMP(3) NOT NULL,
    "toAt" TIMESTAMP(3) NOT NULL,
    "byId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderReschedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrderReschedule_idempotencyKey_key" ON "OrderReschedule"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OrderReschedule_orderId_createdAt_idx" ON "OrderReschedule"("orderId", "createdAt");

-- AddForeignKey
ALTER TABLE "OrderReschedule" ADD CONSTRAINT "OrderReschedule_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
