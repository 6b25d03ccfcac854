"use client";

// The mentor's private name for a mentee (the mentee never sees it).
import { setNicknameAction } from "@/app/decks/actions";
import { ActionForm } from "./action-form";
import { Field } from "./form";

export function NicknameForm({ deckId, deckKey, userId, nickname }: { deckId: string; deckKey: string; userId: string; nickname: string }) {
  return (
    <ActionForm
      action={setNicknameAction}
      hidden={{ deckId, deckKey, userId }}
      className="flex flex-wrap items-end gap-2"
      success={() => "Saved. Only you see this name."}
    >
      {({ pending, errors, value }) => (
        <>
          <div className="min-w-0 flex-1">
            <Field
              label="Your name for them"
              name="nickname"
              defaultValue={value("nickname", nickname)}
              hint="Private: only you see it, on your dashboard."
              errors={errors("nickname")}
            />
          </div>
          <button type="submit" className="btn" disabled={pending}>
            {pending ? "Saving…" : "Save name"}
          </button>
        </>
      )}
    </ActionForm>
  );
}
