-- CreateIndex
CREATE INDEX "Ticket_propertyId_updatedAt_idx" ON "Ticket"("propertyId", "updatedAt");

