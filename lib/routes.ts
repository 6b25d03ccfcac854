// Every in-app URL that carries an id, built in one place. A deck's URL key is its slug when it has
// one (seeded decks), else its id. Pure, so client components use it too.
//
// Typed routes (next.config.mjs) check literal hrefs against the app's folders; a path built from a
// runtime key can't be checked that way, so each helper here states its route once (`as Route`)
// and every caller gets a checked type.
import type { Route } from "next";

export interface DeckRef {
  id: string;
  slug: string | null;
}

/** A deck's URL key: its slug when it has one (seeded decks), else its id. */
export function deckKey(deck: DeckRef): string {
  return deck.slug ?? deck.id;
}

/** A deck, or a URL key already in hand (from the route's params). */
type DeckLike = DeckRef | string;
const key = (deck: DeckLike) => encodeURIComponent(typeof deck === "string" ? deck : deckKey(deck));

/** What a study session is limited to or made of; every part is optional (none: today's whole queue). */
export interface StudySession {
  /** Today's queue of one deck. */
  deck?: DeckLike;
  /** A custom session: the cards due soonest after today. */
  ahead?: boolean;
  /** A custom session: drill one tag's cards. */
  tag?: string;
}

export const paths = {
  /** The review screen, with its session in the query (`?ahead=1&tag=…&deck=…`). */
  study: ({ deck, ahead, tag }: StudySession = {}) => {
    const search = new URLSearchParams();
    if (ahead) search.set("ahead", "1");
    if (tag) search.set("tag", tag);
    if (deck) search.set("deck", typeof deck === "string" ? deck : deckKey(deck));
    return `/study${search.size ? `?${search}` : ""}` as Route;
  },
  /** A deck's page; `query` (search, tag) is added when set. */
  deck: (deck: DeckLike, query: Record<string, string | undefined> = {}) => {
    const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
    return `/decks/${key(deck)}${search.size ? `?${search}` : ""}` as Route;
  },
  deckEdit: (deck: DeckLike) => `/decks/${key(deck)}/edit` as Route,
  deckSharing: (deck: DeckLike) => `/decks/${key(deck)}/sharing` as Route,
  deckDashboard: (deck: DeckLike) => `/decks/${key(deck)}/dashboard` as Route,
  menteeDetail: (deck: DeckLike, userId: string) => `/decks/${key(deck)}/dashboard/${encodeURIComponent(userId)}` as Route,
  /** A mentee's shared own answer, as their mentor reads it and gives feedback. */
  sharedAnswer: (deck: DeckLike, answerId: string) => `/decks/${key(deck)}/dashboard/answers/${encodeURIComponent(answerId)}` as Route,
  /** The deck's download: the Markdown deck file, CSV, or an Anki package (with the learner's own history). */
  deckExport: (deck: DeckLike, format: "md" | "csv" | "apkg" | "apkg-history" = "md") =>
    (format === "md"
      ? `/decks/${key(deck)}/export`
      : format === "apkg-history"
        ? `/decks/${key(deck)}/export?format=apkg&history=1`
        : `/decks/${key(deck)}/export?format=${format}`) as Route,
  newCard: (deck: DeckLike) => `/decks/${key(deck)}/cards/new` as Route,
  card: (deck: DeckLike, cardSlug: string) => `/decks/${key(deck)}/cards/${encodeURIComponent(cardSlug)}` as Route,
  cardEdit: (deck: DeckLike, cardSlug: string) => `/decks/${key(deck)}/cards/${encodeURIComponent(cardSlug)}/edit` as Route,
  /** The learner's own answer to a card: where they write it; `returnTo` (a study session) is where saving goes back to. */
  cardAnswer: (deck: DeckLike, cardSlug: string, returnTo?: string) =>
    `/decks/${key(deck)}/cards/${encodeURIComponent(cardSlug)}/answer${returnTo ? `?return=${encodeURIComponent(returnTo)}` : ""}` as Route,
  /** All the learner's own answers; `q` searches them. */
  answers: (q?: string) => `/answers${q ? `?q=${encodeURIComponent(q)}` : ""}` as Route,
  answersExport: "/answers/export" as Route,
  interviews: "/interviews" as Route,
  interview: (id: string) => `/interviews/${encodeURIComponent(id)}` as Route,
  interviewEdit: (id: string) => `/interviews/${encodeURIComponent(id)}/edit` as Route,
  interviewMock: (id: string) => `/interviews/${encodeURIComponent(id)}/mock` as Route,
  interviewCalendar: (id: string) => `/interviews/${encodeURIComponent(id)}/calendar` as Route,
  join: (token: string) => `/join/${encodeURIComponent(token)}` as Route,
  /** Sign in (or up), then come back to `returnTo`. */
  signIn: (returnTo: string) => `/sign-in?next=${encodeURIComponent(returnTo)}` as Route,
  signUp: (returnTo: string) => `/sign-up?next=${encodeURIComponent(returnTo)}` as Route,
};
