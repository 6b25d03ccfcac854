import type { Metadata } from "next";
import { AnkiImportForm } from "@/components/anki-import-form";
import { ImportCsvForm } from "@/components/csv-import-form";
import { ImportDeckForm, NewDeckForm } from "@/components/deck-forms";
import { requireUser } from "@/lib/accounts/auth";
import { PageHeader } from "@/components/page-chrome";

export const metadata: Metadata = { title: "New deck" };

export default async function NewDeckPage() {
  await requireUser("/decks/new");
  return (
    <div className="max-w-xl space-y-6">
      <PageHeader title="New deck" description="Give it a title; you can add cards one by one or paste a list of questions next." />
      <NewDeckForm />
      <section aria-labelledby="import" className="space-y-3 border-t border-line pt-8">
        <h2 id="import" className="text-lg font-semibold">
          Or import a deck file
        </h2>
        <ImportDeckForm />
      </section>
      <section aria-labelledby="import-csv" className="space-y-3 border-t border-line pt-8">
        <h2 id="import-csv" className="text-lg font-semibold">
          Or import questions from a spreadsheet
        </h2>
        <ImportCsvForm />
      </section>
      <section aria-labelledby="import-anki" className="space-y-3 border-t border-line pt-8">
        <h2 id="import-anki" className="text-lg font-semibold">
          Or bring your decks from Anki
        </h2>
        <AnkiImportForm />
      </section>
    </div>
  );
}
