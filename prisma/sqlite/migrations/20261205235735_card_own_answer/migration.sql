-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Card" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deckId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "front" TEXT NOT NULL,
    "lead" TEXT NOT NULL DEFAULT '',
    "keyPoints" TEXT NOT NULL DEFAULT '',
    "back" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "retiredAt" DATETIME,
    "resetAt" DATETIME,
    "ownAnswer" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Card_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Card" ("back", "createdAt", "deckId", "front", "id", "keyPoints", "lead", "position", "resetAt", "retiredAt", "slug", "updatedAt") SELECT "back", "createdAt", "deckId", "front", "id", "keyPoints", "lead", "position", "resetAt", "retiredAt", "slug", "updatedAt" FROM "Card";
DROP TABLE "Card";
ALTER TABLE "new_Card" RENAME TO "Card";
CREATE INDEX "Card_deckId_position_idx" ON "Card"("deckId", "position");
CREATE UNIQUE INDEX "Card_deckId_slug_key" ON "Card"("deckId", "slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
