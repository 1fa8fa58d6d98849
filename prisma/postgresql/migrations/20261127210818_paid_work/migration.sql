-- AlterTable
ALTER TABLE "Property" ADD COLUMN     "agreementYuan" INTEGER;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "chargeReason" TEXT;

-- AlterTable
ALTER TABLE "PriceItem" ADD COLUMN     "kind" TEXT,
ADD COLUMN     "nameEn" TEXT,
ADD COLUMN     "nameTw" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Charge" ADD COLUMN     "payMethod" TEXT,
ADD COLUMN     "propertyId" INTEGER,
ADD COLUMN     "quoteId" INTEGER,
ADD COLUMN     "receipt" TEXT,
ADD COLUMN     "receivedAt" TIMESTAMP(3),
ADD COLUMN     "receivedById" INTEGER;

-- AlterTable
ALTER TABLE "MaterialUse" ADD COLUMN     "chargeId" INTEGER,
ADD COLUMN     "code" TEXT,
ADD COLUMN     "ownerSupplied" BOOLEAN,
ADD COLUMN     "qtyCenti" INTEGER,
ADD COLUMN     "unit" TEXT;

-- CreateTable
CREATE TABLE "Quote" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteLine" (
    "id" SERIAL NOT NULL,
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

    CONSTRAINT "QuoteLine_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "QuoteLine" ADD CONSTRAINT "QuoteLine_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

