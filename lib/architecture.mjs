// The architecture of lib/ in one list: which folder may import which. eslint.config.mjs turns it into
// lint rules (import-x/no-restricted-paths, import-x/no-cycle), so `npm run lint` fails on an import
// that goes the wrong way; tests/unit/architecture.test.ts proves that it does.
//
// Layers, bottom to top. A folder imports its own files and the folders of LOWER layers only: not a
// folder above it, and not a neighbour in its own layer (neighbours stay independent). A feature that
// needs two domains at once lives in the lowest layer above both (a read model goes to views/).

/** @type {{ folders: string[]; holds: string }[]} */
export const layers = [
  {
    folders: ["generated"],
    holds: "the generated Prisma clients (npm run db:generate); the files directly in lib/ are shared utilities on this level too",
  },
  { folders: ["server"], holds: "infrastructure: the database, AppError, ids, environment, request checks, CSP; knows no domain" },
  { folders: ["jobs"], holds: "background jobs: one engine interface, pg-boss on PostgreSQL, in-process on SQLite; knows no domain" },
  { folders: ["scheduling", "markdown"], holds: "pure engines: FSRS scheduling and study days; Markdown rendering" },
  { folders: ["accounts"], holds: "users, sessions, sign-in, mail, and the wrappers every server action and route handler goes through" },
  { folders: ["decks"], holds: "decks and cards: who may do what with a deck, authoring, sharing, mentees, the new-card cursor" },
  { folders: ["answers"], holds: "learners' own answers to cards: writing, revisions, sharing with the deck's mentors, feedback" },
  { folders: ["review"], holds: "one learner studying: sessions, ratings, history, settings, set-aside cards" },
  { folders: ["stats"], holds: "what a learner's history adds up to: streaks, retention, key points missed" },
  { folders: ["interviews"], holds: "interviews a learner prepares for: readiness, mock interviews, calendar" },
  { folders: ["optimizer", "transfer"], holds: "fitting personal FSRS parameters; import and export (Anki, CSV, Markdown, paste, seed)" },
  { folders: ["views"], holds: "read models of pages that combine domains: the Today page, the mentor dashboard" },
  { folders: ["reminders"], holds: "daily reminders and mentors' digests: when they go, what they say, mail and web push" },
];

/** The files directly in lib/ (routes.ts, format.ts, ...): shared utilities that import no folder of lib/. */
export const sharedFiles = "lib/*.{ts,tsx,mjs}";

// Above lib/: app/ (routes, pages, server actions) and components/ may import any of lib/; lib/ imports
// neither. The one sanctioned upward edge: a client component imports the server actions it calls
// from app/ (app/**/actions.ts), since Next.js wants them there; nothing else of app/ is imported by
// components/.
export const serverActions = "app/**/actions.{ts,tsx}";
