-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "canteenId" TEXT;

-- CreateTable
CREATE TABLE "Canteen" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "streetId" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "qrSecret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Canteen_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Canteen_streetId_name_key" ON "Canteen"("streetId", "name");

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_canteenId_fkey" FOREIGN KEY ("canteenId") REFERENCES "Canteen"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Canteen" ADD CONSTRAINT "Canteen_streetId_fkey" FOREIGN KEY ("streetId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
