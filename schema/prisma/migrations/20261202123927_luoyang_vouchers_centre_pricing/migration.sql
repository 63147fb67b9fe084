-- CreateEnum
CREATE TYPE "VoucherStatus" AS ENUM ('ISSUED', 'REDEEMED');

-- CreateEnum
CREATE TYPE "CentrePriceTier" AS ENUM ('FREE', 'LOW', 'MARKET');

-- CreateTable
CREATE TABLE "Voucher" (
    "id" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "elderId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "unit" "Unit" NOT NULL,
    "faceValue" INTEGER NOT NULL,
    "issuedOn" DATE NOT NULL,
    "expiresOn" DATE NOT NULL,
    "status" "VoucherStatus" NOT NULL DEFAULT 'ISSUED',
    "orderId" TEXT,
    "redeemedAt" TIMESTAMP(3),
    "redeemedById" TEXT,
    "redeemKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Voucher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CentreService" (
    "id" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "marketPriceFen" INTEGER NOT NULL,
    "lowPriceFen" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CentreService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CentreAttendance" (
    "id" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "elderId" TEXT NOT NULL,
    "attendedAt" TIMESTAMP(3) NOT NULL,
    "tier" "CentrePriceTier" NOT NULL,
    "priceFen" INTEGER NOT NULL,
    "basis" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CentreAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Voucher_serial_key" ON "Voucher"("serial");

-- CreateIndex
CREATE UNIQUE INDEX "Voucher_orderId_key" ON "Voucher"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Voucher_redeemKey_key" ON "Voucher"("redeemKey");

-- CreateIndex
CREATE INDEX "Voucher_policyId_month_idx" ON "Voucher"("policyId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "Voucher_elderId_month_seq_key" ON "Voucher"("elderId", "month", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "CentreService_facilityId_code_key" ON "CentreService"("facilityId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "CentreAttendance_idempotencyKey_key" ON "CentreAttendance"("idempotencyKey");

-- CreateIndex
CREATE INDEX "CentreAttendance_facilityId_attendedAt_idx" ON "CentreAttendance"("facilityId", "attendedAt");

-- CreateIndex
CREATE INDEX "CentreAttendance_elderId_attendedAt_idx" ON "CentreAttendance"("elderId", "attendedAt");

-- AddForeignKey
ALTER TABLE "CentreAttendance" ADD CONSTRAINT "CentreAttendance_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "CentreService"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
