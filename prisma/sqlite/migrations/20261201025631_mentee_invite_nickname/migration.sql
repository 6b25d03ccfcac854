-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DeckMember" (
    "deckId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "invitedById" TEXT,
    "inviteId" TEXT,
    "nickname" TEXT,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("deckId", "userId"),
    CONSTRAINT "DeckMember_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeckMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeckMember_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DeckMember_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "DeckInvite" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_DeckMember" ("deckId", "invitedById", "joinedAt", "role", "userId") SELECT "deckId", "invitedById", "joinedAt", "role", "userId" FROM "DeckMember";
DROP TABLE "DeckMember";
ALTER TABLE "new_DeckMember" RENAME TO "DeckMember";
CREATE INDEX "DeckMember_userId_idx" ON "DeckMember"("userId");
CREATE INDEX "DeckMember_deckId_invitedById_idx" ON "DeckMember"("deckId", "invitedById");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
