// GET /api/export: the signed-in learner's data as a JSON file download.
import { NextResponse } from "next/server";
import { userRoute } from "@/lib/accounts/route-handler";
import { exportUserData } from "@/lib/transfer/transfer";

export const GET = userRoute({ signIn: "Sign in to export your data." }, async ({ user }) => {
  const data = await exportUserData(user);
  const date = data.exportedAt.slice(0, 10);
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="drill-export-${date}.json"`,
      "cache-control": "no-store",
    },
  });
});
