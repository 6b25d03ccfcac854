-- AlterTable
ALTER TABLE "Card" ADD COLUMN "resetAt" DATETIME;

-- AlterTable
ALTER TABLE "Deck" ADD COLUMN "deletedAt" DATETIME;

-- CreateTable
CREATE TABLE "DeckMember" (
    "deckId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "invitedById" TEXT,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("deckId", "userId"),
    CONSTRAINT "DeckMember_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeckMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeckMember_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeckInvite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "token" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeckInvite_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeckInvite_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DeckMember_userId_idx" ON "DeckMember"("userId");

-- CreateIndex
CREATE INDEX "DeckMember_deckId_invitedById_idx" ON "DeckMember"("deckId", "invitedById");

-- CreateIndex
CREATE UNIQUE INDEX "DeckInvite_token_key" ON "DeckInvite"("token");

-- CreateIndex
CREATE INDEX "DeckInvite_deckId_idx" ON "DeckInvite"("deckId");
