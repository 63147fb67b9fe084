-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "complaintId" TEXT,
ADD COLUMN     "orderId" TEXT,
ADD COLUMN     "photoFileIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
