-- Bindings belong to one bot deployment (its BOT account) and are made only by a one-time code.
-- Existing bindings cannot prove they were: until now a contact or group was silently re-pointed
-- when its nickname or topic matched. They are dropped; workers bind themselves and their groups
-- again with new codes (issueBotBindingCode), as on the first day.
DELETE FROM "BotWorkerBinding";
DELETE FROM "BotRoomBinding";

-- DropIndex
DROP INDEX "BotRoomBinding_communityId_idx";

-- DropIndex
DROP INDEX "BotRoomBinding_roomId_key";

-- DropIndex
DROP INDEX "BotRoomBinding_topic_idx";

-- DropIndex
DROP INDEX "BotWorkerBinding_contactId_key";

-- DropIndex
DROP INDEX "BotWorkerBinding_userId_key";

-- AlterTable
ALTER TABLE "BotRoomBinding" ADD COLUMN     "botUserId" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "BotWorkerBinding" ADD COLUMN     "botUserId" TEXT NOT NULL;

-- CreateIndex
CREATE INDEX "BotRoomBinding_botUserId_communityId_idx" ON "BotRoomBinding"("botUserId", "communityId");

-- CreateIndex
CREATE UNIQUE INDEX "BotRoomBinding_botUserId_roomId_key" ON "BotRoomBinding"("botUserId", "roomId");

-- CreateIndex
CREATE UNIQUE INDEX "BotWorkerBinding_botUserId_contactId_key" ON "BotWorkerBinding"("botUserId", "contactId");

-- CreateIndex
CREATE UNIQUE INDEX "BotWorkerBinding_botUserId_userId_key" ON "BotWorkerBinding"("botUserId", "userId");
