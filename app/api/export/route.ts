// GET /api/export: the signed-in learner's data as a JSON file download.
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/accounts/auth";
import { exportUserData } from "@/lib/transfer/transfer";

export async function GET() {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to export your data." }, { status: 401 });
  const data = await exportUserData(user);
  const date = data.exportedAt.slice(0, 10);
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="drill-export-${date}.json"`,
      "cache-control": "no-store",
    },
  });
}
