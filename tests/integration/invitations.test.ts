// Sign-up and co-editor invitations answer the same whether or not an email has an account, and
// nobody becomes anything without opening a link sent to their own address.
import { describe, expect, it } from "vitest";
import { checkPassword, signUpSchema } from "@/lib/accounts/passwords";
import { confirmSignUp, requestSignUp, signUpLinkWorks } from "@/lib/accounts/sign-up";
import { inviteEditor, joinDeck, previewInvite } from "@/lib/decks/sharing";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { lastMailTo, makeDeck, makeUser, uniqueEmail } from "./helpers";

const ORIGIN = "http://localhost:3000";
const password = "correct horse battery";
const linkIn = (mail: string, path: string) => new URL(new RegExp(`${ORIGIN}${path}\\S+`).exec(mail)![0]);

describe("sign-up by email link", () => {
  // Sign-up said "an account with this email already exists": anyone could test an address.
  it("answers an address with an account exactly as a new one, and creates nothing for it", async () => {
    const known = await makeUser("known");
    const fresh = uniqueEmail("fresh");
    await expect(requestSignUp(signUpSchema.parse({ email: known.email, password }), ORIGIN, "/decks")).resolves.toBeUndefined();
    await expect(requestSignUp(signUpSchema.parse({ email: fresh, password }), ORIGIN, "/decks")).resolves.toBeUndefined();
    expect(await db.pendingSignUp.count({ where: { email: known.email } })).toBe(0);
    expect(await lastMailTo(known.email)).toMatch(/already has one/);
    expect(await db.user.count({ where: { email: fresh } })).toBe(0);
  });

  it("creates the account when the link is opened, once, and signs in with the password chosen", async () => {
    const email = uniqueEmail("new");
    await requestSignUp(signUpSchema.parse({ email, password, name: "Ada" }), ORIGIN, "/study");
    const link = linkIn(await lastMailTo(email), "/sign-up/confirm");
    expect(link.searchParams.get("next")).toBe("/study");
    const token = link.searchParams.get("token")!;
    expect(await signUpLinkWorks(token)).toBe(true);
    expect(await confirmSignUp(token)).toMatchObject({ email, name: "Ada" });
    expect(await confirmSignUp(token)).toBeNull();
    expect(await signUpLinkWorks(token)).toBe(false);
    expect(await checkPassword({ email, password })).toMatchObject({ ok: true });
  });

  it("refuses an expired link, a made-up one and a link whose address got an account meanwhile", async () => {
    const email = uniqueEmail("late");
    const asked = new Date("2026-11-01T10:00:00Z");
    await requestSignUp(signUpSchema.parse({ email, password }), ORIGIN, "/decks", asked);
    const token = linkIn(await lastMailTo(email), "/sign-up/confirm").searchParams.get("token")!;
    expect(await confirmSignUp(token, new Date("2026-11-02T11:00:00Z"))).toBeNull();
    expect(await confirmSignUp("made-up-token-made-up-token")).toBeNull();

    const raced = uniqueEmail("raced");
    await requestSignUp(signUpSchema.parse({ email: raced, password }), ORIGIN, "/decks");
    const racedToken = linkIn(await lastMailTo(raced), "/sign-up/confirm").searchParams.get("token")!;
    await db.user.create({ data: { email: raced } });
    expect(await confirmSignUp(racedToken)).toBeNull();
  });
});

describe("co-editor invitations", () => {
  // "Add co-editor" said whether an email had an account, and added an existing user silently.
  it("answers the same for any address and makes no one a co-editor until they accept", async () => {
    const owner = await makeUser("owner");
    const deck = await makeDeck(owner.id);
    const member = await makeUser("member");
    await expect(inviteEditor(owner, deck.id, member.email, ORIGIN)).resolves.toBeUndefined();
    await expect(inviteEditor(owner, deck.id, uniqueEmail("nobody"), ORIGIN)).resolves.toBeUndefined();
    expect(await db.deckMember.count({ where: { deckId: deck.id } })).toBe(0);

    const token = linkIn(await lastMailTo(member.email), "/join/")
      .pathname.split("/")
      .at(-1)!;
    const stranger = await makeUser("stranger");
    expect(await previewInvite(token, stranger)).toMatchObject({ role: "editor", forViewer: false });
    await expect(joinDeck(stranger, token)).rejects.toBeInstanceOf(AppError);
    expect(await db.deckMember.count({ where: { deckId: deck.id } })).toBe(0);

    expect(await joinDeck(member, token)).toEqual({ deckId: deck.id });
    expect(await db.deckMember.findUnique({ where: { deckId_userId: { deckId: deck.id, userId: member.id } } })).toMatchObject({
      role: "editor",
    });
    await expect(joinDeck(member, token)).rejects.toMatchObject({ code: "not_found" });
  });

  it("works on a private deck, refuses a second invitation to the same address, and refuses the owner", async () => {
    const owner = await makeUser("owner");
    const deck = await makeDeck(owner.id, { visibility: "private" });
    const editor = await makeUser("editor");
    await inviteEditor(owner, deck.id, editor.email, ORIGIN);
    await expect(inviteEditor(owner, deck.id, editor.email, ORIGIN)).rejects.toMatchObject({ code: "conflict" });
    await expect(inviteEditor(owner, deck.id, owner.email, ORIGIN)).rejects.toMatchObject({ code: "invalid" });
    const token = linkIn(await lastMailTo(editor.email), "/join/")
      .pathname.split("/")
      .at(-1)!;
    expect(await joinDeck(editor, token)).toEqual({ deckId: deck.id });
  });
});
