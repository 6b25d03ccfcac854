-- AlterTable
ALTER TABLE "DeckStudy" ADD COLUMN     "newCursor" INTEGER NOT NULL DEFAULT 0;
