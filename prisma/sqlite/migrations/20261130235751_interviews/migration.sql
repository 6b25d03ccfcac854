-- CreateTable
CREATE TABLE "Interview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL,
    "target" REAL NOT NULL DEFAULT 0.9,
    "tags" TEXT NOT NULL DEFAULT '',
    "newPerDay" INTEGER,
    "reviewsPerDay" INTEGER,
    "sharedWithMentor" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'open',
    "readinessOnDay" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Interview_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InterviewDeck" (
    "interviewId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,

    PRIMARY KEY ("interviewId", "deckId"),
    CONSTRAINT "InterviewDeck_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InterviewDeck_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Interview_userId_at_idx" ON "Interview"("userId", "at");

-- CreateIndex
CREATE INDEX "InterviewDeck_deckId_idx" ON "InterviewDeck"("deckId");
