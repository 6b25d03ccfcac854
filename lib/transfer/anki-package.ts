// Reading an Anki package (.apkg, or a .colpkg collection): the zip checked entry by entry before
// anything is unpacked (names, sizes, counts), the collection found in whichever layout Anki wrote
// (collection.anki21b: zstd-compressed, the current default; collection.anki21; collection.anki2,
// legacy; a package whose only collection is the "please update Anki" stub is refused), then its
// note types, notes, cards and review log read from a private temporary copy. Nothing is written.
import "server-only";
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { AppError } from "../server/errors";
import { protobufFields } from "./protobuf";
import { openCollection, readCollectionTables, type AnkiCollection, type AnkiLayout } from "./anki-tables";
import {
  BudgetExceeded,
  DamagedZip,
  decompressZstd,
  UnpackBudget,
  unpackEntry,
  unpackEntryBytes,
  ZIP_BOMB_MESSAGE,
  zipEntries,
  type ZipEntry,
} from "./zip-budget";

/** What an upload may be; what it may unpack to is budgeted in lib/transfer/zip-budget.ts. */
export const APKG_MAX_BYTES = 100_000_000;
const ENTRIES_MAX = 50_000;
/** Deflate's best is about 1,000:1 on zeros; a real collection or image is far below this. */
const DECLARED_RATIO_MAX = 200;
export type { AnkiLayout, AnkiNoteType } from "./anki-tables";

export interface AnkiPackage extends AnkiCollection {
  layout: AnkiLayout;
  /** Media files by name (images among them are shown on cards; the rest are counted as skipped). */
  media: Map<string, Uint8Array>;
}

const refuse = (message: string) => new AppError("invalid", message, { file: [message] });

/** A name that would land outside the place it is unpacked to, or isn't a plain relative path. */
function unsafeName(name: string): boolean {
  return (
    name.startsWith("/") ||
    name.includes("\\") ||
    name.includes("\0") ||
    name.split("/").some((part) => part === "..") ||
    /^[A-Za-z]:/.test(name)
  );
}

interface Zip {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  budget: UnpackBudget;
}

/** The zip's entries, checked (names, count) before any is unpacked. */
function openZip(bytes: Uint8Array): Zip {
  if (bytes.length > APKG_MAX_BYTES)
    throw refuse(`That file is over ${APKG_MAX_BYTES / 1_000_000} MB: export fewer decks from Anki at a time.`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04)
    throw refuse("That isn't an Anki package: an .apkg or .colpkg file is a zip archive, and this isn't one.");
  let list: ZipEntry[];
  try {
    list = zipEntries(bytes);
  } catch {
    throw refuse("That zip archive is damaged and can't be opened.");
  }
  if (list.length > ENTRIES_MAX) throw refuse(`The package holds more than ${ENTRIES_MAX.toLocaleString("en")} files.`);
  const unsafe = list.find((entry) => unsafeName(entry.name));
  if (unsafe) throw refuse(`The package holds a file with an unsafe name ("${unsafe.name.slice(0, 60)}"), so it wasn't opened.`);
  // A claim far past Anki's compression ratios is refused before anything is unpacked.
  if (list.some((entry) => entry.declaredSize > DECLARED_RATIO_MAX * Math.max(1, entry.compressedSize))) throw refuse(ZIP_BOMB_MESSAGE);
  return { bytes, entries: new Map(list.map((entry) => [entry.name, entry])), budget: UnpackBudget.forUpload(bytes.length) };
}

/** Runs an unpacking step, turning an exhausted budget into the zip-bomb refusal and damage into `damaged`. */
function unpacking<T>(step: () => T, damaged: string): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof BudgetExceeded) throw refuse(ZIP_BOMB_MESSAGE);
    if (error instanceof DamagedZip) throw refuse(damaged);
    throw error;
  }
}

const SQLITE_HEADER = "SQLite format 3\0";

/** The collection, unpacked as a stream straight into `file` (never whole in memory), and its layout. */
function writeCollection(zip: Zip, file: string): AnkiLayout {
  const layouts: [AnkiLayout, string][] = [
    ["anki21b", "collection.anki21b"],
    ["anki21", "collection.anki21"],
    ["anki2", "collection.anki2"],
  ];
  const found = layouts.find(([, name]) => zip.entries.has(name));
  if (!found) throw refuse("That zip has no Anki collection in it (collection.anki21b, .anki21 or .anki2).");
  const [layout, name] = found;
  const fd = openSync(file, "w");
  try {
    unpacking(
      () => unpackEntry(zip.bytes, zip.entries.get(name)!, zip.budget, "collection", (chunk) => writeSync(fd, chunk), layout === "anki21b"),
      layout === "anki21b"
        ? "The package's collection (collection.anki21b) is damaged: it doesn't decompress."
        : "That zip archive is damaged and can't be opened.",
    );
  } finally {
    closeSync(fd);
  }
  const header = new Uint8Array(100);
  const read = readFirst(file, header);
  if (read < 100 || new TextDecoder().decode(header.subarray(0, 16)) !== SQLITE_HEADER)
    throw refuse(`The package's collection (${layout}) isn't an Anki database: it is damaged or not from Anki.`);
  return layout;
}

function readFirst(file: string, into: Uint8Array): number {
  const fd = openSync(file, "r");
  try {
    return readSync(fd, into, 0, into.length, 0);
  } finally {
    closeSync(fd);
  }
}

const isZstd = (bytes: Uint8Array) => bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd;

/** A media map is a few bytes per file: 16 MB holds the names of the 50,000 files a package may have. */
const MEDIA_MAP_MAX = 16_000_000;

/**
 * The package's media map: file name by the number its file has in the zip. Older packages write it
 * as JSON ({"0": "gil.png"}); current ones as zstd-compressed protobuf (MediaEntries: repeated
 * entries, field 1, each with its name in field 1; an entry's place in the list is its number).
 * An unreadable map leaves the cards importable without their media.
 */
export function mediaNames(map: Uint8Array | undefined): [string, string][] {
  if (!map?.length) return [];
  if (map[0] === 0x7b /* "{" */) {
    try {
      return Object.entries(JSON.parse(new TextDecoder().decode(map)) as Record<string, unknown>).flatMap(([index, name]) =>
        typeof name === "string" ? [[index, name] as [string, string]] : [],
      );
    } catch {
      return [];
    }
  }
  const bytes = isZstd(map) ? decompressZstd(map, MEDIA_MAP_MAX) : map;
  if (!bytes) return [];
  try {
    const names: [string, string][] = [];
    for (const entry of protobufFields(bytes)) {
      if (entry.field !== 1 || !entry.bytes) continue;
      const name = protobufFields(entry.bytes).find((f) => f.field === 1 && f.bytes)?.bytes;
      names.push([String(names.length), name ? new TextDecoder().decode(name) : ""]);
    }
    return names.filter(([, name]) => name);
  } catch {
    return [];
  }
}

/** Reads a package. Throws an AppError (for the upload field) that says what is wrong with it. */
export function readAnkiPackage(bytes: Uint8Array): AnkiPackage {
  const zip = openZip(bytes);
  // better-sqlite3 opens files: a private temporary copy, never beside the app's own database.
  const dir = mkdtempSync(path.join(os.tmpdir(), "drill-anki-"));
  const file = path.join(dir, "collection.sqlite");
  try {
    const layout = writeCollection(zip, file);
    const db = openCollection(file);
    let collection: AnkiCollection;
    try {
      collection = readCollectionTables(db, layout, Date.now());
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw refuse("The package's collection isn't laid out as Anki's are (a table or column is missing), so nothing was read.");
    } finally {
      db.close();
    }
    return { layout, ...collection, media: readableMedia(zip) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The package's media files by name, unpacked within the media budget; a file that is missing or
 * won't unpack, or whose name is unsafe, is left out; past the budget, the package is refused.
 */
function readableMedia(zip: Zip): Map<string, Uint8Array> {
  const media = new Map<string, Uint8Array>();
  const mapEntry = zip.entries.get("media");
  const map = mapEntry
    ? unpacking(() => unpackEntryBytes(zip.bytes, mapEntry, zip.budget, "media"), "That zip archive is damaged and can't be opened.")
    : undefined;
  for (const [index, name] of mediaNames(map)) {
    const entry = zip.entries.get(index);
    if (!entry || unsafeName(name)) continue;
    // Newer packages compress each media file with zstd too ("auto" decodes those).
    try {
      media.set(name, unpackEntryBytes(zip.bytes, entry, zip.budget, "media"));
    } catch (error) {
      if (error instanceof BudgetExceeded) throw refuse(ZIP_BOMB_MESSAGE);
      if (!(error instanceof DamagedZip)) throw error;
    }
  }
  return media;
}
