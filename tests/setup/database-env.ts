// Runs in each test worker before the test file: points lib/db at the database global setup made.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.MAIL_DIR ??= "var/test/mail";
