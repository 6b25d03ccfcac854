-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FitJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "progress" REAL NOT NULL DEFAULT 0,
    "cancel" BOOLEAN NOT NULL DEFAULT false,
    "message" TEXT,
    "resultSetId" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "activeKey" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FitJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_FitJob" ("cancel", "finishedAt", "id", "message", "progress", "resultSetId", "startedAt", "status", "userId") SELECT "cancel", "finishedAt", "id", "message", "progress", "resultSetId", "startedAt", "status", "userId" FROM "FitJob";
DROP TABLE "FitJob";
ALTER TABLE "new_FitJob" RENAME TO "FitJob";
CREATE UNIQUE INDEX "FitJob_activeKey_key" ON "FitJob"("activeKey");
CREATE INDEX "FitJob_userId_startedAt_idx" ON "FitJob"("userId", "startedAt");
CREATE TABLE "new_FsrsParameterSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "weights" TEXT NOT NULL,
    "reviewCount" INTEGER NOT NULL,
    "logLoss" REAL NOT NULL,
    "rmseBins" REAL NOT NULL,
    "defaultLogLoss" REAL NOT NULL,
    "defaultRmseBins" REAL NOT NULL,
    "heldOut" BOOLEAN NOT NULL DEFAULT true,
    "workloadRatio" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" DATETIME,
    CONSTRAINT "FsrsParameterSet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_FsrsParameterSet" ("appliedAt", "createdAt", "defaultLogLoss", "defaultRmseBins", "id", "logLoss", "reviewCount", "rmseBins", "userId", "weights", "workloadRatio") SELECT "appliedAt", "createdAt", "defaultLogLoss", "defaultRmseBins", "id", "logLoss", "reviewCount", "rmseBins", "userId", "weights", "workloadRatio" FROM "FsrsParameterSet";
DROP TABLE "FsrsParameterSet";
ALTER TABLE "new_FsrsParameterSet" RENAME TO "FsrsParameterSet";
CREATE INDEX "FsrsParameterSet_userId_createdAt_idx" ON "FsrsParameterSet"("userId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
