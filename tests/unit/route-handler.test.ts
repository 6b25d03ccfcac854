import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { RequestRefused } from "@/lib/server/requests";

const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/accounts/auth", () => ({ currentUser: async () => session.user }));

const { publicRoute, userRoute } = await import("@/lib/accounts/route-handler");

const get = (headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/x", { headers: { host: "localhost:3000", ...headers } });
const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/x", {
    method: "POST",
    body,
    headers: { host: "localhost:3000", "content-type": "application/json", ...headers },
  });
const answer = async (response: Response) => ({ status: response.status, body: (await response.json()) as unknown });

describe("the route handler wrapper", () => {
  beforeEach(() => {
    session.user = null;
    vi.spyOn(console, "error").mockImplementation(() => {});
  });

  // One route answered every AppError 400, another 404: the code decides, the same for every route.
  it.each([
    ["invalid", 400],
    ["unauthenticated", 401],
    ["not_found", 404],
    ["conflict", 409],
    ["rate_limited", 429],
  ] as const)("answers an AppError %s with %i and its message", async (code, status) => {
    const route = publicRoute(async () => {
      throw new AppError(code, "Not like this.");
    });
    expect(await answer(await route(get(), {}))).toEqual({ status, body: { error: "Not like this." } });
  });

  it("answers a refused request with its status and message", async () => {
    const route = publicRoute(async () => {
      throw new RequestRefused(413, "The request is too large.");
    });
    expect(await answer(await route(get(), {}))).toEqual({ status: 413, body: { error: "The request is too large." } });
  });

  it("answers an unexpected failure 500 without its message or stack", async () => {
    const route = publicRoute(async () => {
      throw new Error("SQLITE_CORRUPT at /srv/drill/var/drill.db");
    });
    const { status, body } = await answer(await route(get(), {}));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|srv|at /);
  });

  it("refuses a write from another site before the route runs, and lets a read through", async () => {
    const body = vi.fn(async () => Response.json({ ok: true }));
    const route = publicRoute(body);
    expect((await route(post("{}", { origin: "http://evil.example" }), {})).status).toBe(403);
    expect(body).not.toHaveBeenCalled();
    expect((await route(get({ origin: "http://evil.example" }), {})).status).toBe(200);
  });

  it("answers a signed-out caller 401 with the route's sentence, without running it", async () => {
    const body = vi.fn(async () => Response.json({ ok: true }));
    const route = userRoute({ signIn: "Sign in to see this." }, body);
    expect(await answer(await route(get(), {}))).toEqual({ status: 401, body: { error: "Sign in to see this." } });
    expect(body).not.toHaveBeenCalled();
  });

  it("checks a JSON body's shape and size before the route runs, and hands it over parsed", async () => {
    session.user = { id: "u1" };
    const route = userRoute(
      { signIn: "Sign in.", json: { schema: z.object({ n: z.number().max(3) }), maxBytes: 100, invalid: "That isn't a small number." } },
      async ({ user, input }) => Response.json({ user: user.id, n: input.n }),
    );
    expect(await answer(await route(post('{"n":2}'), {}))).toEqual({ status: 200, body: { user: "u1", n: 2 } });
    const invalid = await answer(await route(post('{"n":7}'), {}));
    expect(invalid).toMatchObject({
      status: 400,
      body: { error: "That isn't a small number.", details: { fieldErrors: { n: [expect.any(String)] } } },
    });
    expect((await route(post(JSON.stringify({ n: 1, pad: "x".repeat(200) })), {})).status).toBe(413);
    expect((await route(post('{"n":1}', { "content-type": "text/plain" }), {})).status).toBe(415);
  });
});
