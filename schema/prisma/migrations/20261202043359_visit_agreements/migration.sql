-- CreateEnum
CREATE TYPE "VisitAgreementStatus" AS ENUM ('SIGNED', 'STREET_REVIEWED', 'FILED', 'REJECTED');

-- CreateTable
CREATE TABLE "VisitAgreement" (
    "id" TEXT NOT NULL,
    "elderId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "items" TEXT[],
    "method" TEXT NOT NULL,
    "priceFen" INTEGER NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "elderClass" TEXT,
    "status" "VisitAgreementStatus" NOT NULL DEFAULT 'SIGNED',
    "signedById" TEXT NOT NULL,
    "streetOpinion" TEXT,
    "streetById" TEXT,
    "streetAt" TIMESTAMP(3),
    "districtOpinion" TEXT,
    "districtById" TEXT,
    "districtAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisitAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VisitAgreement_elderId_idx" ON "VisitAgreement"("elderId");

-- CreateIndex
CREATE INDEX "VisitAgreement_providerId_status_idx" ON "VisitAgreement"("providerId", "status");
