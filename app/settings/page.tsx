import type { Metadata } from "next";
import { SettingsForm } from "@/components/settings-form";
import { requireUser } from "@/lib/accounts/auth";
import { getStudySettings, settingsFormValues } from "@/lib/review/settings";
import { PageHeader } from "@/components/page-chrome";

export const metadata: Metadata = { title: "Study settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const settings = await getStudySettings(user.id);
  return (
    <div className="max-w-xl space-y-6">
      <PageHeader title="Study settings" />
      <SettingsForm values={settingsFormValues(settings)} />
    </div>
  );
}
