import type { Metadata } from "next";
import Link from "next/link";
import { MarkdownHtml } from "@/components/markdown";
import { renderCardHtml } from "@/lib/markdown/render";
import { ReviewSession, type SessionCard } from "@/components/review/review-session";
import { requireUser } from "@/lib/accounts/auth";
import { getDeck, type DeckDetail } from "@/lib/decks/browse";
import { loadCustomSession, type StudyCard } from "@/lib/review/session";
import { studyToday } from "@/lib/views/study-day";
import type { CustomSession } from "@/components/review/session-end";
import { listStudiedDecks, type StudiedDeck } from "@/lib/review/studying";
import { paths } from "@/lib/routes";
import { keyParam } from "@/lib/query-params";
import type { TodaysPlan } from "@/lib/interviews/readiness";
import { formatDateTime, percent, plural } from "@/lib/format";

export const metadata: Metadata = { title: "Study" };

/** The card as the session shows it: its Markdown rendered here, on the server, and its links made. */
async function toSessionCard(
  card: StudyCard,
  decksById: Map<string, StudiedDeck>,
  editableIds: Set<string>,
  studyHref: string,
): Promise<SessionCard> {
  const deck = decksById.get(card.deckId) ?? card.deckId;
  const [front, lead, back, own] = await Promise.all([
    renderCardHtml(card.front),
    card.lead ? renderCardHtml(card.lead) : null,
    card.back ? renderCardHtml(card.back) : card.keyPoints.length ? null : renderCardHtml("_This card has no answer yet._"),
    card.ownBody === null ? null : renderCardHtml(card.ownBody),
  ]);
  return {
    cardId: card.cardId,
    deckId: card.deckId,
    version: card.version,
    memory: card.memory,
    front: <MarkdownHtml className="card-question" html={front} />,
    lead: lead === null ? null : <MarkdownHtml html={lead} />,
    keyPoints: card.study.keyPoints,
    deckPoints: card.keyPoints,
    back: back === null ? null : <MarkdownHtml html={back} />,
    own: own === null ? null : <MarkdownHtml html={own} />,
    writeFirst: card.study.shows === "write-first",
    answerHref: paths.cardAnswer(deck, card.slug, studyHref),
    cardHref: paths.card(deck, card.slug),
    tags: card.tags,
    editHref: editableIds.has(card.deckId) ? paths.cardEdit(deck, card.slug) : null,
  };
}

function NoStudiedDecks() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-10 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">You aren&apos;t studying any decks yet</h1>
      <p className="text-muted">Pick a deck and press &ldquo;Start studying&rdquo;: its cards will show up here every day.</p>
      <Link href="/decks" className="btn btn-primary">
        Browse decks
      </Link>
    </div>
  );
}

function DeckChips({ studied, studiedDeck }: { studied: StudiedDeck[]; studiedDeck: StudiedDeck | undefined }) {
  return (
    <nav aria-label="Decks to study" className="flex flex-wrap items-center gap-2 text-sm">
      <h1 className="mr-2 text-lg font-semibold tracking-tight">{studiedDeck ? studiedDeck.title : "Today"}</h1>
      {studied.length > 1 && (
        <>
          <Link
            href="/study"
            className={`chip min-h-8 ${!studiedDeck ? "border-accent text-accent" : ""}`}
            aria-current={!studiedDeck ? "page" : undefined}
          >
            All decks
          </Link>
          {studied.map((d) => (
            <Link
              key={d.id}
              href={paths.study({ deck: d })}
              className={`chip min-h-8 ${studiedDeck?.id === d.id ? "border-accent text-accent" : ""}`}
              aria-current={studiedDeck?.id === d.id ? "page" : undefined}
            >
              {d.title}
            </Link>
          ))}
        </>
      )}
    </nav>
  );
}

function CustomSessionLine({ custom, studiedDeck }: { custom: NonNullable<CustomSession>; studiedDeck: StudiedDeck | undefined }) {
  return (
    <p role="status" className="card-surface px-4 py-2 text-sm" data-testid="custom-session">
      {custom.kind === "ahead"
        ? "Reviewing ahead: the cards due soonest after today. An early review counts for less, so FSRS lengthens their intervals less."
        : `Drilling “${custom.tag}”: its cards you reviewed longest ago, then ones you haven't met.`}{" "}
      <Link href={paths.study({ deck: studiedDeck ?? undefined })} className="link">
        Back to today&apos;s queue
      </Link>
    </p>
  );
}

/** The next interview and how today's queue serves it; none while a custom session runs. */
function InterviewLine({ plan }: { plan: TodaysPlan }) {
  if (!plan.next) return null;
  return (
    <p className="card-surface px-4 py-2 text-sm" data-testid="interview-line">
      <Link href={paths.interview(plan.next.interview.id)} className="link font-medium">
        {plan.next.interview.label}
      </Link>{" "}
      on {formatDateTime(plan.next.interview.at, plan.next.interview.timeZone)}: {percent(plan.next.now)} ready now,{" "}
      {percent(plan.next.onPlan)} on plan (aim {percent(plan.next.interview.target)}).{" "}
      {plan.newCardIds.length + plan.pulledIds.length > 0
        ? `Today's plan comes first: ${plural(plan.newCardIds.length, "new card")} and ${plural(plan.pulledIds.length, "review")} brought forward.`
        : "Today's plan is just your due cards."}
    </p>
  );
}

function NotStudiedDeck({ deck }: { deck: DeckDetail }) {
  return (
    <p role="status" className="card-surface px-4 py-2 text-sm">
      You aren&apos;t studying &ldquo;{deck.title}&rdquo;, so this is your queue for all decks.{" "}
      <Link href={paths.deck(deck)} className="link">
        Open the deck
      </Link>
    </p>
  );
}

export default async function StudyPage({ searchParams }: PageProps<"/study">) {
  const query = await searchParams;
  const deckParam = keyParam(query.deck);
  // Custom sessions: review ahead (?ahead=1) or drill a tag (?tag=name).
  const tagParam = typeof query.tag === "string" && /^[\w:.+#-]{1,40}$/.test(query.tag) ? query.tag : undefined;
  const custom: CustomSession = query.ahead === "1" ? { kind: "ahead" } : tagParam ? { kind: "tag", tag: tagParam } : null;
  const user = await requireUser(paths.study({ deck: typeof deckParam === "string" ? deckParam : undefined }));
  const studied = await listStudiedDecks(user);

  if (studied.length === 0) return <NoStudiedDecks />;
  // The deck the URL names, found among the studied ones by id or slug without another read; a deck
  // the learner doesn't study is looked up only to say so.
  const studiedDeck = typeof deckParam === "string" ? studied.find((d) => d.id === deckParam || d.slug === deckParam) : undefined;
  const deck = typeof deckParam === "string" && !studiedDeck ? await getDeck(deckParam, user) : null;
  const deckId = studiedDeck ? studiedDeck.id : undefined;
  const { session, plan } = custom
    ? {
        session: await loadCustomSession(user, custom.kind === "ahead" ? { ahead: true, deckId } : { tag: custom.tag, deckId }),
        plan: null,
      }
    : await studyToday(user, { deckId });
  const decksById = new Map(studied.map((d) => [d.id, d]));
  const editableIds = new Set(session.editableDeckIds);
  // Writing an own answer from the session comes back to this same session.
  const studyHref = paths.study({
    deck: studiedDeck,
    ahead: custom?.kind === "ahead",
    tag: custom?.kind === "tag" ? custom.tag : undefined,
  });
  const [ready, waiting] = await Promise.all([
    Promise.all(session.queue.ready.map((card) => toSessionCard(card, decksById, editableIds, studyHref))),
    Promise.all(session.queue.waiting.map((card) => toSessionCard(card, decksById, editableIds, studyHref))),
  ]);

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <DeckChips studied={studied} studiedDeck={studiedDeck} />
      {custom && <CustomSessionLine custom={custom} studiedDeck={studiedDeck} />}
      {plan && <InterviewLine plan={plan} />}
      {deck && <NotStudiedDeck deck={deck} />}
      <ReviewSession
        key={`${studiedDeck?.id ?? "all"}:${custom?.kind ?? "today"}:${custom?.kind === "tag" ? custom.tag : ""}`}
        userId={user.id}
        initial={{ ready, waiting }}
        dayEnd={session.day.end}
        scheduler={session.settings.scheduler}
        deckId={deckId}
        custom={custom}
        medianAnswerMs={session.medianAnswerMs}
        typeAnswer={session.settings.typeAnswer}
      />
    </div>
  );
}
