-- AlterTable
ALTER TABLE "Property" ADD COLUMN "agreementYuan" INTEGER;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "chargeReason" TEXT;

-- AlterTable
ALTER TABLE "PriceItem" ADD COLUMN "kind" TEXT;
ALTER TABLE "PriceItem" ADD COLUMN "nameEn" TEXT;
ALTER TABLE "PriceItem" ADD COLUMN "nameTw" TEXT;
ALTER TABLE "PriceItem" ADD COLUMN "updatedAt" DATETIME;

-- AlterTable
ALTER TABLE "Charge" ADD COLUMN "payMethod" TEXT;
ALTER TABLE "Charge" ADD COLUMN "propertyId" INTEGER;
ALTER TABLE "Charge" ADD COLUMN "quoteId" INTEGER;
ALTER TABLE "Charge" ADD COLUMN "receipt" TEXT;
ALTER TABLE "Charge" ADD COLUMN "receivedAt" DATETIME;
ALTER TABLE "Charge" ADD COLUMN "receivedById" INTEGER;

-- AlterTable
ALTER TABLE "MaterialUse" ADD COLUMN "chargeId" INTEGER;
ALTER TABLE "MaterialUse" ADD COLUMN "code" TEXT;
ALTER TABLE "MaterialUse" ADD COLUMN "ownerSupplied" BOOLEAN;
ALTER TABLE "MaterialUse" ADD COLUMN "qtyCenti" INTEGER;
ALTER TABLE "MaterialUse" ADD COLUMN "unit" TEXT;

-- CreateTable
CREATE TABLE "Quote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticketId" INTEGER NOT NULL,
    "propertyId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "totalFen" INTEGER NOT NULL,
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "needsAgreement" BOOLEAN NOT NULL DEFAULT false,
    "payMethod" TEXT NOT NULL DEFAULT '',
    "createdById" INTEGER NOT NULL,
    "reviewedById" INTEGER,
    "reviewNote" TEXT NOT NULL DEFAULT '',
    "decidedById" INTEGER,
    "decidedVia" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "decidedAt" DATETIME
);

-- CreateTable
CREATE TABLE "QuoteLine" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "quoteId" INTEGER NOT NULL,
    "priceItemId" INTEGER,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "nameTw" TEXT NOT NULL DEFAULT '',
    "unit" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "qtyCenti" INTEGER NOT NULL,
    "unitFen" INTEGER NOT NULL,
    "listFen" INTEGER,
    "amountFen" INTEGER NOT NULL,
    "ownerSupplied" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "QuoteLine_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Quote_propertyId_createdAt_idx" ON "Quote"("propertyId", "createdAt");

-- CreateIndex
CREATE INDEX "Quote_ticketId_status_idx" ON "Quote"("ticketId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_ticketId_version_key" ON "Quote"("ticketId", "version");

-- CreateIndex
CREATE INDEX "QuoteLine_quoteId_idx" ON "QuoteLine"("quoteId");

-- CreateIndex
CREATE INDEX "Charge_propertyId_createdAt_idx" ON "Charge"("propertyId", "createdAt");

-- CreateIndex
CREATE INDEX "Charge_propertyId_status_idx" ON "Charge"("propertyId", "status");

