-- CreateTable
CREATE TABLE "PlanDayChoice" (
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "takePlan" BOOLEAN NOT NULL,
    "newCards" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "day"),
    CONSTRAINT "PlanDayChoice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
