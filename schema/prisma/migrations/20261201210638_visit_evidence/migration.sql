-- CreateEnum
CREATE TYPE "VisitEvidence" AS ENUM ('ELDER_APP', 'FAMILY_APP', 'ELDER_SIGNOFF_CODE', 'FOLLOW_UP_CALL');

-- AlterEnum
ALTER TYPE "AccessCodePurpose" ADD VALUE 'VISIT_SIGNOFF';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "chargedFen" INTEGER,
ADD COLUMN     "chargedMinutes" INTEGER,
ADD COLUMN     "evidence" "VisitEvidence";
