// GET /api/export/history: the signed-in learner's review history as CSV, in the column layout the
// FSRS optimizer tools read (card_id, review_time, review_rating, review_state, review_duration).
import { NextResponse } from "next/server";
import { userRoute } from "@/lib/accounts/route-handler";
import { exportHistoryCsv } from "@/lib/transfer/transfer";

export const GET = userRoute({ signIn: "Sign in to export your review history." }, async ({ user }) => {
  return new NextResponse(await exportHistoryCsv(user), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="drill-review-history-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
