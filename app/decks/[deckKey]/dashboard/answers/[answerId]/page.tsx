// One answer a mentee shared with their mentor, in the mentee's own words, with the mentor's feedback
// form. Not shared (any more), not the viewer's mentee, or not there: the same 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { VerdictBadge } from "@/components/answers/answer-feedback";
import { FeedbackForm } from "@/components/answers/feedback-form";
import { Markdown, MarkdownInline } from "@/components/markdown";
import { PageHeader } from "@/components/page-chrome";
import { requireUser } from "@/lib/accounts/auth";
import { getSharedAnswer, type SharedAnswer } from "@/lib/answers/feedback";
import { getDeck } from "@/lib/decks/browse";
import { formatDateTime } from "@/lib/format";
import { isKey } from "@/lib/query-params";
import { getStudySettings } from "@/lib/review/settings";
import { deckKey, paths } from "@/lib/routes";

export const metadata: Metadata = { title: "Shared answer" };

function KeyPoints({ points, testId }: { points: string[]; testId?: string }) {
  if (points.length === 0) return null;
  return (
    <ol className="list-decimal space-y-1 pl-5 text-sm" data-testid={testId}>
      {points.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ol>
  );
}

/** The wording the mentor's feedback was about, when the mentee has rewritten it since. */
function EarlierWording({ earlier, timeZone }: { earlier: NonNullable<SharedAnswer["earlier"]>; timeZone: string }) {
  return (
    <details className="card-surface p-4" data-testid="earlier-wording">
      <summary className="cursor-pointer text-sm font-medium">
        The wording your feedback was on ({formatDateTime(earlier.writtenAt, timeZone)})
      </summary>
      <div className="mt-3 space-y-3">
        <Markdown>{earlier.body}</Markdown>
        <KeyPoints points={earlier.keyPoints} />
      </div>
    </details>
  );
}

export default async function SharedAnswerPage({ params }: PageProps<"/decks/[deckKey]/dashboard/answers/[answerId]">) {
  const { deckKey: key, answerId } = await params;
  const user = await requireUser(paths.deckDashboard(key));
  const deck = await getDeck(key, user);
  if (!deck || !isKey(answerId)) notFound();
  const [answer, { timeZone }] = await Promise.all([getSharedAnswer(user, deck.id, answerId), getStudySettings(user.id)]);
  if (!answer) notFound();

  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title={`${answer.menteeName}'s answer`}
        crumbs={[
          { label: "Decks", href: "/decks" },
          { label: deck.title, href: paths.deck(deck) },
          { label: "Mentees", href: paths.deckDashboard(deck) },
        ]}
        description={`Last changed ${formatDateTime(answer.revisedAt, timeZone)}.${answer.state === "revised" ? " Revised after your feedback." : ""}`}
      />
      <h2 className="text-xl font-semibold">
        <MarkdownInline>{answer.card.front}</MarkdownInline>
      </h2>
      <section aria-label="Their answer" className="card-surface space-y-4 p-5" data-testid="shared-answer">
        <Markdown>{answer.body}</Markdown>
        <KeyPoints points={answer.keyPoints} testId="shared-answer-points" />
      </section>
      {answer.earlier && <EarlierWording earlier={answer.earlier} timeZone={timeZone} />}
      <section aria-labelledby="feedback-heading" className="card-surface space-y-3 p-5">
        <h2 id="feedback-heading" className="flex items-center gap-2 font-semibold">
          Your feedback {answer.feedback && <VerdictBadge verdict={answer.feedback.verdict} />}
        </h2>
        <FeedbackForm deckId={deck.id} deckKey={deckKey(deck)} answerId={answer.answerId} given={answer.feedback} />
      </section>
    </div>
  );
}
