-- CreateEnum
CREATE TYPE "TrainingKind" AS ENUM ('SMART_TECH', 'FAMILY_CARER', 'ANTI_FRAUD');

-- CreateEnum
CREATE TYPE "MealKind" AS ENUM ('BREAKFAST', 'LUNCH', 'DINNER');

-- CreateEnum
CREATE TYPE "MealSite" AS ENUM ('HOME', 'FACILITY');

-- AlterEnum
ALTER TYPE "FacilityGrantKind" ADD VALUE 'MEAL';

-- AlterEnum
ALTER TYPE "TransactionKind" ADD VALUE 'FACILITY_MEAL_SUBSIDY';

-- AlterTable
ALTER TABLE "Facility" ADD COLUMN     "kitchenCamera" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CareAdvisor" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "since" DATE NOT NULL,
    "until" DATE,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CareAdvisor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthManagement" (
    "id" TEXT NOT NULL,
    "elderId" TEXT NOT NULL,
    "institution" TEXT NOT NULL,
    "since" DATE NOT NULL,
    "until" DATE,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HealthManagement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "kind" "TrainingKind" NOT NULL,
    "title" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "minutes" INTEGER NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingAttendance" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "elderId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarerTraining" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "elderId" TEXT NOT NULL,
    "traineeName" TEXT NOT NULL,
    "traineePhone" TEXT,
    "relation" TEXT NOT NULL,
    "course" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "completedOn" DATE NOT NULL,
    "certificateNo" TEXT,
    "subsidyFen" INTEGER,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CarerTraining_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MealRecord" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "elderId" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "itemCode" TEXT NOT NULL,
    "servedOn" DATE NOT NULL,
    "meal" "MealKind" NOT NULL,
    "verifiedAt" "MealSite" NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "satisfaction" INTEGER,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MealRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FoodSafetyInspection" (
    "id" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "inspectedOn" DATE NOT NULL,
    "score" INTEGER NOT NULL,
    "findings" TEXT,
    "rectifyBy" DATE,
    "fix" TEXT,
    "fixedOn" DATE,
    "inspectorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FoodSafetyInspection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CareAdvisor_policyId_communityId_idx" ON "CareAdvisor"("policyId", "communityId");

-- CreateIndex
CREATE UNIQUE INDEX "HealthManagement_elderId_key" ON "HealthManagement"("elderId");

-- CreateIndex
CREATE INDEX "TrainingSession_policyId_kind_heldOn_idx" ON "TrainingSession"("policyId", "kind", "heldOn");

-- CreateIndex
CREATE INDEX "TrainingAttendance_elderId_idx" ON "TrainingAttendance"("elderId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingAttendance_sessionId_elderId_key" ON "TrainingAttendance"("sessionId", "elderId");

-- CreateIndex
CREATE INDEX "CarerTraining_policyId_completedOn_idx" ON "CarerTraining"("policyId", "completedOn");

-- CreateIndex
CREATE UNIQUE INDEX "CarerTraining_elderId_traineeName_course_completedOn_key" ON "CarerTraining"("elderId", "traineeName", "course", "completedOn");

-- CreateIndex
CREATE INDEX "MealRecord_facilityId_servedOn_idx" ON "MealRecord"("facilityId", "servedOn");

-- CreateIndex
CREATE UNIQUE INDEX "MealRecord_elderId_servedOn_meal_key" ON "MealRecord"("elderId", "servedOn", "meal");

-- CreateIndex
CREATE INDEX "FoodSafetyInspection_facilityId_inspectedOn_idx" ON "FoodSafetyInspection"("facilityId", "inspectedOn");

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A meal's satisfaction is the elder's 1–5; an inspection's score is 0–100 (002 二(二)7).
ALTER TABLE "MealRecord" ADD CONSTRAINT "MealRecord_satisfaction_check" CHECK ("satisfaction" IS NULL OR "satisfaction" BETWEEN 1 AND 5);
ALTER TABLE "FoodSafetyInspection" ADD CONSTRAINT "FoodSafetyInspection_score_check" CHECK ("score" BETWEEN 0 AND 100);
