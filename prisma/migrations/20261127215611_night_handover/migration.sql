-- AlterTable
ALTER TABLE "Property" ADD COLUMN "nextHandoverDueAt" DATETIME;

-- CreateIndex
CREATE INDEX "Property_nextHandoverDueAt_idx" ON "Property"("nextHandoverDueAt");

