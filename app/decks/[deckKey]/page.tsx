import { MarkdownInline } from "@/components/markdown";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CopyDeckButton, LeaveDeckButton } from "@/components/deck-forms";
import { StudyToggle } from "@/components/study-toggle";
import { ShareAllAnswersButton } from "@/components/answers/share-answer";
import { TagChip } from "@/components/tag-chip";
import { currentUser } from "@/lib/accounts/auth";
import { answeredCardIds } from "@/lib/answers/own-answers";
import { getDeck, listDeckCards, type CardListItem, type DeckDetail } from "@/lib/decks/browse";
import { isStudying } from "@/lib/review/studying";
import { can } from "@/lib/decks/access";
import { deckKey, paths } from "@/lib/routes";
import { searchParam, tagParam } from "@/lib/query-params";

export async function generateMetadata({ params }: PageProps<"/decks/[deckKey]">): Promise<Metadata> {
  const deck = await getDeck((await params).deckKey, await currentUser());
  return { title: deck?.title ?? "Deck not found" };
}

const DOWNLOADS = [
  ["md", "Deck file (.md)", "Drill's own format: import it anywhere Drill runs"],
  [
    "csv",
    "Spreadsheet (.csv)",
    "question, answer, tags: for Excel, Sheets or Numbers (text starting with = + - @ gets a leading ' so it never runs as a formula)",
  ],
  ["apkg", "Anki package (.apkg)", "the cards as new Basic notes"],
  ["apkg-history", "Anki package with my reviews (.apkg)", "your schedule and review log, so Anki carries on"],
] as const;

/** The deck's downloads, folded into one button so the deck's own actions stay in front. */
function DownloadMenu({ deck }: { deck: Parameters<typeof paths.deckExport>[0] }) {
  return (
    <details className="relative">
      <summary className="btn btn-ghost cursor-pointer list-none">Download…</summary>
      <ul className="absolute z-10 mt-1 w-72 max-w-[90vw] divide-y divide-line rounded-lg border border-line bg-surface shadow-lg">
        {DOWNLOADS.map(([format, label, hint]) => (
          <li key={format}>
            <a href={paths.deckExport(deck, format)} download className="block px-3 py-2 hover:bg-black/[0.03] dark:hover:bg-white/[0.03]">
              <span className="block text-sm font-medium">{label}</span>
              <span className="block text-xs text-muted">{hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** What a signed-in reader can do with the deck, by their role; a visitor is asked to sign up instead. */
function DeckActions({ deck, signedIn, studying }: { deck: DeckDetail; signedIn: boolean; studying: boolean }) {
  if (!signedIn) {
    return (
      <Link href={paths.signUp(paths.deck(deck))} className="btn btn-primary">
        Sign up to study this deck
      </Link>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <StudyToggle deckId={deck.id} deckKey={deckKey(deck)} studying={studying} />
      {can(deck.role, "editCards") && (
        <Link href={paths.deckEdit(deck)} className="btn">
          Edit deck
        </Link>
      )}
      {can(deck.role, "manageSharing") && (
        <Link href={paths.deckSharing(deck)} className="btn btn-ghost">
          Sharing
        </Link>
      )}
      {can(deck.role, "viewMentees") && (
        <Link href={paths.deckDashboard(deck)} className="btn btn-ghost">
          Mentees
        </Link>
      )}
      <CopyDeckButton deckId={deck.id} />
      <DownloadMenu deck={deck} />
      {can(deck.role, "leave") && <ShareAllAnswersButton deckId={deck.id} deckKey={deckKey(deck)} />}
      {can(deck.role, "leave") && <LeaveDeckButton deckId={deck.id} />}
    </div>
  );
}

function FindCards({ deck, q, tag }: { deck: DeckDetail; q: string; tag: string }) {
  return (
    <section aria-label="Find cards" className="space-y-3">
      <form role="search" action={paths.deck(deck)} className="flex gap-2">
        {tag && <input type="hidden" name="tag" value={tag} />}
        <label htmlFor="card-search" className="sr-only">
          Search questions and answers
        </label>
        <input
          id="card-search"
          type="search"
          name="q"
          defaultValue={q}
          placeholder="Search questions and answers"
          className="input"
          maxLength={200}
        />
        <button type="submit" className="btn">
          Search
        </button>
      </form>
      <nav aria-label="Filter by tag" className="flex flex-wrap gap-2">
        <TagChip tag="all" href={paths.deck(deck, { q })} active={!tag} count={deck.cardCount} />
        {deck.tagCounts.map((t) => (
          <TagChip key={t.tag} tag={t.tag} href={paths.deck(deck, { q, tag: t.tag })} active={t.tag === tag} count={t.count} />
        ))}
      </nav>
    </section>
  );
}

function DeckCards({
  deck,
  cards,
  q,
  tag,
  answered,
}: {
  deck: DeckDetail;
  cards: CardListItem[];
  q: string;
  tag: string;
  /** The cards the viewer wrote their own answer to: each gets a link to it. */
  answered: Set<string>;
}) {
  const filtered = Boolean(q || tag);
  return (
    <section aria-labelledby="cards-heading" className="space-y-3">
      <h2 id="cards-heading" className="text-sm font-medium text-muted" aria-live="polite">
        {filtered ? `${cards.length} of ${deck.cardCount} cards match` : `${cards.length} cards`}
      </h2>
      {cards.length === 0 ? (
        <div className="card-surface p-8 text-center">
          <p>
            No cards match{q && <> &ldquo;{q}&rdquo;</>}
            {tag && <> in {tag}</>}.
          </p>
          <Link href={paths.deck(deck)} className="link mt-2 inline-block">
            Clear the search
          </Link>
        </div>
      ) : (
        <ol className="card-surface divide-y divide-line">
          {cards.map((card) => (
            <li key={card.id} className="flex items-start">
              <Link href={paths.card(deck, card.slug)} className="block flex-1 p-4 hover:bg-black/[0.03] dark:hover:bg-white/[0.03]">
                <MarkdownInline className="font-medium">{card.front}</MarkdownInline>
                {card.excerpt && <span className="mt-1 block text-sm text-muted">{card.excerpt}</span>}
                <span className="mt-2 flex flex-wrap gap-1.5">
                  {card.tags.map((t) => (
                    <TagChip key={t} tag={t} />
                  ))}
                </span>
              </Link>
              {answered.has(card.id) && (
                <Link href={paths.cardAnswer(deck, card.slug)} className="link shrink-0 p-4 text-sm">
                  Your answer
                </Link>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export default async function DeckPage({ params, searchParams }: PageProps<"/decks/[deckKey]">) {
  const [{ deckKey: key }, query, user] = await Promise.all([params, searchParams, currentUser()]);
  const deck = await getDeck(key, user);
  if (!deck) notFound();
  const q = searchParam(query.q);
  const tag = tagParam(query.tag);
  const [cards, studying, answered] = await Promise.all([
    listDeckCards(deck.id, { q, tag }, user),
    user ? isStudying(user, deck.id) : false,
    user ? answeredCardIds(user, deck.id) : new Set<string>(),
  ]);

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm text-muted">
          <Link href="/decks" className="link">
            Decks
          </Link>{" "}
          / {deck.cardCount} cards
        </p>
        <h1 className="text-3xl font-semibold tracking-tight text-balance">{deck.title}</h1>
        {deck.description && <p className="max-w-3xl text-pretty text-muted">{deck.description}</p>}
        {deck.source && <p className="text-xs text-muted">Source: {deck.source}</p>}
        {deck.ownerName && deck.role !== "owner" && <p className="text-sm text-muted">By {deck.ownerName}</p>}
        <DeckActions deck={deck} signedIn={user !== null} studying={studying} />
      </header>

      <FindCards deck={deck} q={q} tag={tag} />
      <DeckCards deck={deck} cards={cards} q={q} tag={tag} answered={answered} />
    </div>
  );
}
