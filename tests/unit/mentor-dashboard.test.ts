// The mentor dashboard's sums, from rows as the queries return them (no database):
// tests/integration/mentoring.test.ts checks the queries that produce the rows.
import { describe, expect, it } from "vitest";
import { Rating } from "@/lib/scheduling/fsrs";
import { emptyDashboard, summariseDashboard, type DashboardRows } from "@/lib/views/mentor-dashboard-summary";

const deck = { id: "d1", slug: "python", title: "Python" };
const card = (id: string, answered = true) => ({
  id,
  slug: `card-${id}`,
  front: `Question ${id}?`,
  back: answered ? "An answer." : "",
  keyPoints: "",
});
const mentee = (userId: string, name: string) => ({
  userId,
  name,
  nickname: "",
  inviteLabel: null,
  joinedAt: new Date("2026-11-01T10:00:00Z"),
});
const { Again: AGAIN, Good: GOOD } = Rating;

function rows(overrides: Partial<DashboardRows> = {}): DashboardRows {
  return {
    deck,
    liveCards: [card("c1"), card("c2"), card("c3"), card("blank", false)],
    mentees: [mentee("ann", "Ann"), mentee("bob", "Bob")],
    started: [],
    overdue: [],
    recent: [],
    monthly: [],
    lastActive: [],
    perCard: [],
    missedPoints: [],
    interviews: [],
    ...overrides,
  };
}

describe("summariseDashboard", () => {
  it("gives each mentee their counts, and retention as the share of ratings that were not Again", () => {
    const lastRating = new Date("2026-11-20T09:00:00Z");
    const dashboard = summariseDashboard(
      rows({
        started: [{ userId: "ann", count: 3 }],
        overdue: [{ userId: "ann", count: 1 }],
        recent: [{ userId: "ann", count: 4 }],
        monthly: [
          { userId: "ann", rating: AGAIN, count: 1 },
          { userId: "ann", rating: GOOD, count: 3 },
        ],
        lastActive: [{ userId: "ann", at: lastRating }],
      }),
    );
    expect(dashboard.totalCards).toBe(4);
    expect(
      dashboard.mentees.map(({ name, started, totalCards, reviews7d, reviews30d, retention30d, overdue, lastActive }) => ({
        name,
        started,
        totalCards,
        reviews7d,
        reviews30d,
        retention30d,
        overdue,
        lastActive,
      })),
    ).toEqual([
      { name: "Ann", started: 3, totalCards: 4, reviews7d: 4, reviews30d: 4, retention30d: 0.75, overdue: 1, lastActive: lastRating },
      // Bob never rated: no retention rather than 0%, and nothing to report.
      { name: "Bob", started: 0, totalCards: 4, reviews7d: 0, reviews30d: 0, retention30d: null, overdue: 0, lastActive: null },
    ]);
    expect(dashboard.hasReviews).toBe(true);
  });

  it("orders the hardest cards by mentees failing, then Again ratings, then deck order, and says who failed them", () => {
    const dashboard = summariseDashboard(
      rows({
        perCard: [
          // c1: one mentee failed it three times.
          { cardId: "c1", userId: "ann", rating: AGAIN, count: 3 },
          // c2: both failed it once; Bob also knew it once.
          { cardId: "c2", userId: "ann", rating: AGAIN, count: 1 },
          { cardId: "c2", userId: "bob", rating: AGAIN, count: 1 },
          { cardId: "c2", userId: "bob", rating: GOOD, count: 1 },
          // c3: known by everyone who saw it.
          { cardId: "c3", userId: "bob", rating: GOOD, count: 2 },
        ],
      }),
    );
    expect(
      dashboard.cards.map(({ cardId, menteesFailed, menteesReviewed, againCount, reviews, missedBy }) => ({
        cardId,
        menteesFailed,
        menteesReviewed,
        againCount,
        reviews,
        missedBy,
      })),
    ).toEqual([
      { cardId: "c2", menteesFailed: 2, menteesReviewed: 2, againCount: 2, reviews: 3, missedBy: ["Ann", "Bob"] },
      { cardId: "c1", menteesFailed: 1, menteesReviewed: 1, againCount: 3, reviews: 3, missedBy: ["Ann"] },
      { cardId: "c3", menteesFailed: 0, menteesReviewed: 1, againCount: 0, reviews: 2, missedBy: [] },
    ]);
  });

  it("keeps a tie in deck order", () => {
    const tie = [
      { cardId: "c3", userId: "ann", rating: AGAIN, count: 1 },
      { cardId: "c1", userId: "ann", rating: AGAIN, count: 1 },
    ];
    expect(summariseDashboard(rows({ perCard: tie })).cards.map((c) => c.cardId)).toEqual(["c1", "c3"]);
  });

  it("lists a blank card apart, never among the hard ones, even when rated", () => {
    const dashboard = summariseDashboard(rows({ perCard: [{ cardId: "blank", userId: "ann", rating: AGAIN, count: 5 }] }));
    expect(dashboard.cards).toEqual([]);
    expect(dashboard.blankCards).toEqual([{ slug: "card-blank", front: "Question blank?" }]);
  });

  it("shows each card's three most missed key points, in the tally's order", () => {
    const point = (cardId: string, n: number) => ({ cardId, point: `point ${n}`, missed: 10 - n, shown: 10 });
    const dashboard = summariseDashboard(
      rows({
        perCard: [{ cardId: "c1", userId: "ann", rating: GOOD, count: 1 }],
        missedPoints: [point("c1", 1), point("c1", 2), point("c2", 1), point("c1", 3), point("c1", 4)],
      }),
    );
    expect(dashboard.cards[0]!.missedPoints.map((p) => p.point)).toEqual(["point 1", "point 2", "point 3"]);
  });

  it("gives each mentee only their own shared interviews", () => {
    const interview = (userId: string) => ({
      userId,
      at: new Date("2026-12-10T09:00:00Z"),
      timeZone: "UTC",
      target: 0.9,
      now: 0.5,
      onPlan: 0.7,
    });
    const dashboard = summariseDashboard(rows({ interviews: [interview("bob")] }));
    expect(dashboard.mentees.map((m) => m.interviews.length)).toEqual([0, 1]);
  });
});

describe("emptyDashboard", () => {
  it("shows a deck without mentees with its cards and blank cards, and no reviews", () => {
    expect(emptyDashboard(deck, [card("c1"), card("blank", false)])).toEqual({
      deck,
      totalCards: 2,
      mentees: [],
      cards: [],
      blankCards: [{ slug: "card-blank", front: "Question blank?" }],
      hasReviews: false,
    });
  });
});
