// Reading an Anki package (.apkg, or a .colpkg collection): the zip checked entry by entry before
// anything is unpacked (names, sizes, counts), the collection found in whichever layout Anki wrote
// (collection.anki21b: zstd-compressed, the current default; collection.anki21; collection.anki2,
// legacy; a package whose only collection is the "please update Anki" stub is refused), then its
// note types, notes, cards and review log read from a private temporary copy. Nothing is written.
import "server-only";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { decompress } from "fzstd";
import { AppError } from "../server/errors";
import { protobufFields } from "./protobuf";
import { openCollection, readCollectionTables, type AnkiCollection, type AnkiLayout } from "./anki-tables";

/** What an upload may be, and what it may unpack to: a real collection with media fits; a zip bomb doesn't. */
export const APKG_MAX_BYTES = 100_000_000;
const UNPACKED_MAX_BYTES = 400_000_000;
const ENTRIES_MAX = 50_000;
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

function unpack(bytes: Uint8Array): Record<string, Uint8Array> {
  if (bytes.length > APKG_MAX_BYTES)
    throw refuse(`That file is over ${APKG_MAX_BYTES / 1_000_000} MB: export fewer decks from Anki at a time.`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04)
    throw refuse("That isn't an Anki package: an .apkg or .colpkg file is a zip archive, and this isn't one.");
  let entries = 0;
  let unpacked = 0;
  let problem: string | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        entries++;
        unpacked += file.originalSize;
        if (unsafeName(file.name))
          problem ??= `The package holds a file with an unsafe name ("${file.name.slice(0, 60)}"), so it wasn't opened.`;
        else if (entries > ENTRIES_MAX) problem ??= `The package holds more than ${ENTRIES_MAX.toLocaleString("en")} files.`;
        else if (unpacked > UNPACKED_MAX_BYTES || file.originalSize > 200 * Math.max(1, file.size))
          problem ??= "The package would unpack to far more than its size (a zip bomb?), so it wasn't opened.";
        return problem === null;
      },
    });
  } catch {
    throw refuse("That zip archive is damaged and can't be opened.");
  }
  if (problem) throw refuse(problem);
  // The declared sizes are the package's word; the unpacked bytes are the truth.
  const total = Object.values(files).reduce((sum, f) => sum + f.length, 0);
  if (total > UNPACKED_MAX_BYTES) throw refuse("The package would unpack to far more than its size (a zip bomb?), so it wasn't opened.");
  return files;
}

const SQLITE_HEADER = "SQLite format 3\0";

function collectionBytes(files: Record<string, Uint8Array>): { layout: AnkiLayout; bytes: Uint8Array } {
  if (files["collection.anki21b"]) {
    try {
      return { layout: "anki21b", bytes: decompress(files["collection.anki21b"]) };
    } catch {
      throw refuse("The package's collection (collection.anki21b) is damaged: it doesn't decompress.");
    }
  }
  if (files["collection.anki21"]) return { layout: "anki21", bytes: files["collection.anki21"] };
  if (files["collection.anki2"]) return { layout: "anki2", bytes: files["collection.anki2"] };
  throw refuse("That zip has no Anki collection in it (collection.anki21b, .anki21 or .anki2).");
}

const isZstd = (bytes: Uint8Array) => bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd;

function tryDecompress(bytes: Uint8Array): Uint8Array | null {
  try {
    return decompress(bytes);
  } catch {
    return null;
  }
}

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
  const bytes = isZstd(map) ? tryDecompress(map) : map;
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
  const files = unpack(bytes);
  const { layout, bytes: sqlite } = collectionBytes(files);
  if (sqlite.length < 100 || new TextDecoder().decode(sqlite.subarray(0, 16)) !== SQLITE_HEADER)
    throw refuse(`The package's collection (${layout}) isn't an Anki database: it is damaged or not from Anki.`);

  // better-sqlite3 opens files: a private temporary copy, never beside the app's own database.
  const dir = mkdtempSync(path.join(os.tmpdir(), "drill-anki-"));
  const file = path.join(dir, "collection.sqlite");
  try {
    writeFileSync(file, sqlite);
    const db = openCollection(file);
    try {
      return { layout, ...readCollectionTables(db, layout, Date.now()), media: readableMedia(files) };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw refuse("The package's collection isn't laid out as Anki's are (a table or column is missing), so nothing was read.");
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The package's media files by name, unpacked; a file that is missing or won't unpack, or whose name is unsafe, is left out. */
function readableMedia(files: Record<string, Uint8Array>): Map<string, Uint8Array> {
  const media = new Map<string, Uint8Array>();
  for (const [index, name] of mediaNames(files.media)) {
    const data = files[index];
    if (!data || unsafeName(name)) continue;
    // Newer packages compress each media file with zstd too.
    const unpacked = isZstd(data) ? tryDecompress(data) : data;
    if (unpacked) media.set(name, unpacked);
  }
  return media;
}
