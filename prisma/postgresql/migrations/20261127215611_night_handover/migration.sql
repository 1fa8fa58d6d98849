-- AlterTable
ALTER TABLE "Property" ADD COLUMN     "nextHandoverDueAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Property_nextHandoverDueAt_idx" ON "Property"("nextHandoverDueAt");

