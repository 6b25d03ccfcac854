// Which cards a mock interview asks and how long each question's clock runs. Pure: the random
// source is passed in, so the draw is tested without a database or chance.

/** The clock per question: a behavioural story takes about two minutes aloud, a technical answer 30 s. */
export const MOCK_CLOCK = { ownWords: 120, technical: 30 } as const;

export interface DrawnCard {
  cardId: string;
  /** "Answer in your own words" (a behavioural prompt). */
  ownAnswer: boolean;
  /** The learner wrote their own answer to it. */
  answered: boolean;
}

/** A uniform shuffle of a copy (Fisher-Yates) with `randomBelow(n)` giving 0..n-1. */
function shuffled<T>(items: readonly T[], randomBelow: (n: number) => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * The mock's questions. Without own-answer cards, own-words prompts are left out (they have no
 * deck answer to check against). With them, the cards the learner wrote an answer to come first
 * (that is what they asked to practise), then the rest of the scope, own-words prompts included.
 */
export function drawMockCards<T extends DrawnCard>(
  cards: readonly T[],
  count: number,
  includeOwnAnswers: boolean,
  randomBelow: (n: number) => number,
): T[] {
  if (!includeOwnAnswers)
    return shuffled(
      cards.filter((c) => !c.ownAnswer),
      randomBelow,
    ).slice(0, count);
  const answered = cards.filter((c) => c.answered);
  const others = cards.filter((c) => !c.answered);
  return [...shuffled(answered, randomBelow), ...shuffled(others, randomBelow)].slice(0, count);
}

/** How long a question's clock runs: two minutes for an own-words prompt, else the learner's setting. */
export function mockSeconds(card: { ownAnswer: boolean }, technicalSeconds: number): number {
  return card.ownAnswer ? MOCK_CLOCK.ownWords : technicalSeconds;
}
