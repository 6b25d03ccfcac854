-- CreateTable
CREATE TABLE "Interview" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "target" DOUBLE PRECISION NOT NULL DEFAULT 0.9,
    "tags" TEXT NOT NULL DEFAULT '',
    "newPerDay" INTEGER,
    "reviewsPerDay" INTEGER,
    "sharedWithMentor" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'open',
    "readinessOnDay" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Interview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewDeck" (
    "interviewId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,

    CONSTRAINT "InterviewDeck_pkey" PRIMARY KEY ("interviewId","deckId")
);

-- CreateIndex
CREATE INDEX "Interview_userId_at_idx" ON "Interview"("userId", "at");

-- CreateIndex
CREATE INDEX "InterviewDeck_deckId_idx" ON "InterviewDeck"("deckId");

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewDeck" ADD CONSTRAINT "InterviewDeck_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewDeck" ADD CONSTRAINT "InterviewDeck_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;
