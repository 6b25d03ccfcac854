// The card fields a CSV column can fill: shared by the importer and the browser's mapping form
// (kept apart from lib/transfer/csv.ts so the form doesn't ship the CSV parser).

/** The card fields a column can fill. */
export const CSV_FIELDS = ["question", "answer", "lead", "keyPoints", "tags", "slug"] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export const CSV_FIELD_LABELS: Record<CsvField, string> = {
  question: "Question",
  answer: "Answer",
  lead: "Lead",
  keyPoints: "Key points",
  tags: "Tags",
  slug: "Slug",
};
/** Which column fills each field (0-based); a field left out stays empty. */
export type CsvMapping = Partial<Record<CsvField, number>>;
