-- The prepayment a quote above the agreement amount waits for (added column by column, so the
-- columns other migrations add to Quote, e.g. submitKey, are kept).
ALTER TABLE "Quote" ADD COLUMN "prepaidFen" INTEGER;
ALTER TABLE "Quote" ADD COLUMN "prepaidReceipt" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Quote" ADD COLUMN "prepaidById" INTEGER;
ALTER TABLE "Quote" ADD COLUMN "prepaidAt" DATETIME;
