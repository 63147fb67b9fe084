-- CreateEnum
CREATE TYPE "CareBedStatus" AS ENUM ('APPLIED', 'ASSESSED', 'STREET_APPROVED', 'DISTRICT_FILED', 'PUBLICISED', 'DESIGNED', 'CONFIRMED', 'DESIGN_STREET_REVIEWED', 'DESIGN_FILED', 'CONSTRUCTION', 'COMPLETED', 'ACCEPTANCE_REQUESTED', 'RECTIFY', 'ACCEPTED', 'ARCHIVED', 'DECLINED', 'REJECTED', 'CLAWED_BACK');

-- CreateTable
CREATE TABLE "CareBed" (
    "id" TEXT NOT NULL,
    "elderId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "districtRegionId" TEXT NOT NULL,
    "status" "CareBedStatus" NOT NULL DEFAULT 'APPLIED',
    "address" TEXT NOT NULL,
    "livingAreaSqm" DOUBLE PRECISION NOT NULL,
    "tenure" TEXT NOT NULL,
    "residenceMonths" INTEGER,
    "housingSafe" BOOLEAN NOT NULL,
    "housingAdaptable" BOOLEAN NOT NULL,
    "notDueForDemolition" BOOLEAN NOT NULL,
    "ownerName" TEXT,
    "priorAdaptationFen" INTEGER NOT NULL DEFAULT 0,
    "priorAdaptationNote" TEXT,
    "guardianName" TEXT,
    "guardianRelation" TEXT,
    "guardianPhone" TEXT,
    "monthlyIncomeFen" INTEGER NOT NULL,
    "priorityRank" INTEGER NOT NULL,
    "disabilityLevel" TEXT,
    "assessingAgency" TEXT,
    "designAgencyId" TEXT,
    "builderId" TEXT,
    "acceptanceAgencyId" TEXT,
    "adaptationFen" INTEGER NOT NULL DEFAULT 0,
    "smartFen" INTEGER NOT NULL DEFAULT 0,
    "aidFen" INTEGER NOT NULL DEFAULT 0,
    "totalFen" INTEGER NOT NULL DEFAULT 0,
    "lotteryFen" INTEGER NOT NULL DEFAULT 0,
    "startedOn" TIMESTAMP(3),
    "completedOn" TIMESTAMP(3),
    "acceptanceRequestedAt" TIMESTAMP(3),
    "acceptedOn" TIMESTAMP(3),
    "warrantyUntil" TIMESTAMP(3),
    "satisfaction" TEXT,
    "grantTxId" TEXT,
    "clawbackTxId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CareBed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareBedLine" (
    "id" TEXT NOT NULL,
    "careBedId" TEXT NOT NULL,
    "itemNo" INTEGER NOT NULL,
    "itemCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "estimateFen" INTEGER NOT NULL,
    "beforePhotoId" TEXT,
    "afterPhotoId" TEXT,
    "note" TEXT,
    "verified" BOOLEAN,
    "actualFen" INTEGER,

    CONSTRAINT "CareBedLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareBedStep" (
    "id" TEXT NOT NULL,
    "careBedId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "fromStatus" "CareBedStatus",
    "toStatus" "CareBedStatus" NOT NULL,
    "approved" BOOLEAN,
    "opinion" TEXT,
    "actorId" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CareBedStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CareBed_districtRegionId_status_idx" ON "CareBed"("districtRegionId", "status");

-- CreateIndex
CREATE INDEX "CareBed_elderId_idx" ON "CareBed"("elderId");

-- CreateIndex
CREATE UNIQUE INDEX "CareBedLine_careBedId_itemCode_key" ON "CareBedLine"("careBedId", "itemCode");

-- CreateIndex
CREATE INDEX "CareBedStep_careBedId_at_idx" ON "CareBedStep"("careBedId", "at");

-- AddForeignKey
ALTER TABLE "CareBed" ADD CONSTRAINT "CareBed_elderId_fkey" FOREIGN KEY ("elderId") REFERENCES "Elder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareBedLine" ADD CONSTRAINT "CareBedLine_careBedId_fkey" FOREIGN KEY ("careBedId") REFERENCES "CareBed"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareBedStep" ADD CONSTRAINT "CareBedStep_careBedId_fkey" FOREIGN KEY ("careBedId") REFERENCES "CareBed"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
