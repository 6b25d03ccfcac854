import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getMenteeDetail, setMenteeNickname } from "@/lib/decks/mentoring";
import { getMentorDashboard } from "@/lib/views/mentor-dashboard";
import { formatTimeAgo as formatLastActive } from "@/lib/format";
import { insertCardState, insertReviewLog, makeDeck, makeUser } from "./helpers";

const NOW = new Date("2030-06-15T12:00:00Z");
const DAY = 24 * 60 * 60_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

async function cardsOf(deckId: string) {
  const cards = await db.card.findMany({ where: { deckId }, orderBy: { position: "asc" }, select: { id: true, deckId: true, slug: true } });
  return cards;
}

type CardRef = { id: string; deckId: string };

async function review(userId: string, card: CardRef, rating: number, reviewedAt: Date) {
  await insertReviewLog(userId, card, rating, reviewedAt, {
    state: 0,
    durationMs: 4000,
    stability: 0,
    difficulty: 0,
    scheduledDays: 0,
    reps: 0,
  });
}

async function cardState(userId: string, card: CardRef, state: number, due: Date, suspended = false) {
  await insertCardState(userId, card, state, due, { suspended, stability: 2, scheduledDays: 1, reps: 1, lastReview: daysAgo(3) });
}

async function join(deckId: string, userId: string, role: "mentee" | "editor", invitedById: string | null, joinedAt = NOW) {
  await db.deckMember.create({ data: { deckId, userId, role, invitedById, joinedAt } });
}

describe("the mentor dashboard", () => {
  it("shows each of the mentor's own mentees' progress and the cards the group finds hardest", async () => {
    const mentor = await makeUser("mentor");
    const otherMentor = await makeUser("other-mentor");
    const alice = await makeUser("Alice");
    const nameless = await db.user.create({
      data: { email: `nameless-${randomUUID().slice(0, 8)}@example.test` },
      select: { id: true, email: true },
    });
    const theirMentee = await makeUser("their-mentee");
    const orphan = await makeUser("orphan");
    const editor = await makeUser("editor");
    const learner = await makeUser("learner");

    const deck = await makeDeck(mentor.id, { visibility: "public", cards: 5 });
    const [c0, c1, c2, c3, c4] = await cardsOf(deck.id);
    await db.card.update({ where: { id: c3!.id }, data: { retiredAt: daysAgo(50) } });
    const otherDeck = await makeDeck(mentor.id, { cards: 1 });
    const [o0] = await cardsOf(otherDeck.id);

    await join(deck.id, alice.id, "mentee", mentor.id, daysAgo(60));
    await join(deck.id, nameless.id, "mentee", mentor.id, daysAgo(30));
    await join(deck.id, theirMentee.id, "mentee", otherMentor.id, daysAgo(20));
    await join(deck.id, orphan.id, "mentee", null, daysAgo(20));
    await join(deck.id, editor.id, "editor", mentor.id, daysAgo(20));
    await join(otherDeck.id, alice.id, "mentee", mentor.id, daysAgo(60));
    await db.deckStudy.create({ data: { userId: learner.id, deckId: deck.id } });

    // Alice: started c0 (overdue), c1 (past due but suspended), and the retired c3 (not counted).
    await cardState(alice.id, c0!, 2, daysAgo(1));
    await cardState(alice.id, c1!, 1, daysAgo(1), true);
    await cardState(alice.id, c3!, 2, daysAgo(5));
    await review(alice.id, c0!, 1, daysAgo(40)); // outside every window
    await review(alice.id, c1!, 1, daysAgo(10));
    await review(alice.id, c3!, 3, daysAgo(3)); // a retired card: counts as activity, not in the card list
    await review(alice.id, c0!, 1, daysAgo(2));
    await review(alice.id, c0!, 3, daysAgo(1));
    // ...and on another deck, which is none of this dashboard's business.
    await cardState(alice.id, o0!, 2, daysAgo(4));
    await review(alice.id, o0!, 1, daysAgo(0.5));

    // The nameless mentee: c0 still New (not overdue), c1 relearning and past due, c2 not yet due.
    await cardState(nameless.id, c0!, 0, daysAgo(2));
    await cardState(nameless.id, c1!, 3, daysAgo(1));
    await cardState(nameless.id, c2!, 2, daysAgo(-3));
    await review(nameless.id, c2!, 3, daysAgo(20));
    await review(nameless.id, c1!, 1, daysAgo(6));
    await review(nameless.id, c2!, 1, daysAgo(5));
    await review(nameless.id, c2!, 1, daysAgo(4));

    // People who are not this mentor's mentees: their ratings must not move the numbers.
    for (const other of [theirMentee, orphan, editor, learner, mentor]) {
      await cardState(other.id, c4!, 2, daysAgo(1));
      await review(other.id, c4!, 1, daysAgo(1));
      await review(other.id, c0!, 1, daysAgo(1));
      await review(other.id, c0!, 1, daysAgo(1));
    }

    const dashboard = await getMentorDashboard(mentor, deck.id, NOW);
    expect(dashboard).not.toBeNull();
    expect(dashboard!.deck).toEqual({ id: deck.id, slug: null, title: deck.title });
    expect(dashboard!.totalCards).toBe(4);
    expect(dashboard!.hasReviews).toBe(true);
    expect(dashboard!.mentees).toEqual([
      {
        userId: alice.id,
        name: "Alice",
        nickname: "",
        inviteLabel: null,
        joinedAt: daysAgo(60),
        started: 1 + 1, // c0, c1
        totalCards: 4,
        reviews7d: 3, // c3 (3 days), c0 (2 days), c0 (1 day)
        reviews30d: 4,
        retention30d: 0.5, // Again on c1 and c0 among 4
        overdue: 1, // c0
        lastActive: daysAgo(1),
        interviews: [],
      },
      {
        userId: nameless.id,
        name: "Mentee 2",
        nickname: "",
        inviteLabel: null,
        joinedAt: daysAgo(30),
        started: 3,
        totalCards: 4,
        reviews7d: 3,
        reviews30d: 4,
        retention30d: 0.25,
        overdue: 0, // c1 is past due, but in its relearning steps: not a review a day late
        lastActive: daysAgo(4),
        interviews: [],
      },
    ]);
    // c1: both mentees missed it; c2: one mentee, twice; c0: one mentee, once (the 40-day-old miss is
    // out of the window). c4 only has ratings from non-mentees, so nobody reviewed it: left out.
    expect(dashboard!.cards).toEqual([
      {
        cardId: c1!.id,
        slug: "card-1",
        front: "Question 1?",
        menteesFailed: 2,
        menteesReviewed: 2,
        againCount: 2,
        reviews: 2,
        missedPoints: [],
        missedBy: ["Alice", "Mentee 2"],
      },
      {
        cardId: c2!.id,
        slug: "card-2",
        front: "Question 2?",
        menteesFailed: 1,
        menteesReviewed: 1,
        againCount: 2,
        reviews: 3,
        missedPoints: [],
        missedBy: ["Mentee 2"],
      },
      {
        cardId: c0!.id,
        slug: "card-0",
        front: "Question 0?",
        menteesFailed: 1,
        menteesReviewed: 1,
        againCount: 1,
        reviews: 2,
        missedPoints: [],
        missedBy: ["Alice"],
      },
    ]);

    const json = JSON.stringify(dashboard);
    for (const user of [mentor, otherMentor, alice, nameless, theirMentee, orphan, editor, learner]) {
      expect(json).not.toContain(user.email);
    }
    expect(json).not.toContain("@");
    expect(json).not.toContain(theirMentee.id);
    expect(json).not.toContain(learner.id);
  });

  it("does not exist for anyone but the deck's owner", async () => {
    const mentor = await makeUser("mentor");
    const editor = await makeUser("editor");
    const mentee = await makeUser("mentee");
    const stranger = await makeUser("stranger");
    const otherOwner = await makeUser("other-owner");
    const deck = await makeDeck(mentor.id, { visibility: "public" });
    await makeDeck(otherOwner.id);
    await join(deck.id, editor.id, "editor", mentor.id);
    await join(deck.id, mentee.id, "mentee", mentor.id);

    expect(await getMentorDashboard(mentor, deck.id, NOW)).not.toBeNull();
    for (const viewer of [editor, mentee, stranger, otherOwner]) {
      expect(await getMentorDashboard(viewer, deck.id, NOW)).toBeNull();
    }
    // A seeded deck has no owner; a deleted deck is gone for its owner too.
    const seeded = await makeDeck(null, { visibility: "public" });
    expect(await getMentorDashboard(mentor, seeded.id, NOW)).toBeNull();
    await db.deck.update({ where: { id: deck.id }, data: { deletedAt: NOW } });
    expect(await getMentorDashboard(mentor, deck.id, NOW)).toBeNull();
    expect(await getMentorDashboard(mentor, "no-such-deck", NOW)).toBeNull();
  });

  it("lists mentees who have not reviewed yet, and a deck without mentees is empty", async () => {
    const mentor = await makeUser("mentor");
    const mentee = await makeUser("Bo");
    const deck = await makeDeck(mentor.id, { cards: 3 });
    expect(await getMentorDashboard(mentor, deck.id, NOW)).toEqual({
      deck: { id: deck.id, slug: null, title: deck.title },
      totalCards: 3,
      mentees: [],
      cards: [],
      blankCards: [],
      hasReviews: false,
    });

    await join(deck.id, mentee.id, "mentee", mentor.id, daysAgo(1));
    const dashboard = await getMentorDashboard(mentor, deck.id, NOW);
    expect(dashboard!.hasReviews).toBe(false);
    expect(dashboard!.cards).toEqual([]);
    expect(dashboard!.mentees).toEqual([
      {
        userId: mentee.id,
        name: "Bo",
        nickname: "",
        inviteLabel: null,
        joinedAt: daysAgo(1),
        started: 0,
        totalCards: 3,
        reviews7d: 0,
        reviews30d: 0,
        retention30d: null,
        overdue: 0,
        lastActive: null,
        interviews: [],
      },
    ]);
  });

  it("counts a card reset as a new question from the reset on, in the card list only", async () => {
    const mentor = await makeUser("mentor");
    const mentee = await makeUser("mentee");
    const deck = await makeDeck(mentor.id, { cards: 1 });
    const [card] = await cardsOf(deck.id);
    await join(deck.id, mentee.id, "mentee", mentor.id, daysAgo(20));
    await review(mentee.id, card!, 1, daysAgo(10));
    await db.card.update({ where: { id: card!.id }, data: { resetAt: daysAgo(5) } });
    await review(mentee.id, card!, 3, daysAgo(2));

    const dashboard = await getMentorDashboard(mentor, deck.id, NOW);
    expect(dashboard!.cards).toEqual([
      {
        cardId: card!.id,
        slug: "card-0",
        front: "Question 0?",
        menteesFailed: 0,
        menteesReviewed: 1,
        againCount: 0,
        reviews: 1,
        missedPoints: [],
        missedBy: [],
      },
    ]);
    expect(dashboard!.mentees[0]).toMatchObject({ reviews30d: 2, retention30d: 0.5, lastActive: daysAgo(2) });
  });
});

describe("a mentor's view of one mentee", () => {
  it("names them by the mentor's nickname, shows the invite they used, their activity and misses; others see nothing", async () => {
    const mentor = await makeUser("mentor");
    const mentee = await db.user.create({ data: { email: `quiet-${randomUUID().slice(0, 8)}@example.test` }, select: { id: true } });
    const deck = await makeDeck(mentor.id, { cards: 2 });
    const [c0, c1] = await cardsOf(deck.id);
    await db.card.update({ where: { id: c1!.id }, data: { back: "" } });
    const invite = await db.deckInvite.create({ data: { token: randomUUID(), deckId: deck.id, createdById: mentor.id, label: "for Sam" } });
    await db.deckMember.create({
      data: { deckId: deck.id, userId: mentee.id, role: "mentee", invitedById: mentor.id, inviteId: invite.id },
    });
    await review(mentee.id, c0!, 1, daysAgo(2));
    await review(mentee.id, c0!, 3, daysAgo(1));

    let dashboard = await getMentorDashboard(mentor, deck.id, NOW);
    expect(dashboard!.mentees[0]).toMatchObject({ name: "for Sam", inviteLabel: "for Sam", nickname: "" });
    expect(dashboard!.blankCards).toEqual([{ slug: "card-1", front: "Question 1?" }]);
    await setMenteeNickname(mentor, deck.id, mentee.id, "Sam K.");
    dashboard = await getMentorDashboard(mentor, deck.id, NOW);
    expect(dashboard!.mentees[0]).toMatchObject({ name: "Sam K.", nickname: "Sam K." });
    expect(dashboard!.cards[0]!.missedBy).toEqual(["Sam K."]);

    const detail = await getMenteeDetail(mentor, deck.id, mentee.id, NOW);
    expect(detail).toMatchObject({ name: "Sam K.", inviteLabel: "for Sam", missed: [{ cardSlug: "card-0", again: 1 }] });
    expect(detail!.recent.map((r) => r.rating)).toEqual([3, 1]);

    const stranger = await makeUser("stranger");
    expect(await getMenteeDetail(stranger, deck.id, mentee.id, NOW)).toBeNull();
    await expect(setMenteeNickname(stranger, deck.id, mentee.id, "x")).rejects.toThrow();
    expect(await getMenteeDetail(mentor, deck.id, stranger.id, NOW)).toBeNull();
  });
});

describe("formatLastActive", () => {
  it("says how long ago, or never", () => {
    expect(formatLastActive(null, NOW)).toBe("never");
    expect(formatLastActive(new Date(NOW.getTime() - 20_000), NOW)).toBe("just now");
    expect(formatLastActive(new Date(NOW.getTime() - 5 * 60_000), NOW)).toBe("5 minutes ago");
    expect(formatLastActive(daysAgo(1), NOW)).toBe("yesterday");
    expect(formatLastActive(daysAgo(3), NOW)).toBe("3 days ago");
    expect(formatLastActive(daysAgo(15), NOW)).toBe("2 weeks ago");
    expect(formatLastActive(daysAgo(-1), NOW)).toBe("just now");
  });
});
