import { describe, expect, it } from "vitest";
import {
  answerChanged,
  answerMatches,
  answerPreview,
  answersToMarkdown,
  defaultOwnPoints,
  splitOwnPoints,
  STAR_POINTS,
  studyAnswer,
} from "@/lib/answers/core";
import { ownAnswerSchema } from "@/lib/answers/schema";

const deckCard = { keyPoints: ["GIL", "threads", "processes"], ownAnswer: false };
const ownWordsCard = { keyPoints: [], ownAnswer: true };

describe("which answer and key points a study card uses", () => {
  it("uses the deck's answer and points when the learner wrote none", () => {
    expect(studyAnswer(deckCard, null)).toEqual({ shows: "deck", keyPoints: ["GIL", "threads", "processes"] });
  });

  it("shows the learner's answer first and ticks their own points", () => {
    const own = { body: "At Acme I…", keyPoints: "Outage at 2 a.m.\n\nI owned the fix\n  Postmortem  " };
    expect(studyAnswer(deckCard, own)).toEqual({ shows: "own", keyPoints: ["Outage at 2 a.m.", "I owned the fix", "Postmortem"] });
  });

  it("asks for an answer first on an own-words card, with the STAR parts as its points", () => {
    expect(studyAnswer(ownWordsCard, null)).toEqual({ shows: "write-first", keyPoints: ["Situation", "Task", "Action", "Result"] });
  });

  it("falls back to STAR on an own-words card whose answer has no points", () => {
    expect(studyAnswer(ownWordsCard, { body: "story", keyPoints: "" })).toEqual({ shows: "own", keyPoints: [...STAR_POINTS] });
  });

  it("starts a new answer from STAR only on own-words cards", () => {
    expect(defaultOwnPoints(ownWordsCard)).toEqual(["Situation", "Task", "Action", "Result"]);
    expect(defaultOwnPoints(deckCard)).toEqual([]);
  });
});

describe("own answer edits", () => {
  it("counts a change of text or points, not of blank lines or spaces around points", () => {
    const before = { body: "A", keyPoints: "one\ntwo\nthree" };
    expect(answerChanged(before, { body: "A", keyPoints: " one\n\ntwo\nthree\n" })).toBe(false);
    expect(answerChanged(before, { body: "B", keyPoints: "one\ntwo\nthree" })).toBe(true);
    expect(answerChanged(before, { body: "A", keyPoints: "one\ntwo\nfour" })).toBe(true);
  });

  it("splits stored points on any line ending", () => {
    expect(splitOwnPoints("a\r\nb\n\nc")).toEqual(["a", "b", "c"]);
  });
});

describe("the answers list", () => {
  it("previews the first words without Markdown markers", () => {
    expect(answerPreview("## When *I* led\n\n```py\nx=1\n```\nthe `team`")).toBe("When I led the team");
    expect(answerPreview("word ".repeat(100), 20)).toBe("word word word word…");
  });

  it("matches a search in the question, the answer or the points, ignoring case", () => {
    const answer = { question: "Tell me about a conflict", body: "With our DBA", keyPoints: "Listened first" };
    expect(answerMatches("CONFLICT", answer)).toBe(true);
    expect(answerMatches("dba", answer)).toBe(true);
    expect(answerMatches("listened", answer)).toBe(true);
    expect(answerMatches("deadline", answer)).toBe(false);
    expect(answerMatches("  ", answer)).toBe(true);
  });
});

describe("own answer form input", () => {
  const valid = { body: "  My story  ", keyPoints: "Situation\nTask\n\nAction\nResult" };

  it("keeps the trimmed text and the cleaned points", () => {
    expect(ownAnswerSchema.parse(valid)).toEqual({ body: "My story", keyPoints: "Situation\nTask\nAction\nResult" });
  });

  it("refuses an empty answer, too few or too many points, repeated and overlong points", () => {
    const errors = (input: Record<string, string>) => {
      const result = ownAnswerSchema.safeParse({ ...valid, ...input });
      return result.success ? null : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(errors({ body: "   " })).toEqual(["body: Write your answer first."]);
    expect(errors({ keyPoints: "a\nb" })).toEqual(["keyPoints: Write 3 to 5 key points, one per line (you have 2)."]);
    expect(errors({ keyPoints: "a\nb\nc\nd\ne\nf" })).toEqual(["keyPoints: Write 3 to 5 key points, one per line (you have 6)."]);
    expect(errors({ keyPoints: "a\nA\nc" })).toEqual(["keyPoints: Two key points say the same thing."]);
    expect(errors({ keyPoints: `a\nb\n${"x".repeat(201)}` })).toEqual(["keyPoints: A key point is at most 200 characters."]);
    expect(errors({ body: "x".repeat(20_001) })).toEqual(["body: An answer is at most 20,000 characters."]);
    expect(errors({ keyPoints: "x".repeat(2_000) })).toEqual(["keyPoints: Your key points are too long: one short line each."]);
  });

  it("refuses Markdown beyond the renderer's budget", () => {
    const result = ownAnswerSchema.safeParse({ ...valid, body: ">".repeat(200) + " deep" });
    expect(result.success).toBe(false);
  });
});

describe("the Markdown download", () => {
  it("writes each answer under its deck, in the deck file's shape: heading, slug, question body, key points, answer", () => {
    const markdown = answersToMarkdown([
      {
        deck: "Behavioural",
        cardSlug: "conflict",
        question: "Tell me about a conflict",
        body: "At **Acme**…",
        keyPoints: ["Situation", "Result"],
      },
      { deck: "Behavioural", cardSlug: "failure", question: "A failure", body: "I shipped late.", keyPoints: [] },
      { deck: "Python", cardSlug: "gil", question: "What does this print?\n\n```py\nprint(1)\n```", body: "1", keyPoints: ["one"] },
    ]);
    expect(markdown).toBe(
      [
        "# My answers",
        "deck: Behavioural",
        "## Tell me about a conflict\nslug: conflict",
        "Key points:\n- Situation\n- Result",
        "At **Acme**…",
        "## A failure\nslug: failure",
        "I shipped late.",
        "deck: Python",
        "## What does this print?\nslug: gil",
        "Question:\n\n```py\nprint(1)\n```\n\nAnswer:",
        "Key points:\n- one",
        "1",
      ].join("\n\n") + "\n",
    );
  });
});
