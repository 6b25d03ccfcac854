import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnswerFeedback } from "@/components/answers/answer-feedback";
import { OwnAnswerForm } from "@/components/answers/own-answer-form";
import { Markdown, MarkdownInline } from "@/components/markdown";
import { requireUser } from "@/lib/accounts/auth";
import { getAnswerPage } from "@/lib/answers/own-answers";
import { safeReturnPath } from "@/lib/accounts/return-path";
import { paths } from "@/lib/routes";

export const metadata: Metadata = { title: "Your answer" };

export default async function OwnAnswerPage({ params, searchParams }: PageProps<"/decks/[deckKey]/cards/[cardSlug]/answer">) {
  const { deckKey, cardSlug } = await params;
  const { return: back } = await searchParams;
  const here = paths.cardAnswer(deckKey, cardSlug);
  const user = await requireUser(here);
  const page = await getAnswerPage(deckKey, cardSlug, user);
  if (!page) notFound();
  const { card, answer, defaultPoints } = page;
  const returnTo = typeof back === "string" && back.startsWith("/") ? safeReturnPath(back) : undefined;
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm text-muted">
        <Link href={paths.deck(card.deck)} className="link">
          {card.deck.title}
        </Link>{" "}
        ·{" "}
        <Link href={paths.card(card.deck, card.slug)} className="link">
          Back to the card
        </Link>
      </p>
      <header className="space-y-2">
        <p className="text-sm font-medium tracking-wide text-muted uppercase">Your own answer</p>
        <h1 className="text-2xl font-semibold tracking-tight text-balance">
          <MarkdownInline>{card.front}</MarkdownInline>
        </h1>
      </header>
      <details className="card-surface p-5" open={card.ownAnswer && !answer}>
        <summary className="cursor-pointer font-medium">{card.ownAnswer ? "Guidance from the deck" : "The deck's answer"}</summary>
        <div className="mt-3 space-y-3">
          {card.lead && <Markdown>{card.lead}</Markdown>}
          {card.keyPoints.length > 0 && (
            <ol className="list-decimal space-y-1 pl-5">
              {card.keyPoints.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ol>
          )}
          {card.back && <Markdown>{card.back}</Markdown>}
        </div>
      </details>
      <OwnAnswerForm
        cardId={card.id}
        deckKey={deckKey}
        cardSlug={card.slug}
        body={answer?.body ?? ""}
        keyPoints={answer?.keyPoints ?? defaultPoints.join("\n")}
        returnTo={returnTo}
        saved={Boolean(answer)}
      />
      {answer && <AnswerFeedback viewer={user} cardId={card.id} deck={card.deck} />}
    </article>
  );
}
