-- CreateTable
CREATE TABLE "OwnAnswer" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "keyPoints" TEXT NOT NULL DEFAULT '',
    "sharedAt" TIMESTAMP(3),
    "revisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OwnAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OwnAnswerRevision" (
    "id" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "keyPoints" TEXT NOT NULL DEFAULT '',
    "writtenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OwnAnswerRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnswerFeedback" (
    "id" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "suggestedPoints" TEXT NOT NULL DEFAULT '',
    "verdict" TEXT,
    "answerRevisedAt" TIMESTAMP(3) NOT NULL,
    "seenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnswerFeedback_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "OwnAnswer" ADD CONSTRAINT "OwnAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnAnswer" ADD CONSTRAINT "OwnAnswer_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnAnswer" ADD CONSTRAINT "OwnAnswer_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnAnswerRevision" ADD CONSTRAINT "OwnAnswerRevision_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "OwnAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerFeedback" ADD CONSTRAINT "AnswerFeedback_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "OwnAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerFeedback" ADD CONSTRAINT "AnswerFeedback_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
