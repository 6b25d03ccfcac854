import Link from "next/link";
import { type DeckSummary } from "@/lib/decks/browse";
import { paths } from "@/lib/routes";

/** Deck tiles; `titleLevel` keeps the heading order right under the page's own headings. */
export function DeckList({ decks, empty, titleLevel = 3 }: { decks: DeckSummary[]; empty: string; titleLevel?: 2 | 3 }) {
  const Title = titleLevel === 2 ? "h2" : "h3";
  if (decks.length === 0) return <p className="card-surface p-6 text-center text-muted">{empty}</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {decks.map((deck) => (
        <li key={deck.id}>
          <Link href={paths.deck(deck)} className="card-surface block h-full p-5 transition-colors hover:border-accent">
            <Title className="font-semibold">{deck.title}</Title>
            <p className="mt-1 line-clamp-3 text-sm text-muted">{deck.description}</p>
            <p className="mt-3 text-xs font-medium tracking-wide text-muted uppercase">{deck.cardCount} cards</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
