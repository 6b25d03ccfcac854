-- CreateTable
CREATE TABLE "MentorDigest" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "weekday" INTEGER NOT NULL DEFAULT 1,
    "hour" INTEGER NOT NULL DEFAULT 8,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "deckId"),
    CONSTRAINT "MentorDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MentorDigest_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MentorDigestDelivery" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'claimed',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "deckId", "week"),
    CONSTRAINT "MentorDigestDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MentorDigest_enabled_idx" ON "MentorDigest"("enabled");
