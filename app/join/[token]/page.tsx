import type { Metadata } from "next";
import Link from "next/link";
import { JoinDeckButton } from "@/components/deck-forms";
import { currentUser } from "@/lib/accounts/auth";
import { previewInvite } from "@/lib/decks/sharing";
import { paths } from "@/lib/routes";

export const metadata: Metadata = { title: "Join a deck", referrer: "no-referrer" };

export default async function JoinPage({ params }: PageProps<"/join/[token]">) {
  const { token } = await params;
  const user = await currentUser();
  const invite = await previewInvite(token, user);
  if (!invite) {
    return (
      <div className="mx-auto max-w-md space-y-3 py-12 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">This invite link doesn&apos;t work</h1>
        <p className="text-muted">It may have expired or been revoked. Ask your mentor for a new link.</p>
        <Link href="/decks" className="btn">
          Browse public decks
        </Link>
      </div>
    );
  }
  const here = `/join/${token}`;
  return (
    <div className="mx-auto max-w-lg space-y-6 py-6">
      <p className="text-sm text-muted">{invite.mentorName} invited you to study</p>
      <h1 className="text-3xl font-semibold tracking-tight">{invite.deck.title}</h1>
      {invite.deck.description && <p className="text-muted">{invite.deck.description}</p>}
      <p className="text-sm">{invite.deck.cardCount} cards</p>
      <div className="card-surface space-y-2 p-4 text-sm">
        <p className="font-medium">What joining means</p>
        <ul className="list-disc space-y-1 pl-5 text-muted">
          <li>The deck is added to your daily study, on your own schedule.</li>
          <li>
            {invite.mentorName} sees your progress on this deck only (cards started, reviews, retention, last active) and your display name.
            Not your email, not your other decks.
          </li>
          <li>You can leave at any time; you keep your review history.</li>
        </ul>
      </div>
      {!user ? (
        <div className="flex flex-wrap gap-3">
          <Link href={paths.signUp(here)} className="btn btn-primary">
            Sign up to join
          </Link>
          <Link href={paths.signIn(here)} className="btn">
            I have an account
          </Link>
        </div>
      ) : invite.already ? (
        <div className="space-y-3">
          <p>
            {invite.already === "mentee"
              ? "You have already joined this deck."
              : `You are this deck's ${invite.already === "owner" ? "owner" : "co-editor"}.`}
          </p>
          <Link href={paths.deck(invite.deck)} className="btn">
            Open the deck
          </Link>
        </div>
      ) : (
        <JoinDeckButton token={token} />
      )}
    </div>
  );
}
