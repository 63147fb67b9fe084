-- Elders' records kept current (000 九 动态管理; 001 八(一)3): household and disability facts, contacts,
-- exit suggestions a worker confirms or dismisses, and scanned documents on the record.

-- CreateEnum
CREATE TYPE "ExitSuggestionStatus" AS ENUM ('OPEN', 'CONFIRMED', 'DISMISSED', 'LAPSED');

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('ID_CARD', 'HUKOU_BOOKLET', 'LOW_INCOME_CERTIFICATE', 'ASSESSMENT_REPORT', 'SIGNATURE', 'OTHER');

-- AlterTable
ALTER TABLE "Elder" ADD COLUMN     "contacts" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "disabilityGrade" INTEGER,
ADD COLUMN     "householdSize" INTEGER,
ADD COLUMN     "monthlyIncomeFen" INTEGER;

-- CreateTable
CREATE TABLE "ExitSuggestion" (
    "id" TEXT NOT NULL,
    "elderId" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "reason" "TerminationReason" NOT NULL,
    "exclusion" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT,
    "explanation" TEXT NOT NULL,
    "status" "ExitSuggestionStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decisionNote" TEXT,

    CONSTRAINT "ExitSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElderAttachment" (
    "id" TEXT NOT NULL,
    "elderId" TEXT NOT NULL,
    "applicationId" TEXT,
    "kind" "AttachmentKind" NOT NULL,
    "fileId" TEXT NOT NULL,
    "note" TEXT,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ElderAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExitSuggestion_elderId_idx" ON "ExitSuggestion"("elderId");

-- CreateIndex
CREATE INDEX "ExitSuggestion_status_createdAt_idx" ON "ExitSuggestion"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ElderAttachment_elderId_createdAt_idx" ON "ElderAttachment"("elderId", "createdAt");

-- CreateIndex
CREATE INDEX "ElderAttachment_fileId_idx" ON "ElderAttachment"("fileId");

-- AddForeignKey
ALTER TABLE "ExitSuggestion" ADD CONSTRAINT "ExitSuggestion_elderId_fkey" FOREIGN KEY ("elderId") REFERENCES "Elder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExitSuggestion" ADD CONSTRAINT "ExitSuggestion_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElderAttachment" ADD CONSTRAINT "ElderAttachment_elderId_fkey" FOREIGN KEY ("elderId") REFERENCES "Elder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElderAttachment" ADD CONSTRAINT "ElderAttachment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElderAttachment" ADD CONSTRAINT "ElderAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One OPEN suggestion per enrolment: a second change while one waits refreshes it instead.
CREATE UNIQUE INDEX "ExitSuggestion_one_open_per_enrolment" ON "ExitSuggestion"("enrolmentId") WHERE "status" = 'OPEN';
