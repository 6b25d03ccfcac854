"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { PENDING_INVITE_COOKIE } from "@/lib/accounts/pending-invite";
import type { ReactNode } from "react";
import { z } from "zod";
import { Markdown } from "@/components/markdown";
import { userAction } from "@/lib/accounts/action";
import { copyDeck, createDeck, deckFormSchema, deleteDeck, updateDeck } from "@/lib/decks/authoring";
import { addCard, cardFormSchema, moveCard, moveCardTo, retireCard, updateCard } from "@/lib/decks/card-authoring";
import { CARD_TEXT_MAX } from "@/lib/decks/schema";
import {
  inviteEditor,
  createInvite,
  editorSchema,
  inviteSchema,
  joinDeck,
  leaveDeck,
  removeEditor,
  removeMentee,
  revokeInvite,
  setVisibility,
  visibilitySchema,
} from "@/lib/decks/sharing";
import { NICKNAME_MAX, reinviteMentee, setMenteeNickname } from "@/lib/decks/mentoring";
import { csvImportSchema, csvIntoDeckSchema, csvPreviewSchema, deckFileSchema, importDeckFile, previewCsv } from "@/lib/transfer/transfer";
import { paths } from "@/lib/routes";
import { importCsvDeckOffThread, importCsvIntoDeckOffThread } from "@/lib/transfer/off-thread";
import { addQuestions, pasteSchema, previewPaste } from "@/lib/transfer/paste-questions";
import { siteOrigin } from "@/lib/server/origin";

const id = z.string().min(1).max(64);
const deckRef = z.object({ deckId: id, deckKey: z.string().min(1).max(120) });

function refreshDeck(deckKey: string) {
  revalidatePath(paths.deck(deckKey), "layout");
  revalidatePath("/decks");
}

export const createDeckAction = userAction(deckFormSchema, async (input, user) => {
  const deck = await createDeck(user, input);
  redirect(paths.deckEdit(deck));
});

export const updateDeckAction = userAction(deckFormSchema.extend(deckRef.shape), async (input, user) => {
  await updateDeck(user, input.deckId, input);
  refreshDeck(input.deckKey);
});

export const deleteDeckAction = userAction(
  deckRef.extend({ confirm: z.literal("delete", { error: "Type delete to confirm." }) }),
  async (input, user) => {
    await deleteDeck(user, input.deckId);
    revalidatePath("/", "layout");
    redirect("/decks");
  },
);

export const copyDeckAction = userAction(z.object({ deckId: id }), async (input, user) => {
  const copy = await copyDeck(user, input.deckId);
  redirect(paths.deckEdit(copy));
});

export const addCardAction = userAction(cardFormSchema.extend(deckRef.shape), async (input, user) => {
  await addCard(user, input.deckId, input);
  refreshDeck(input.deckKey);
  redirect(paths.deckEdit(input.deckKey));
});

export const updateCardAction = userAction(
  cardFormSchema.extend({
    ...deckRef.shape,
    cardId: id,
    newQuestion: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
  }),
  async (input, user) => {
    await updateCard(user, input.cardId, input);
    refreshDeck(input.deckKey);
    redirect(paths.deckEdit(input.deckKey));
  },
);

export const retireCardAction = userAction(deckRef.extend({ cardId: id }), async (input, user) => {
  await retireCard(user, input.cardId);
  refreshDeck(input.deckKey);
});

export const moveCardAction = userAction(deckRef.extend({ cardId: id, direction: z.enum(["up", "down"]) }), async (input, user) => {
  await moveCard(user, input.cardId, input.direction);
  refreshDeck(input.deckKey);
});

export const moveCardToAction = userAction(
  deckRef.extend({ cardId: id, index: z.coerce.number().int().min(0).max(100_000) }),
  async (input, user) => {
    await moveCardTo(user, input.cardId, input.index);
    refreshDeck(input.deckKey);
  },
);

export const previewPasteAction = userAction(pasteSchema, async (input) => previewPaste(input.text));

export const pasteQuestionsAction = userAction(pasteSchema.extend(deckRef.shape), async (input, user) => {
  const result = await addQuestions(user, input.deckId, input.text);
  refreshDeck(input.deckKey);
  return result;
});

/** Renders card Markdown exactly as the review screen does, for the editor's live preview. */
export const previewMarkdownAction = userAction(
  z.object({ text: z.string().max(CARD_TEXT_MAX + 1000, "Too long to preview."), question: z.boolean().optional() }),
  async (input): Promise<ReactNode> =>
    input.text.trim() ? <Markdown className={input.question ? "card-question" : ""}>{input.text}</Markdown> : null,
);

// ---------- sharing ----------

export const setVisibilityAction = userAction(visibilitySchema.extend(deckRef.shape), async (input, user) => {
  await setVisibility(user, input.deckId, input.visibility);
  refreshDeck(input.deckKey);
});

export const createInviteAction = userAction(inviteSchema.extend(deckRef.shape), async (input, user) => {
  const invite = await createInvite(user, input.deckId, input);
  refreshDeck(input.deckKey);
  return invite;
});

export const revokeInviteAction = userAction(deckRef.extend({ inviteId: id }), async (input, user) => {
  await revokeInvite(user, input.inviteId);
  refreshDeck(input.deckKey);
});

export const inviteEditorAction = userAction(editorSchema.extend(deckRef.shape), async (input, user) => {
  await inviteEditor(user, input.deckId, input.email, await siteOrigin());
  refreshDeck(input.deckKey);
});

export const removeEditorAction = userAction(deckRef.extend({ userId: id }), async (input, user) => {
  await removeEditor(user, input.deckId, input.userId);
  refreshDeck(input.deckKey);
});

export const removeMenteeAction = userAction(deckRef.extend({ userId: id }), async (input, user) => {
  await removeMentee(user, input.deckId, input.userId);
  refreshDeck(input.deckKey);
});

/** Lets a removed mentee rejoin through the invite link they had used. */
export const reinviteMenteeAction = userAction(deckRef.extend({ userId: id }), async (input, user) => {
  await reinviteMentee(user, input.deckId, input.userId);
  refreshDeck(input.deckKey);
});

export const setNicknameAction = userAction(
  deckRef.extend({ userId: id, nickname: z.string().trim().max(NICKNAME_MAX, `Keep it under ${NICKNAME_MAX} characters.`) }),
  async (input, user) => {
    await setMenteeNickname(user, input.deckId, input.userId, input.nickname);
    refreshDeck(input.deckKey);
  },
);

export const joinDeckAction = userAction(z.object({ token: z.string().min(1).max(64) }), async (input, user) => {
  const { deckId } = await joinDeck(user, input.token);
  // The invite remembered across signing up is used now.
  (await cookies()).delete(PENDING_INVITE_COOKIE);
  revalidatePath("/", "layout");
  redirect(paths.study({ deck: deckId }));
});

export const leaveDeckAction = userAction(z.object({ deckId: id }), async (input, user) => {
  await leaveDeck(user, input.deckId);
  revalidatePath("/", "layout");
  redirect("/decks");
});

export const importDeckAction = userAction(deckFileSchema, async (input, user) => {
  const deck = await importDeckFile(user, input.file);
  revalidatePath("/decks");
  redirect(paths.deckEdit(deck));
});

export const previewCsvAction = userAction(csvPreviewSchema, async (input) => previewCsv(input.text));

export const importCsvIntoDeckAction = userAction(csvIntoDeckSchema.extend(deckRef.shape), async (input, user) => {
  const result = await importCsvIntoDeckOffThread(user, input.deckId, input);
  refreshDeck(input.deckKey);
  return result;
});

export const importCsvAction = userAction(csvImportSchema, async (input, user) => {
  const deck = await importCsvDeckOffThread(user, input);
  redirect(paths.deckEdit(deck));
});
