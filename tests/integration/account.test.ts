// Looking after an account: a new password and "sign out everywhere" raise the session version
// (which ends every older session, see lib/accounts/auth.ts), and deleting an account removes what
// is only the user's while shared work keeps going.
import { describe, expect, it } from "vitest";
import { changePassword, deleteAccount, endAllSessions } from "@/lib/accounts/account";
import { checkPassword, createAccount, signUpSchema } from "@/lib/accounts/passwords";
import { db } from "@/lib/server/db";
import { insertReviewLog, makeDeck, makeUser, uniqueEmail } from "./helpers";

const password = "correct horse battery";

async function account(label: string) {
  return createAccount(signUpSchema.parse({ email: uniqueEmail(label), password, name: label }));
}
const versionOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).sessionVersion;

describe("changing the password", () => {
  it("needs the current password, then ends every other session and takes the new one", async () => {
    const user = await account("changer");
    await expect(changePassword(user, { currentPassword: "not my password", newPassword: "a brand new secret" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { currentPassword: ["That isn't your password."] },
    });
    expect(await versionOf(user.id)).toBe(0);
    await changePassword(user, { currentPassword: password, newPassword: "a brand new secret" });
    expect(await versionOf(user.id)).toBe(1);
    expect(await checkPassword({ email: user.email, password })).toMatchObject({ ok: false });
    expect(await checkPassword({ email: user.email, password: "a brand new secret" })).toMatchObject({ ok: true });
  });
});

describe("signing out everywhere", () => {
  it("raises the session version", async () => {
    const user = await account("everywhere");
    await endAllSessions(user);
    await endAllSessions(user);
    expect(await versionOf(user.id)).toBe(2);
  });
});

describe("deleting an account", () => {
  it("asks for the email and the password", async () => {
    const user = await account("careful");
    await expect(deleteAccount(user, { confirmEmail: "someone@else.test", password })).rejects.toMatchObject({ code: "invalid" });
    await expect(deleteAccount(user, { confirmEmail: user.email, password: "wrong wrong" })).rejects.toMatchObject({ code: "invalid" });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("removes the user's own data, hands shared decks to a co-editor and keeps everyone else's work", async () => {
    const leaving = await account("leaving");
    const coEditor = await makeUser("co-editor");
    const learner = await makeUser("learner");
    const otherOwner = await makeUser("other-owner");

    const shared = await makeDeck(leaving.id, { visibility: "link" });
    await db.deckMember.create({ data: { deckId: shared.id, userId: coEditor.id, role: "editor" } });
    await db.deckMember.create({ data: { deckId: shared.id, userId: learner.id, role: "mentee", invitedById: leaving.id } });
    const alone = await makeDeck(leaving.id);
    const theirs = await makeDeck(otherOwner.id);
    await db.deckMember.create({ data: { deckId: theirs.id, userId: leaving.id, role: "editor" } });

    const sharedCard = await db.card.findFirstOrThrow({ where: { deckId: shared.id } });
    await insertReviewLog(leaving.id, sharedCard, 3, new Date());
    await insertReviewLog(learner.id, sharedCard, 3, new Date());

    await deleteAccount(leaving, { confirmEmail: leaving.email, password });

    expect(await db.user.count({ where: { id: leaving.id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: leaving.id } })).toBe(0);
    expect(await db.deckMember.count({ where: { userId: leaving.id } })).toBe(0);
    // The shared deck goes on under its co-editor, who now mentors the learner.
    expect(await db.deck.findUniqueOrThrow({ where: { id: shared.id } })).toMatchObject({ ownerId: coEditor.id, deletedAt: null });
    expect(await db.deckMember.findUniqueOrThrow({ where: { deckId_userId: { deckId: shared.id, userId: learner.id } } })).toMatchObject({
      invitedById: coEditor.id,
    });
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(1);
    // A deck nobody else edits is deleted the way decks are: hidden, its cards kept for learners' histories.
    expect(await db.deck.findUniqueOrThrow({ where: { id: alone.id } })).toMatchObject({ ownerId: null, deletedAt: expect.any(Date) });
    expect(await db.card.count({ where: { deckId: alone.id } })).toBe(2);
    // Someone else's deck they co-edited is untouched.
    expect(await db.deck.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ ownerId: otherOwner.id, deletedAt: null });
  });
});
