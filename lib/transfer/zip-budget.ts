// Unpacking an uploaded zip with a budget on what it produces, not on what it claims: each entry,
// stored or deflated, and the zstd stream inside it are read as streams, and the bytes they produce are
// counted as they come, so a package is stopped as soon as it passes its budget (a zip bomb, or a small
// stored entry holding a zstd stream that expands to gigabytes). The caps (documented in the README's
// "Importing from Anki"): the collection at most 500 MB, the media at most 200 MB in all, and everything
// together at most 50 times the upload (never less than 64 MB, for small packages of empty pages).
import { Inflate } from "fflate";
import { Decompress } from "fzstd";

export const UNPACK_LIMITS = {
  collection: 500_000_000,
  media: 200_000_000,
  uploadRatio: 50,
  floor: 64_000_000,
  /** zstd's own decoder refuses windows past 2^27 unless told otherwise; a window is memory held at once. */
  zstdWindow: 2 ** 27,
} as const;

export const ZIP_BOMB_MESSAGE = "The package would unpack to far more than its size (a zip bomb?), so it wasn't opened.";

/** Thrown when a budget runs out; anki-package.ts turns it into the zip-bomb refusal. */
export class BudgetExceeded extends Error {
  constructor(readonly what: string) {
    super(`${what}: over budget`);
  }
}

export class DamagedZip extends Error {}

/** The bytes an unpacking may still produce, in all and for one kind (collection, media). */
export class UnpackBudget {
  private spent = 0;
  private readonly spentByKind = new Map<string, number>();
  constructor(
    readonly total: number,
    private readonly caps: Record<string, number>,
  ) {}

  static forUpload(uploadBytes: number): UnpackBudget {
    const total = Math.max(UNPACK_LIMITS.floor, UNPACK_LIMITS.uploadRatio * uploadBytes);
    return new UnpackBudget(total, { collection: UNPACK_LIMITS.collection, media: UNPACK_LIMITS.media });
  }

  take(bytes: number, kind: string): void {
    this.spent += bytes;
    const byKind = (this.spentByKind.get(kind) ?? 0) + bytes;
    this.spentByKind.set(kind, byKind);
    if (this.spent > this.total || byKind > (this.caps[kind] ?? Infinity)) throw new BudgetExceeded(kind);
  }

  remaining(kind: string): number {
    return Math.min(this.total - this.spent, (this.caps[kind] ?? Infinity) - (this.spentByKind.get(kind) ?? 0));
  }
}

export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated. */
  method: number;
  compressedSize: number;
  /** The size the zip claims it unpacks to: a claim, checked early; what it produces is what is counted. */
  declaredSize: number;
  /** Where the entry's local header starts. */
  headerOffset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** The entries listed by the zip's central directory (ZIP64 isn't needed for uploads under 4 GB and is refused). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  // The end-of-central-directory record: in the last 22 bytes plus a comment of up to 64 KB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--)
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) throw new DamagedZip("no end of central directory");
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new DamagedZip("bad central directory entry");
    const nameLength = u16(bytes, at + 28);
    const entry = {
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      declaredSize: u32(bytes, at + 24),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      headerOffset: u32(bytes, at + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.headerOffset === 0xffffffff) throw new DamagedZip("ZIP64");
    entries.push(entry);
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** An entry's compressed bytes, as its local header places them. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.headerOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw new DamagedZip("bad local header");
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length) throw new DamagedZip("entry past the end");
  return bytes.subarray(start, start + entry.compressedSize);
}

const CHUNK = 16_384;
const isZstd = (b: Uint8Array) => b.length >= 4 && b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd;

/**
 * The largest window any zstd frame in `data` asks for, read from the frame headers alone (each
 * block's header gives its length, so frames are walked without decoding). fzstd allocates a frame's
 * window up front, so an oversize one is refused before it is decoded.
 */
export function largestZstdWindow(data: Uint8Array): number {
  let at = 0;
  let largest = 0;
  while (at + 4 <= data.length) {
    const magic = u32(data, at);
    if ((magic & 0xfffffff0) === 0x184d2a50) {
      at += 8 + u32(data, at + 4); // a skippable frame
      continue;
    }
    if (magic !== 0xfd2fb528 || at + 6 > data.length) return largest; // not zstd: its decoder says so
    const descriptor = data[at + 4]!;
    const singleSegment = (descriptor >> 5) & 1;
    const dictBytes = [0, 1, 2, 4][descriptor & 3]!;
    const sizeFlag = descriptor >> 6;
    const sizeBytes = sizeFlag ? 1 << sizeFlag : singleSegment;
    let window: number;
    let pos = at + 5;
    if (singleSegment) {
      let size = 0;
      for (let i = 0; i < sizeBytes; i++) size += data[pos + dictBytes + i]! * 2 ** (8 * i);
      window = size + (sizeFlag === 1 ? 256 : 0);
    } else {
      const w = data[pos]!;
      const base = 2 ** (10 + (w >> 3));
      window = base + (base / 8) * (w & 7);
      pos += 1;
    }
    largest = Math.max(largest, window);
    pos += dictBytes + sizeBytes;
    for (;;) {
      if (pos + 3 > data.length) return largest;
      const header = data[pos]! | (data[pos + 1]! << 8) | (data[pos + 2]! << 16);
      const type = (header >> 1) & 3;
      pos += 3 + (type === 1 ? 1 : header >>> 3);
      if (header & 1) break;
    }
    at = pos + ((descriptor >> 2) & 1 ? 4 : 0);
  }
  return largest;
}

/**
 * Unpacks one entry (inflating it if deflated, then decoding the zstd stream inside when `zstd` says
 * so: "auto" decodes one that starts with zstd's magic number), handing each chunk to `sink` and
 * charging it to `budget` under `kind` first. Throws BudgetExceeded past the budget, DamagedZip when
 * the entry doesn't unpack.
 */
export function unpackEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: UnpackBudget,
  kind: string,
  sink: (chunk: Uint8Array) => void,
  zstd: boolean | "auto" = "auto",
): void {
  const charged = (chunk: Uint8Array) => {
    budget.take(chunk.length, kind);
    sink(chunk);
  };
  let decoder: Decompress | null = null;
  let head: Uint8Array = new Uint8Array(0);
  let decided = zstd === false;
  // The zip entry's output: buffered until its first bytes say whether it is zstd, then streamed.
  const fromZip = (chunk: Uint8Array, final: boolean) => {
    if (!decided) {
      head = concat(head, chunk);
      if (head.length < 4 && !final) return;
      decided = true;
      if (zstd === true || isZstd(head)) decoder = new Decompress((out) => charged(out));
      chunk = head;
    }
    if (decoder) {
      for (let i = 0; i < chunk.length || (final && i === 0); i += CHUNK)
        decoder.push(chunk.subarray(i, i + CHUNK), final && i + CHUNK >= chunk.length);
    } else if (chunk.length) charged(chunk);
  };
  const data = entryData(bytes, entry);
  if (entry.method !== 0 && entry.method !== 8) throw new DamagedZip(`compression method ${entry.method}`);
  // A zstd stream stored whole (Anki stores its zstd files): its windows are checked before decoding.
  if (
    entry.method === 0 &&
    (zstd === true || (zstd === "auto" && isZstd(data))) &&
    largestZstdWindow(data) > Math.min(UNPACK_LIMITS.zstdWindow, budget.remaining(kind))
  )
    throw new BudgetExceeded(kind);
  try {
    if (entry.method === 0) fromZip(data, true);
    else {
      // Copied: the inflater reuses its buffer, and the zstd decoder may hold on to what it is given.
      const inflate = new Inflate((out, final) => fromZip(out.slice(), final));
      if (data.length === 0) inflate.push(data, true);
      for (let i = 0; i < data.length; i += CHUNK) inflate.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    }
  } catch (error) {
    if (error instanceof BudgetExceeded) throw error;
    throw new DamagedZip(error instanceof Error ? error.message : "does not unpack");
  }
}

/** A zstd stream decoded whole, or null when it doesn't decode or would pass `max` bytes. */
export function decompressZstd(data: Uint8Array, max: number): Uint8Array | null {
  if (largestZstdWindow(data) > Math.min(UNPACK_LIMITS.zstdWindow, max)) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const decoder = new Decompress((out) => {
    size += out.length;
    if (size > max) throw new BudgetExceeded("zstd");
    chunks.push(out.slice());
  });
  try {
    for (let i = 0; i < data.length || i === 0; i += CHUNK) decoder.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  } catch {
    return null;
  }
  return chunks.reduce(concat, new Uint8Array(0));
}

/** An entry unpacked whole (for the small ones: the media map, one media file). */
export function unpackEntryBytes(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: UnpackBudget,
  kind: string,
  zstd: boolean | "auto" = "auto",
): Uint8Array {
  const chunks: Uint8Array[] = [];
  unpackEntry(bytes, entry, budget, kind, (chunk) => chunks.push(chunk.slice()), zstd);
  return chunks.reduce(concat, new Uint8Array(0));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
