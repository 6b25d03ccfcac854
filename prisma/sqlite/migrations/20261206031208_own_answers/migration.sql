-- CreateTable
CREATE TABLE "OwnAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "keyPoints" TEXT NOT NULL DEFAULT '',
    "sharedAt" DATETIME,
    "revisedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OwnAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OwnAnswer_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OwnAnswer_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OwnAnswerRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "answerId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "keyPoints" TEXT NOT NULL DEFAULT '',
    "writtenAt" DATETIME NOT NULL,
    CONSTRAINT "OwnAnswerRevision_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "OwnAnswer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnswerFeedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "answerId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "suggestedPoints" TEXT NOT NULL DEFAULT '',
    "verdict" TEXT,
    "answerRevisedAt" DATETIME NOT NULL,
    "seenAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AnswerFeedback_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "OwnAnswer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AnswerFeedback_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OwnAnswer_userId_updatedAt_idx" ON "OwnAnswer"("userId", "updatedAt");

-- CreateIndex
CREATE INDEX "OwnAnswer_deckId_sharedAt_idx" ON "OwnAnswer"("deckId", "sharedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OwnAnswer_userId_cardId_key" ON "OwnAnswer"("userId", "cardId");

-- CreateIndex
CREATE INDEX "OwnAnswerRevision_answerId_writtenAt_idx" ON "OwnAnswerRevision"("answerId", "writtenAt");

-- CreateIndex
CREATE INDEX "AnswerFeedback_mentorId_idx" ON "AnswerFeedback"("mentorId");

-- CreateIndex
CREATE UNIQUE INDEX "AnswerFeedback_answerId_mentorId_key" ON "AnswerFeedback"("answerId", "mentorId");
