-- CreateIndex
CREATE INDEX "CardState_userId_state_cardId_idx" ON "CardState"("userId", "state", "cardId");
