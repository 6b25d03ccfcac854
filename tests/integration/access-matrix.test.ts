// Who may do what with a deck, end to end through the domain modules. One world for the whole file:
// an invite-link deck D with its owner, a co-editor, a mentee who joined through an invite link, a
// removed mentee, a signed-in stranger, the owner (and mentor) of another deck, and signed-out
// visitors. Every action is tried by every role; a refusal must look exactly like the same call on a
// deck or card that does not exist (same AppError code and message, or the same empty result), and
// must change nothing. Tests in this file run in order and share the world: scenarios that change it
// put it back, and deleting the deck comes last.
//
// Longer than 300 lines on purpose: the matrix reads best as one table of every role against every
// action in one shared world; split, each file would have to rebuild that world.
import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/decks/access";
import { copyDeck, deleteDeck, getEditableDeck, listEditableDecks, updateDeck } from "@/lib/decks/authoring";
import {
  addCard,
  getEditableCard,
  listEditableCards,
  moveCard,
  retireCard,
  updateCard,
  type CardFormInput,
} from "@/lib/decks/card-authoring";
import { db } from "@/lib/server/db";
import { getDigestSettings, saveDigestSettings } from "@/lib/reminders/digest-settings";
import { addQuestions } from "@/lib/transfer/paste-questions";
import { getCard, getDeck, listDeckCards, listPublicDecks } from "@/lib/decks/browse";
import { AppError } from "@/lib/server/errors";
import { listHistory } from "@/lib/review/history";
import { recordRating } from "@/lib/review/rating/record";
import { loadStudySession } from "@/lib/review/session";
import { buryCard } from "@/lib/review/set-aside";
import { startStudying } from "@/lib/review/studying";
import {
  inviteEditor,
  createInvite,
  getSharing,
  joinDeck,
  leaveDeck,
  membershipOf,
  previewInvite,
  removeEditor,
  removeMentee,
  revokeInvite,
  setVisibility,
} from "@/lib/decks/sharing";
import { exportUserData } from "@/lib/transfer/transfer";
import { makeDeck, makeUser } from "./helpers";

// ---------- time ----------

const T0 = new Date("2026-03-02T12:00:00Z");
const at = (days: number, hours = 0) => new Date(T0.getTime() + days * 86_400_000 + hours * 3_600_000);

// ---------- the world ----------

type Role = "owner" | "editor" | "mentee" | "removed mentee" | "stranger" | "other mentor" | "signed out";
const ROLES: Role[] = ["owner", "editor", "mentee", "removed mentee", "stranger", "other mentor", "signed out"];
type User = Viewer & { email: string };
type Card = { id: string; slug: string };

interface World {
  owner: User;
  editor: User;
  mentee: User;
  removed: User;
  stranger: User;
  otherMentor: User;
  deck: { id: string; title: string };
  card1: Card;
  card2: Card;
  invite: { id: string; token: string };
  expiring: { id: string; token: string };
  revoked: { id: string; token: string };
  otherDeck: { id: string };
}

let w: World;

function actor(role: Role): User | null {
  const users: Record<Role, User | null> = {
    owner: w.owner,
    editor: w.editor,
    mentee: w.mentee,
    "removed mentee": w.removed,
    stranger: w.stranger,
    "other mentor": w.otherMentor,
    "signed out": null,
  };
  return users[role];
}

async function inviteRow(token: string) {
  return db.deckInvite.findUniqueOrThrow({ where: { token }, select: { id: true, token: true } });
}

async function versionOf(userId: string, cardId: string): Promise<number> {
  const row = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } }, select: { version: true } });
  return row?.version ?? 0;
}

async function rate(who: Viewer, cardId: string, now: Date, rating: 1 | 2 | 3 | 4 = 3) {
  const input = { clientId: randomUUID(), cardId, rating, expectedVersion: await versionOf(who.id, cardId), durationMs: 4_000 };
  return recordRating(who, input, now);
}

/** A mentee as joinDeck makes one, written directly so it works whatever the deck's visibility. */
async function enrolMentee(userId: string) {
  await db.deckMember.create({ data: { deckId: w.deck.id, userId, role: "mentee", invitedById: w.owner.id } });
  await db.deckStudy.upsert({ where: { userId_deckId: { userId, deckId: w.deck.id } }, create: { userId, deckId: w.deck.id }, update: {} });
}

const nowhere = () => `missing-${randomUUID()}`;
const ORIGIN = "http://localhost:3000";

/** A co-editor as the owner makes one: an invitation by email, accepted by its addressee. */
async function coEditor(owner: User, deckId: string, editor: User) {
  await inviteEditor(owner, deckId, editor.email, ORIGIN);
  const invitation = await db.deckInvite.findFirstOrThrow({ where: { deckId, role: "editor", email: editor.email, acceptedAt: null } });
  await joinDeck(editor, invitation.token);
}
const freshToken = () => randomBytes(18).toString("base64url");
const sameCard1: CardFormInput = { front: "Question 0?", back: "Answer 0", tags: ["basics"] };

beforeAll(async () => {
  const [owner, editor, mentee, removed, stranger, otherMentor] = await Promise.all(
    ["owner", "editor", "mentee", "removed", "stranger", "other-mentor"].map((label) => makeUser(label)),
  );
  const deck = await makeDeck(owner!.id, { visibility: "link", cards: 2 });
  const [card1, card2] = await db.card.findMany({
    where: { deckId: deck.id },
    orderBy: { position: "asc" },
    select: { id: true, slug: true },
  });

  await coEditor(owner!, deck.id, editor!);
  const { token } = await createInvite(owner!, deck.id, { label: "class of 2026" }, T0);
  expect(await joinDeck(mentee!, token, at(0, 1))).toEqual({ deckId: deck.id });
  await joinDeck(removed!, token, at(0, 1));
  // the removed mentee studied before being removed: their history must stay, their access must not
  expect(await rate(removed!, card1!.id, at(0, 2))).toMatchObject({ status: "saved" });
  await removeMentee(owner!, deck.id, removed!.id);

  // the other deck's owner mentors the same mentee there
  const otherDeck = await makeDeck(otherMentor!.id, { visibility: "link" });
  const other = await createInvite(otherMentor!, otherDeck.id, { label: "" }, T0);
  await joinDeck(mentee!, other.token, at(0, 1));

  const expiring = await createInvite(owner!, deck.id, { label: "one week", expiresInDays: 7 }, T0);
  const revoked = await createInvite(owner!, deck.id, { label: "sent by mistake" }, T0);
  const revokedRow = await inviteRow(revoked.token);
  await revokeInvite(owner!, revokedRow.id, at(0, 1));

  w = {
    owner: owner!,
    editor: editor!,
    mentee: mentee!,
    removed: removed!,
    stranger: stranger!,
    otherMentor: otherMentor!,
    deck: { id: deck.id, title: deck.title },
    card1: card1!,
    card2: card2!,
    invite: await inviteRow(token),
    expiring: await inviteRow(expiring.token),
    revoked: revokedRow,
    otherDeck: { id: otherDeck.id },
  };
});

// ---------- outcomes ----------

type Outcome = { ok: unknown } | { error: { code: string; message: string } };

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: await run() };
  } catch (error) {
    if (error instanceof AppError) return { error: { code: error.code, message: error.message } };
    throw error;
  }
}

/** What a call on something that doesn't exist answers: null, nothing, or not_found. */
function expectAbsent(absent: Outcome) {
  if ("error" in absent) expect(absent.error.code).toBe("not_found");
  else expect(absent.ok === null || (Array.isArray(absent.ok) && absent.ok.length === 0)).toBe(true);
}

/** Everything about the deck a refused call might have changed. */
async function snapshot() {
  const deckId = w.deck.id;
  const [deck, cards, members, invites, studies, states, logs, decks, digests] = await Promise.all([
    db.deck.findUniqueOrThrow({
      where: { id: deckId },
      select: { title: true, description: true, visibility: true, deletedAt: true, ownerId: true, updatedAt: true },
    }),
    db.card.findMany({
      where: { deckId },
      orderBy: { id: "asc" },
      select: { id: true, front: true, back: true, position: true, retiredAt: true, resetAt: true, updatedAt: true },
    }),
    db.deckMember.findMany({
      where: { deckId },
      orderBy: { userId: "asc" },
      select: { userId: true, role: true, invitedById: true, joinedAt: true },
    }),
    db.deckInvite.findMany({ where: { deckId }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true, expiresAt: true } }),
    db.deckStudy.findMany({ where: { deckId }, orderBy: { userId: "asc" }, select: { userId: true } }),
    db.cardState.findMany({
      where: { deckId },
      orderBy: [{ userId: "asc" }, { cardId: "asc" }],
      select: { userId: true, cardId: true, version: true, buriedUntil: true },
    }),
    db.reviewLog.count({ where: { card: { deckId } } }),
    db.deck.count(),
    db.mentorDigest.findMany({ where: { deckId }, orderBy: { userId: "asc" }, select: { userId: true, enabled: true, updatedAt: true } }),
  ]);
  return { deck, cards, members, invites, studies, states, logs, decks, digests };
}

// ---------- the actions ----------

type Mode = "link" | "private" | "public";

interface Row {
  action: string;
  /** Roles allowed on a private or invite-link deck. */
  allowed: Role[];
  /** Whether anyone signed in may do it on a public deck (signed-out visitors: only the view rows). */
  publicToo?: boolean;
  /** The function accepts a signed-out viewer (null). */
  signedOut?: boolean;
  /** The call against deck D (or its cards); `allowed` is what the role is expected to get. */
  attempt: (who: User | null, allowed: boolean, now: Date, mode: Mode) => Promise<unknown>;
  /** The same call naming a deck, card or invite that does not exist. */
  missing: (who: User | null, now: Date) => Promise<unknown>;
  /** An allowed call that answers with this AppError code rather than succeeding (a rule, not access). */
  allowedError?: (mode: Mode) => string | undefined;
  /** Puts the world back after an allowed call. */
  restore?: (who: Viewer) => Promise<void>;
}

const MEMBERS: Role[] = ["owner", "editor", "mentee"];
const EDITORS: Role[] = ["owner", "editor"];
const OWNER: Role[] = ["owner"];

const ROWS: Row[] = [
  {
    action: "view deck (getDeck)",
    allowed: MEMBERS,
    publicToo: true,
    signedOut: true,
    attempt: (who) => getDeck(w.deck.id, who),
    missing: (who) => getDeck(nowhere(), who),
  },
  {
    action: "view card (getCard)",
    allowed: MEMBERS,
    publicToo: true,
    signedOut: true,
    attempt: (who) => getCard(w.deck.id, w.card1.slug, who),
    missing: (who) => getCard(nowhere(), w.card1.slug, who),
  },
  {
    action: "list cards (listDeckCards)",
    allowed: MEMBERS,
    publicToo: true,
    signedOut: true,
    attempt: (who) => listDeckCards(w.deck.id, {}, who),
    missing: (who) => listDeckCards(nowhere(), {}, who),
  },
  {
    action: "study (startStudying)",
    allowed: MEMBERS,
    publicToo: true,
    attempt: (who) => startStudying(who!, w.deck.id),
    missing: (who) => startStudying(who!, nowhere()),
  },
  {
    action: "rate a card (recordRating)",
    allowed: MEMBERS,
    publicToo: true,
    attempt: async (who, allowed, now) => {
      if (allowed) await startStudying(who!, w.deck.id);
      const result = await rate(who!, w.card1.id, now);
      if (allowed) expect(result.status).toBe("saved");
      return result;
    },
    missing: (who, now) =>
      recordRating(who!, { clientId: randomUUID(), cardId: nowhere(), rating: 3, expectedVersion: 0, durationMs: 4_000 }, now),
  },
  {
    action: "bury a card (buryCard)",
    allowed: MEMBERS,
    publicToo: true,
    attempt: async (who, allowed, now) => {
      if (allowed) await startStudying(who!, w.deck.id);
      return buryCard(who!, w.card2.id, now);
    },
    missing: (who, now) => buryCard(who!, nowhere(), now),
  },
  {
    action: "copy deck (copyDeck)",
    allowed: MEMBERS,
    publicToo: true,
    attempt: async (who, allowed) => {
      const copy = await copyDeck(who!, w.deck.id);
      if (allowed) expect(await getEditableDeck(who!, copy.id)).toMatchObject({ role: "owner", visibility: "private" });
      return copy;
    },
    missing: (who) => copyDeck(who!, nowhere()),
  },
  {
    action: "open the deck editor (getEditableDeck)",
    allowed: EDITORS,
    attempt: (who) => getEditableDeck(who!, w.deck.id),
    missing: (who) => getEditableDeck(who!, nowhere()),
  },
  {
    action: "list cards for editing (listEditableCards)",
    allowed: EDITORS,
    attempt: (who) => listEditableCards(who!, w.deck.id),
    missing: (who) => listEditableCards(who!, nowhere()),
  },
  {
    action: "open the card editor (getEditableCard)",
    allowed: EDITORS,
    attempt: (who) => getEditableCard(who!, w.card1.id),
    missing: (who) => getEditableCard(who!, nowhere()),
  },
  {
    action: "edit deck (updateDeck)",
    allowed: EDITORS,
    attempt: (who) => updateDeck(who!, w.deck.id, { title: w.deck.title, description: `Edited by ${who!.id}` }),
    missing: (who) => updateDeck(who!, nowhere(), { title: w.deck.title, description: "Edited" }),
  },
  {
    action: "add card (addCard)",
    allowed: EDITORS,
    attempt: (who) => addCard(who!, w.deck.id, { front: `Added by ${who!.id}?`, back: "", tags: [] }),
    missing: (who) => addCard(who!, nowhere(), { front: "Added?", back: "", tags: [] }),
  },
  {
    action: "edit card (updateCard)",
    allowed: EDITORS,
    attempt: async (who, allowed, now) => {
      const result = await updateCard(who!, w.card1.id, sameCard1, now);
      if (allowed) expect(result).toEqual({ reset: 0 });
      return result;
    },
    missing: (who, now) => updateCard(who!, nowhere(), sameCard1, now),
  },
  {
    action: "move card (moveCard)",
    allowed: EDITORS,
    attempt: async (who, allowed) => {
      await moveCard(who!, w.card1.id, "down");
      if (allowed) expect((await listDeckCards(w.deck.id, {}, who)).map((c) => c.id).slice(0, 2)).toEqual([w.card2.id, w.card1.id]);
    },
    missing: (who) => moveCard(who!, nowhere(), "down"),
    restore: (who) => moveCard(who, w.card1.id, "up"),
  },
  {
    action: "retire card (retireCard)",
    allowed: EDITORS,
    attempt: async (who, allowed, now) => {
      // an allowed editor retires a card added for the purpose; a refused one tries a real card
      const target = allowed
        ? (await addCard(w.owner, w.deck.id, { front: `To retire ${randomUUID()}?`, back: "", tags: [] })).id
        : w.card1.id;
      await retireCard(who!, target, now);
      if (allowed) expect(await getEditableCard(w.owner, target)).toBeNull();
    },
    missing: (who, now) => retireCard(who!, nowhere(), now),
  },
  {
    action: "paste questions (addQuestions)",
    allowed: EDITORS,
    attempt: async (who, allowed) => {
      const result = await addQuestions(who!, w.deck.id, "What is a list?\nWhat is a tuple?");
      if (allowed) expect(result).toEqual({ added: 2, answered: 0 });
      return result;
    },
    missing: (who) => addQuestions(who!, nowhere(), "What is a list?\nWhat is a tuple?"),
  },
  {
    action: "delete deck (deleteDeck)",
    allowed: OWNER,
    attempt: async (who, allowed, now) => {
      // the owner deletes a deck of their own made for the purpose: deleting D comes last in this file
      const target = allowed ? (await makeDeck(w.owner.id, { visibility: "link" })).id : w.deck.id;
      await deleteDeck(who!, target, now);
      if (allowed) expect(await getDeck(target, who)).toBeNull();
    },
    missing: (who, now) => deleteDeck(who!, nowhere(), now),
  },
  {
    action: "set visibility (setVisibility)",
    allowed: OWNER,
    attempt: async (who, allowed, _now, mode) => {
      // the owner sets it to what it is; anyone else tries to change it
      await setVisibility(who!, w.deck.id, allowed ? mode : mode === "public" ? "private" : "public");
    },
    missing: (who) => setVisibility(who!, nowhere(), "public"),
  },
  {
    action: "create invite (createInvite)",
    allowed: OWNER,
    attempt: async (who, _allowed, now) => {
      const { openedToLinks } = await createInvite(who!, w.deck.id, { label: `made ${randomUUID()}` }, now);
      // On a private deck the owner's link opens it to invite links in the same step: the matrix
      // puts it back, so the rows after this one still test a private deck.
      if (openedToLinks) {
        expect((await db.deck.findUniqueOrThrow({ where: { id: w.deck.id } })).visibility).toBe("link");
        await setVisibility(who!, w.deck.id, "private");
      }
    },
    missing: (who, now) => createInvite(who!, nowhere(), { label: "made" }, now),
  },
  {
    action: "revoke invite (revokeInvite)",
    allowed: OWNER,
    attempt: async (who, allowed, now) => {
      const target = allowed
        ? (await db.deckInvite.create({ data: { token: freshToken(), deckId: w.deck.id, createdById: w.owner.id }, select: { id: true } }))
            .id
        : w.invite.id;
      await revokeInvite(who!, target, now);
    },
    missing: (who, now) => revokeInvite(who!, nowhere(), now),
  },
  {
    action: "invite a co-editor (inviteEditor)",
    allowed: OWNER,
    attempt: async (who) => {
      const someone = await makeUser("would-be-editor");
      await inviteEditor(who!, w.deck.id, someone.email, ORIGIN);
    },
    missing: (who) => inviteEditor(who!, nowhere(), w.stranger.email, ORIGIN),
  },
  {
    action: "remove editor (removeEditor)",
    allowed: OWNER,
    attempt: async (who, allowed) => {
      let target = w.editor.id;
      if (allowed) {
        const extra = await makeUser("extra-editor");
        await coEditor(w.owner, w.deck.id, extra);
        target = extra.id;
      }
      await removeEditor(who!, w.deck.id, target);
    },
    missing: (who) => removeEditor(who!, nowhere(), w.editor.id),
  },
  {
    action: "remove mentee (removeMentee)",
    allowed: OWNER,
    attempt: async (who, allowed) => {
      let target = w.mentee.id;
      if (allowed) {
        const extra = await makeUser("extra-mentee");
        await enrolMentee(extra.id);
        target = extra.id;
      }
      await removeMentee(who!, w.deck.id, target);
    },
    missing: (who) => removeMentee(who!, nowhere(), w.mentee.id),
  },
  {
    action: "view weekly digest (getDigestSettings)",
    allowed: OWNER,
    attempt: (who) => getDigestSettings(who!, w.deck.id),
    missing: (who) => getDigestSettings(who!, nowhere()),
  },
  {
    action: "save weekly digest (saveDigestSettings)",
    allowed: OWNER,
    attempt: (who) => saveDigestSettings(who!, { deckId: w.deck.id, enabled: true, weekday: 1, hour: 8 }),
    missing: (who) => saveDigestSettings(who!, { deckId: nowhere(), enabled: true, weekday: 1, hour: 8 }),
  },
  {
    action: "view sharing (getSharing)",
    allowed: OWNER,
    attempt: (who) => getSharing(who!, w.deck.id),
    missing: (who) => getSharing(who!, nowhere()),
  },
  {
    action: "leave deck (leaveDeck)",
    allowed: ["mentee"],
    attempt: async (who, allowed) => {
      await leaveDeck(who!, w.deck.id);
      if (allowed) {
        expect(await membershipOf(who!, w.deck.id)).toBeNull();
        expect(await db.deckStudy.count({ where: { userId: who!.id, deckId: w.deck.id } })).toBe(0);
      }
    },
    missing: (who) => leaveDeck(who!, nowhere()),
    // the mentee comes back (as joining again would make them), so later rows see the same world
    restore: (who) => enrolMentee(who.id),
  },
];

function expectedAllowed(row: Row, role: Role, mode: Mode | "deleted"): boolean {
  if (mode === "deleted") return false;
  // Private means only the owner and co-editors: mentees have no role while it lasts.
  if (mode === "private" && role === "mentee") return false;
  if (row.allowed.includes(role)) return true;
  return mode === "public" && Boolean(row.publicToo);
}

async function check(row: Row, role: Role, allowed: boolean, now: Date, mode: Mode) {
  const who = actor(role);
  const absent = await outcome(() => row.missing(who, now));
  expectAbsent(absent);
  if (allowed) {
    const got = await outcome(() => row.attempt(who, true, now, mode));
    const code = row.allowedError?.(mode);
    if (code) {
      expect(got).toMatchObject({ error: { code } });
    } else {
      expect(got).not.toHaveProperty("error");
      expect(got).not.toEqual(absent);
      if (row.restore) await row.restore(who!);
    }
    return;
  }
  const before = await snapshot();
  const got = await outcome(() => row.attempt(who, false, now, mode));
  expect(got).toEqual(absent);
  expect(await snapshot()).toEqual(before);
}

function matrix(mode: Mode, now: Date) {
  for (const row of ROWS) {
    describe(row.action, () => {
      for (const role of ROLES) {
        if (role === "signed out" && !row.signedOut) continue;
        const allowed = expectedAllowed(row, role, mode);
        it(`${role}: ${allowed ? "allowed" : "refused, as if the deck did not exist"}`, async () => {
          await check(row, role, allowed, now, mode);
        });
      }
    });
  }
}

// ---------- the tests ----------

describe("the world", () => {
  it("is as built: sharing shows the co-editor and the mentee, not the removed mentee", async () => {
    const sharing = await getSharing(w.owner, w.deck.id);
    expect(sharing?.visibility).toBe("link");
    expect(sharing?.editors.map((e) => e.userId)).toEqual([w.editor.id]);
    expect(sharing?.mentees.map((m) => m.userId)).toEqual([w.mentee.id]);
    expect(await membershipOf(w.editor, w.deck.id)).toEqual({ role: "editor" });
    expect(await membershipOf(w.mentee, w.deck.id)).toEqual({ role: "mentee" });
    expect(await membershipOf(w.removed, w.deck.id)).toBeNull();
    expect(await membershipOf(w.stranger, w.deck.id)).toBeNull();
    // the other deck's mentor sees their own mentee there, and nothing of D
    expect((await getSharing(w.otherMentor, w.otherDeck.id))?.mentees.map((m) => m.userId)).toEqual([w.mentee.id]);
    expect(await getSharing(w.otherMentor, w.deck.id)).toBeNull();
  });
});

describe("on an invite-link deck", () => {
  matrix("link", at(0, 3));
});

describe("invite links", () => {
  it("show the deck to whoever holds a usable link, with their relation to it", async () => {
    const now = at(0, 4);
    const already = async (who: User | null) => (await previewInvite(w.invite.token, who, now))?.already;
    expect(await already(w.owner)).toBe("owner");
    expect(await already(w.editor)).toBe("editor");
    expect(await already(w.mentee)).toBe("mentee");
    expect(await already(w.removed)).toBeNull();
    expect(await already(w.stranger)).toBeNull();
    expect(await already(w.otherMentor)).toBeNull();
    expect(await already(null)).toBeNull();
    expect(await previewInvite(w.invite.token, null, now)).toMatchObject({ deck: { id: w.deck.id }, mentorName: "owner" });
  });

  it("stop working once expired", async () => {
    expect(await previewInvite(w.expiring.token, w.stranger, at(6, 23))).toMatchObject({ deck: { id: w.deck.id } });
    const expired = at(7, 1);
    expect(await previewInvite(w.expiring.token, w.stranger, expired)).toBeNull();
    expect(await previewInvite(w.expiring.token, null, expired)).toBeNull();
    const refused = await outcome(() => joinDeck(w.stranger, w.expiring.token, expired));
    expect(refused).toEqual(await outcome(() => joinDeck(w.stranger, freshToken(), expired)));
    expect(refused).toMatchObject({ error: { code: "not_found" } });
    expect(await membershipOf(w.stranger, w.deck.id)).toBeNull();
    expect(await getDeck(w.deck.id, w.stranger)).toBeNull();
  });

  it("stop working once revoked, and only the deck's owner can revoke them", async () => {
    const now = at(0, 4);
    expect(await previewInvite(w.revoked.token, w.stranger, now)).toBeNull();
    const refused = await outcome(() => joinDeck(w.stranger, w.revoked.token, now));
    expect(refused).toEqual(await outcome(() => joinDeck(w.stranger, freshToken(), now)));
    expect(refused).toMatchObject({ error: { code: "not_found" } });
    expect(await membershipOf(w.stranger, w.deck.id)).toBeNull();
    // revoking again, or revoking another deck's invite, answers like an invite that doesn't exist
    const absent = await outcome(() => revokeInvite(w.owner, nowhere(), now));
    expect(await outcome(() => revokeInvite(w.owner, w.revoked.id, now))).toEqual(absent);
    const otherInvite = await db.deckInvite.findFirstOrThrow({ where: { deckId: w.otherDeck.id }, select: { id: true } });
    expect(await outcome(() => revokeInvite(w.owner, otherInvite.id, now))).toEqual(absent);
  });
});

describe("a removed mentee", () => {
  it("loses the invite-link deck but keeps their own history", async () => {
    const now = at(0, 5);
    expect(await getDeck(w.deck.id, w.removed)).toBeNull();
    expect(await listDeckCards(w.deck.id, {}, w.removed)).toEqual([]);
    expect((await loadStudySession(w.removed, { deckId: w.deck.id }, now)).queue).toEqual({ ready: [], waiting: [] });
    expect((await loadStudySession(w.removed, {}, now)).queue).toEqual({ ready: [], waiting: [] });
    expect(await db.deckStudy.count({ where: { userId: w.removed.id, deckId: w.deck.id } })).toBe(0);
    expect((await listHistory(w.removed, 1)).total).toBe(1);
    expect((await getSharing(w.owner, w.deck.id))?.mentees.map((m) => m.userId)).not.toContain(w.removed.id);
  });

  // Their /history and /api/export showed the card's current question, edits made after the removal included.
  it("sees the question they answered, never what the mentor writes after the removal", async () => {
    await updateCard(w.owner, w.card1.id, { ...sameCard1, front: "A wording written after the removal?" });
    try {
      const history = await listHistory(w.removed, 1);
      expect(history.entries.map((e) => [e.question, e.card])).toEqual([["Question 0?", null]]);
      const exported = JSON.stringify(await exportUserData(w.removed));
      expect(exported).toContain("Question 0?");
      expect(exported).not.toContain("written after the removal");
    } finally {
      await updateCard(w.owner, w.card1.id, sameCard1);
    }
  });
});

describe("when the deck is made private", () => {
  beforeAll(async () => {
    await setVisibility(w.owner, w.deck.id, "private");
  });

  it("its invite links stop working", async () => {
    const now = at(1, 1);
    expect(await previewInvite(w.invite.token, w.stranger, now)).toBeNull();
    expect(await previewInvite(w.invite.token, null, now)).toBeNull();
    const refused = await outcome(() => joinDeck(w.stranger, w.invite.token, now));
    expect(refused).toEqual(await outcome(() => joinDeck(w.stranger, freshToken(), now)));
    expect(refused).toMatchObject({ error: { code: "not_found" } });
    expect(await membershipOf(w.stranger, w.deck.id)).toBeNull();
  });

  // "Private: only you and co-editors" used to leave mentees reading answers and rating.
  it("the mentee who joined loses access to it, and keeps their own history", async () => {
    const now = at(1, 1);
    expect(await getDeck(w.deck.id, w.mentee)).toBeNull();
    expect(await getCard(w.deck.id, w.card1.slug, w.mentee)).toBeNull();
    expect((await loadStudySession(w.mentee, { deckId: w.deck.id }, now)).queue).toEqual({ ready: [], waiting: [] });
    const refused = await outcome(() => rate(w.mentee, w.card2.id, now));
    expect(refused).toMatchObject({ error: { code: "not_found" } });
    expect((await listHistory(w.mentee, 1)).total).toBeGreaterThan(0);
  });

  // the same matrix: a private deck grants the owner and co-editors what an invite-link deck does
  matrix("private", at(1, 2));
});

describe("when the deck is made public", () => {
  beforeAll(async () => {
    await setVisibility(w.owner, w.deck.id, "link"); // from private, as the owner would
    await setVisibility(w.owner, w.deck.id, "public");
  });

  it("it is listed among public decks", async () => {
    expect((await listPublicDecks()).map((d) => d.id)).toContain(w.deck.id);
  });

  // strangers (and anyone else signed in) view, study and copy it, but still don't edit or manage it
  matrix("public", at(2, 2));

  it("back to an invite link, the stranger's study of it no longer counts", async () => {
    const now = at(2, 3);
    await setVisibility(w.owner, w.deck.id, "link");
    expect(await db.deckStudy.count({ where: { userId: w.stranger.id, deckId: w.deck.id } })).toBe(1);
    expect(await getDeck(w.deck.id, w.stranger)).toBeNull();
    expect(await outcome(() => rate(w.stranger, w.card1.id, now))).toEqual(
      await outcome(() =>
        recordRating(w.stranger, { clientId: randomUUID(), cardId: nowhere(), rating: 3, expectedVersion: 0, durationMs: 1 }, now),
      ),
    );
    expect((await loadStudySession(w.stranger, { deckId: w.deck.id }, now)).queue).toEqual({ ready: [], waiting: [] });
    expect((await listPublicDecks()).map((d) => d.id)).not.toContain(w.deck.id);
  });
});

describe("editing a card that people study", () => {
  it("keeps everyone's progress and shows the new wording; a new question restarts that card only", async () => {
    const cardIds = [w.card1.id, w.card2.id];
    // the mentee and the co-editor have both cards in progress (forgotten: due again within minutes)
    for (const who of [w.mentee, w.editor]) {
      for (const cardId of cardIds) expect(await rate(who, cardId, at(3), 1)).toMatchObject({ status: "saved" });
    }
    const statesOf = (cardId: string) => db.cardState.findMany({ where: { cardId }, orderBy: { userId: "asc" } });
    const logs = () => db.reviewLog.findMany({ where: { cardId: { in: cardIds } }, orderBy: { id: "asc" }, select: { id: true } });
    const [card1States, card2States, logsBefore] = await Promise.all([statesOf(w.card1.id), statesOf(w.card2.id), logs()]);
    for (const states of [card1States, card2States])
      expect(states.map((s) => s.userId)).toEqual(expect.arrayContaining([w.mentee.id, w.editor.id]));
    expect((await getEditableCard(w.editor, w.card1.id))?.learners).toBe(card1States.length);

    // an edit: wording changes, progress doesn't
    const edited: CardFormInput = { front: "What does the GIL protect?", back: "The interpreter's internals.", tags: ["internals"] };
    expect(await updateCard(w.editor, w.card1.id, edited, at(3, 1))).toEqual({ reset: 0 });
    expect(await statesOf(w.card1.id)).toEqual(card1States);
    expect(await statesOf(w.card2.id)).toEqual(card2States);
    expect(await getCard(w.deck.id, w.card1.slug, w.mentee)).toMatchObject({ front: edited.front, back: edited.back, tags: ["internals"] });
    const session = await loadStudySession(w.mentee, { deckId: w.deck.id }, at(4));
    const shown = [...session.queue.ready, ...session.queue.waiting].find((c) => c.cardId === w.card1.id);
    expect(shown).toMatchObject({ front: edited.front, back: edited.back });

    // a new question: that card's progress restarts for everyone; the other card's and all history stay
    const renewed = await updateCard(
      w.editor,
      w.card1.id,
      { ...edited, front: "What does the GIL not protect?", newQuestion: true },
      at(4, 1),
    );
    expect(renewed).toEqual({ reset: card1States.length });
    expect(await statesOf(w.card1.id)).toEqual([]);
    expect(await statesOf(w.card2.id)).toEqual(card2States);
    expect(await logs()).toEqual(logsBefore);
    expect(await db.card.findUniqueOrThrow({ where: { id: w.card1.id }, select: { resetAt: true } })).toEqual({ resetAt: at(4, 1) });
    // the card is new again for the mentee, with the new question
    const after = await loadStudySession(w.mentee, { deckId: w.deck.id }, at(5));
    expect(after.queue.ready.find((c) => c.cardId === w.card1.id)).toMatchObject({ version: 0, front: "What does the GIL not protect?" });
  });
});

describe("a deleted deck", () => {
  let logsBefore: { id: string }[];

  beforeAll(async () => {
    // public first, so that it is the deletion, not the visibility, that hides it from everyone
    await setVisibility(w.owner, w.deck.id, "public");
    logsBefore = await db.reviewLog.findMany({ where: { card: { deckId: w.deck.id } }, orderBy: { id: "asc" }, select: { id: true } });
    expect(logsBefore.length).toBeGreaterThan(0);
    await deleteDeck(w.owner, w.deck.id, at(6));
  });

  for (const row of ROWS) {
    const roles = ROLES.filter((role) => role !== "signed out" || row.signedOut);
    it(`${row.action}: refused to everyone, the owner included`, async () => {
      for (const role of roles) {
        expect(expectedAllowed(row, role, "deleted")).toBe(false);
        await check(row, role, false, at(6, 1), "public");
      }
    });
  }

  it("is gone from every list and its invite links stop working", async () => {
    const now = at(6, 2);
    expect((await listPublicDecks()).map((d) => d.id)).not.toContain(w.deck.id);
    for (const who of [w.owner, w.editor]) expect((await listEditableDecks(who)).map((d) => d.id)).not.toContain(w.deck.id);
    for (const who of [w.owner, w.editor, w.mentee]) {
      expect(await membershipOf(who, w.deck.id)).toBeNull();
      const session = await loadStudySession(who, {}, now);
      expect([...session.queue.ready, ...session.queue.waiting].filter((c) => c.deckId === w.deck.id)).toEqual([]);
    }
    expect(await previewInvite(w.invite.token, w.stranger, now)).toBeNull();
    expect(await outcome(() => joinDeck(w.stranger, w.invite.token, now))).toEqual(
      await outcome(() => joinDeck(w.stranger, freshToken(), now)),
    );
  });

  it("keeps its learners' review history", async () => {
    expect(await db.reviewLog.findMany({ where: { card: { deckId: w.deck.id } }, orderBy: { id: "asc" }, select: { id: true } })).toEqual(
      logsBefore,
    );
    for (const who of [w.mentee, w.editor, w.removed]) expect((await listHistory(who, 1)).total).toBeGreaterThan(0);
  });
});
