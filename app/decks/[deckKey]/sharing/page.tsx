import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  CancelInvitationButton,
  InviteEditorForm,
  InviteRow,
  NewInviteForm,
  ReinviteMenteeButton,
  RemoveMemberButton,
  VisibilityForm,
} from "@/components/sharing-forms";
import { requireUser } from "@/lib/accounts/auth";
import { getDeck } from "@/lib/decks/browse";
import { siteOrigin } from "@/lib/server/origin";
import { getSharing, sharingChecklist, type SharingOverview } from "@/lib/decks/sharing";
import { listRemovedMentees, type RemovedMentee } from "@/lib/decks/mentoring";
import { MarkdownInline } from "@/components/markdown";
import { deckKey, paths } from "@/lib/routes";
import { formatDate, plural } from "@/lib/format";
import { getStudySettings } from "@/lib/review/settings";
import { PageHeader } from "@/components/page-chrome";

export const metadata: Metadata = { title: "Sharing" };

function inviteStatus(invite: { expiresAt: Date | null; revokedAt: Date | null }, now: Date, timeZone: string): string {
  if (invite.revokedAt) return `revoked ${formatDate(invite.revokedAt, timeZone)}`;
  if (invite.expiresAt && invite.expiresAt <= now) return `expired ${formatDate(invite.expiresAt, timeZone)}`;
  if (invite.expiresAt) return `expires ${formatDate(invite.expiresAt, timeZone)}`;
  return "active";
}

type Checklist = Awaited<ReturnType<typeof sharingChecklist>>;

/** Where the sections' forms point: the deck's id for the actions, its key for the paths they revalidate. */
interface DeckTarget {
  deckId: string;
  deckKey: string;
}

function UnansweredCards({ checklist, deckKey: k }: { checklist: Checklist; deckKey: string }) {
  if (checklist.unanswered.length === 0) return <>✓ All {plural(checklist.cards, "card")} have an answer.</>;
  return (
    <>
      <span className="font-medium text-warn">
        ⚠ {plural(checklist.unanswered.length, "card")} of {checklist.cards} {checklist.unanswered.length === 1 ? "has" : "have"} no answer.
      </span>{" "}
      Mentees won&apos;t get {checklist.unanswered.length === 1 ? "it" : "them"} until you write one:{" "}
      {checklist.unanswered.slice(0, 3).map((c, i) => (
        <span key={c.slug}>
          {i > 0 && ", "}
          <Link href={paths.cardEdit(k, c.slug)} className="link">
            <MarkdownInline>{c.front}</MarkdownInline>
          </Link>
        </span>
      ))}
      {checklist.unanswered.length > 3 && ` and ${checklist.unanswered.length - 3} more`}.
    </>
  );
}

function ShareChecklist({ checklist, deckKey: k }: { checklist: Checklist; deckKey: string }) {
  return (
    <section aria-labelledby="checklist" className="card-surface space-y-2 p-4" data-testid="share-checklist">
      <h2 id="checklist" className="font-semibold">
        Before you share
      </h2>
      <ul className="space-y-1 text-sm">
        <li>
          <UnansweredCards checklist={checklist} deckKey={k} />
        </li>
        <li>
          {checklist.untagged === 0
            ? "✓ Every card has a tag, so mentees can drill a topic."
            : `⚠ ${plural(checklist.untagged, "card")} without a tag: mentees can't drill ${checklist.untagged === 1 ? "it" : "them"} by topic.`}
        </li>
      </ul>
    </section>
  );
}

function InviteLinks({
  target,
  sharing,
  origin,
  now,
  timeZone,
}: {
  target: DeckTarget;
  sharing: SharingOverview;
  origin: string;
  now: Date;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="invites" className="space-y-3">
      <h2 id="invites" className="text-lg font-semibold">
        Invite mentees
      </h2>
      <p className="text-sm text-muted">
        A mentee who joins with a link studies this deck on their own schedule and shares their progress on this deck, and only this deck,
        with you.
      </p>
      {sharing.visibility === "private" && (
        <p className="text-sm">The deck is private now: creating a link opens it to people with an invite link, in the same step.</p>
      )}
      <NewInviteForm {...target} origin={origin} />
      {sharing.invites.length > 0 && (
        <ul className="card-surface divide-y divide-line">
          {sharing.invites.map((invite) => (
            <InviteRow key={invite.id} {...target} invite={invite} origin={origin} status={inviteStatus(invite, now, timeZone)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Mentees({ target, mentees, timeZone }: { target: DeckTarget; mentees: SharingOverview["mentees"]; timeZone: string }) {
  return (
    <section aria-labelledby="mentees" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="mentees" className="text-lg font-semibold">
          Mentees
        </h2>
        <Link href={paths.deckDashboard(target.deckKey)} className="link text-sm">
          See their progress
        </Link>
      </div>
      {mentees.length === 0 ? (
        <p className="text-sm text-muted">Nobody has joined yet.</p>
      ) : (
        <ul className="card-surface divide-y divide-line">
          {mentees.map((m) => (
            <li key={m.userId} className="flex items-center justify-between gap-3 p-3">
              <span>
                {m.name ?? "Mentee"} <span className="text-sm text-muted">joined {formatDate(m.joinedAt, timeZone)}</span>
              </span>
              <RemoveMemberButton {...target} userId={m.userId} role="mentee" name={m.name ?? "this mentee"} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CoEditors({ target, sharing }: { target: DeckTarget; sharing: SharingOverview }) {
  return (
    <section aria-labelledby="editors" className="space-y-3">
      <h2 id="editors" className="text-lg font-semibold">
        Co-editors
      </h2>
      <p className="text-sm text-muted">
        Co-editors add and edit cards. Only you manage sharing and can delete the deck. Invite someone by email: they become a co-editor
        when they accept.
      </p>
      <InviteEditorForm {...target} />
      {sharing.editorInvitations.length > 0 && (
        <ul className="card-surface divide-y divide-line" aria-label="Invitations waiting">
          {sharing.editorInvitations.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <span>
                {i.email} <span className="text-sm text-muted">invited, not accepted yet</span>
              </span>
              <CancelInvitationButton {...target} inviteId={i.id} email={i.email} />
            </li>
          ))}
        </ul>
      )}
      {sharing.editors.length > 0 && (
        <ul className="card-surface divide-y divide-line">
          {sharing.editors.map((e) => (
            <li key={e.userId} className="flex items-center justify-between gap-3 p-3">
              <span>
                {e.name ?? e.email} <span className="text-sm text-muted">{e.email}</span>
              </span>
              <RemoveMemberButton {...target} userId={e.userId} role="editor" name={e.name ?? e.email} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Mentees the owner removed: their invite link no longer adds them, until the owner invites them again. */
function RemovedMentees({ target, removed }: { target: DeckTarget; removed: RemovedMentee[] }) {
  if (removed.length === 0) return null;
  return (
    <section aria-labelledby="removed-mentees" className="space-y-3">
      <h2 id="removed-mentees" className="text-lg font-semibold">
        Removed mentees
      </h2>
      <p className="text-sm text-muted">Their invite link no longer adds them. Re-invite one to let them join through it again.</p>
      <ul className="card-surface divide-y divide-line">
        {removed.map((m) => (
          <li key={m.userId} className="flex items-center justify-between gap-3 p-3">
            <span>{m.name}</span>
            <ReinviteMenteeButton {...target} userId={m.userId} name={m.name} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export default async function SharingPage({ params }: PageProps<"/decks/[deckKey]/sharing">) {
  const { deckKey: key } = await params;
  const user = await requireUser(paths.deckSharing(key));
  const deck = await getDeck(key, user);
  const sharing = deck && (await getSharing(user, deck.id));
  if (!deck || !sharing) notFound();
  const k = deckKey(deck);
  const [origin, { timeZone }, checklist, removed] = await Promise.all([
    siteOrigin(),
    getStudySettings(user.id),
    sharingChecklist(user, deck.id),
    listRemovedMentees(user, deck.id),
  ]);
  const now = new Date();
  const target: DeckTarget = { deckId: deck.id, deckKey: k };

  return (
    <div className="max-w-3xl space-y-10">
      <PageHeader title="Sharing" crumbs={[{ label: deck.title, href: paths.deck(k) }]} here="sharing" />
      <ShareChecklist checklist={checklist} deckKey={k} />

      <section aria-labelledby="who" className="space-y-3">
        <h2 id="who" className="text-lg font-semibold">
          Who can see this deck
        </h2>
        <VisibilityForm {...target} visibility={sharing.visibility} />
      </section>

      <InviteLinks target={target} sharing={sharing} origin={origin} now={now} timeZone={timeZone} />
      <Mentees target={target} mentees={sharing.mentees} timeZone={timeZone} />
      <RemovedMentees target={target} removed={removed} />
      <CoEditors target={target} sharing={sharing} />
    </div>
  );
}
