import Link from "next/link";
import { type DeckSummary } from "@/lib/decks/browse";
import { paths } from "@/lib/routes";

export function DeckList({ decks, empty }: { decks: DeckSummary[]; empty: string }) {
  if (decks.length === 0) return <p className="card-surface p-6 text-center text-muted">{empty}</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {decks.map((deck) => (
        <li key={deck.id}>
          <Link href={paths.deck(deck)} className="card-surface block h-full p-5 transition-colors hover:border-accent">
            <h3 className="font-semibold">{deck.title}</h3>
            <p className="mt-1 line-clamp-3 text-sm text-muted">{deck.description}</p>
            <p className="mt-3 text-xs font-medium tracking-wide text-muted uppercase">{deck.cardCount} cards</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
