-- DropTable
DROP TABLE "ProcessedUpdate";

-- CreateTable
CREATE TABLE "InboundUpdate" (
    "updateId" BIGINT NOT NULL,
    "chatKey" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "handledAt" TIMESTAMP(3),
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),

    CONSTRAINT "InboundUpdate_pkey" PRIMARY KEY ("updateId")
);

-- CreateIndex
CREATE INDEX "InboundUpdate_handledAt_chatKey_idx" ON "InboundUpdate"("handledAt", "chatKey");

-- CreateIndex
CREATE INDEX "InboundUpdate_chatKey_handledAt_idx" ON "InboundUpdate"("chatKey", "handledAt");

-- CreateIndex
CREATE INDEX "InboundUpdate_receivedAt_idx" ON "InboundUpdate"("receivedAt");

