-- CreateTable
CREATE TABLE "Property" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT,
    "officeStart" TEXT NOT NULL DEFAULT '08:00',
    "officeEnd" TEXT NOT NULL DEFAULT '17:30',
    "closeOutAt" TEXT NOT NULL DEFAULT '17:30',
    "callbackDelayMin" INTEGER NOT NULL DEFAULT 120,
    "callbackReminderMin" INTEGER NOT NULL DEFAULT 240,
    "phoneCallbackAfterMin" INTEGER NOT NULL DEFAULT 1440,
    "dispatchTimeoutMin" INTEGER NOT NULL DEFAULT 5,
    "emergencyDispatchMin" INTEGER NOT NULL DEFAULT 2,
    "holidays" TEXT NOT NULL DEFAULT '',
    "nextCloseOutDueAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "propertyId" INTEGER NOT NULL,
    "building" TEXT NOT NULL,
    "entrance" TEXT NOT NULL,
    "room" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Unit_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "telegramId" BIGINT,
    "name" TEXT NOT NULL,
    "username" TEXT,
    "phone" TEXT,
    "language" TEXT NOT NULL DEFAULT 'zh-CN',
    "onDuty" BOOLEAN NOT NULL DEFAULT true,
    "blockedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "propertyId" INTEGER,
    "skills" TEXT NOT NULL DEFAULT '',
    "grantedById" INTEGER,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoleGrant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RoleGrant_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UnitMember" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UnitMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "UnitMember_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "propertyId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "role" TEXT,
    "skills" TEXT NOT NULL DEFAULT '',
    "createdById" INTEGER,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "usedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invite_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Invite_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TicketCounter" (
    "propertyId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("propertyId", "day")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "propertyId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "location" TEXT,
    "reporterId" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "emergency" BOOLEAN NOT NULL DEFAULT false,
    "chargeable" BOOLEAN NOT NULL DEFAULT false,
    "access" TEXT NOT NULL DEFAULT '',
    "preferredTime" TEXT NOT NULL DEFAULT '',
    "appointmentAt" DATETIME,
    "phone" TEXT NOT NULL DEFAULT '',
    "channel" TEXT NOT NULL DEFAULT 'chat',
    "status" TEXT NOT NULL,
    "assigneeId" INTEGER,
    "reworkOfId" INTEGER,
    "reportedAt" DATETIME NOT NULL,
    "dispatchDueAt" DATETIME,
    "dispatchLevel" INTEGER NOT NULL DEFAULT 0,
    "acceptedAt" DATETIME,
    "arrivalDueAt" DATETIME,
    "arrivalLevel" INTEGER NOT NULL DEFAULT 0,
    "appointmentDueAt" DATETIME,
    "arrivedAt" DATETIME,
    "completedAt" DATETIME,
    "confirmedAt" DATETIME,
    "cancelledAt" DATETIME,
    "postponedUntil" DATETIME,
    "retryAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ticket_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ticket_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ticket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TicketPhoto" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticketId" INTEGER NOT NULL,
    "fileId" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'report',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TicketPhoto_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticketId" INTEGER,
    "complaintId" INTEGER,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "at" DATETIME NOT NULL,
    CONSTRAINT "Event_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Event_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Event_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticketId" INTEGER NOT NULL,
    "technicianId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'offered',
    "round" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL,
    "respondedAt" DATETIME,
    CONSTRAINT "Offer_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Offer_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticketId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "dueAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "rating" INTEGER,
    "comment" TEXT,
    "channel" TEXT,
    "answeredAt" DATETIME,
    "answeredBy" INTEGER,
    "requestedAt" DATETIME,
    "remindedAt" DATETIME,
    "phoneTaskAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Survey_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "propertyId" INTEGER NOT NULL,
    "ticketId" INTEGER,
    "surveyId" INTEGER,
    "complaintId" INTEGER,
    "assigneeRole" TEXT NOT NULL,
    "assigneeId" INTEGER,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "dueAt" DATETIME NOT NULL,
    "remindAt" DATETIME,
    "alertedAt" DATETIME,
    "result" TEXT,
    "closedAt" DATETIME,
    "closedById" INTEGER,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "FollowUp_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "propertyId" INTEGER NOT NULL,
    "complainantId" INTEGER NOT NULL,
    "ticketId" INTEGER,
    "against" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'open',
    "dueAt" DATETIME NOT NULL,
    "remindAt" DATETIME,
    "alertedAt" DATETIME,
    "answeredAt" DATETIME,
    "result" TEXT,
    "satisfied" BOOLEAN,
    "valid" BOOLEAN,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Complaint_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PriceItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "propertyId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '',
    "priceCents" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "PriceItem_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Charge" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticketId" INTEGER NOT NULL,
    "priceItemId" INTEGER,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "amountCents" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'quoted',
    "approvedById" INTEGER,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Charge_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Charge_priceItemId_fkey" FOREIGN KEY ("priceItemId") REFERENCES "PriceItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MaterialUse" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticketId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "MaterialUse_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" BIGINT NOT NULL,
    "personId" INTEGER,
    "kind" TEXT NOT NULL DEFAULT 'send',
    "key" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "buttons" TEXT NOT NULL DEFAULT '[]',
    "photos" TEXT NOT NULL DEFAULT '[]',
    "ref" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "dueAt" DATETIME NOT NULL,
    "lockedUntil" DATETIME,
    "messageId" INTEGER,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "Session" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "updateId" BIGINT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Property_code_key" ON "Property"("code");

-- CreateIndex
CREATE INDEX "Property_nextCloseOutDueAt_idx" ON "Property"("nextCloseOutDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_propertyId_building_entrance_room_key" ON "Unit"("propertyId", "building", "entrance", "room");

-- CreateIndex
CREATE UNIQUE INDEX "Person_telegramId_key" ON "Person"("telegramId");

-- CreateIndex
CREATE INDEX "RoleGrant_personId_idx" ON "RoleGrant"("personId");

-- CreateIndex
CREATE INDEX "RoleGrant_propertyId_role_idx" ON "RoleGrant"("propertyId", "role");

-- CreateIndex
CREATE INDEX "UnitMember_unitId_idx" ON "UnitMember"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitMember_personId_unitId_key" ON "UnitMember"("personId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_code_key" ON "Invite"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_number_key" ON "Ticket"("number");

-- CreateIndex
CREATE INDEX "Ticket_status_dispatchDueAt_idx" ON "Ticket"("status", "dispatchDueAt");

-- CreateIndex
CREATE INDEX "Ticket_status_arrivalDueAt_idx" ON "Ticket"("status", "arrivalDueAt");

-- CreateIndex
CREATE INDEX "Ticket_status_appointmentDueAt_idx" ON "Ticket"("status", "appointmentDueAt");

-- CreateIndex
CREATE INDEX "Ticket_propertyId_reportedAt_idx" ON "Ticket"("propertyId", "reportedAt");

-- CreateIndex
CREATE INDEX "Ticket_unitId_reportedAt_idx" ON "Ticket"("unitId", "reportedAt");

-- CreateIndex
CREATE INDEX "Ticket_reporterId_idx" ON "Ticket"("reporterId");

-- CreateIndex
CREATE INDEX "Ticket_assigneeId_status_idx" ON "Ticket"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "TicketPhoto_ticketId_idx" ON "TicketPhoto"("ticketId");

-- CreateIndex
CREATE INDEX "Event_ticketId_at_idx" ON "Event"("ticketId", "at");

-- CreateIndex
CREATE INDEX "Event_complaintId_at_idx" ON "Event"("complaintId", "at");

-- CreateIndex
CREATE INDEX "Event_action_at_idx" ON "Event"("action", "at");

-- CreateIndex
CREATE INDEX "Offer_technicianId_status_idx" ON "Offer"("technicianId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_ticketId_technicianId_key" ON "Offer"("ticketId", "technicianId");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_ticketId_key" ON "Survey"("ticketId");

-- CreateIndex
CREATE INDEX "Survey_status_dueAt_idx" ON "Survey"("status", "dueAt");

-- CreateIndex
CREATE INDEX "FollowUp_status_remindAt_idx" ON "FollowUp"("status", "remindAt");

-- CreateIndex
CREATE INDEX "FollowUp_status_dueAt_idx" ON "FollowUp"("status", "dueAt");

-- CreateIndex
CREATE INDEX "FollowUp_propertyId_status_idx" ON "FollowUp"("propertyId", "status");

-- CreateIndex
CREATE INDEX "Complaint_status_remindAt_idx" ON "Complaint"("status", "remindAt");

-- CreateIndex
CREATE INDEX "Complaint_status_dueAt_idx" ON "Complaint"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "PriceItem_propertyId_code_key" ON "PriceItem"("propertyId", "code");

-- CreateIndex
CREATE INDEX "Charge_ticketId_idx" ON "Charge"("ticketId");

-- CreateIndex
CREATE INDEX "MaterialUse_ticketId_idx" ON "MaterialUse"("ticketId");

-- CreateIndex
CREATE INDEX "Outbox_status_dueAt_idx" ON "Outbox"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Outbox_ref_idx" ON "Outbox"("ref");

-- CreateIndex
CREATE UNIQUE INDEX "Session_key_key" ON "Session"("key");

-- CreateIndex
CREATE INDEX "ProcessedUpdate_at_idx" ON "ProcessedUpdate"("at");

