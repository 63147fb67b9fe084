-- AlterEnum
ALTER TYPE "VisitEvidence" ADD VALUE 'ELDER_SIGNATURE';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "departedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "serviceNotes" TEXT,
ADD COLUMN     "signatureFileId" TEXT;
