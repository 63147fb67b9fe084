-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "checkInReceivedAt" TIMESTAMP(3),
ADD COLUMN     "checkInSentLate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "checkOutReceivedAt" TIMESTAMP(3),
ADD COLUMN     "checkOutSentLate" BOOLEAN NOT NULL DEFAULT false;
