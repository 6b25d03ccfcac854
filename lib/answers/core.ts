// The pure core of own answers: which answer and which key points a study card uses, the STAR
// defaults for an "answer in your own words" card, and whether a save changes the answer.
// No database, no Next: the domain module (own-answers.ts), study and the mock interview call it.

/** The four STAR parts: the key points of a behavioural answer until the learner writes their own. */
export const STAR_POINTS = ["Situation", "Task", "Action", "Result"] as const;

/** A learner's key points as stored (one per line) to a list: blank lines and surrounding spaces go. */
export function splitOwnPoints(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The card as the choice sees it. */
export interface AnsweredCard {
  /** The deck's key points. */
  keyPoints: string[];
  /** "Answer in your own words": the deck's back is guidance, not an answer. */
  ownAnswer: boolean;
}

/** The learner's own answer, when they wrote one. */
export interface OwnAnswerText {
  body: string;
  keyPoints: string;
}

/**
 * What a study card shows when revealed:
 *   own         - the learner's answer first (the deck's one click away), ticking their points
 *   deck        - the deck's answer and points, as before own answers
 *   write-first - an own-words card with no answer yet: ask the learner to write one (or skip)
 */
export type StudyAnswer =
  { shows: "own"; keyPoints: string[] } | { shows: "deck"; keyPoints: string[] } | { shows: "write-first"; keyPoints: string[] };

export function studyAnswer(card: AnsweredCard, own: OwnAnswerText | null): StudyAnswer {
  if (own) {
    const points = splitOwnPoints(own.keyPoints);
    return { shows: "own", keyPoints: points.length ? points : defaultOwnPoints(card) };
  }
  if (card.ownAnswer) return { shows: "write-first", keyPoints: [...STAR_POINTS] };
  return { shows: "deck", keyPoints: card.keyPoints };
}

/**
 * The key points a new own answer starts from: the STAR parts on an own-words card; on any other
 * card none (the learner's own points are theirs to write, the deck's are one click away).
 */
export function defaultOwnPoints(card: AnsweredCard): string[] {
  return card.ownAnswer ? [...STAR_POINTS] : [];
}

/** Whether a save changes what the learner wrote (and so keeps the earlier wording as a revision). */
export function answerChanged(before: OwnAnswerText, after: OwnAnswerText): boolean {
  return before.body !== after.body || splitOwnPoints(before.keyPoints).join("\n") !== splitOwnPoints(after.keyPoints).join("\n");
}

/** The first lines of an answer for a list: Markdown markers dropped, cut at `max` characters. */
export function answerPreview(body: string, max = 160): string {
  const plain = body
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/[`*_#>[\]]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

/** Whether an answer matches a search: the needle in its question or its text, ignoring case. */
export function answerMatches(needle: string, answer: { question: string; body: string; keyPoints: string }): boolean {
  const q = needle.trim().toLowerCase();
  if (!q) return true;
  return [answer.question, answer.body, answer.keyPoints].some((text) => text.toLowerCase().includes(q));
}

/** One answer as the Markdown download writes it. */
export interface AnswerForFile {
  deck: string;
  cardSlug: string;
  question: string;
  body: string;
  keyPoints: string[];
}

/**
 * The learner's answers as one Markdown file, in the deck file's shape where it fits (a "## question"
 * heading with "slug:" under it, then "Key points:" as a list): one section per answer, grouped
 * under their deck's title. For reading and keeping, not for importing as a deck.
 */
export function answersToMarkdown(answers: readonly AnswerForFile[]): string {
  const parts = ["# My answers"];
  let deck: string | null = null;
  for (const answer of answers) {
    if (answer.deck !== deck) {
      deck = answer.deck;
      parts.push(`deck: ${deck.replace(/\s*\n\s*/g, " ")}`);
    }
    const [heading = "", ...more] = answer.question.trim().split(/\n\s*\n/);
    const question = more.length ? [`Question:\n\n${more.join("\n\n")}\n\nAnswer:`] : [];
    const points = answer.keyPoints.length ? [["Key points:", ...answer.keyPoints.map((p) => `- ${p}`)].join("\n")] : [];
    parts.push([`## ${heading.replace(/\s*\n\s*/g, " ")}\nslug: ${answer.cardSlug}`, ...question, ...points, answer.body].join("\n\n"));
  }
  return `${parts.join("\n\n")}\n`;
}
