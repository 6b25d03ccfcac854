-- CreateTable
CREATE TABLE "PlanDayChoice" (
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "takePlan" BOOLEAN NOT NULL,
    "newCards" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanDayChoice_pkey" PRIMARY KEY ("userId","day")
);

-- AddForeignKey
ALTER TABLE "PlanDayChoice" ADD CONSTRAINT "PlanDayChoice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
