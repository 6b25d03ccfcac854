// Sending email: sign-up links, password-reset links, co-editor invitations. Through SMTP when
// SMTP_URL is set (nodemailer, a well-kept mail library); otherwise each mail is printed to the
// server log and written to a file under MAIL_DIR (default var/mail/), so development and the
// end-to-end tests can open links. Such files hold live links: expired ones are deleted on each write.
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { mailSettings } from "../server/env";
import { deleteExpiredMailFiles } from "../server/mail-files";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers (a reminder's List-Unsubscribe), written to mail files too. */
  headers?: Record<string, string>;
}

export async function sendMail(mail: Mail): Promise<void> {
  const { smtpUrl, from, dir: mailDir } = mailSettings();
  if (smtpUrl) {
    const nodemailer = await import("nodemailer");
    await nodemailer.createTransport(smtpUrl).sendMail({ from, ...mail });
    return;
  }
  const dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), mailDir);
  await mkdir(dir, { recursive: true });
  deleteExpiredMailFiles(dir);
  // Sortable by time; the address is in the name so a reader can find a person's mail.
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(3).toString("hex")}-${mail.to.replace(/[^a-z0-9@.-]/gi, "_")}.txt`;
  const headers = Object.entries(mail.headers ?? {}).map(([key, value]) => `${key}: ${value}\n`);
  await writeFile(path.join(dir, name), `From: ${from}\nTo: ${mail.to}\nSubject: ${mail.subject}\n${headers.join("")}\n${mail.text}\n`);
  console.info(`[mail] to ${mail.to}: ${mail.subject} (no SMTP_URL set: written to ${path.join(dir, name)})`);
}

const deliveries = new Set<Promise<void>>();

/**
 * Sends mail off the request path: over SMTP the request answers before the server's reply (which
 * can take a second), so how long an answer takes doesn't tell whether a mail was sent, and so
 * whether an address has an account. A failure is logged (subject and address only, never the text,
 * which holds a link's token). Mail to files is written before answering: it is local and quick.
 */
export async function sendMailSoon(mail: Mail): Promise<void> {
  if (!mailSettings().smtpUrl) return sendMail(mail);
  const delivery = sendMail(mail)
    .catch((error: unknown) => {
      console.error(`[mail] couldn't send "${mail.subject}" to ${mail.to}: ${error instanceof Error ? error.message : "unknown error"}`);
    })
    .finally(() => deliveries.delete(delivery));
  deliveries.add(delivery);
}

/** Resolves once every mail handed to sendMailSoon so far has been sent or has failed (for tests and shutdown). */
export async function mailSettled(): Promise<void> {
  await Promise.all([...deliveries]);
}
