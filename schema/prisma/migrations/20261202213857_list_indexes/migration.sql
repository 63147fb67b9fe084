-- CreateIndex
CREATE INDEX "Notice_userId_id_idx" ON "Notice"("userId", "id");

-- CreateIndex
CREATE INDEX "Order_providerId_id_idx" ON "Order"("providerId", "id");
