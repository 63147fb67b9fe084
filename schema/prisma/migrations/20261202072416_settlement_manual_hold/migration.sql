-- AlterTable
ALTER TABLE "Complaint" ADD COLUMN     "revisitNote" TEXT;

-- AlterTable
ALTER TABLE "Settlement" ADD COLUMN     "manualHeldAt" TIMESTAMP(3),
ADD COLUMN     "manualHeldById" TEXT,
ADD COLUMN     "manualHoldReason" TEXT;
