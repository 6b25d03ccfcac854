import { MarkdownInline } from "@/components/markdown";
import { SortableCards } from "@/components/sortable-cards";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CardRowControls, DeckDetailsForm, DeleteDeckForm, PasteQuestionsForm } from "@/components/deck-forms";
import { ImportCsvForm } from "@/components/csv-import-form";
import { TagChip } from "@/components/tag-chip";
import { getEditableDeck } from "@/lib/decks/authoring";
import { listEditableCards, type EditableCard } from "@/lib/decks/card-authoring";
import { requireUser } from "@/lib/accounts/auth";
import { can } from "@/lib/decks/access";
import { deckKey, paths } from "@/lib/routes";

export const metadata: Metadata = { title: "Edit deck" };

function DeckCards({ deckId, deckKey: k, cards }: { deckId: string; deckKey: string; cards: EditableCard[] }) {
  return (
    <section aria-labelledby="cards" className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <h2 id="cards" className="text-lg font-semibold">
          Cards <span className="font-normal text-muted">({cards.length})</span>
        </h2>
        <Link href={paths.newCard(k)} className="btn btn-primary">
          Add a card
        </Link>
      </div>
      {cards.length === 0 ? (
        <p className="card-surface p-6 text-center text-muted">No cards yet. Add one, or paste a list of questions below.</p>
      ) : (
        <SortableCards
          deckId={deckId}
          deckKey={k}
          rows={cards.map((card, i) => ({
            id: card.id,
            row: (
              <>
                <div className="min-w-0 flex-1">
                  <Link href={paths.cardEdit(k, card.slug)} className="font-medium hover:underline">
                    <MarkdownInline>{card.front}</MarkdownInline>
                  </Link>
                  <div className="mt-1 flex flex-wrap items-center gap-1.5">
                    {card.back ? null : <span className="chip border-warn/40 text-warn">needs an answer</span>}
                    {card.tags.map((t) => (
                      <TagChip key={t} tag={t} />
                    ))}
                  </div>
                </div>
                <CardRowControls deckId={deckId} deckKey={k} cardId={card.id} first={i === 0} last={i === cards.length - 1} />
              </>
            ),
          }))}
        />
      )}
    </section>
  );
}

export default async function EditDeckPage({ params }: PageProps<"/decks/[deckKey]/edit">) {
  const { deckKey: key } = await params;
  const user = await requireUser(paths.deckEdit(key));
  const deck = await getEditableDeck(user, key);
  if (!deck) notFound();
  const k = deckKey(deck);
  const cards = await listEditableCards(user, deck.id);

  return (
    <div className="space-y-10">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-muted">
            <Link href={paths.deck(k)} className="link">
              {deck.title}
            </Link>{" "}
            / edit
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">Edit deck</h1>
        </div>
        {can(deck.role, "manageSharing") && (
          <div className="flex gap-2">
            <Link href={paths.deckSharing(k)} className="btn">
              Sharing
            </Link>
            <Link href={paths.deckDashboard(k)} className="btn">
              Mentees
            </Link>
          </div>
        )}
      </header>

      <section aria-labelledby="details" className="max-w-xl space-y-3">
        <h2 id="details" className="text-lg font-semibold">
          Details
        </h2>
        <DeckDetailsForm deckId={deck.id} deckKey={k} title={deck.title} description={deck.description} />
      </section>

      <DeckCards deckId={deck.id} deckKey={k} cards={cards} />

      <section aria-labelledby="paste" className="max-w-2xl space-y-3">
        <h2 id="paste" className="text-lg font-semibold">
          Add many questions at once
        </h2>
        <PasteQuestionsForm deckId={deck.id} deckKey={k} />
        <details className="card-surface p-4">
          <summary className="cursor-pointer font-medium">Add cards from a spreadsheet (CSV or TSV)</summary>
          <div className="mt-3">
            <ImportCsvForm into={{ deckId: deck.id, deckKey: k }} />
          </div>
        </details>
      </section>

      {can(deck.role, "deleteDeck") && (
        <section aria-labelledby="danger" className="max-w-xl space-y-3 rounded-xl border border-danger/30 p-5">
          <h2 id="danger" className="text-lg font-semibold text-danger">
            Delete deck
          </h2>
          <DeleteDeckForm deckId={deck.id} deckKey={k} />
        </section>
      )}
    </div>
  );
}
