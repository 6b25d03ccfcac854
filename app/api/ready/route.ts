// GET /api/ready: 200 when this instance can serve (the database answers, its schema is current, it
// isn't stopping), else 503 with the reason. One small query, no user data, never cached.
import { NextResponse } from "next/server";
import { db, dbEngine } from "@/lib/server/db";
import { lifecycle } from "@/lib/server/lifecycle";
import { checkReadiness } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";

export async function GET(): Promise<NextResponse> {
  const readiness = await checkReadiness(db, dbEngine, lifecycle().draining);
  const body = readiness.ready ? { status: "ready" } : { status: "not ready", reason: readiness.reason };
  return NextResponse.json(body, { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
