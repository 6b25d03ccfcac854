import Link from "next/link";
import { DeckList } from "@/components/deck-list";
import { TodayHome } from "@/components/home/today";
import { currentUser } from "@/lib/accounts/auth";
import { listPublicDecks } from "@/lib/decks/browse";

export default async function LandingPage({ searchParams }: PageProps<"/">) {
  const [user, { account }] = await Promise.all([currentUser(), searchParams]);
  // Signed in, the home page is today's work; the pitch below is for visitors.
  if (user) return <TodayHome viewer={user} />;
  const decks = await listPublicDecks();
  return (
    <div className="space-y-14">
      {account === "deleted" && (
        <p role="status" className="card-surface mt-6 px-4 py-2 text-sm">
          Your account and your review history are deleted. Thank you for studying with Drill.
        </p>
      )}
      <section className="pt-6 sm:pt-12">
        <h1 className="max-w-2xl text-4xl font-semibold tracking-tight text-balance sm:text-5xl">Interview prep that sticks.</h1>
        <p className="mt-4 max-w-2xl text-lg text-pretty text-muted">
          Drill turns interview questions into daily flashcards. Reveal the answer, grade yourself honestly, and FSRS, the scheduler behind
          modern Anki, brings each question back just before you would forget it. Mentors curate the decks; you keep your own schedule.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/sign-up" className="btn btn-primary">
            Start drilling, free
          </Link>
          <Link href="/decks" className="btn">
            Browse the decks
          </Link>
        </div>
      </section>

      <section aria-labelledby="how" className="grid gap-4 sm:grid-cols-3">
        <h2 id="how" className="sr-only">
          How it works
        </h2>
        {[
          ["A few minutes a day", "Today's queue holds the cards due now and a handful of new ones. Nothing more."],
          ["Graded by you", "Again, Hard, Good or Easy: each button shows when you'll see the card next."],
          ["Decks from mentors", "Study what your coach picked. Their edits reach you without losing your progress."],
        ].map(([title, text]) => (
          <div key={title} className="card-surface p-5">
            <h3 className="font-semibold">{title}</h3>
            <p className="mt-1 text-sm text-muted">{text}</p>
          </div>
        ))}
      </section>

      <section aria-labelledby="public-decks" className="space-y-4">
        <h2 id="public-decks" className="text-xl font-semibold tracking-tight">
          Public decks
        </h2>
        <DeckList decks={decks} empty="No public decks yet." />
      </section>
    </div>
  );
}
