-- AlterTable
ALTER TABLE "Property" ADD COLUMN "nextMonthlyDueAt" DATETIME;
ALTER TABLE "Property" ADD COLUMN "nextWeeklyDueAt" DATETIME;

-- CreateIndex
CREATE INDEX "Property_nextMonthlyDueAt_idx" ON "Property"("nextMonthlyDueAt");

-- CreateIndex
CREATE INDEX "Property_nextWeeklyDueAt_idx" ON "Property"("nextWeeklyDueAt");

