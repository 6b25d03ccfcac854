import type { Metadata } from "next";
import { DeckList } from "@/components/deck-list";
import { listPublicDecks } from "@/lib/decks";

export const metadata: Metadata = { title: "Decks" };

export default async function DecksPage() {
  const decks = await listPublicDecks();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Decks</h1>
      <DeckList decks={decks} empty="No public decks yet." />
    </div>
  );
}
