-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Quote" (
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
    "decidedAt" DATETIME,
    "prepaidFen" INTEGER,
    "prepaidReceipt" TEXT NOT NULL DEFAULT '',
    "prepaidById" INTEGER,
    "prepaidAt" DATETIME
);
INSERT INTO "new_Quote" ("createdAt", "createdById", "decidedAt", "decidedById", "decidedVia", "id", "needsAgreement", "needsReview", "payMethod", "propertyId", "reviewNote", "reviewedById", "sentAt", "status", "ticketId", "totalFen", "version") SELECT "createdAt", "createdById", "decidedAt", "decidedById", "decidedVia", "id", "needsAgreement", "needsReview", "payMethod", "propertyId", "reviewNote", "reviewedById", "sentAt", "status", "ticketId", "totalFen", "version" FROM "Quote";
DROP TABLE "Quote";
ALTER TABLE "new_Quote" RENAME TO "Quote";
CREATE INDEX "Quote_propertyId_createdAt_idx" ON "Quote"("propertyId", "createdAt");
CREATE INDEX "Quote_ticketId_status_idx" ON "Quote"("ticketId", "status");
CREATE INDEX "Quote_propertyId_sentAt_idx" ON "Quote"("propertyId", "sentAt");
CREATE INDEX "Quote_propertyId_decidedAt_idx" ON "Quote"("propertyId", "decidedAt");
CREATE UNIQUE INDEX "Quote_ticketId_version_key" ON "Quote"("ticketId", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

