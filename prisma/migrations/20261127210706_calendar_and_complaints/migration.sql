-- AlterTable
ALTER TABLE "Property" ADD COLUMN "officialCalendar" TEXT;
ALTER TABLE "Property" ADD COLUMN "workdays" TEXT;

-- AlterTable
ALTER TABLE "Complaint" ADD COLUMN "assignDueAt" DATETIME;
ALTER TABLE "Complaint" ADD COLUMN "assignedAt" DATETIME;
ALTER TABLE "Complaint" ADD COLUMN "classifiedAt" DATETIME;
ALTER TABLE "Complaint" ADD COLUMN "handlerId" INTEGER;
ALTER TABLE "Complaint" ADD COLUMN "photos" TEXT;
ALTER TABLE "Complaint" ADD COLUMN "reopenedAt" DATETIME;
ALTER TABLE "Complaint" ADD COLUMN "source" TEXT;

-- CreateIndex
CREATE INDEX "Complaint_status_assignDueAt_idx" ON "Complaint"("status", "assignDueAt");

-- CreateIndex
CREATE INDEX "Complaint_propertyId_createdAt_idx" ON "Complaint"("propertyId", "createdAt");

