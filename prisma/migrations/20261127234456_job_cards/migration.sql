-- CreateTable
CREATE TABLE "JobCard" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticketId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "shown" TEXT NOT NULL DEFAULT '',
    "nextEditAt" DATETIME,
    "editedAt" DATETIME,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "JobCard_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "JobCard_nextEditAt_idx" ON "JobCard"("nextEditAt");

-- CreateIndex
CREATE UNIQUE INDEX "JobCard_ticketId_personId_key" ON "JobCard"("ticketId", "personId");

