-- AlterTable
ALTER TABLE "DeckMember" ADD COLUMN     "inviteId" TEXT,
ADD COLUMN     "nickname" TEXT;

-- AddForeignKey
ALTER TABLE "DeckMember" ADD CONSTRAINT "DeckMember_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "DeckInvite"("id") ON DELETE SET NULL ON UPDATE CASCADE;
