-- Written by hand: Prisma's SQLite differ redefines the tables for defaulted NOT NULL columns;
-- SQLite adds them in place (the rule for branches that are merged: no table copies).
-- AlterTable
ALTER TABLE "Property" ADD COLUMN "dispatchMode" TEXT NOT NULL DEFAULT 'pool';
ALTER TABLE "Property" ADD COLUMN "roundRobinMin" INTEGER NOT NULL DEFAULT 3;
ALTER TABLE "Property" ADD COLUMN "completionUrgentMin" INTEGER NOT NULL DEFAULT 480;
ALTER TABLE "Property" ADD COLUMN "completionImportantMin" INTEGER NOT NULL DEFAULT 1440;
ALTER TABLE "Property" ADD COLUMN "completionNormalMin" INTEGER NOT NULL DEFAULT 1440;
ALTER TABLE "Property" ADD COLUMN "publicWorkingDays" INTEGER NOT NULL DEFAULT 2;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "offeredToId" INTEGER;
ALTER TABLE "Ticket" ADD COLUMN "priority" TEXT NOT NULL DEFAULT 'normal';
ALTER TABLE "Ticket" ADD COLUMN "urgeCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Ticket" ADD COLUMN "lastUrgedAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "completionDueAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "completionCheckAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "completionLevel" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Ticket_status_completionCheckAt_idx" ON "Ticket"("status", "completionCheckAt");

-- CreateIndex
CREATE INDEX "Ticket_propertyId_status_arrivalDueAt_idx" ON "Ticket"("propertyId", "status", "arrivalDueAt");
