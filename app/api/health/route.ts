// GET /api/health: the process answers. No database, no user data: a liveness probe, cheap enough
// to poll every second. /api/ready says whether the instance should get traffic.
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

export function GET(): NextResponse {
  return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
