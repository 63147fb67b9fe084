-- CreateEnum
CREATE TYPE "CreditSubject" AS ENUM ('PROVIDER', 'CAREGIVER', 'ELDER');

-- CreateEnum
CREATE TYPE "CreditEventKind" AS ENUM ('COMPLAINT_AT_FAULT', 'SLA_BREACH', 'FALSE_RECORD', 'EXTRA_CHARGE', 'CASH_OUT', 'CERTIFICATE_LAPSED', 'COMMENDATION', 'INSPECTION_FINDING');

-- CreateEnum
CREATE TYPE "CreditEventStatus" AS ENUM ('ACTIVE', 'REVERSED');

-- CreateEnum
CREATE TYPE "CreditAppealStatus" AS ENUM ('PENDING', 'UPHELD', 'DISMISSED');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "visitAgreementId" TEXT;

-- CreateTable
CREATE TABLE "CreditEvent" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "subjectType" "CreditSubject" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "kind" "CreditEventKind" NOT NULL,
    "points" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "status" "CreditEventStatus" NOT NULL DEFAULT 'ACTIVE',
    "recordedById" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "reversedAt" TIMESTAMP(3),

    CONSTRAINT "CreditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditAppeal" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "filedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "CreditAppealStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decision" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditAppeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CreditEvent_subjectType_subjectId_status_idx" ON "CreditEvent"("subjectType", "subjectId", "status");

-- CreateIndex
CREATE INDEX "CreditEvent_policyId_occurredAt_idx" ON "CreditEvent"("policyId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "CreditEvent_kind_subjectType_subjectId_sourceRef_key" ON "CreditEvent"("kind", "subjectType", "subjectId", "sourceRef");

-- CreateIndex
CREATE INDEX "CreditAppeal_eventId_idx" ON "CreditAppeal"("eventId");

-- CreateIndex
CREATE INDEX "Order_visitAgreementId_status_idx" ON "Order"("visitAgreementId", "status");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_visitAgreementId_fkey" FOREIGN KEY ("visitAgreementId") REFERENCES "VisitAgreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditAppeal" ADD CONSTRAINT "CreditAppeal_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "CreditEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One appeal waits for a decision per event at a time (002 二(三)10).
CREATE UNIQUE INDEX "CreditAppeal_one_pending" ON "CreditAppeal"("eventId") WHERE "status" = 'PENDING';
