import { tagSuggestions } from "@/lib/decks/browse";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CardEditor } from "@/components/card-editor";
import { getEditableDeck } from "@/lib/decks/authoring";
import { requireUser } from "@/lib/accounts/auth";
import { deckKey, paths } from "@/lib/routes";
import { PageHeader } from "@/components/page-chrome";

export const metadata: Metadata = { title: "New card" };

export default async function NewCardPage({ params }: PageProps<"/decks/[deckKey]/cards/new">) {
  const { deckKey: key } = await params;
  const user = await requireUser(paths.newCard(key));
  const deck = await getEditableDeck(user, key);
  if (!deck) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title="New card" crumbs={[{ label: deck.title, href: paths.deckEdit(deck) }]} here="new card" />
      <CardEditor deckId={deck.id} deckKey={deckKey(deck)} tagSuggestions={await tagSuggestions(deck)} />
    </div>
  );
}
