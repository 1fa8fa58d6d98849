-- The technicians' group as a property's dispatch board (added columns only: no table rebuild,
-- so that other migrations touching Property keep their columns).
ALTER TABLE "Property" ADD COLUMN "groupChatId" BIGINT;
ALTER TABLE "Property" ADD COLUMN "groupTitle" TEXT;
ALTER TABLE "Property" ADD COLUMN "groupAlsoPrivate" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "Property_groupChatId_key" ON "Property"("groupChatId");
