"use client";

// "Today" is the learner's own day: when the browser's time zone differs from the saved one, save
// the browser's and refresh what is on screen.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { syncTimeZoneAction } from "@/app/study/actions";

export function TimeZoneSync({ timeZone }: { timeZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserZone && browserZone !== timeZone) {
      void syncTimeZoneAction(null, { timeZone: browserZone }).then((r) => r?.ok && router.refresh());
    }
  }, [timeZone, router]);
  return null;
}
