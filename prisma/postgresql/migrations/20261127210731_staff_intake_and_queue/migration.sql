-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "assignDueAt" TIMESTAMP(3),
ADD COLUMN     "registeredById" INTEGER;

-- CreateIndex
CREATE INDEX "Ticket_propertyId_status_reportedAt_idx" ON "Ticket"("propertyId", "status", "reportedAt");

-- CreateIndex
CREATE INDEX "Ticket_status_assignDueAt_idx" ON "Ticket"("status", "assignDueAt");

