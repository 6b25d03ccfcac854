import { describe, expect, it } from "vitest";
import { can, roleOf, type DeckAction, type DeckRole } from "@/lib/decks/access";

const ROLES: DeckRole[] = ["owner", "editor", "mentee", "public", "none"];
const ACTIONS: DeckAction[] = ["view", "study", "copy", "editCards", "viewMentees", "manageSharing", "deleteDeck", "leave"];

// The whole table, written out: a change to who may do what has to change this test too.
const SIGNED_IN: Record<DeckAction, Record<DeckRole, boolean>> = {
  view: { owner: true, editor: true, mentee: true, public: true, none: false },
  study: { owner: true, editor: true, mentee: true, public: true, none: false },
  copy: { owner: true, editor: true, mentee: true, public: true, none: false },
  editCards: { owner: true, editor: true, mentee: false, public: false, none: false },
  viewMentees: { owner: true, editor: false, mentee: false, public: false, none: false },
  manageSharing: { owner: true, editor: false, mentee: false, public: false, none: false },
  deleteDeck: { owner: true, editor: false, mentee: false, public: false, none: false },
  leave: { owner: false, editor: false, mentee: true, public: false, none: false },
};

const cases = ROLES.flatMap((role) => ACTIONS.map((action) => ({ role, action })));

describe("can: signed in", () => {
  it.each(cases)("$role may $action: per the table", ({ role, action }) => {
    expect(can(role, action, true)).toBe(SIGNED_IN[action][role]);
  });

  it.each(cases)("$role may $action: signed in is the default", ({ role, action }) => {
    expect(can(role, action)).toBe(can(role, action, true));
  });
});

describe("can: signed out", () => {
  it.each(cases)("$role may $action: only viewing a public deck", ({ role, action }) => {
    expect(can(role, action, false)).toBe(role === "public" && action === "view");
  });
});

describe("roleOf", () => {
  const me = { id: "me" };
  const deck = (visibility: string, ownerId: string | null = "someone") => ({ ownerId, visibility });

  it("the owner is owner whatever the visibility or a stray membership row", () => {
    for (const visibility of ["private", "link", "public"]) {
      expect(roleOf(deck(visibility, "me"), me, null)).toBe("owner");
      expect(roleOf(deck(visibility, "me"), me, { role: "mentee" })).toBe("owner");
      expect(roleOf(deck(visibility, "me"), me, { role: "editor" })).toBe("owner");
    }
  });

  it("co-editors keep their role whatever the visibility", () => {
    for (const visibility of ["private", "link", "public"]) {
      expect(roleOf(deck(visibility), me, { role: "editor" })).toBe("editor");
    }
  });

  // Private means "only you and co-editors": a mentee keeps the role only while the deck is shared.
  it("mentees have their role on a shared deck and none on a private one", () => {
    expect(roleOf(deck("link"), me, { role: "mentee" })).toBe("mentee");
    expect(roleOf(deck("public"), me, { role: "mentee" })).toBe("mentee");
    expect(roleOf(deck("private"), me, { role: "mentee" })).toBe("none");
  });

  it("anyone else is public on a public deck and none otherwise", () => {
    expect(roleOf(deck("public"), me, null)).toBe("public");
    expect(roleOf(deck("link"), me, null)).toBe("none");
    expect(roleOf(deck("private"), me, null)).toBe("none");
    // a membership with an unknown role grants nothing
    expect(roleOf(deck("link"), me, { role: "admin" })).toBe("none");
    expect(roleOf(deck("public"), me, { role: "admin" })).toBe("public");
  });

  it("a signed-out visitor is never owner or member", () => {
    expect(roleOf(deck("public"), null, null)).toBe("public");
    expect(roleOf(deck("link"), null, null)).toBe("none");
    expect(roleOf(deck("private"), null, null)).toBe("none");
    expect(roleOf(deck("link"), null, { role: "editor" })).toBe("none");
    expect(roleOf(deck("link"), null, { role: "mentee" })).toBe("none");
    expect(roleOf(deck("private", null), null, null)).toBe("none");
  });

  it("a deck without an owner (seeded) is nobody's", () => {
    expect(roleOf(deck("public", null), me, null)).toBe("public");
    expect(roleOf(deck("private", null), me, null)).toBe("none");
  });

  it("signed-out visitors can do with a role only what can() allows them", () => {
    expect(can(roleOf(deck("public"), null, null), "view", false)).toBe(true);
    expect(can(roleOf(deck("public"), null, null), "study", false)).toBe(false);
    expect(can(roleOf(deck("link"), null, null), "view", false)).toBe(false);
  });
});
