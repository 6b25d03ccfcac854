"use client";

// The plan's question, once a study day, when it wants more new cards than the learner's limit:
// take the plan's amount or keep the limit. The answer is kept for the day on the server, and the
// page shown again with the queue it gives.
import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { choosePlanTodayAction } from "@/app/interviews/actions";
import type { NewCardsToday } from "@/lib/scheduling/day-queue";

export function PlanAsk({ ask, reload = false }: { ask: NonNullable<NewCardsToday["ask"]>; reload?: boolean }) {
  const [state, choose, choosing] = useActionState(choosePlanTodayAction, null);
  const router = useRouter();
  const chosen = state?.ok === true;
  useEffect(() => {
    if (!chosen) return;
    // The review screen keeps its own queue once loaded: it is built again from a fresh page.
    if (reload) window.location.reload();
    else router.refresh();
  }, [chosen, reload, router]);
  return (
    <form action={choose} className="space-y-2" data-testid="plan-ask">
      <p>
        Your plan for {ask.interview} wants {ask.wants.toLocaleString("en")} new cards today, above your limit of{" "}
        {ask.limit.toLocaleString("en")}.
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        <button type="submit" name="take" value="plan" className="btn btn-primary" disabled={choosing || chosen}>
          Take the plan&apos;s {ask.wants.toLocaleString("en")}
        </button>
        <button type="submit" name="take" value="limit" className="btn" disabled={choosing || chosen}>
          Keep {ask.limit.toLocaleString("en")}
        </button>
      </div>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-danger">
          {state.error}
        </p>
      )}
    </form>
  );
}
