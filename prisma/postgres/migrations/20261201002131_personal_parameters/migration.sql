-- AlterTable
ALTER TABLE "StudySettings" ADD COLUMN     "parameterSetId" TEXT;

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "parameterSetId" TEXT,
ADD COLUMN     "scheduler" TEXT;

-- CreateTable
CREATE TABLE "FsrsParameterSet" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "weights" TEXT NOT NULL,
    "reviewCount" INTEGER NOT NULL,
    "logLoss" DOUBLE PRECISION NOT NULL,
    "rmseBins" DOUBLE PRECISION NOT NULL,
    "defaultLogLoss" DOUBLE PRECISION NOT NULL,
    "defaultRmseBins" DOUBLE PRECISION NOT NULL,
    "workloadRatio" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "FsrsParameterSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FitJob" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "cancel" BOOLEAN NOT NULL DEFAULT false,
    "message" TEXT,
    "resultSetId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "FitJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FsrsParameterSet_userId_createdAt_idx" ON "FsrsParameterSet"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "FitJob_userId_startedAt_idx" ON "FitJob"("userId", "startedAt");

-- AddForeignKey
ALTER TABLE "FsrsParameterSet" ADD CONSTRAINT "FsrsParameterSet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FitJob" ADD CONSTRAINT "FitJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
