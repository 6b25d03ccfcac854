// Mail written to files (no SMTP_URL): those files hold live links (sign-up, password reset,
// invitations), so none is kept past the longest time such a link works. Used by the mail module
// each time it writes and by `npm start`; no Next or Prisma imports.
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

/** The longest a link in mail works: a co-editor invitation's 14 days (lib/decks/sharing.ts). */
export const MAIL_FILE_DAYS = 14;

/** Deletes mail files in `dir` older than MAIL_FILE_DAYS; returns how many it deleted. */
export function deleteExpiredMailFiles(dir: string, now = Date.now()): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0; // no mail written yet
  }
  let deleted = 0;
  for (const name of names) {
    if (!name.endsWith(".txt")) continue;
    const file = path.join(dir, name);
    if (now - statSync(file).mtimeMs > MAIL_FILE_DAYS * 86_400_000) {
      rmSync(file, { force: true });
      deleted++;
    }
  }
  return deleted;
}

/** What `npm start` says when mail goes to files: they hold live links, on this machine's disk. */
export function mailFilesNotice(dir: string): string {
  return (
    `No SMTP_URL set: mail (sign-up and password-reset links, invitations) is written to ${dir}/ and the log. ` +
    `Those files hold working links: keep the folder private; files older than ${MAIL_FILE_DAYS} days are deleted.`
  );
}
