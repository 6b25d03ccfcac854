-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "keyPoints" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "lead" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "StudySettings" ADD COLUMN     "typeAnswer" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "pointsMissed" TEXT,
ADD COLUMN     "pointsShown" TEXT;
