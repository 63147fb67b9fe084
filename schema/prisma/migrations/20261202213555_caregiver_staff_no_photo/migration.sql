-- AlterTable
ALTER TABLE "Caregiver" ADD COLUMN     "photoFileId" TEXT,
ADD COLUMN     "staffNo" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Caregiver_providerId_staffNo_key" ON "Caregiver"("providerId", "staffNo");

-- AddForeignKey
ALTER TABLE "Caregiver" ADD CONSTRAINT "Caregiver_photoFileId_fkey" FOREIGN KEY ("photoFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
