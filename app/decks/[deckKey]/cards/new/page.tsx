import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CardEditor } from "@/components/card-editor";
import { getEditableDeck } from "@/lib/decks/authoring";
import { requireUser } from "@/lib/accounts/auth";
import { deckKey, paths } from "@/lib/routes";

export const metadata: Metadata = { title: "New card" };

export default async function NewCardPage({ params }: PageProps<"/decks/[deckKey]/cards/new">) {
  const { deckKey: key } = await params;
  const user = await requireUser(paths.newCard(key));
  const deck = await getEditableDeck(user, key);
  if (!deck) notFound();
  return (
    <div className="space-y-6">
      <p className="text-muted text-sm">
        <Link href={paths.deckEdit(deck)} className="link">
          {deck.title}
        </Link>{" "}
        / new card
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">New card</h1>
      <CardEditor deckId={deck.id} deckKey={deckKey(deck)} />
    </div>
  );
}
