"use client";

// Forms on a deck's sharing page: visibility, invite links, co-editors, mentees.
import { useState } from "react";
import {
  inviteEditorAction,
  createInviteAction,
  removeEditorAction,
  reinviteMenteeAction,
  removeMenteeAction,
  revokeInviteAction,
  setVisibilityAction,
} from "@/app/decks/actions";
import { ActionForm } from "./action-form";
import { Field } from "./form";

const VISIBILITY_OPTIONS = [
  {
    value: "private",
    label: "Private",
    hint: "Only you and co-editors. Invite links stop working and mentees lose access while it is private; their own review history stays theirs, and sharing the deck again gives them access back.",
  },
  { value: "link", label: "Anyone with an invite link", hint: "People you send a link to can join as your mentees." },
  { value: "public", label: "Public", hint: "Listed in the deck library; anyone signed in can study it. Invite links still make mentees." },
];

export function VisibilityForm({ deckId, deckKey, visibility }: { deckId: string; deckKey: string; visibility: string }) {
  return (
    <ActionForm action={setVisibilityAction} hidden={{ deckId, deckKey }} success={() => "Saved."}>
      {({ pending }) => (
        <fieldset className="space-y-3">
          <legend className="sr-only">Who can see this deck</legend>
          {VISIBILITY_OPTIONS.map((o) => (
            <label key={o.value} className="flex items-start gap-3">
              <input type="radio" name="visibility" value={o.value} defaultChecked={o.value === visibility} className="mt-1" />
              <span>
                <span className="font-medium">{o.label}</span>
                <span className="block text-sm text-muted">{o.hint}</span>
              </span>
            </label>
          ))}
          <button type="submit" className="btn" disabled={pending}>
            {pending ? "Saving…" : "Save visibility"}
          </button>
        </fieldset>
      )}
    </ActionForm>
  );
}

function CopyLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex min-w-0 flex-1 gap-2">
      <input readOnly value={url} aria-label="Invite link" className="input min-w-0 font-mono text-xs" onFocus={(e) => e.target.select()} />
      <button
        type="button"
        className="btn shrink-0"
        onClick={async () => {
          await navigator.clipboard?.writeText(url).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}

export function NewInviteForm({ deckId, deckKey, origin }: { deckId: string; deckKey: string; origin: string }) {
  return (
    <ActionForm
      action={createInviteAction}
      hidden={{ deckId, deckKey }}
      className="space-y-3"
      success={(data) => (
        <div className="space-y-1">
          {data.openedToLinks && <p className="font-medium">This deck was private: it is now open to anyone with an invite link.</p>}
          <p>Invite link created. Send it to your mentee:</p>
          <CopyLink url={`${origin}/join/${data.token}`} />
        </div>
      )}
    >
      {({ pending, errors, value }) => (
        <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
          <Field
            label="Note (optional)"
            name="label"
            placeholder="e.g. Alex, spring cohort"
            defaultValue={value("label")}
            errors={errors("label")}
          />
          <Field
            label="Expires after (days)"
            name="expiresInDays"
            type="number"
            min="1"
            max="365"
            placeholder="never"
            defaultValue={value("expiresInDays")}
            errors={errors("expiresInDays")}
          />
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? "Creating…" : "Create invite link"}
          </button>
        </div>
      )}
    </ActionForm>
  );
}

export function InviteRow({
  deckId,
  deckKey,
  invite,
  origin,
  status,
}: {
  deckId: string;
  deckKey: string;
  invite: { id: string; token: string; label: string };
  origin: string;
  status: string;
}) {
  const active = status === "active" || status.startsWith("expires");
  return (
    <li className="flex flex-wrap items-center gap-3 p-4">
      <div className="w-full sm:w-48">
        <p className="font-medium">{invite.label || "Invite link"}</p>
        <p className="text-xs text-muted">{status}</p>
      </div>
      {active ? (
        <>
          <CopyLink url={`${origin}/join/${invite.token}`} />
          <ActionForm
            action={revokeInviteAction}
            hidden={{ deckId, deckKey, inviteId: invite.id }}
            confirm="Revoke this link? Nobody new can join with it; mentees who joined stay."
          >
            {({ pending }) => (
              <button type="submit" className="btn text-danger" disabled={pending}>
                Revoke
              </button>
            )}
          </ActionForm>
        </>
      ) : null}
    </li>
  );
}

export function InviteEditorForm({ deckId, deckKey }: { deckId: string; deckKey: string }) {
  return (
    <ActionForm
      action={inviteEditorAction}
      hidden={{ deckId, deckKey }}
      success={() => "Invitation sent. They become a co-editor when they accept it."}
    >
      {({ pending, errors, value }) => (
        <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
          <Field
            label="Co-editor's email"
            name="email"
            type="email"
            autoComplete="off"
            defaultValue={value("email")}
            errors={errors("email")}
          />
          <button type="submit" className="btn" disabled={pending}>
            {pending ? "Sending…" : "Invite co-editor"}
          </button>
        </div>
      )}
    </ActionForm>
  );
}

/** Cancels an invitation that hasn't been accepted (its link stops working). */
export function CancelInvitationButton({
  deckId,
  deckKey,
  inviteId,
  email,
}: {
  deckId: string;
  deckKey: string;
  inviteId: string;
  email: string;
}) {
  return (
    <ActionForm action={revokeInviteAction} hidden={{ deckId, deckKey, inviteId }} confirm={`Cancel the invitation to ${email}?`}>
      {({ pending }) => (
        <button type="submit" className="btn text-danger" disabled={pending}>
          Cancel invitation
        </button>
      )}
    </ActionForm>
  );
}

export function RemoveMemberButton({
  deckId,
  deckKey,
  userId,
  role,
  name,
}: {
  deckId: string;
  deckKey: string;
  userId: string;
  role: "editor" | "mentee";
  name: string;
}) {
  const action = role === "editor" ? removeEditorAction : removeMenteeAction;
  const confirm =
    role === "editor"
      ? `Remove ${name} as co-editor? They can no longer edit this deck.`
      : `Remove ${name} from this deck? They lose access to it and you no longer see their progress. They keep their review history. Their invite link no longer adds them, until you invite them again.`;
  return (
    <ActionForm action={action} hidden={{ deckId, deckKey, userId }} confirm={confirm}>
      {({ pending }) => (
        <button type="submit" className="btn btn-ghost text-danger" disabled={pending} aria-label={`Remove ${name}`}>
          Remove
        </button>
      )}
    </ActionForm>
  );
}

/** Lifts a removed mentee's bar: the invite link they had used adds them again. */
export function ReinviteMenteeButton({ deckId, deckKey, userId, name }: { deckId: string; deckKey: string; userId: string; name: string }) {
  return (
    <ActionForm action={reinviteMenteeAction} hidden={{ deckId, deckKey, userId }}>
      {({ pending }) => (
        <button type="submit" className="btn btn-ghost" disabled={pending} aria-label={`Re-invite ${name}`}>
          Re-invite
        </button>
      )}
    </ActionForm>
  );
}
