import type { Metadata } from "next";
import Link from "next/link";
import { JoinDeckButton } from "@/components/deck-forms";
import { currentUser } from "@/lib/accounts/auth";
import { RememberInvite } from "@/components/remember-invite";
import { previewInvite, type InvitePreview } from "@/lib/decks/sharing";
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
  const here = paths.join(token);
  if (invite.role === "editor") return <EditorInvitation token={token} invite={invite} signedIn={Boolean(user)} here={here} />;
  return (
    <div className="mx-auto max-w-lg space-y-6 py-6">
      {!user && <RememberInvite token={token} />}
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
        <SignInToAccept here={here} verb="join" />
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

function SignInToAccept({ here, verb }: { here: string; verb: string }) {
  return (
    <div className="flex flex-wrap gap-3">
      <Link href={paths.signUp(here)} className="btn btn-primary">
        Sign up to {verb}
      </Link>
      <Link href={paths.signIn(here)} className="btn">
        I have an account
      </Link>
    </div>
  );
}

function EditorInvitation({ token, invite, signedIn, here }: { token: string; invite: InvitePreview; signedIn: boolean; here: string }) {
  return (
    <div className="mx-auto max-w-lg space-y-6 py-6">
      {!signedIn && <RememberInvite token={token} />}
      <p className="text-sm text-muted">{invite.mentorName} invites you to co-edit</p>
      <h1 className="text-3xl font-semibold tracking-tight">{invite.deck.title}</h1>
      {invite.deck.description && <p className="text-muted">{invite.deck.description}</p>}
      <div className="card-surface space-y-2 p-4 text-sm">
        <p className="font-medium">What accepting means</p>
        <ul className="list-disc space-y-1 pl-5 text-muted">
          <li>You can add and edit this deck&apos;s cards; the owner keeps sharing and deleting it.</li>
          <li>The deck is added to your study. You can stop being a co-editor when the owner removes you.</li>
        </ul>
      </div>
      {!signedIn ? (
        <SignInToAccept here={here} verb="accept" />
      ) : invite.already === "owner" || invite.already === "editor" ? (
        <Link href={paths.deck(invite.deck)} className="btn">
          Open the deck
        </Link>
      ) : invite.forViewer ? (
        <JoinDeckButton token={token} label="Accept and co-edit" />
      ) : (
        <p role="alert" className="text-danger">
          This invitation was sent to another email address. Sign in with that address to accept it.
        </p>
      )}
    </div>
  );
}
