-- AlterTable
ALTER TABLE "FsrsParameterSet" ADD COLUMN     "heldOut" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "FitJob" ADD COLUMN     "activeKey" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "status" SET DEFAULT 'queued';

-- CreateIndex
CREATE UNIQUE INDEX "FitJob_activeKey_key" ON "FitJob"("activeKey");
