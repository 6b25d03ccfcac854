import type { Metadata } from "next";
import Link from "next/link";
import { DeckList } from "@/components/deck-list";
import { listEditableDecks } from "@/lib/decks/authoring";
import { currentUser } from "@/lib/accounts/auth";
import { listPublicDecks } from "@/lib/decks/browse";
import { listStudiedDecks } from "@/lib/review/studying";
import { can } from "@/lib/decks/access";
import { paths } from "@/lib/routes";

export const metadata: Metadata = { title: "Decks" };

const VISIBILITY_LABEL: Record<string, string> = { private: "Private", link: "Invite link", public: "Public" };

export default async function DecksPage() {
  const user = await currentUser();
  const [publicDecks, ownDecks, studied] = await Promise.all([
    listPublicDecks(),
    user ? listEditableDecks(user) : Promise.resolve([]),
    user ? listStudiedDecks(user) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-12">
      {user && (
        <section aria-labelledby="your-decks" className="space-y-4">
          <div className="flex items-center justify-between gap-3">
            <h1 id="your-decks" className="text-2xl font-semibold tracking-tight">
              Your decks
            </h1>
            <div className="flex gap-2">
              <Link href="/decks/import" className="btn">
                Import
              </Link>
              <Link href="/decks/new" className="btn btn-primary">
                New deck
              </Link>
            </div>
          </div>
          {ownDecks.length === 0 ? (
            <p className="card-surface p-6 text-center text-muted">
              Decks you write or co-edit appear here. Create one, or copy a public deck to adapt it.
            </p>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2">
              {ownDecks.map((d) => (
                <li key={d.id} className="card-surface flex flex-col gap-2 p-5">
                  <Link href={paths.deck(d)} className="font-semibold hover:underline">
                    {d.title}
                  </Link>
                  <p className="text-xs font-medium tracking-wide text-muted uppercase">
                    {d.cardCount} cards · {VISIBILITY_LABEL[d.visibility] ?? d.visibility} · {d.role === "owner" ? "Owner" : "Co-editor"}
                  </p>
                  <div className="mt-auto flex gap-2 pt-2">
                    <Link href={paths.deckEdit(d)} className="btn">
                      Edit
                    </Link>
                    {can(d.role, "viewMentees") && (
                      <Link href={paths.deckDashboard(d)} className="btn btn-ghost">
                        Mentees
                      </Link>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {user && studied.length > 0 && (
        <section aria-labelledby="studying" className="space-y-4">
          <h2 id="studying" className="text-xl font-semibold tracking-tight">
            Studying
          </h2>
          <DeckList decks={studied.map((d) => ({ ...d, description: "" }))} empty="" />
        </section>
      )}
      <section aria-labelledby="library" className="space-y-4">
        {user ? (
          <h2 id="library" className="text-xl font-semibold tracking-tight">
            Deck library
          </h2>
        ) : (
          <h1 id="library" className="text-2xl font-semibold tracking-tight">
            Deck library
          </h1>
        )}
        <DeckList decks={publicDecks} empty="No public decks yet." titleLevel={user ? 3 : 2} />
      </section>
    </div>
  );
}
