-- CreateEnum
CREATE TYPE "TerminationRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "TerminationStage" AS ENUM ('COMMUNITY_REVIEW', 'STREET_REVIEW', 'DONE');

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "serviceEndsAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TerminationRequest" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "elderId" TEXT NOT NULL,
    "reason" "TerminationReason" NOT NULL,
    "note" TEXT,
    "status" "TerminationRequestStatus" NOT NULL DEFAULT 'PENDING',
    "stage" "TerminationStage" NOT NULL,
    "fastTracked" BOOLEAN NOT NULL DEFAULT false,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "lastServiceDay" DATE,

    CONSTRAINT "TerminationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TerminationReview" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "stage" "TerminationStage" NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "comment" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TerminationReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TerminationRequest_elderId_idx" ON "TerminationRequest"("elderId");

-- CreateIndex
CREATE INDEX "TerminationRequest_enrolmentId_idx" ON "TerminationRequest"("enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "TerminationReview_requestId_stage_key" ON "TerminationReview"("requestId", "stage");

-- AddForeignKey
ALTER TABLE "TerminationRequest" ADD CONSTRAINT "TerminationRequest_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerminationReview" ADD CONSTRAINT "TerminationReview_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "TerminationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One pending termination request per enrolment: a second filing is refused while one is reviewed.
CREATE UNIQUE INDEX "TerminationRequest_one_pending" ON "TerminationRequest"("enrolmentId") WHERE "status" = 'PENDING';
