-- CreateEnum
CREATE TYPE "HotlineLevel" AS ENUM ('CITY', 'COUNTY', 'STREET', 'COMMUNITY');

-- CreateEnum
CREATE TYPE "HotlineOutcome" AS ENUM ('ORDER', 'REFERRAL', 'ADVICE');

-- CreateEnum
CREATE TYPE "SupervisionKind" AS ENUM ('PUBLIC_CRITICISM', 'DISQUALIFICATION', 'AWARD');

-- AlterTable
ALTER TABLE "Provider" ADD COLUMN     "disqualifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "HotlineCall" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "line" TEXT NOT NULL,
    "operatorId" TEXT NOT NULL,
    "level" "HotlineLevel" NOT NULL,
    "areaId" TEXT NOT NULL,
    "callerName" TEXT NOT NULL,
    "callerPhone" TEXT NOT NULL,
    "elderId" TEXT,
    "communityId" TEXT NOT NULL,
    "need" TEXT NOT NULL,
    "outcome" "HotlineOutcome" NOT NULL,
    "orderId" TEXT,
    "referralTo" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HotlineCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionRecord" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "kind" "SupervisionKind" NOT NULL,
    "providerId" TEXT,
    "facilityId" TEXT,
    "personName" TEXT,
    "caregiverId" TEXT,
    "award" TEXT,
    "clause" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HotlineCall_orderId_key" ON "HotlineCall"("orderId");

-- CreateIndex
CREATE INDEX "HotlineCall_policyId_receivedAt_idx" ON "HotlineCall"("policyId", "receivedAt");

-- CreateIndex
CREATE INDEX "HotlineCall_areaId_receivedAt_idx" ON "HotlineCall"("areaId", "receivedAt");

-- CreateIndex
CREATE INDEX "SupervisionRecord_policyId_createdAt_idx" ON "SupervisionRecord"("policyId", "createdAt");

-- CreateIndex
CREATE INDEX "SupervisionRecord_providerId_idx" ON "SupervisionRecord"("providerId");
