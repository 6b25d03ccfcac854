// Mail written to files holds live links: files older than the longest link lifetime are deleted.
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deleteExpiredMailFiles, MAIL_FILE_DAYS, mailFilesNotice } from "@/lib/server/mail-files";

describe("mail files", () => {
  it(`deletes mail files older than ${MAIL_FILE_DAYS} days and keeps the rest`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "drill-mail-"));
    const now = Date.parse("2026-12-05T12:00:00Z");
    const write = (name: string, ageDays: number) => {
      writeFileSync(path.join(dir, name), "Reset: http://drill.test/reset-password?token=abc");
      const at = (now - ageDays * 86_400_000) / 1000;
      utimesSync(path.join(dir, name), at, at);
    };
    write("old.txt", MAIL_FILE_DAYS + 1);
    write("recent.txt", MAIL_FILE_DAYS - 1);
    write("notes.md", 100);
    expect(deleteExpiredMailFiles(dir, now)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(["notes.md", "recent.txt"]);
    expect(deleteExpiredMailFiles(path.join(dir, "missing"), now)).toBe(0);
  });

  it("says at start that the files hold working links", () => {
    expect(mailFilesNotice("var/mail")).toMatch(/No SMTP_URL set.*var\/mail\/.*working links/);
  });
});
