-- CreateIndex
CREATE INDEX "Order_elderId_id_idx" ON "Order"("elderId", "id");
