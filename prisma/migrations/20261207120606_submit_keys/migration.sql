-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "submitKey" TEXT;

-- AlterTable
ALTER TABLE "Complaint" ADD COLUMN "submitKey" TEXT;

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN "submitKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_submitKey_key" ON "Ticket"("submitKey");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_submitKey_key" ON "Complaint"("submitKey");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_submitKey_key" ON "Quote"("submitKey");

