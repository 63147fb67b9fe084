-- AlterEnum
ALTER TYPE "AlertKind" ADD VALUE 'DEVICE_EVENT';

-- CreateTable
CREATE TABLE "CareBedDevice" (
    "id" TEXT NOT NULL,
    "careBedId" TEXT NOT NULL,
    "elderId" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CareBedDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareBedDeviceEvent" (
    "id" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "alertId" TEXT,

    CONSTRAINT "CareBedDeviceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CareBedDevice_serial_key" ON "CareBedDevice"("serial");

-- CreateIndex
CREATE UNIQUE INDEX "CareBedDeviceEvent_signature_key" ON "CareBedDeviceEvent"("signature");

-- CreateIndex
CREATE INDEX "CareBedDeviceEvent_deviceId_receivedAt_idx" ON "CareBedDeviceEvent"("deviceId", "receivedAt");
