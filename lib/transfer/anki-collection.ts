// The rows of an exported Anki collection (schema 11), made from a deck's cards, their rendered
// fields and, with history, the learner's card states and ratings: the note type, deck and options
// JSON of the col row, a note and a card per Drill card, a revlog row per rating. Pure (no database,
// no files): lib/transfer/anki-export.ts reads what goes in and writes what comes out.
import { createHash } from "node:crypto";
import { State } from "../scheduling/fsrs";
import { FIELD_SEPARATOR } from "./anki-schema";
import { DAY_MS } from "../time";

/** Anki caps an answer's recorded time at a minute. */
const ANKI_MAX_ANSWER_MS = 60_000;
export const NOTE_TYPE_ID = 1_700_000_000_000;
/** The exported deck's id in the collection (1 is Anki's Default deck). */
export const DECK_ID = NOTE_TYPE_ID + 1;
/** Anki's review-log kinds: learning, review, relearning (by the card's state before the rating). */
const REVLOG_KIND: Record<number, number> = { [State.New]: 0, [State.Learning]: 0, [State.Review]: 1, [State.Relearning]: 2 };

/** A field's text without markup, for Anki's sort field and duplicate checksum. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** A rendered field with the deck's images (`/media/<id>`) pointing at their names in the package, as Anki's fields do. */
export function withImageNames(html: string, imageNames: ReadonlyMap<string, string>): string {
  return html.replace(/(<img[^>]*\ssrc=")(\/media\/[^"]+)"/g, (whole, start: string, src: string) => {
    const name = imageNames.get(src);
    return name ? `${start}${name.replace(/"/g, "&quot;")}"` : whole;
  });
}

/** Unique, stable integer ids from times in ms: a clash moves to the next free millisecond. */
function idMaker() {
  const taken = new Set<number>();
  return (ms: number) => {
    let id = ms;
    while (taken.has(id)) id++;
    taken.add(id);
    return id;
  };
}

function basicNoteType(deckId: number, nowSecs: number) {
  const field = (name: string, ord: number) => ({ name, ord, sticky: false, rtl: false, font: "Arial", size: 20, media: [] });
  return {
    id: NOTE_TYPE_ID,
    name: "Basic",
    type: 0,
    mod: nowSecs,
    usn: -1,
    sortf: 0,
    did: deckId,
    tmpls: [
      { name: "Card 1", ord: 0, qfmt: "{{Front}}", afmt: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}", did: null, bqfmt: "", bafmt: "" },
    ],
    flds: [field("Front", 0), field("Back", 1)],
    css: ".card {\n  font-family: arial;\n  font-size: 20px;\n  text-align: left;\n  color: black;\n  background-color: white;\n}\npre { text-align: left; }\n",
    latexPre:
      "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
    latexPost: "\\end{document}",
    latexsvg: false,
    req: [[0, "any", [0]]],
    tags: [],
    vers: [],
  };
}

function deckEntry(id: number, name: string, nowSecs: number) {
  return {
    id,
    name,
    mod: nowSecs,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: "",
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  };
}

const DECK_OPTIONS = {
  id: 1,
  name: "Default",
  mod: 0,
  usn: 0,
  maxTaken: 60,
  autoplay: true,
  timer: 0,
  replayq: true,
  dyn: false,
  new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
  rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
  lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
};

/** A Drill card as exported: its id, creation time (the note's id comes from it) and tags. */
export interface ExportedCard {
  id: string;
  createdAt: Date;
  tags: string[];
}

/** A learner's state of a card, as the export reads it. */
export interface ExportedState {
  cardId: string;
  state: number;
  due: Date;
  scheduledDays: number;
  stability: number;
  difficulty: number;
  lastReview: Date | null;
  reps: number;
  lapses: number;
  suspended: boolean;
  buriedUntil: Date | null;
}

/** A learner's rating, with the card's state before it. */
export interface ExportedRating {
  cardId: string;
  rating: number;
  reviewedAt: Date;
  durationMs: number;
  nextDue: Date;
  state: number;
}

export interface CollectionInput {
  title: string;
  cards: ExportedCard[];
  /** Each card's front and back as rendered HTML, in the order of `cards`. */
  fields: (readonly [front: string, back: string])[];
  /** The learner's states and ratings (ratings oldest first); empty without history. */
  states: ExportedState[];
  ratings: ExportedRating[];
  /** The desired retention Anki's FSRS carries on with. */
  desiredRetention: number;
  now: Date;
}

/** The columns of Anki's tables that an export fills (the rest are constants in the INSERTs). */
export interface AnkiCollectionRows {
  col: { crt: number; mod: number; scm: number; conf: string; models: string; decks: string; dconf: string };
  notes: { id: number; guid: string; mid: number; mod: number; tags: string; flds: string; sfld: string; csum: number }[];
  cards: {
    id: number;
    nid: number;
    did: number;
    mod: number;
    type: number;
    queue: number;
    due: number;
    ivl: number;
    reps: number;
    lapses: number;
    left: number;
    data: string;
  }[];
  revlog: { id: number; cid: number; ease: number; ivl: number; lastIvl: number; time: number; type: number }[];
}

export function ankiCollectionRows(input: CollectionInput): AnkiCollectionRows {
  const nowMs = input.now.getTime();
  const nowSecs = Math.floor(nowMs / 1000);
  // Anki counts review days from the collection's creation: the day of the first rating, or today.
  const firstMs = Math.min(nowMs, ...input.ratings.slice(0, 1).map((l) => l.reviewedAt.getTime()));
  const crtMs = Math.floor(firstMs / DAY_MS) * DAY_MS;
  const conf = {
    nextPos: input.cards.length + 1,
    estTimes: true,
    activeDecks: [DECK_ID],
    sortType: "noteFld",
    timeLim: 0,
    sortBackwards: false,
    addToCur: true,
    curDeck: DECK_ID,
    newBury: true,
    newSpread: 0,
    dueCounts: true,
    curModel: NOTE_TYPE_ID,
    collapseTime: 1200,
  };
  const col = {
    crt: crtMs / 1000,
    mod: nowMs,
    scm: nowMs,
    conf: JSON.stringify(conf),
    models: JSON.stringify({ [NOTE_TYPE_ID]: basicNoteType(DECK_ID, nowSecs) }),
    decks: JSON.stringify({
      1: deckEntry(1, "Default", nowSecs),
      [DECK_ID]: deckEntry(DECK_ID, input.title.replace(/::/g, ":"), nowSecs),
    }),
    dconf: JSON.stringify({ 1: DECK_OPTIONS }),
  };
  const { notes, cards, ankiCardIds } = noteAndCardRows(input, crtMs, nowSecs);
  return { col, notes, cards, revlog: revlogRows(input.ratings, ankiCardIds) };
}

/** A note and a card per Drill card: the card new, or carrying on the learner's schedule and FSRS memory. */
function noteAndCardRows(input: CollectionInput, crtMs: number, nowSecs: number) {
  const stateByCard = new Map(input.states.map((s) => [s.cardId, s]));
  const noteId = idMaker();
  const ankiCardIds = new Map<string, number>();
  const notes: AnkiCollectionRows["notes"] = [];
  const cards: AnkiCollectionRows["cards"] = [];
  input.cards.forEach((card, position) => {
    const [front, back] = input.fields[position]!;
    const id = noteId(card.createdAt.getTime());
    ankiCardIds.set(card.id, id);
    const sortField = plainText(front);
    const checksum = parseInt(createHash("sha1").update(sortField).digest("hex").slice(0, 8), 16);
    const guid = createHash("sha1").update(`drill:${card.id}`).digest("base64url").slice(0, 10);
    const tags = card.tags.length ? ` ${card.tags.join(" ")} ` : "";
    notes.push({
      id,
      guid,
      mid: NOTE_TYPE_ID,
      mod: nowSecs,
      tags,
      flds: `${front}${FIELD_SEPARATOR}${back}`,
      sfld: sortField,
      csum: checksum,
    });

    const state = stateByCard.get(card.id);
    let type = 0;
    let queue = 0;
    let due = position + 1;
    let interval = 0;
    let data = "";
    if (state && state.state !== State.New) {
      type = state.state;
      const learning = state.state === State.Learning || state.state === State.Relearning;
      queue = learning ? 1 : 2;
      due = learning ? Math.floor(state.due.getTime() / 1000) : Math.round((state.due.getTime() - crtMs) / DAY_MS);
      interval = learning ? 0 : Math.max(1, state.scheduledDays);
      // Anki 23.10 and later keep FSRS's memory per card: with FSRS on there, it carries on from it.
      data = JSON.stringify({
        s: Number(state.stability.toFixed(4)),
        d: Number(state.difficulty.toFixed(4)),
        dr: input.desiredRetention,
        ...(state.lastReview ? { lrt: Math.floor(state.lastReview.getTime() / 1000) } : {}),
      });
    }
    if (state?.suspended) queue = -1;
    else if (state?.buriedUntil && state.buriedUntil > input.now) queue = -2;
    cards.push({
      id,
      nid: id,
      did: DECK_ID,
      mod: nowSecs,
      type,
      queue,
      due,
      ivl: interval,
      reps: state?.reps ?? 0,
      lapses: state?.lapses ?? 0,
      left: queue === 1 ? 1 : 0,
      data,
    });
  });
  return { notes, cards, ankiCardIds };
}

/** A revlog row per rating of an exported card, its interval as Anki counts them and the one before it. */
function revlogRows(ratings: ExportedRating[], ankiCardIds: ReadonlyMap<string, number>): AnkiCollectionRows["revlog"] {
  const reviewId = idMaker();
  const lastInterval = new Map<number, number>();
  const rows: AnkiCollectionRows["revlog"] = [];
  for (const log of ratings) {
    const cid = ankiCardIds.get(log.cardId);
    if (cid === undefined) continue;
    const gapMs = log.nextDue.getTime() - log.reviewedAt.getTime();
    // Anki's intervals: days, or negative seconds below a day.
    const interval = gapMs >= DAY_MS ? Math.round(gapMs / DAY_MS) : -Math.max(1, Math.round(gapMs / 1000));
    rows.push({
      id: reviewId(log.reviewedAt.getTime()),
      cid,
      ease: log.rating,
      ivl: interval,
      lastIvl: lastInterval.get(cid) ?? 0,
      time: Math.min(ANKI_MAX_ANSWER_MS, Math.max(0, log.durationMs)),
      type: REVLOG_KIND[log.state] ?? 0,
    });
    lastInterval.set(cid, interval);
  }
  return rows;
}
