-- AlterTable
ALTER TABLE "Deck" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "resetAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DeckMember" (
    "deckId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "invitedById" TEXT,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeckMember_pkey" PRIMARY KEY ("deckId","userId")
);

-- CreateTable
CREATE TABLE "DeckInvite" (
    "id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeckInvite_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeckMember_userId_idx" ON "DeckMember"("userId");

-- CreateIndex
CREATE INDEX "DeckMember_deckId_invitedById_idx" ON "DeckMember"("deckId", "invitedById");

-- CreateIndex
CREATE UNIQUE INDEX "DeckInvite_token_key" ON "DeckInvite"("token");

-- CreateIndex
CREATE INDEX "DeckInvite_deckId_idx" ON "DeckInvite"("deckId");

-- AddForeignKey
ALTER TABLE "DeckMember" ADD CONSTRAINT "DeckMember_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeckMember" ADD CONSTRAINT "DeckMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeckMember" ADD CONSTRAINT "DeckMember_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeckInvite" ADD CONSTRAINT "DeckInvite_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeckInvite" ADD CONSTRAINT "DeckInvite_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
