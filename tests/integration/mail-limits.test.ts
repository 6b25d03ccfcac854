// Mail anyone can trigger: forgot-password answers as fast for a registered address as for an
// unknown one even when the SMTP server is slow (the mail goes out after the answer), and the mail
// one address gets, or one client asks for, is limited.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mailSettled } from "@/lib/accounts/mail";
import { MAILS_PER_ADDRESS, MAILS_PER_CLIENT } from "@/lib/accounts/mail-limit";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { createAccount, signUpSchema } from "@/lib/accounts/passwords";
import { requestSignUp } from "@/lib/accounts/sign-up";
import { inviteEditor } from "@/lib/decks/sharing";
import { lastMailTo, makeDeck, makeUser, uniqueEmail } from "./helpers";

const SMTP_DELAY_MS = 1_500;
const received: string[] = [];
let smtp: SMTPServer;

beforeAll(async () => {
  // A real SMTP server that takes its time over every mail, as a distant one does.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () =>
        setTimeout(() => {
          received.push(Buffer.concat(chunks).toString("utf8"));
          callback();
        }, SMTP_DELAY_MS),
      );
    },
  });
  smtp.listen(0, "127.0.0.1");
  await once(smtp.server, "listening");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

describe("forgot-password timing", () => {
  it("answers a registered address as fast as an unknown one, however slow the SMTP server", async () => {
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`);
    try {
      const user = await createAccount(signUpSchema.parse({ email: uniqueEmail("registered"), password: "the old secret" }));
      await requestPasswordReset(uniqueEmail("warm-up"), "http://drill.test"); // first queries compile
      const registered = await timed(() => requestPasswordReset(user.email, "http://drill.test"));
      const unknown = await timed(() => requestPasswordReset(uniqueEmail("unknown"), "http://drill.test"));
      expect(registered).toBeLessThan(SMTP_DELAY_MS / 3);
      expect(Math.abs(registered - unknown)).toBeLessThan(SMTP_DELAY_MS / 3);

      // The mail still goes out, with its link.
      await mailSettled();
      expect(received.some((mail) => mail.includes(user.email) && /reset-password\?token=/.test(mail))).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("mail limits", () => {
  it(`sends at most ${MAILS_PER_ADDRESS} mails an hour to one address, of every kind, known or not`, async () => {
    const now = new Date("2026-12-05T10:00:00Z");
    for (const email of [uniqueEmail("unknown-target"), (await makeUser("target")).email]) {
      for (let i = 0; i < MAILS_PER_ADDRESS; i++) await requestPasswordReset(email, "http://drill.test", now, `10.0.0.${i}`);
      await expect(requestPasswordReset(email, "http://drill.test", now, "10.0.1.1")).rejects.toThrow("Too many emails");
      const signUp = signUpSchema.parse({ email, password: "a long password" });
      await expect(requestSignUp(signUp, "http://drill.test", "/", now, "10.0.1.2")).rejects.toThrow("Too many emails");
      // An hour later the address may get mail again.
      await requestPasswordReset(email, "http://drill.test", new Date(now.getTime() + 61 * 60_000), "10.0.1.3");
    }
  });

  it(`lets one client have at most ${MAILS_PER_CLIENT} mails an hour sent, whichever addresses`, async () => {
    const now = new Date("2026-12-05T10:00:00Z");
    const client = "203.0.113.7";
    for (let i = 0; i < MAILS_PER_CLIENT; i++) await requestPasswordReset(uniqueEmail("spray"), "http://drill.test", now, client);
    await expect(requestPasswordReset(uniqueEmail("spray"), "http://drill.test", now, client)).rejects.toThrow("Too many emails");
    // Another client is not affected.
    await requestPasswordReset(uniqueEmail("spray"), "http://drill.test", now, "203.0.113.8");
  });

  it("limits the invitations one deck owner can send", async () => {
    const owner = await makeUser("inviter");
    const deck = await makeDeck(owner.id);
    for (let i = 0; i < MAILS_PER_CLIENT; i++) await inviteEditor(owner, deck.id, uniqueEmail("invitee"), "http://drill.test");
    const last = uniqueEmail("invitee");
    await expect(inviteEditor(owner, deck.id, last, "http://drill.test")).rejects.toThrow("Too many emails");
    await expect(lastMailTo(last)).rejects.toThrow("no mail");
  });
});
