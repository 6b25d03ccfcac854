// Web-push reminders against a push endpoint started here (HTTPS, as push services are): the tick's
// message arrives VAPID-signed and aes128gcm-encrypted (RFC 8291/8188), and the test decrypts it with
// the subscription keys it generated, as a browser would. A push service saying "gone" (410) removes
// the subscription.
import { createECDH, createPublicKey, hkdfSync, randomBytes, createDecipheriv, verify } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { Agent, createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import webpush from "web-push";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { pushToLearner, savePushSubscription } from "@/lib/reminders/push";
import { saveReminderSettings } from "@/lib/reminders/settings";
import { runReminderTick } from "@/lib/reminders/tick";
import { startStudying } from "@/lib/review/studying";
import { db } from "@/lib/server/db";
import { insertReviewLog, makeDeck, makeUser } from "./helpers";

const b64url = (bytes: Buffer) => bytes.toString("base64url");

/** A browser's side of a subscription: its ECDH key pair and auth secret. */
function browserKeys() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) } };
}

/** RFC 8291 + RFC 8188 (aes128gcm, one record): what the browser does with a push message's body. */
function decrypt(body: Buffer, browser: ReturnType<typeof browserKeys>): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const serverPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const shared = browser.ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), browser.ecdh.getPublicKey(), serverPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", shared, browser.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(-16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (padded[end] === 0) end--;
  expect(padded[end]).toBe(2);
  return padded.subarray(0, end).toString("utf8");
}

/** The VAPID JWT in the Authorization header, checked against the server's public key (ES256). */
function vapidSigned(authorization: string, publicKey: string): boolean {
  const [, token, key] = /^vapid t=([^,]+), k=(.+)$/.exec(authorization) ?? [];
  if (!token || key !== publicKey) return false;
  const [header, payload, signature] = token.split(".") as [string, string, string];
  const raw = Buffer.from(key, "base64url");
  const jwk = { kty: "EC", crv: "P-256", x: b64url(raw.subarray(1, 33)), y: b64url(raw.subarray(33, 65)) };
  return verify(
    "sha256",
    Buffer.from(`${header}.${payload}`),
    { key: createPublicKey({ key: jwk, format: "jwk" }), dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
}

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const received: Received[] = [];
let server: Server;
let agent: Agent;
let origin: string;
const vapid = webpush.generateVAPIDKeys();

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "push-endpoint-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      path.join(dir, "key.pem"),
      "-out",
      path.join(dir, "cert.pem"),
    ],
    { stdio: "ignore" },
  );
  const cert = readFileSync(path.join(dir, "cert.pem"));
  agent = new Agent({ ca: cert });
  server = createServer({ key: readFileSync(path.join(dir, "key.pem")), cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(request.url?.startsWith("/gone") ? 410 : 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  vi.stubEnv("VAPID_PUBLIC_KEY", vapid.publicKey);
  vi.stubEnv("VAPID_PRIVATE_KEY", vapid.privateKey);
  vi.stubEnv("AUTH_SECRET", "reminder-test-secret-0123456789abcdef");
  received.length = 0;
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await db.reminderSettings.updateMany({ data: { enabled: false } });
});

const options = () => ({ retry: { attempts: 2, delaysMs: [0] }, push: { agent } });

describe("push reminders", () => {
  it("the tick's reminder reaches the push endpoint, signed and encrypted for the browser's keys, with counts and /study only", async () => {
    const user = await makeUser("pushed");
    const deck = await makeDeck(user.id, { cards: 5 });
    await startStudying(user, deck.id);
    const card = (await db.card.findFirst({ where: { deckId: deck.id }, select: { id: true, deckId: true } }))!;
    await insertReviewLog(user.id, card, 3, new Date("2031-02-01T12:00:00Z"));
    await saveReminderSettings(user.id, { enabled: true, hour: 9, byEmail: false, byPush: true, pausedUntil: null });
    const browser = browserKeys();
    await savePushSubscription(user.id, { endpoint: `${origin}/push/browser-1`, keys: browser.keys });

    expect(await runReminderTick(new Date("2031-02-02T09:00:00Z"), options())).toEqual({ sent: 1, nothingToDo: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const [push] = received;
    expect(push!.path).toBe("/push/browser-1");
    expect(push!.headers["content-encoding"]).toBe("aes128gcm");
    expect(vapidSigned(String(push!.headers.authorization), vapid.publicKey)).toBe(true);
    const notification = JSON.parse(decrypt(push!.body, browser)) as { title: string; body: string; url: string };
    expect(notification).toEqual({
      title: "Drill: 5 new cards today",
      body: expect.stringMatching(/^It takes about \d+ minutes?\./),
      url: "/study",
    });
    expect(JSON.stringify(notification)).not.toMatch(/Question \d|Answer \d/);
    // Another browser's keys can't read it.
    expect(() => decrypt(push!.body, browserKeys())).toThrow();
  });

  it("a subscription the push service reports gone is removed after one try; the learner's others stay", async () => {
    const user = await makeUser("gone");
    const live = browserKeys();
    await savePushSubscription(user.id, { endpoint: `${origin}/gone/old-browser`, keys: browserKeys().keys });
    await savePushSubscription(user.id, { endpoint: `${origin}/push/new-browser`, keys: live.keys });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const delivered = await pushToLearner(user.id, { title: "t", body: "b", url: "/study" }, { agent, retry: options().retry });
    errors.mockRestore();
    expect(delivered).toBe(true);
    expect(received.map((r) => r.path).sort()).toEqual(["/gone/old-browser", "/push/new-browser"]);
    expect((await db.pushSubscription.findMany({ where: { userId: user.id }, select: { endpoint: true } })).map((s) => s.endpoint)).toEqual(
      [`${origin}/push/new-browser`],
    );
  });
});
