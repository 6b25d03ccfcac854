import type { Metadata } from "next";
import Link from "next/link";
import { AnkiImportForm } from "@/components/anki-import-form";
import { ImportCsvForm } from "@/components/csv-import-form";
import { ImportDeckForm } from "@/components/deck-forms";
import { PageHeader } from "@/components/page-chrome";
import { requireUser } from "@/lib/accounts/auth";

export const metadata: Metadata = { title: "Import" };

// Every way in, where someone coming from Anki looks for it: /decks → Import (issue 25.8).
export default async function ImportPage() {
  await requireUser("/decks/import");
  return (
    <div className="max-w-xl space-y-6">
      <PageHeader title="Import" description="Bring your cards from Anki, a spreadsheet, a list of questions or a Drill deck file." />
      <section aria-labelledby="import-anki" className="space-y-3">
        <h2 id="import-anki" className="text-lg font-semibold">
          From Anki
        </h2>
        <AnkiImportForm />
      </section>
      <section aria-labelledby="import-csv" className="space-y-3 border-t border-line pt-8">
        <h2 id="import-csv" className="text-lg font-semibold">
          From a spreadsheet (CSV or TSV)
        </h2>
        <ImportCsvForm />
      </section>
      <section aria-labelledby="import-paste" className="space-y-3 border-t border-line pt-8">
        <h2 id="import-paste" className="text-lg font-semibold">
          Paste a list of questions
        </h2>
        <p className="text-sm text-muted">
          Create a deck, then paste your questions (with their answers, code blocks and all) on its edit page, with a preview before they
          are added.
        </p>
        <Link href="/decks/new" className="btn">
          New deck to paste into
        </Link>
      </section>
      <section aria-labelledby="import-file" className="space-y-3 border-t border-line pt-8">
        <h2 id="import-file" className="text-lg font-semibold">
          A Drill deck file
        </h2>
        <ImportDeckForm />
      </section>
    </div>
  );
}
