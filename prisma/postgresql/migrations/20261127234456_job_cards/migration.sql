-- CreateTable
CREATE TABLE "JobCard" (
    "id" SERIAL NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "shown" TEXT NOT NULL DEFAULT '',
    "nextEditAt" TIMESTAMP(3),
    "editedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobCard_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobCard_nextEditAt_idx" ON "JobCard"("nextEditAt");

-- CreateIndex
CREATE UNIQUE INDEX "JobCard_ticketId_personId_key" ON "JobCard"("ticketId", "personId");

-- AddForeignKey
ALTER TABLE "JobCard" ADD CONSTRAINT "JobCard_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

