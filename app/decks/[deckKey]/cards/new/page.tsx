import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CardEditor } from "@/components/card-editor";
import { getEditableDeck } from "@/lib/decks/authoring";
import { requireUser } from "@/lib/accounts/auth";
import { deckKey } from "@/lib/decks/browse";

export const metadata: Metadata = { title: "New card" };

export default async function NewCardPage({ params }: PageProps<"/decks/[deckKey]/cards/new">) {
  const { deckKey: key } = await params;
  const user = await requireUser(`/decks/${key}/cards/new`);
  const deck = await getEditableDeck(user, key);
  if (!deck) notFound();
  return (
    <div className="space-y-6">
      <p className="text-muted text-sm">
        <Link href={`/decks/${deckKey(deck)}/edit`} className="link">
          {deck.title}
        </Link>{" "}
        / new card
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">New card</h1>
      <CardEditor deckId={deck.id} deckKey={deckKey(deck)} />
    </div>
  );
}
