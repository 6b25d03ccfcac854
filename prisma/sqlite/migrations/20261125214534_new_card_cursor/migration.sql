-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DeckStudy" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "newCursor" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("userId", "deckId"),
    CONSTRAINT "DeckStudy_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeckStudy_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DeckStudy" ("addedAt", "deckId", "userId") SELECT "addedAt", "deckId", "userId" FROM "DeckStudy";
DROP TABLE "DeckStudy";
ALTER TABLE "new_DeckStudy" RENAME TO "DeckStudy";
CREATE INDEX "DeckStudy_deckId_idx" ON "DeckStudy"("deckId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
