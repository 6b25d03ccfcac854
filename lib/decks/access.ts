// Who may do what with a deck: the one place deck access is decided. Pages ask `can(role, action)`
// to show a control; queries put `decksWhere(viewer, action)` in their `where`. Both read the same
// table, so a control is shown exactly when the write behind it would be allowed.
//
// Roles, strongest first:
//   owner   - created the deck: everything, including sharing and deleting it
//   editor  - a co-editor the owner added: edits cards
//   mentee  - joined through an invite link: studies the deck, shares progress on it with the mentor.
//             Only while the deck is shared: on a private deck ("only you and co-editors") a mentee
//             has no role; their own review history stays theirs, and the role returns if the
//             owner shares the deck again.
//   public  - anyone (signed in or not) when the deck is public: browses and, signed in, studies it
//   none    - everyone else: the deck does not exist for them
//
// A deck a user may not touch looks exactly like a deck that does not exist.
import type { Viewer } from "../accounts/viewer";
import type { Prisma } from "../generated/sqlite/client";

// Re-exported: the domains above take a Viewer wherever they ask this table.
export type { Viewer };

export type DeckRole = "owner" | "editor" | "mentee" | "public" | "none";

export type DeckAction =
  | "view" // see the deck and its cards
  | "study" // add it to one's study, rate its cards
  | "copy" // copy it into a deck of one's own
  | "editCards" // add, edit, reorder, retire cards; edit title and description
  | "viewMentees" // the mentor dashboard: progress of the mentees who joined through the viewer's invites
  | "manageSharing" // visibility, invite links, editors, removing mentees
  | "deleteDeck"
  | "leave"; // stop being a mentee (the deck leaves one's study; history stays)

const ALLOWED: Record<DeckAction, readonly DeckRole[]> = {
  view: ["owner", "editor", "mentee", "public"],
  study: ["owner", "editor", "mentee", "public"],
  copy: ["owner", "editor", "mentee", "public"],
  editCards: ["owner", "editor"],
  viewMentees: ["owner"],
  manageSharing: ["owner"],
  deleteDeck: ["owner"],
  leave: ["mentee"],
};

/** Whether a role may take an action. Signed-out visitors only ever view public decks. */
export function can(role: DeckRole, action: DeckAction, signedIn = true): boolean {
  if (!signedIn) return role === "public" && action === "view";
  return ALLOWED[action].includes(role);
}

/** The viewer's role on a deck, from the deck's owner, visibility and the viewer's membership. */
export function roleOf(
  deck: { ownerId: string | null; visibility: string },
  viewer: Viewer | null,
  membership: { role: string } | null,
): DeckRole {
  if (viewer && deck.ownerId === viewer.id) return "owner";
  if (viewer && membership?.role === "editor") return "editor";
  if (viewer && membership?.role === "mentee" && deck.visibility !== "private") return "mentee";
  return deck.visibility === "public" ? "public" : "none";
}

/** Each role as a condition on a deck row, for the viewer. */
function roleWhere(role: Exclude<DeckRole, "none">, viewer: Viewer): Prisma.DeckWhereInput {
  switch (role) {
    case "owner":
      return { ownerId: viewer.id };
    case "editor":
      return { members: { some: { userId: viewer.id, role } } };
    case "mentee":
      return { visibility: { not: "private" }, members: { some: { userId: viewer.id, role } } };
    case "public":
      return { visibility: "public" };
  }
}

/**
 * A filter no deck passes. (Not `OR: []`: Prisma reads an empty OR as "no condition" when it sits
 * inside an AND, which would let every deck through.)
 */
export const NO_DECK = { id: { in: [] } } as const satisfies Prisma.DeckWhereInput;

/** The decks on which the viewer may take `action`: the table above as a `where` filter. */
export function decksWhere(viewer: Viewer | null, action: DeckAction): Prisma.DeckWhereInput {
  // Signed out, only public decks can be viewed.
  if (!viewer) return can("public", action, false) ? { deletedAt: null, visibility: "public" } : NO_DECK;
  const roles = ALLOWED[action].filter((r): r is Exclude<DeckRole, "none"> => r !== "none");
  if (roles.length === 0) return NO_DECK;
  return { deletedAt: null, OR: roles.map((role) => roleWhere(role, viewer)) };
}

/** Decks the viewer may browse: public ones, their own, and those they edit or joined as a mentee. */
export function browsableDecks(viewer: Viewer | null): Prisma.DeckWhereInput {
  return decksWhere(viewer, "view");
}

/** Decks the user studies and may still see: the only decks whose cards they can rate or bury. */
export function studiedDecks(viewer: Viewer): Prisma.DeckWhereInput {
  return { AND: [decksWhere(viewer, "study"), { studies: { some: { userId: viewer.id } } }] };
}

/** Decks whose cards the viewer may edit: their own, and those they co-edit. */
export function editableDecks(viewer: Viewer): Prisma.DeckWhereInput {
  return decksWhere(viewer, "editCards");
}

/** Decks whose sharing the viewer manages, and that they may delete: their own. */
export function ownedDecks(viewer: Viewer): Prisma.DeckWhereInput {
  return decksWhere(viewer, "manageSharing");
}

// ---------- live cards ----------

/** Cards still in their deck. Retired cards are gone from study and browsing; history keeps them. */
export const liveCard = { retiredAt: null } as const satisfies Prisma.CardWhereInput;

/** A deck's live-card count, as a `select` fragment: `select: { ..., ...liveCardCount }`. */
export const liveCardCount = { _count: { select: { cards: { where: liveCard } } } } as const;
