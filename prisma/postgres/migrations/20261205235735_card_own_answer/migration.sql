-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "ownAnswer" BOOLEAN NOT NULL DEFAULT false;
