import { describe, expect, it } from "vitest";
import { feedbackSchema, feedbackState, mentorMaySee, verdictOf } from "@/lib/answers/feedback-state";

const at = (iso: string) => new Date(`2030-01-0${iso}T12:00:00Z`);

describe("feedback state", () => {
  it("is new without feedback, given on the current wording, revised after a later change", () => {
    expect(feedbackState(at("2"), null)).toBe("new");
    expect(feedbackState(at("2"), { answerRevisedAt: at("2") })).toBe("given");
    expect(feedbackState(at("3"), { answerRevisedAt: at("2") })).toBe("revised");
  });
});

describe("who may see a learner's answer", () => {
  const mentees = new Map([["learner", at("1")]]);
  it("a mentor sees only a shared answer of their own mentee", () => {
    expect(mentorMaySee({ userId: "learner", sharedAt: at("1") }, "mentor", mentees)).toBe(true);
    expect(mentorMaySee({ userId: "learner", sharedAt: null }, "mentor", mentees)).toBe(false);
    expect(mentorMaySee({ userId: "someone-else", sharedAt: at("1") }, "mentor", mentees)).toBe(false);
  });
  it("a share from before the learner (re)joined stays hidden", () => {
    const rejoined = new Map([["learner", at("3")]]);
    expect(mentorMaySee({ userId: "learner", sharedAt: at("2") }, "mentor", rejoined)).toBe(false);
    expect(mentorMaySee({ userId: "learner", sharedAt: at("4") }, "mentor", rejoined)).toBe(true);
  });
  it("nobody is their own mentor", () => {
    expect(mentorMaySee({ userId: "mentor", sharedAt: at("1") }, "mentor", new Map([["mentor", at("1")]]))).toBe(false);
  });
});

describe("the feedback form", () => {
  it("reads the comment, one key point a line and the verdict", () => {
    const parsed = feedbackSchema.parse({
      comment: " Good **story** ",
      suggestedPoints: "Name the result\r\n\n  Say what you learned ",
      verdict: "needs-work",
    });
    expect(parsed).toEqual({
      comment: "Good **story**",
      suggestedPoints: ["Name the result", "Say what you learned"],
      verdict: "needs-work",
    });
  });
  it("takes no verdict as null, and refuses an unknown one", () => {
    expect(feedbackSchema.parse({ comment: "Fine", suggestedPoints: "", verdict: "" }).verdict).toBeNull();
    expect(feedbackSchema.parse({ comment: "Fine", suggestedPoints: "" }).verdict).toBeNull();
    expect(feedbackSchema.safeParse({ comment: "Fine", suggestedPoints: "", verdict: "perfect" }).success).toBe(false);
  });
  it("refuses empty feedback, a comment past its size or too complex to show, and too many points", () => {
    expect(feedbackSchema.safeParse({ comment: "  ", suggestedPoints: "\n" }).success).toBe(false);
    expect(feedbackSchema.safeParse({ comment: "a".repeat(5_001), suggestedPoints: "" }).success).toBe(false);
    expect(feedbackSchema.safeParse({ comment: ">".repeat(40) + " deep", suggestedPoints: "" }).success).toBe(false);
    expect(feedbackSchema.safeParse({ comment: "", suggestedPoints: "a\nb\nc\nd\ne\nf\ng" }).success).toBe(false);
  });
  it("reads a stored verdict it doesn't know as none", () => {
    expect(verdictOf("strong")).toBe("strong");
    expect(verdictOf("brilliant")).toBeNull();
    expect(verdictOf(null)).toBeNull();
  });
});
