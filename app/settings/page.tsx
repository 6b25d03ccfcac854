import type { Metadata } from "next";
import { SettingsForm } from "@/components/settings-form";
import { requireUser } from "@/lib/accounts/auth";
import { getStudySettings, settingsFormValues } from "@/lib/review/settings";
import { PageHeader } from "@/components/page-chrome";
import { PersonalScheduling } from "@/components/settings/personal-scheduling";
import { dueTodayIfRescheduled, fitStatus, reschedulePreview, retentionAdvice } from "@/lib/optimizer/jobs";
import { ReminderSettingsSection } from "@/components/reminders/reminder-settings";
import { countPushSubscriptions, vapidPublicKey } from "@/lib/reminders/push";
import { getReminderSettings } from "@/lib/reminders/settings";

export const metadata: Metadata = { title: "Study settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const [settings, status, advice, reminders, pushSubscriptions] = await Promise.all([
    getStudySettings(user.id),
    fitStatus(user),
    retentionAdvice(user),
    getReminderSettings(user.id),
    countPushSubscriptions(user.id),
  ]);
  const candidate = status.job?.status === "done" ? status.sets.find((s) => s.id === status.job!.resultSetId && s.weights) : undefined;
  const inUse = status.sets.find((s) => s.inUse);
  // What "reschedule" would do to today, said before the learner chooses it: under the new set, and
  // (once a set is in use) under the defaults, the way back.
  const [candidatePreview, candidateDue, defaultsDue] = await Promise.all([
    candidate ? reschedulePreview(user, candidate.id) : null,
    candidate && !candidate.inUse ? dueTodayIfRescheduled(user, candidate.id) : null,
    inUse ? dueTodayIfRescheduled(user, null) : null,
  ]);
  return (
    <div className="max-w-2xl space-y-10">
      <PageHeader title="Study settings" />
      <SettingsForm values={settingsFormValues(settings)} advice={advice} />
      <PersonalScheduling
        status={status}
        candidatePreview={candidatePreview}
        candidateDue={candidateDue}
        defaultsDue={defaultsDue}
        advice={advice}
        retention={settings.scheduler.desiredRetention}
      />
      <ReminderSettingsSection
        settings={reminders}
        timeZone={settings.timeZone}
        vapidPublicKey={vapidPublicKey()}
        pushSubscriptions={pushSubscriptions}
      />
    </div>
  );
}
