-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "prepaidAt" TIMESTAMP(3),
ADD COLUMN     "prepaidById" INTEGER,
ADD COLUMN     "prepaidFen" INTEGER,
ADD COLUMN     "prepaidReceipt" TEXT NOT NULL DEFAULT '';

