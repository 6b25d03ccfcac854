-- CreateTable
CREATE TABLE "MentorDigest" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "weekday" INTEGER NOT NULL DEFAULT 1,
    "hour" INTEGER NOT NULL DEFAULT 8,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorDigest_pkey" PRIMARY KEY ("userId","deckId")
);

-- CreateTable
CREATE TABLE "MentorDigestDelivery" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'claimed',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorDigestDelivery_pkey" PRIMARY KEY ("userId","deckId","week")
);

-- CreateIndex
CREATE INDEX "MentorDigest_enabled_idx" ON "MentorDigest"("enabled");

-- AddForeignKey
ALTER TABLE "MentorDigest" ADD CONSTRAINT "MentorDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorDigest" ADD CONSTRAINT "MentorDigest_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorDigestDelivery" ADD CONSTRAINT "MentorDigestDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
