-- AlterTable
ALTER TABLE "Property" ADD COLUMN     "groupAlsoPrivate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "groupChatId" BIGINT,
ADD COLUMN     "groupTitle" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Property_groupChatId_key" ON "Property"("groupChatId");

