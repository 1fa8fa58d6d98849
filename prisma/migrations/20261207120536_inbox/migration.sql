-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "ProcessedUpdate";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "InboundUpdate" (
    "updateId" BIGINT NOT NULL PRIMARY KEY,
    "chatKey" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "handledAt" DATETIME,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME
);

-- CreateIndex
CREATE INDEX "InboundUpdate_handledAt_chatKey_idx" ON "InboundUpdate"("handledAt", "chatKey");

-- CreateIndex
CREATE INDEX "InboundUpdate_chatKey_handledAt_idx" ON "InboundUpdate"("chatKey", "handledAt");

-- CreateIndex
CREATE INDEX "InboundUpdate_receivedAt_idx" ON "InboundUpdate"("receivedAt");

