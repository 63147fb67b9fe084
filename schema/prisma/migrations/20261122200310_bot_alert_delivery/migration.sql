-- CreateTable
CREATE TABLE "BotAlertDelivery" (
    "alertId" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "deliveredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BotAlertDelivery_pkey" PRIMARY KEY ("alertId","roomId")
);
