-- AlterTable
ALTER TABLE "Property" ADD COLUMN     "officialCalendar" TEXT,
ADD COLUMN     "workdays" TEXT;

-- AlterTable
ALTER TABLE "Complaint" ADD COLUMN     "assignDueAt" TIMESTAMP(3),
ADD COLUMN     "assignedAt" TIMESTAMP(3),
ADD COLUMN     "classifiedAt" TIMESTAMP(3),
ADD COLUMN     "handlerId" INTEGER,
ADD COLUMN     "photos" TEXT,
ADD COLUMN     "reopenedAt" TIMESTAMP(3),
ADD COLUMN     "source" TEXT;

-- CreateIndex
CREATE INDEX "Complaint_status_assignDueAt_idx" ON "Complaint"("status", "assignDueAt");

-- CreateIndex
CREATE INDEX "Complaint_propertyId_createdAt_idx" ON "Complaint"("propertyId", "createdAt");

