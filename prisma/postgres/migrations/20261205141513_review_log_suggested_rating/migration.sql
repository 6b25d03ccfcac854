-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "suggestedRating" INTEGER;

-- Until now the review screen sent a checklist with every rating of a card with key points, used
-- or not: every point "missed" on an answer graded Hard or better means the checklist was left
-- untouched, not that nothing was said. Forget those checklists, so stats and the mentor dashboard
-- stop reporting "missed 4 of 4" for them (a lapse with every point missed is kept: it agrees).
UPDATE "ReviewLog" SET "pointsShown" = NULL, "pointsMissed" = NULL
WHERE "pointsShown" IS NOT NULL AND "pointsMissed" = "pointsShown" AND "rating" > 1;
