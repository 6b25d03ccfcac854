// The SQL side of reading an uploaded Anki collection, bounded so that no statement can be made
// expensive by the upload's schema: opened read-only (query_only, trusted_schema off), only the base
// tables Drill knows are read and only when sqlite_master says they are plain tables (a view, a
// virtual table or a generated column is refused, never run; triggers never fire on reads), row
// counts are capped by COUNT(*) before anything is read, and every value is checked (an integer where
// Anki keeps one), so a malformed one is refused with its reason rather than failing later.
// The result is plain data (structured-clonable) for lib/transfer/anki-package.ts.
import Database from "better-sqlite3";
import { AppError } from "../server/errors";
import type { AnkiTemplate } from "./anki-template";
import { protobufFields } from "./protobuf";

/** Anki's collection schema versions this reader knows: 11 (note types in `col`) to 18 (their own tables). */
const SCHEMA_MIN = 11;
const SCHEMA_MAX = 18;

/** What one import may hold (a large real collection is ~30,000 notes and ~500,000 reviews). */
export const ANKI_LIMITS = {
  notes: 100_000,
  cards: 200_000,
  noteTypes: 500,
  fields: 10_000,
  decks: 10_000,
  reviews: 1_000_000,
  reviewsPerCard: 2_000,
  /** The col row's JSON (note types and decks in schema 11), in characters. */
  colJson: 20_000_000,
} as const;

/** Review ids are epoch ms: from 2006 (before Anki's first release) to a day past the import. */
const FIRST_REVIEW_MS = Date.UTC(2006, 0, 1);
const DAY_MS = 86_400_000;
/** Anki's ids are epoch ms or small counters; past this, a value isn't an id Anki writes. */
const ID_MAX = 2 ** 53 - 1;

export type AnkiLayout = "anki21b" | "anki21" | "anki2";

export interface AnkiNoteType {
  id: string;
  name: string;
  fields: string[];
  cloze: boolean;
  /** Its card templates by number (none in a package that doesn't carry them). */
  templates: AnkiTemplate[];
}

export interface AnkiCollection {
  schema: number;
  /** When the collection began (ms since the epoch, at its day's rollover): review cards' due days count from it. */
  created: number;
  /** The collection's decks, their names with Anki's "::" between a deck and its subdeck. */
  decks: { id: string; name: string }[];
  noteTypes: AnkiNoteType[];
  notes: { id: string; noteTypeId: string; fields: string[]; tags: string[] }[];
  /**
   * Cards with their home deck and due (a card in a filtered deck is read where it came from); `due`
   * is a day number from `created` for a review card, epoch seconds for one in its learning steps.
   */
  cards: { id: string; noteId: string; deckId: string; ord: number; type: number; queue: number; due: number; interval: number }[];
  /** Reviews, oldest first: ease 1-4, time in ms since the epoch, answer time in ms, Anki's review kind. */
  reviews: { id: string; cardId: string; ease: number; at: number; durationMs: number; kind: number }[];
}

const refuse = (message: string) => new AppError("invalid", message, { file: [message] });
const notLaidOut = () =>
  refuse("The package's collection isn't laid out as Anki's are (a table or column is missing), so nothing was read.");

/** Opens a collection file so that reading it can't write, nor run the upload's own code. */
export function openCollection(file: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw refuse("The package's collection can't be opened as a database.");
  }
  try {
    db.pragma("query_only = ON");
    // Functions the upload's schema names (in a view, index or generated column) run only if innocuous.
    db.pragma("trusted_schema = OFF");
    // Integers arrive as bigints, so an id past 2^53 is seen as such rather than rounded.
    db.defaultSafeIntegers(true);
  } catch {
    db.close();
    throw refuse("The package's collection can't be opened as a database.");
  }
  return db;
}

/**
 * The base tables Drill reads, checked before any is read: a plain table by sqlite_master (its SQL a
 * CREATE TABLE), with the columns Drill reads and no generated ones. Returns which optional ones exist.
 */
function checkTables(db: Database.Database, wanted: Record<string, readonly string[]>, optional: ReadonlySet<string>): Set<string> {
  let rows: { name: string; type: string; sql: string | null }[];
  try {
    rows = db
      .prepare(
        "SELECT name, type, sql FROM sqlite_master WHERE name IN (" +
          Object.keys(wanted)
            .map(() => "?")
            .join(", ") +
          ")",
      )
      .all(...Object.keys(wanted)) as typeof rows;
  } catch {
    throw refuse("The package's collection can't be opened as a database.");
  }
  const present = new Set<string>();
  for (const [name, columns] of Object.entries(wanted)) {
    const row = rows.find((r) => r.name === name);
    if (!row) {
      if (optional.has(name)) continue;
      throw notLaidOut();
    }
    if (row.type !== "table" || !/^\s*CREATE\s+TABLE\b/i.test(row.sql ?? ""))
      throw refuse(
        `The package's collection has a ${row.type === "table" ? "virtual table" : row.type} where Anki keeps its "${name}" table, so it wasn't read.`,
      );
    const info = db.prepare(`SELECT name, hidden FROM pragma_table_xinfo(?)`).all(name) as { name: string; hidden: bigint }[];
    if (info.some((c) => Number(c.hidden) !== 0))
      throw refuse(`The package's "${name}" table has computed columns, which Anki's tables don't, so it wasn't read.`);
    if (columns.some((c) => !info.some((i) => i.name.toLowerCase() === c))) throw notLaidOut();
    present.add(name);
  }
  return present;
}

/** The rows of a table, refused past `max` before they are read. */
function countAtMost(db: Database.Database, table: string, max: number, what: string): void {
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: bigint };
  if (n > BigInt(max))
    throw refuse(
      `The package holds ${n.toLocaleString("en")} ${what}; Drill imports at most ${max.toLocaleString("en")} at a time. Export fewer decks from Anki.`,
    );
}

/** A value Anki keeps as an integer, checked: a float, text, or an out-of-range number is refused with `where`. */
function integer(value: unknown, where: string, min = -ID_MAX, max = ID_MAX): number {
  if (typeof value !== "bigint" || value < BigInt(min) || value > BigInt(max))
    throw refuse(`The package's collection holds a malformed value (${where}: ${describe(value)}), so nothing was imported.`);
  return Number(value);
}

function text(value: unknown, where: string): string {
  if (typeof value !== "string")
    throw refuse(`The package's collection holds a malformed value (${where}: ${describe(value)}), so nothing was imported.`);
  return value;
}

function describe(value: unknown): string {
  if (typeof value === "string") return `the text "${value.slice(0, 20)}"`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "bigint") return `the number ${value}`;
  if (value === null) return "nothing";
  return "binary data";
}

const TABLES = {
  col: ["ver", "crt", "models", "decks"],
  notes: ["id", "mid", "flds", "tags"],
  cards: ["id", "nid", "did", "ord", "type", "queue", "due", "ivl", "odue", "odid"],
  revlog: ["id", "cid", "ease", "time", "type"],
  notetypes: ["id", "name", "config"],
  fields: ["ntid", "ord", "name"],
  templates: ["ntid", "ord", "name", "config"],
  decks: ["id", "name"],
} as const;

/** Reads the note types, notes, cards and review log of an opened collection, each bounded and checked. */
export function readCollectionTables(db: Database.Database, layout: AnkiLayout, now: number): AnkiCollection {
  // The header first: a collection of a version Drill doesn't know is told so, whatever its tables.
  checkTables(db, { col: ["ver", "models"] }, new Set());
  const schema = readHeader(db);
  const present = checkTables(db, TABLES, new Set(["notetypes", "fields", "templates", "decks"]));
  const noteTypes = readNoteTypes(db, present);
  countAtMost(db, "notes", ANKI_LIMITS.notes, "notes");
  const notes = (db.prepare("SELECT id, mid, flds, tags FROM notes ORDER BY id").all() as Record<string, unknown>[]).map((n) => {
    const noteId = integer(n.id, "a note's id");
    const where = `note ${noteId}`;
    const tags = text(n.tags, `${where}'s tags`).trim();
    return {
      id: String(noteId),
      noteTypeId: String(integer(n.mid, `${where}'s note type`)),
      fields: text(n.flds, `${where}'s fields`).split("\x1f"),
      tags: tags ? tags.split(/\s+/) : [],
    };
  });
  if (layout === "anki2" && notes.length <= 1 && /please update/i.test(notes[0]?.fields[0] ?? ""))
    throw refuse(
      "This package was made by a newer Anki for newer Ankis: its only readable collection is a placeholder. Export again from Anki, or use a .colpkg.",
    );
  // Cloze note types: marked in legacy JSON; in newer schemas, told by their notes' {{c1::...}} markers.
  for (const type of noteTypes)
    if (!type.cloze) type.cloze = notes.some((n) => n.noteTypeId === type.id && /\{\{c\d+::/.test(n.fields[0] ?? ""));
  return {
    schema,
    created: readCreated(db),
    decks: readDecks(db, present),
    noteTypes,
    notes,
    cards: readCards(db),
    reviews: readReviews(db, now),
  };
}

function readCreated(db: Database.Database): number {
  const { crt } = db.prepare("SELECT crt FROM col LIMIT 1").get() as { crt: unknown };
  return integer(crt, "the collection's creation time", 0, 2 ** 40) * 1000;
}

/** The decks: in their own table in newer schemas (names joined by \x1f), else in the col row's JSON. */
function readDecks(db: Database.Database, present: ReadonlySet<string>): AnkiCollection["decks"] {
  if (present.has("decks")) {
    countAtMost(db, "decks", ANKI_LIMITS.decks, "decks");
    return (db.prepare("SELECT id, name FROM decks").all() as Record<string, unknown>[]).map((d) => ({
      id: String(integer(d.id, "a deck's id")),
      name: text(d.name, "a deck's name").replaceAll("\x1f", "::"),
    }));
  }
  const { decks } = db.prepare("SELECT decks FROM col LIMIT 1").get() as { decks: unknown };
  let legacy: Record<string, { name?: unknown }>;
  try {
    legacy = JSON.parse(text(decks, "the decks") || "{}") as typeof legacy;
  } catch {
    throw refuse("The package's decks aren't readable (their JSON is damaged).");
  }
  const entries = Object.entries(legacy ?? {});
  if (entries.length > ANKI_LIMITS.decks)
    throw refuse(`The package holds ${entries.length} decks; Drill imports at most ${ANKI_LIMITS.decks} at a time.`);
  // A deck without a name is left out: its cards are then counted in the package's main deck.
  return entries.flatMap(([id, d]) => (typeof d?.name === "string" ? [{ id, name: d.name }] : []));
}

function readHeader(db: Database.Database): number {
  const col = db.prepare("SELECT ver, length(models) AS size FROM col LIMIT 1").get() as Record<string, unknown> | undefined;
  if (!col) throw refuse("The package's collection has no header row: it is damaged.");
  const ver = integer(col.ver, "the collection's version");
  if (ver < SCHEMA_MIN || ver > SCHEMA_MAX)
    throw refuse(
      `The package's collection is version ${ver}, which Drill doesn't know (it reads ${SCHEMA_MIN} to ${SCHEMA_MAX}). Export from Anki again with "Support older Anki versions" ticked.`,
    );
  if (Number(col.size ?? 0) > ANKI_LIMITS.colJson)
    throw refuse("The package's note types take more room than any Anki collection's, so it wasn't read.");
  return ver;
}

/** The note types and their fields: in their own tables in newer schemas, else in the col row's JSON (`models`). */
function readNoteTypes(db: Database.Database, present: ReadonlySet<string>): AnkiNoteType[] {
  if (present.has("notetypes") && present.has("fields")) {
    countAtMost(db, "notetypes", ANKI_LIMITS.noteTypes, "note types");
    countAtMost(db, "fields", ANKI_LIMITS.fields, "note type fields");
    const fields = (db.prepare("SELECT ntid, ord, name FROM fields ORDER BY ntid, ord").all() as Record<string, unknown>[]).map((f) => ({
      ntid: String(integer(f.ntid, "a field's note type")),
      name: text(f.name, "a field's name"),
    }));
    const templates = present.has("templates") ? readTemplates(db) : [];
    return (db.prepare("SELECT id, name, config FROM notetypes").all() as Record<string, unknown>[]).map((t) => {
      const typeId = String(integer(t.id, "a note type's id"));
      return {
        id: typeId,
        name: text(t.name, "a note type's name"),
        fields: fields.filter((f) => f.ntid === typeId).map((f) => f.name),
        // The config's kind (field 1) is 1 for a cloze note type.
        cloze: configFields(t.config).some((f) => f.field === 1 && f.value === 1),
        templates: templates.filter((m) => m.ntid === typeId).map(({ ntid: _ntid, ...template }) => template),
      };
    });
  }
  const { models } = db.prepare("SELECT models FROM col LIMIT 1").get() as { models: unknown };
  let legacy: Record<string, { name?: unknown; type?: unknown; flds?: { name?: unknown; ord?: unknown }[]; tmpls?: unknown }>;
  try {
    legacy = JSON.parse(text(models, "the note types") || "{}") as typeof legacy;
  } catch {
    throw refuse("The package's note types aren't readable (their JSON is damaged).");
  }
  const entries = Object.entries(legacy ?? {});
  if (entries.length > ANKI_LIMITS.noteTypes)
    throw refuse(`The package holds ${entries.length} note types; Drill imports at most ${ANKI_LIMITS.noteTypes} at a time.`);
  return entries.map(([key, m]) => {
    const flds = Array.isArray(m?.flds) ? m.flds : [];
    if (typeof m?.name !== "string" || flds.some((f) => typeof f?.name !== "string" || typeof f?.ord !== "number"))
      throw refuse(`The package's note type ${key.slice(0, 20)} is malformed (a name or field is missing), so nothing was imported.`);
    return {
      id: key,
      name: m.name,
      fields: [...flds].sort((a, b) => (a.ord as number) - (b.ord as number)).map((f) => f.name as string),
      cloze: m.type === 1,
      templates: legacyTemplates(m.tmpls, key),
    };
  });
}

/** A config blob's protobuf fields; an empty or unreadable one has none. */
function configFields(config: unknown) {
  if (!(config instanceof Uint8Array) || config.length === 0) return [];
  try {
    return protobufFields(config);
  } catch {
    return [];
  }
}

/** The templates table (schema 18): each template's question and answer formats in its config (fields 1 and 2). */
function readTemplates(db: Database.Database): (AnkiTemplate & { ntid: string })[] {
  countAtMost(db, "templates", ANKI_LIMITS.fields, "card templates");
  const decoder = new TextDecoder();
  return (db.prepare("SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord").all() as Record<string, unknown>[]).map((t) => {
    const config = configFields(t.config);
    const format = (field: number) => decoder.decode(config.find((f) => f.field === field)?.bytes ?? new Uint8Array());
    return {
      ntid: String(integer(t.ntid, "a template's note type")),
      ord: integer(t.ord, "a template's number", 0, 1000),
      name: text(t.name, "a template's name"),
      qfmt: format(1),
      afmt: format(2),
    };
  });
}

/** The templates of a note type in the col row's JSON (schema 11): a malformed one is refused. */
function legacyTemplates(tmpls: unknown, typeKey: string): AnkiTemplate[] {
  if (tmpls === undefined) return [];
  const list = Array.isArray(tmpls) ? (tmpls as Record<string, unknown>[]) : null;
  if (
    !list ||
    list.length > 1000 ||
    list.some((t) => typeof t?.qfmt !== "string" || typeof t.afmt !== "string" || typeof t.ord !== "number")
  )
    throw refuse(`The package's note type ${typeKey.slice(0, 20)} has malformed card templates, so nothing was imported.`);
  return list.map((t, i) => ({
    name: typeof t.name === "string" ? t.name : `Card ${i + 1}`,
    ord: t.ord as number,
    qfmt: t.qfmt as string,
    afmt: t.afmt as string,
  }));
}

function readCards(db: Database.Database): AnkiCollection["cards"] {
  countAtMost(db, "cards", ANKI_LIMITS.cards, "cards");
  const rows = db.prepare("SELECT id, nid, did, ord, type, queue, due, ivl, odue, odid FROM cards ORDER BY id").all() as Record<
    string,
    unknown
  >[];
  return rows.map((c) => {
    const cardId = integer(c.id, "a card's id");
    const where = `card ${cardId}`;
    // A card in a filtered deck keeps its home deck and due date in odid and odue.
    const filtered = integer(c.odid, `${where}'s home deck`) !== 0;
    return {
      id: String(cardId),
      noteId: String(integer(c.nid, `${where}'s note`)),
      deckId: String(integer(filtered ? c.odid : c.did, `${where}'s deck`)),
      ord: integer(c.ord, `${where}'s template number`, 0, 1000),
      type: integer(c.type, `${where}'s type`, 0, 3),
      queue: integer(c.queue, `${where}'s queue`, -3, 4),
      due: integer(filtered ? c.odue : c.due, `${where}'s due`, -(2 ** 31), 2 ** 40),
      interval: integer(c.ivl, `${where}'s interval`, -(2 ** 31), 2 ** 31),
    };
  });
}

/** The review log, oldest first; Anki's manual reschedulings (ease 0) are no reviews and are left out. */
function readReviews(db: Database.Database, now: number): AnkiCollection["reviews"] {
  countAtMost(db, "revlog", ANKI_LIMITS.reviews, "reviews");
  const busiest = db.prepare("SELECT cid, COUNT(*) AS n FROM revlog GROUP BY cid ORDER BY n DESC LIMIT 1").get() as
    { cid: unknown; n: bigint } | undefined;
  if (busiest && busiest.n > BigInt(ANKI_LIMITS.reviewsPerCard))
    throw refuse(
      `The package holds ${busiest.n.toLocaleString("en")} reviews of one card; Drill imports at most ${ANKI_LIMITS.reviewsPerCard.toLocaleString("en")} per card.`,
    );
  return (db.prepare("SELECT id, cid, ease, time, type FROM revlog ORDER BY id").all() as Record<string, unknown>[]).flatMap((r) => {
    const at = integer(r.id, "a review's id (its time)", FIRST_REVIEW_MS, now + DAY_MS);
    const where = `the review at ${new Date(at).toISOString()}`;
    const ease = integer(r.ease, `${where}'s grade`, 0, 4);
    const cardId = String(integer(r.cid, `${where}'s card`));
    // Anki caps an answer's time at its own limit; a longer one is counted as the limit, a negative one as none.
    const durationMs = Math.max(0, integer(r.time, `${where}'s answer time`, -(2 ** 31), 2 ** 31));
    const kind = integer(r.type, `${where}'s kind`, 0, 5);
    return ease === 0 ? [] : [{ id: String(at), cardId, ease, at, durationMs, kind }];
  });
}
