import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnswerFeedback } from "@/components/answers/answer-feedback";
import { CardOwnAnswer } from "@/components/answers/card-own-answer";
import { CardStudyStatus } from "@/components/card-study-status";
import { Markdown, MarkdownInline } from "@/components/markdown";
import { splitQuestion } from "@/lib/decks/schema";
import { TagChip } from "@/components/tag-chip";
import { currentUser } from "@/lib/accounts/auth";
import { getCard } from "@/lib/decks/browse";
import { cardStudyStatus } from "@/lib/review/set-aside";
import { paths } from "@/lib/routes";

export async function generateMetadata({ params }: PageProps<"/decks/[deckKey]/cards/[cardSlug]">): Promise<Metadata> {
  const { deckKey: key, cardSlug } = await params;
  const card = await getCard(key, cardSlug, await currentUser());
  return { title: card?.front ?? "Card not found" };
}

export default async function CardPage({ params }: PageProps<"/decks/[deckKey]/cards/[cardSlug]">) {
  const { deckKey: key, cardSlug } = await params;
  const user = await currentUser();
  const card = await getCard(key, cardSlug, user);
  if (!card) notFound();
  const status = user ? await cardStudyStatus(user, card.id) : null;
  const base = paths.deck(card.deck);
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm text-muted">
        <Link href={base} className="link">
          {card.deck.title}
        </Link>
      </p>
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight text-balance">
          <MarkdownInline>{card.front}</MarkdownInline>
        </h1>
        {splitQuestion(card.front).more && <Markdown>{splitQuestion(card.front).more}</Markdown>}
        <div className="flex flex-wrap gap-1.5">
          {card.tags.map((t) => (
            <TagChip key={t} tag={t} href={paths.deck(card.deck, { tag: t })} />
          ))}
        </div>
      </header>
      {status && <CardStudyStatus cardId={card.id} status={status} />}
      <section aria-label="Answer" className="card-surface p-5 sm:p-7">
        {card.keyPoints.length > 0 && (
          <div className="mb-6 space-y-4">
            <div className="border-l-4 border-accent pl-4 text-lg">
              <Markdown>{card.lead}</Markdown>
            </div>
            <div>
              <h2 className="mb-2 text-sm font-medium tracking-wide text-muted uppercase">Key points</h2>
              <ol className="list-decimal space-y-1 pl-5" data-testid="key-points">
                {card.keyPoints.map((point) => (
                  <li key={point}>{point}</li>
                ))}
              </ol>
            </div>
            {card.back && <h2 className="text-sm font-medium tracking-wide text-muted uppercase">More</h2>}
          </div>
        )}
        {card.back ? (
          <Markdown>{card.back}</Markdown>
        ) : card.keyPoints.length === 0 ? (
          <p className="text-muted">This card has no answer yet.</p>
        ) : null}
      </section>
      {user && <CardOwnAnswer viewer={user} card={card} />}
      {user && <AnswerFeedback viewer={user} cardId={card.id} deck={card.deck} />}
      <nav aria-label="Other cards" className="flex justify-between gap-3">
        {card.previous ? (
          <Link href={paths.card(card.deck, card.previous)} className="btn" rel="prev">
            ← Previous
          </Link>
        ) : (
          <span />
        )}
        {card.next && (
          <Link href={paths.card(card.deck, card.next)} className="btn" rel="next">
            Next →
          </Link>
        )}
      </nav>
    </article>
  );
}
