// Sending email: sign-up links, co-editor invitations. Through SMTP when SMTP_URL is set (nodemailer,
// a well-kept mail library); otherwise each mail is printed to the server log and written to a
// file under MAIL_DIR (default var/mail/), so development and the end-to-end tests can open links.
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { mailSettings } from "../server/env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
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
  // Sortable by time; the address is in the name so a reader can find a person's mail.
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(3).toString("hex")}-${mail.to.replace(/[^a-z0-9@.-]/gi, "_")}.txt`;
  await writeFile(path.join(dir, name), `From: ${from}\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
  console.info(`[mail] to ${mail.to}: ${mail.subject} (no SMTP_URL set: written to ${path.join(dir, name)})`);
}
