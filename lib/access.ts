// Who may do what with a deck: the one place deck access is decided.
//
// Roles, strongest first:
//   owner   - created the deck: everything, including sharing and deleting it
//   editor  - a co-editor the owner added: edits cards
//   mentee  - joined through an invite link: studies the deck, shares progress on it with the mentor
//   public  - anyone (signed in or not) when the deck is public: browses and, signed in, studies it
//   none    - everyone else: the deck does not exist for them
//
// Every query that reads or changes a deck puts one of the filters below in its `where`, so a deck a
// user may not touch looks exactly like a deck that does not exist.
import type { Prisma } from "./generated/sqlite/client";

export interface Viewer {
  id: string;
}

export type DeckRole = "owner" | "editor" | "mentee" | "public" | "none";

export type DeckAction =
  | "view" // see the deck and its cards
  | "study" // add it to one's study, rate its cards
  | "copy" // copy it into a deck of one's own
  | "editCards" // add, edit, reorder, retire cards; edit title and description
  | "viewMentees" // the mentor dashboard: progress of the mentees who joined through the viewer's invites
  | "manageSharing" // visibility, invite links, editors, removing mentees
  | "deleteDeck";

const ALLOWED: Record<DeckAction, readonly DeckRole[]> = {
  view: ["owner", "editor", "mentee", "public"],
  study: ["owner", "editor", "mentee", "public"],
  copy: ["owner", "editor", "mentee", "public"],
  editCards: ["owner", "editor"],
  viewMentees: ["owner"],
  manageSharing: ["owner"],
  deleteDeck: ["owner"],
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
  if (viewer && membership?.role === "mentee") return "mentee";
  return deck.visibility === "public" ? "public" : "none";
}

/** Decks the viewer may browse: public ones, their own, and those they edit or joined as a mentee. */
export function browsableDecks(viewer: Viewer | null): Prisma.DeckWhereInput {
  if (!viewer) return { deletedAt: null, visibility: "public" };
  return {
    deletedAt: null,
    OR: [{ visibility: "public" }, { ownerId: viewer.id }, { members: { some: { userId: viewer.id } } }],
  };
}

/** Decks the user studies and may still see: the only decks whose cards they can rate or bury. */
export function studiedDecks(viewer: Viewer): Prisma.DeckWhereInput {
  return { AND: [browsableDecks(viewer), { studies: { some: { userId: viewer.id } } }] };
}

/** Decks whose cards the viewer may edit: their own, and those they co-edit. */
export function editableDecks(viewer: Viewer): Prisma.DeckWhereInput {
  return { deletedAt: null, OR: [{ ownerId: viewer.id }, { members: { some: { userId: viewer.id, role: "editor" } } }] };
}

/** Decks whose sharing the viewer manages, and that they may delete: their own. */
export function ownedDecks(viewer: Viewer): Prisma.DeckWhereInput {
  return { deletedAt: null, ownerId: viewer.id };
}
