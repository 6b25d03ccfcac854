import type { Metadata } from "next";
import { SettingsForm } from "@/components/settings-form";
import { requireUser } from "@/lib/accounts/auth";
import { getStudySettings } from "@/lib/review/settings";

export const metadata: Metadata = { title: "Study settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const settings = await getStudySettings(user.id);
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Study settings</h1>
      <SettingsForm
        values={{
          desiredRetention: settings.scheduler.desiredRetention,
          maximumInterval: settings.scheduler.maximumInterval,
          newPerDay: settings.newPerDay,
          reviewsPerDay: settings.reviewsPerDay,
          learningSteps: settings.scheduler.learningSteps.join(" "),
          relearningSteps: settings.scheduler.relearningSteps.join(" "),
          enableFuzz: settings.scheduler.enableFuzz,
          dayStartHour: settings.dayStartHour,
          timeZone: settings.timeZone,
        }}
      />
    </div>
  );
}
