-- AlterTable
ALTER TABLE "Settlement" ADD COLUMN     "hoursValueFen" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SettlementLine" (
    "id" TEXT NOT NULL,
    "settlementId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "elderId" TEXT NOT NULL,
    "elderName" TEXT NOT NULL,
    "idNumberEnc" TEXT NOT NULL,
    "communityName" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "visitDate" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "subsidyFen" INTEGER NOT NULL,
    "subsidyMinutes" INTEGER NOT NULL,
    "hoursValueFen" INTEGER NOT NULL,
    "selfPaidFen" INTEGER NOT NULL,
    "caregiverName" TEXT NOT NULL,
    "satisfaction" TEXT,
    "stars" INTEGER,

    CONSTRAINT "SettlementLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SettlementLine_settlementId_id_idx" ON "SettlementLine"("settlementId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "SettlementLine_settlementId_orderId_key" ON "SettlementLine"("settlementId", "orderId");

-- AddForeignKey
ALTER TABLE "SettlementLine" ADD CONSTRAINT "SettlementLine_settlementId_fkey" FOREIGN KEY ("settlementId") REFERENCES "Settlement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
