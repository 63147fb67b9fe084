-- CreateEnum
CREATE TYPE "BindingPurpose" AS ENUM ('WORKER', 'ROOM');

-- CreateTable
CREATE TABLE "BotBindingCode" (
    "id" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "BindingPurpose" NOT NULL,
    "communityId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BotBindingCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BotWorkerBinding" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BotWorkerBinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BotRoomBinding" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "boundById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BotRoomBinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BotBindingCode_codeHash_key" ON "BotBindingCode"("codeHash");

-- CreateIndex
CREATE INDEX "BotBindingCode_userId_createdAt_idx" ON "BotBindingCode"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BotWorkerBinding_contactId_key" ON "BotWorkerBinding"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "BotWorkerBinding_userId_key" ON "BotWorkerBinding"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "BotRoomBinding_roomId_key" ON "BotRoomBinding"("roomId");

-- CreateIndex
CREATE INDEX "BotRoomBinding_communityId_idx" ON "BotRoomBinding"("communityId");

-- CreateIndex
CREATE INDEX "BotRoomBinding_topic_idx" ON "BotRoomBinding"("topic");
