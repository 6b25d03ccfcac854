-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "parameterSetId" TEXT;
ALTER TABLE "ReviewLog" ADD COLUMN "scheduler" TEXT;

-- AlterTable
ALTER TABLE "StudySettings" ADD COLUMN "parameterSetId" TEXT;

-- CreateTable
CREATE TABLE "FsrsParameterSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "weights" TEXT NOT NULL,
    "reviewCount" INTEGER NOT NULL,
    "logLoss" REAL NOT NULL,
    "rmseBins" REAL NOT NULL,
    "defaultLogLoss" REAL NOT NULL,
    "defaultRmseBins" REAL NOT NULL,
    "workloadRatio" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" DATETIME,
    CONSTRAINT "FsrsParameterSet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FitJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "progress" REAL NOT NULL DEFAULT 0,
    "cancel" BOOLEAN NOT NULL DEFAULT false,
    "message" TEXT,
    "resultSetId" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "FitJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "FsrsParameterSet_userId_createdAt_idx" ON "FsrsParameterSet"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "FitJob_userId_startedAt_idx" ON "FitJob"("userId", "startedAt");
