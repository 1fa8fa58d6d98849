-- AlterTable
ALTER TABLE "Property" ADD COLUMN "incidentWindowMin" INTEGER;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "incidentOfId" INTEGER;

-- CreateIndex
CREATE INDEX "Ticket_incidentOfId_idx" ON "Ticket"("incidentOfId");

