// The card page's own-answer part: the learner's answer when they wrote one, else a link to write it.
import Link from "next/link";
import { Markdown } from "../markdown";
import { getOwnAnswer } from "@/lib/answers/own-answers";
import { splitOwnPoints } from "@/lib/answers/core";
import type { Viewer } from "@/lib/decks/access";
import { formatDate } from "@/lib/format";
import { paths, type DeckRef } from "@/lib/routes";

export async function CardOwnAnswer({ viewer, card }: { viewer: Viewer; card: { id: string; slug: string; deck: DeckRef } }) {
  const answer = await getOwnAnswer(viewer, card.id);
  const href = paths.cardAnswer(card.deck, card.slug);
  if (!answer) {
    return (
      <p>
        <Link href={href} className="btn">
          Write your own answer
        </Link>
      </p>
    );
  }
  return (
    <section aria-labelledby="own-answer-heading" className="card-surface space-y-4 p-5 sm:p-7" data-testid="own-answer">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="own-answer-heading" className="text-lg font-semibold">
          Your answer
        </h2>
        <span className="text-sm text-muted">Revised {formatDate(answer.revisedAt, undefined)}</span>
      </div>
      <Markdown>{answer.body}</Markdown>
      <div>
        <h3 className="mb-2 text-sm font-medium tracking-wide text-muted uppercase">Your key points</h3>
        <ol className="list-decimal space-y-1 pl-5">
          {splitOwnPoints(answer.keyPoints).map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ol>
      </div>
      <Link href={href} className="btn">
        Edit your answer
      </Link>
    </section>
  );
}
