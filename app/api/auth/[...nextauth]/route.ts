// Auth.js's routes (sign-in callbacks, sign-out, session). Its POST bodies are a few form fields;
// a bigger one is refused before Auth.js reads it, so a 50 MB "sign-in" costs nothing.
import { NextRequest } from "next/server";
import { handlers } from "@/lib/accounts/auth";
import { readBody, RequestRefused } from "@/lib/server/requests";

const MAX_BODY_BYTES = 16 * 1024;

export const { GET } = handlers;

export async function POST(request: Request): Promise<Response> {
  let body: string;
  try {
    body = await readBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof RequestRefused) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
  // Auth.js reads the body itself (and wants Next's request type): hand it one carrying what we read.
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  return handlers.POST(new NextRequest(request.url, { method: request.method, headers, body }));
}
