import type { Metadata } from "next";
import Link from "next/link";
import { MarkdownInline } from "@/components/markdown";
import { EmptyState, PageHeader } from "@/components/page-chrome";
import { requireUser } from "@/lib/accounts/auth";
import { listOwnAnswers, type OwnAnswerListItem } from "@/lib/answers/own-answers";
import { formatDate } from "@/lib/format";
import { paths } from "@/lib/routes";

export const metadata: Metadata = { title: "My answers" };

/** A search longer than this is cut: nobody types more, and it is matched against every answer. */
const QUERY_MAX = 200;

function AnswerSearch({ q }: { q: string }) {
  return (
    <form role="search" action={paths.answers()} className="flex gap-2">
      <label htmlFor="answer-search" className="sr-only">
        Search your answers
      </label>
      <input
        id="answer-search"
        type="search"
        name="q"
        defaultValue={q}
        placeholder="Search questions and your answers"
        className="input"
        maxLength={QUERY_MAX}
      />
      <button type="submit" className="btn">
        Search
      </button>
    </form>
  );
}

function AnswerRow({ answer }: { answer: OwnAnswerListItem }) {
  return (
    <li>
      <Link
        href={paths.cardAnswer(answer.deck, answer.card.slug)}
        className="block space-y-1 p-4 hover:bg-black/[0.03] dark:hover:bg-white/[0.03]"
      >
        <span className="text-xs text-muted">
          {answer.deck.title} · updated <time dateTime={answer.revisedAt.toISOString()}>{formatDate(answer.revisedAt, undefined)}</time>
        </span>
        <span className="block font-medium">
          <MarkdownInline>{answer.card.front}</MarkdownInline>
        </span>
        <span className="block text-sm text-muted">{answer.preview}</span>
      </Link>
    </li>
  );
}

export default async function AnswersPage({ searchParams }: PageProps<"/answers">) {
  const query = await searchParams;
  const q = typeof query.q === "string" ? query.q.slice(0, QUERY_MAX) : "";
  const user = await requireUser(paths.answers(q));
  const answers = await listOwnAnswers(user, q);
  return (
    <div className="space-y-6">
      <PageHeader
        title="My answers"
        description="Your own answers to cards, in your own words: only you see them."
        actions={
          <a href={paths.answersExport} className="btn" download>
            Download as Markdown
          </a>
        }
      />
      <AnswerSearch q={q} />
      {answers.length === 0 ? (
        q ? (
          <p className="text-muted">No answer matches &ldquo;{q}&rdquo;.</p>
        ) : (
          <EmptyState action={{ label: "Browse decks", href: "/decks" }}>
            <p>You haven&apos;t written an answer yet. On any card, press &ldquo;Write your own answer&rdquo;.</p>
          </EmptyState>
        )
      ) : (
        <ul className="card-surface divide-y divide-line" data-testid="own-answers">
          {answers.map((answer) => (
            <AnswerRow key={`${answer.deck.id}:${answer.card.slug}`} answer={answer} />
          ))}
        </ul>
      )}
    </div>
  );
}
