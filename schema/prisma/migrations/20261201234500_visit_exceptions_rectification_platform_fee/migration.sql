-- CreateEnum
CREATE TYPE "VisitExceptionReason" AS ENUM ('SHORT_VISIT', 'OUTSIDE_WINDOW', 'QUICK_SAME_POINT', 'CAREGIVER_OVERLAP', 'PHOTO_REUSED', 'LOCATION_REPEATED');

-- CreateEnum
CREATE TYPE "VisitExceptionStatus" AS ENUM ('OPEN', 'ACCEPTED', 'ADJUSTED', 'REJECTED');

-- AlterEnum

-- DropIndex
DROP INDEX "QualityEvaluation_providerId_month_key";

-- AlterTable
ALTER TABLE "QualityEvaluation" ADD COLUMN     "rectificationReport" TEXT,
ADD COLUMN     "rectifiedAt" TIMESTAMP(3),
ADD COLUMN     "rectifiedById" TEXT,
ADD COLUMN     "supersedesId" TEXT;

-- CreateTable
CREATE TABLE "VisitException" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "reason" "VisitExceptionReason" NOT NULL,
    "detail" TEXT NOT NULL,
    "status" "VisitExceptionStatus" NOT NULL DEFAULT 'OPEN',
    "reversedFen" INTEGER,
    "note" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitException_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VisitException_providerId_month_status_idx" ON "VisitException"("providerId", "month", "status");

-- CreateIndex
CREATE UNIQUE INDEX "VisitException_orderId_reason_key" ON "VisitException"("orderId", "reason");

-- CreateIndex
CREATE UNIQUE INDEX "QualityEvaluation_supersedesId_key" ON "QualityEvaluation"("supersedesId");

-- CreateIndex
CREATE INDEX "QualityEvaluation_providerId_month_createdAt_idx" ON "QualityEvaluation"("providerId", "month", "createdAt");

-- AddForeignKey
ALTER TABLE "VisitException" ADD CONSTRAINT "VisitException_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
