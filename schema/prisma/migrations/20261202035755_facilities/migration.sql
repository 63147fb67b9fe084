-- CreateEnum
CREATE TYPE "FacilityKind" AS ENUM ('DAY_CARE_CENTRE', 'SERVICE_STATION', 'CANTEEN', 'MEAL_POINT', 'STREET_HUB', 'COMPLEX');

-- CreateEnum
CREATE TYPE "FacilityStatus" AS ENUM ('PLANNED', 'BUILDING', 'ACCEPTED', 'OPERATING', 'SUSPENDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "PremisesSource" AS ENUM ('PURCHASED', 'LEASED', 'ALLOCATED', 'INFILL', 'ENTERPRISE_SHARED', 'DEVELOPER_BUILT');

-- CreateEnum
CREATE TYPE "OperatingMode" AS ENUM ('COMMUNITY_RUN', 'HOME_CARE_COMPANY', 'CARE_INSTITUTION', 'SOCIAL_ORGANISATION');

-- CreateEnum
CREATE TYPE "FacilityRoomKind" AS ENUM ('REST', 'DINING', 'HEALTH', 'READING', 'ACTIVITY', 'OFFICE');

-- CreateEnum
CREATE TYPE "FundSource" AS ENUM ('CITY_FINANCE', 'DISTRICT_FINANCE', 'COUNTY_FINANCE', 'LOTTERY_FUND', 'DONATION');

-- CreateEnum
CREATE TYPE "FacilityGrantKind" AS ENUM ('STARTUP', 'OPERATING', 'ANNUAL');

-- CreateEnum
CREATE TYPE "StartupGrantStatus" AS ENUM ('PROPOSED', 'DISBURSED', 'REJECTED', 'CLAWED_BACK');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AccountKind" ADD VALUE 'FACILITY_GRANT';
ALTER TYPE "AccountKind" ADD VALUE 'GRANT_FUNDING';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TransactionKind" ADD VALUE 'FACILITY_STARTUP_GRANT';
ALTER TYPE "TransactionKind" ADD VALUE 'FACILITY_OPERATING_SUBSIDY';
ALTER TYPE "TransactionKind" ADD VALUE 'FACILITY_ANNUAL_GRANT';
ALTER TYPE "TransactionKind" ADD VALUE 'FACILITY_GRANT_CLAWBACK';

-- CreateTable
CREATE TABLE "Facility" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "kind" "FacilityKind" NOT NULL,
    "name" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "floorAreaM2" INTEGER NOT NULL,
    "contractedAreaM2" INTEGER NOT NULL,
    "premisesSource" "PremisesSource" NOT NULL,
    "operatingMode" "OperatingMode",
    "operatorId" TEXT,
    "funder" TEXT NOT NULL,
    "parentId" TEXT,
    "newEstate" BOOLEAN NOT NULL DEFAULT false,
    "elderCount" INTEGER,
    "elderCountOn" DATE,
    "status" "FacilityStatus" NOT NULL DEFAULT 'PLANNED',
    "operatingSince" TIMESTAMP(3),
    "canteenId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Facility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FacilityRoom" (
    "id" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "kind" "FacilityRoomKind" NOT NULL,
    "present" BOOLEAN NOT NULL,
    "areaM2" INTEGER,

    CONSTRAINT "FacilityRoom_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FacilityStatusChange" (
    "id" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "from" "FacilityStatus",
    "to" "FacilityStatus" NOT NULL,
    "reason" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FacilityStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FacilityInspection" (
    "id" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "inspectedOn" DATE NOT NULL,
    "grade" TEXT,
    "findings" TEXT,
    "rectifyBy" DATE,
    "rectifiedOn" DATE,
    "inspectorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FacilityInspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StartupGrant" (
    "id" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "scaleNote" TEXT,
    "status" "StartupGrantStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedById" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL,
    "reviewedById" TEXT,
    "disbursedAt" TIMESTAMP(3),
    "clawedBackAt" TIMESTAMP(3),

    CONSTRAINT "StartupGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FacilityGrant" (
    "id" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "kind" "FacilityGrantKind" NOT NULL,
    "period" TEXT NOT NULL,
    "fundSource" "FundSource" NOT NULL,
    "payerRegionId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "clawback" BOOLEAN NOT NULL DEFAULT false,
    "transactionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FacilityGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Facility_canteenId_key" ON "Facility"("canteenId");

-- CreateIndex
CREATE INDEX "Facility_policyId_status_idx" ON "Facility"("policyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Facility_communityId_name_key" ON "Facility"("communityId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "FacilityRoom_facilityId_kind_key" ON "FacilityRoom"("facilityId", "kind");

-- CreateIndex
CREATE INDEX "FacilityStatusChange_facilityId_at_idx" ON "FacilityStatusChange"("facilityId", "at");

-- CreateIndex
CREATE INDEX "FacilityInspection_facilityId_inspectedOn_idx" ON "FacilityInspection"("facilityId", "inspectedOn");

-- CreateIndex
CREATE UNIQUE INDEX "StartupGrant_facilityId_key" ON "StartupGrant"("facilityId");

-- CreateIndex
CREATE UNIQUE INDEX "FacilityGrant_transactionId_key" ON "FacilityGrant"("transactionId");

-- CreateIndex
CREATE INDEX "FacilityGrant_createdAt_idx" ON "FacilityGrant"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FacilityGrant_facilityId_kind_period_fundSource_clawback_key" ON "FacilityGrant"("facilityId", "kind", "period", "fundSource", "clawback");

-- AddForeignKey
ALTER TABLE "Facility" ADD CONSTRAINT "Facility_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Facility" ADD CONSTRAINT "Facility_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Facility" ADD CONSTRAINT "Facility_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Provider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Facility" ADD CONSTRAINT "Facility_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Facility"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Facility" ADD CONSTRAINT "Facility_canteenId_fkey" FOREIGN KEY ("canteenId") REFERENCES "Canteen"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FacilityRoom" ADD CONSTRAINT "FacilityRoom_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FacilityStatusChange" ADD CONSTRAINT "FacilityStatusChange_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FacilityInspection" ADD CONSTRAINT "FacilityInspection_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StartupGrant" ADD CONSTRAINT "StartupGrant_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FacilityGrant" ADD CONSTRAINT "FacilityGrant_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Areas are whole square metres, never negative; grants are positive amounts of fen.
ALTER TABLE "Facility" ADD CONSTRAINT "Facility_area_check" CHECK ("floorAreaM2" >= 0 AND "contractedAreaM2" >= 0);
ALTER TABLE "FacilityRoom" ADD CONSTRAINT "FacilityRoom_area_check" CHECK ("areaM2" IS NULL OR "areaM2" >= 0);
ALTER TABLE "StartupGrant" ADD CONSTRAINT "StartupGrant_amount_check" CHECK ("amountFen" > 0);
ALTER TABLE "FacilityGrant" ADD CONSTRAINT "FacilityGrant_amount_check" CHECK ("amountFen" > 0);
