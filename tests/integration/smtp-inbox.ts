// A real SMTP server for tests that send mail (reminders, digests): it listens on a free local port
// and keeps every message it receives, parsed.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export function smtpInbox() {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        mails.push(mail);
        callback();
      }, callback);
    },
  });
  return {
    mails,
    listen: () => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    url: () => `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    /** The mails sent to one address. */
    to: (email: string) => mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === email),
  };
}
