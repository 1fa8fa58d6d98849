-- CreateIndex
CREATE INDEX "Charge_propertyId_receivedAt_idx" ON "Charge"("propertyId", "receivedAt");

-- CreateIndex
CREATE INDEX "Quote_propertyId_sentAt_idx" ON "Quote"("propertyId", "sentAt");

-- CreateIndex
CREATE INDEX "Quote_propertyId_decidedAt_idx" ON "Quote"("propertyId", "decidedAt");

