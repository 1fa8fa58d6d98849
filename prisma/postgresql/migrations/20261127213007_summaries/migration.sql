-- AlterTable
ALTER TABLE "Property" ADD COLUMN     "nextMonthlyDueAt" TIMESTAMP(3),
ADD COLUMN     "nextWeeklyDueAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Property_nextMonthlyDueAt_idx" ON "Property"("nextMonthlyDueAt");

-- CreateIndex
CREATE INDEX "Property_nextWeeklyDueAt_idx" ON "Property"("nextWeeklyDueAt");

