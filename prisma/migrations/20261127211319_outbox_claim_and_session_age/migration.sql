-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN "claimedBy" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "updatedAt" DATETIME;

-- CreateIndex
CREATE INDEX "Session_updatedAt_idx" ON "Session"("updatedAt");

