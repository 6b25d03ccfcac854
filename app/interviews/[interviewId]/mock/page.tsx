import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MockInterview } from "@/components/interviews/mock-interview";
import { Markdown, MarkdownInline } from "@/components/markdown";
import { EmptyState, PageHeader } from "@/components/page-chrome";
import { requireUser } from "@/lib/accounts/auth";
import { getInterview } from "@/lib/interviews/interviews";
import { MOCK_QUESTIONS, MOCK_SECONDS, mockQuestions } from "@/lib/interviews/mock";
import { MOCK_CLOCK } from "@/lib/interviews/mock-draw";
import { medianAnswerMs } from "@/lib/review/answer-times";
import { getStudySettings } from "@/lib/review/settings";
import { paths } from "@/lib/routes";

export const metadata: Metadata = { title: "Mock interview" };

/** A whole number from the query within bounds, or the default (a bad value is not an error page). */
function bounded(value: string | string[] | undefined, bounds: { min: number; max: number; default: number }): number {
  const n = typeof value === "string" && /^\d{1,4}$/.test(value) ? Number(value) : bounds.default;
  return Math.min(bounds.max, Math.max(bounds.min, n));
}

/** Before the start: how many questions, how long for each, and whether own-answer cards come in (`?start=1&n=&seconds=&own=1`). */
function MockSettingsForm({ count, seconds, ownAnswers }: { count: number; seconds: number; ownAnswers: boolean }) {
  return (
    <form method="get" className="card-surface space-y-4 p-5">
      <input type="hidden" name="start" value="1" />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor="mock-n" className="block text-sm font-medium">
            Questions
          </label>
          <input
            id="mock-n"
            name="n"
            type="number"
            min={MOCK_QUESTIONS.min}
            max={MOCK_QUESTIONS.max}
            defaultValue={count}
            className="input"
          />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="mock-seconds" className="block text-sm font-medium">
            Seconds per question
          </label>
          <input
            id="mock-seconds"
            name="seconds"
            type="number"
            min={MOCK_SECONDS.min}
            max={MOCK_SECONDS.max}
            step={15}
            defaultValue={seconds}
            className="input"
          />
        </div>
      </div>
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" name="own" value="1" defaultChecked={ownAnswers} className="mt-1" />
        <span>
          <strong>Include own-answer cards</strong>{" "}
          <span className="text-muted">
            (the cards you wrote your own answer to come first, behavioural prompts are asked too, {MOCK_CLOCK.ownWords / 60} minutes each;
            you tick your own key points)
          </span>
        </span>
      </label>
      <button type="submit" className="btn btn-primary">
        Start the mock interview
      </button>
    </form>
  );
}

export default async function MockInterviewPage({ params, searchParams }: PageProps<"/interviews/[interviewId]/mock">) {
  const { interviewId } = await params;
  const query = await searchParams;
  const user = await requireUser(paths.interviewMock(interviewId));
  const interview = await getInterview(user, interviewId);
  if (!interview) notFound();
  const started = query.start === "1";
  const count = bounded(query.n, MOCK_QUESTIONS);
  const seconds = bounded(query.seconds, MOCK_SECONDS);
  const ownAnswers = query.own === "1";
  const decks = new Map(interview.decks.map((d) => [d.id, d]));
  const header = (
    <PageHeader
      crumbs={[
        { label: "Interviews", href: paths.interviews },
        { label: interview.label, href: paths.interview(interview.id) },
      ]}
      here="Mock interview"
      title="Mock interview"
      description="Random questions from this interview's cards, one at a time, against the clock. Answer aloud, then reveal and grade honestly: each answer is saved as a review."
    />
  );

  if (!started) {
    return (
      <div className="max-w-2xl space-y-6">
        {header}
        <MockSettingsForm count={count} seconds={seconds} ownAnswers={ownAnswers} />
      </div>
    );
  }

  const [questions, settings, median] = await Promise.all([
    mockQuestions(user, interview, count, { ownAnswers, seconds }),
    getStudySettings(user.id),
    medianAnswerMs(user.id),
  ]);
  if (questions.length === 0) {
    return (
      <div className="max-w-2xl space-y-6">
        {header}
        <EmptyState action={{ label: "Back to the interview", href: paths.interview(interview.id) }}>
          <p>This interview has no cards to ask: its decks are empty, or you no longer study them.</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="max-w-3xl space-y-6">
      {header}
      <MockInterview
        userId={user.id}
        backHref={paths.interview(interview.id)}
        scheduler={settings.scheduler}
        medianAnswerMs={median}
        cards={questions.map((q) => ({
          cardId: q.cardId,
          seconds: q.seconds,
          deckId: q.deckId,
          version: q.version,
          memory: q.memory,
          front: <Markdown className="card-question">{q.front}</Markdown>,
          frontLine: <MarkdownInline>{q.front}</MarkdownInline>,
          lead: q.lead ? <Markdown>{q.lead}</Markdown> : null,
          keyPoints: q.study.keyPoints,
          deckPoints: q.keyPoints,
          back: q.back ? <Markdown>{q.back}</Markdown> : null,
          own: q.ownBody === null ? null : <Markdown>{q.ownBody}</Markdown>,
          tags: q.tags,
          href: paths.card(decks.get(q.deckId) ?? q.deckId, q.slug),
          answerHref: paths.cardAnswer(decks.get(q.deckId) ?? q.deckId, q.slug),
        }))}
      />
    </div>
  );
}
