-- AlterTable
ALTER TABLE "Property" ADD COLUMN     "completionImportantMin" INTEGER NOT NULL DEFAULT 1440,
ADD COLUMN     "completionNormalMin" INTEGER NOT NULL DEFAULT 1440,
ADD COLUMN     "completionUrgentMin" INTEGER NOT NULL DEFAULT 480,
ADD COLUMN     "dispatchMode" TEXT NOT NULL DEFAULT 'pool',
ADD COLUMN     "publicWorkingDays" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "roundRobinMin" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "completionCheckAt" TIMESTAMP(3),
ADD COLUMN     "completionDueAt" TIMESTAMP(3),
ADD COLUMN     "completionLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastUrgedAt" TIMESTAMP(3),
ADD COLUMN     "offeredToId" INTEGER,
ADD COLUMN     "priority" TEXT NOT NULL DEFAULT 'normal',
ADD COLUMN     "urgeCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Ticket_status_completionCheckAt_idx" ON "Ticket"("status", "completionCheckAt");


-- CreateIndex
CREATE INDEX "Ticket_propertyId_status_arrivalDueAt_idx" ON "Ticket"("propertyId", "status", "arrivalDueAt");
