import { tagSuggestions } from "@/lib/decks/browse";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CardEditor } from "@/components/card-editor";
import { getEditableDeck } from "@/lib/decks/authoring";
import { getEditableCard } from "@/lib/decks/card-authoring";
import { requireUser } from "@/lib/accounts/auth";
import { getCard } from "@/lib/decks/browse";
import { deckKey, paths } from "@/lib/routes";
import { PageHeader } from "@/components/page-chrome";
import { noun, plural } from "@/lib/format";

export const metadata: Metadata = { title: "Edit card" };

export default async function EditCardPage({ params }: PageProps<"/decks/[deckKey]/cards/[cardSlug]/edit">) {
  const { deckKey: key, cardSlug } = await params;
  const user = await requireUser(paths.cardEdit(key, cardSlug));
  const deck = await getEditableDeck(user, key);
  const shown = deck && (await getCard(deck.id, cardSlug, user));
  const card = shown && (await getEditableCard(user, shown.id));
  if (!deck || !card) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title="Edit card" crumbs={[{ label: deck.title, href: paths.deckEdit(deck) }]} here="edit card" />
      {card.learners > 0 && (
        <p className="card-surface px-4 py-2 text-sm text-muted">
          {plural(card.learners, "learner")} {noun(card.learners, "is", "are")} studying this card. Wording fixes and better answers reach
          them at their next review and keep their schedule.
        </p>
      )}
      <CardEditor deckId={deck.id} deckKey={deckKey(deck)} card={card} tagSuggestions={await tagSuggestions(deck)} />
    </div>
  );
}
