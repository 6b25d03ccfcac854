// Builds the Anki packages the tests read (tests/fixtures/anki/), in each layout Anki writes:
//   legacy.apkg   collection.anki2 (schema 11: note types as JSON in `col`)
//   anki21.apkg   collection.anki21 (schema 11) beside a collection.anki2 stub
//   templates.apkg  an 8-template note type and "Basic (and reversed card)" in subdecks (tests/fixtures/anki-build.ts)
//   recursive-view.apkg  a hostile collection whose `col` is a recursive view (tests/fixtures/anki-build.ts)
//   anki21b.apkg  collection.anki21b (schema 18: notetypes and fields tables), zstd-compressed with
//                 the `zstd` command (Debian's zstd package), beside a collection.anki2 stub, with
//                 the media map as zstd-compressed protobuf and zstd-compressed media files
// Each holds a Basic and a Cloze note type, HTML fields, an image, hierarchical tags and a review log.
// Run: node --import tsx scripts/anki-fixtures.ts   (the files are committed; CI doesn't run this)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { zipSync } from "fflate";
import { ANKI_SCHEMA_11 } from "../lib/transfer/anki-schema";
import { ankiPackage, RECURSIVE_COL, templatesPackage } from "../tests/fixtures/anki-build";

const OUT = path.join("tests", "fixtures", "anki");
const DAY = 86_400_000;
/** Fixed times, so the files are the same on every run. */
const CREATED = Date.UTC(2026, 8, 1) / 1000;
/** The zip entries' time, so the files are byte-for-byte the same on every run. */
const FIXED_TIME = new Date(CREATED * 1000);
const BASIC = 1_700_000_000_001;
const CLOZE = 1_700_000_000_002;
const DECK = 1_700_000_000_100;
// A 1x1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

const notes = [
  {
    id: 1_700_000_001_001,
    mid: BASIC,
    tags: " python::basics interview ",
    flds: ["What is <b>the GIL</b>?", 'A lock: one thread runs <i>bytecode</i> at a time.<br><img src="gil.png">'],
  },
  { id: 1_700_000_001_002, mid: BASIC, tags: " python::types ", flds: ["What does <code>is</code> compare?", "Identity, not value."] },
  {
    id: 1_700_000_001_003,
    mid: CLOZE,
    tags: " python::concurrency ",
    flds: ["Threads give {{c1::concurrency}}, not parallelism, on a GIL build.", "Extra"],
  },
];
const cards = [
  { id: 1_700_000_002_001, nid: notes[0]!.id, ord: 0, type: 2, queue: 2, due: 30, ivl: 12, factor: 2500, reps: 3, lapses: 0 },
  { id: 1_700_000_002_002, nid: notes[1]!.id, ord: 0, type: 0, queue: 0, due: 2, ivl: 0, factor: 0, reps: 0, lapses: 0 },
  { id: 1_700_000_002_003, nid: notes[2]!.id, ord: 0, type: 2, queue: 2, due: 28, ivl: 5, factor: 2300, reps: 2, lapses: 1 },
];
// Review times in epoch ms (Anki's revlog id), grades 1-4, answer times in ms.
const T0 = Date.UTC(2026, 8, 2, 9);
const revlog = [
  { id: T0, cid: cards[0]!.id, ease: 3, ivl: -600, lastIvl: 0, factor: 2500, time: 8000, type: 0 },
  { id: T0 + 10 * 60_000, cid: cards[0]!.id, ease: 3, ivl: 1, lastIvl: -600, factor: 2500, time: 5000, type: 0 },
  { id: T0 + 3 * DAY, cid: cards[0]!.id, ease: 3, ivl: 12, lastIvl: 1, factor: 2500, time: 4000, type: 1 },
  { id: T0 + DAY, cid: cards[2]!.id, ease: 3, ivl: 2, lastIvl: 0, factor: 2500, time: 9000, type: 0 },
  { id: T0 + 3 * DAY + 1000, cid: cards[2]!.id, ease: 1, ivl: -600, lastIvl: 2, factor: 2300, time: 12000, type: 1 },
  { id: T0 + 3 * DAY + 601_000, cid: cards[2]!.id, ease: 3, ivl: 5, lastIvl: -600, factor: 2300, time: 6000, type: 2 },
];

const legacyModels = {
  [BASIC]: {
    id: BASIC,
    name: "Basic",
    type: 0,
    flds: [
      { name: "Front", ord: 0 },
      { name: "Back", ord: 1 },
    ],
  },
  [CLOZE]: {
    id: CLOZE,
    name: "Cloze",
    type: 1,
    flds: [
      { name: "Text", ord: 0 },
      { name: "Back Extra", ord: 1 },
    ],
  },
};

function collection(file: string, version: 11 | 18, stub = false) {
  const db = new Database(file);
  db.exec(ANKI_SCHEMA_11);
  const models = version === 11 ? JSON.stringify(stub ? { [BASIC]: legacyModels[BASIC] } : legacyModels) : "{}";
  db.prepare("INSERT INTO col VALUES (1, ?, 0, 0, ?, 0, 0, 0, '{}', ?, '{}', '{}', '{}')").run(CREATED, version, models);
  if (version === 18) {
    db.exec(`CREATE TABLE notetypes (id integer primary key, name text, mtime_secs integer, usn integer, config blob);
             CREATE TABLE fields (ntid integer, ord integer, name text, config blob, primary key (ntid, ord));`);
    for (const m of Object.values(legacyModels)) {
      db.prepare("INSERT INTO notetypes VALUES (?, ?, 0, 0, x'')").run(m.id, m.name);
      for (const f of m.flds) db.prepare("INSERT INTO fields VALUES (?, ?, ?, x'')").run(m.id, f.ord, f.name);
    }
  }
  const insertNote = db.prepare("INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, ?, 0, 0, '')");
  if (stub) {
    insertNote.run(
      1,
      "stub",
      BASIC,
      "",
      "Please update to the latest Anki version, then import the .colpkg/.apkg file again.\u001f",
      "Please update",
    );
    db.prepare("INSERT INTO cards VALUES (1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, '')").run();
  } else {
    for (const n of notes) insertNote.run(n.id, `g${n.id}`, n.mid, n.tags, n.flds.join("\u001f"), n.flds[0]);
    const insertCard = db.prepare("INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, '')");
    for (const c of cards) insertCard.run(c.id, c.nid, DECK, c.ord, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses);
    const insertRev = db.prepare("INSERT INTO revlog VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)");
    for (const r of revlog) insertRev.run(r.id, r.cid, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type);
  }
  db.close();
  return readFileSync(file);
}

const dir = mkdtempSync(path.join(os.tmpdir(), "anki-fixtures-"));
try {
  const media = {
    media: new TextEncoder().encode(JSON.stringify({ 0: "gil.png", 1: "talk.mp3" })),
    "0": PNG,
    "1": new Uint8Array([0xff, 0xfb, 0x90, 0x00]),
  };
  const stub = collection(path.join(dir, "stub.anki2"), 11, true);
  const legacy = collection(path.join(dir, "legacy.anki2"), 11);
  writeFileSync(path.join(OUT, "legacy.apkg"), zipSync({ "collection.anki2": legacy, ...media }, { mtime: FIXED_TIME }));
  writeFileSync(
    path.join(OUT, "anki21.apkg"),
    zipSync({ "collection.anki2": stub, "collection.anki21": collection(path.join(dir, "21.anki2"), 11), ...media }, { mtime: FIXED_TIME }),
  );
  const modern = path.join(dir, "21b.anki2");
  collection(modern, 18);
  // The current layout compresses everything with zstd: the collection, each media file, and the
  // media map, which is protobuf (MediaEntries: repeated entry = 1 { name = 1; size = 2; sha1 = 3 }).
  const zstd = (bytes: Uint8Array, name: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    execFileSync("zstd", ["-q", "-f", file, "-o", `${file}.zst`]);
    return readFileSync(`${file}.zst`);
  };
  const files = [
    ["gil.png", PNG],
    ["talk.mp3", new Uint8Array([0xff, 0xfb, 0x90, 0x00])],
  ] as const;
  const entries = files.map(([name, bytes]) => {
    const nameBytes = Buffer.from(name);
    const sha1 = createHash("sha1").update(bytes).digest();
    const entry = Buffer.concat([
      Buffer.from([0x0a, nameBytes.length]),
      nameBytes,
      Buffer.from([0x10, bytes.length]),
      Buffer.from([0x1a, sha1.length]),
      sha1,
    ]);
    return Buffer.concat([Buffer.from([0x0a, entry.length]), entry]);
  });
  writeFileSync(
    path.join(OUT, "anki21b.apkg"),
    zipSync(
      {
        "collection.anki2": stub,
        "collection.anki21b": zstd(readFileSync(modern), "collection"),
        media: zstd(Buffer.concat(entries), "media"),
        "0": zstd(files[0][1], "0"),
        "1": zstd(files[1][1], "1"),
      },
      { mtime: FIXED_TIME },
    ),
  );
  console.log(`wrote ${OUT}/legacy.apkg, anki21.apkg and anki21b.apkg`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// A hostile package: its `col` is a recursive view (read naively, it never ends). Refused unread.
writeFileSync(path.join(OUT, "recursive-view.apkg"), ankiPackage({ alter: RECURSIVE_COL }));
console.log(`wrote ${OUT}/recursive-view.apkg`);

// Card templates and subdecks: an 8-template note type and Anki's "Basic (and reversed card)".
writeFileSync(path.join(OUT, "templates.apkg"), templatesPackage());
console.log(`wrote ${OUT}/templates.apkg`);
