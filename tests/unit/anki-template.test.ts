// Anki's card templates rendered as Anki renders them: fields, {{FrontSide}}, sections, cloze by the
// card's number, filters, and no card where the question shows no field with content.
import { describe, expect, it } from "vitest";
import { isEmptyField, renderAnkiCard } from "@/lib/transfer/anki-template";

const BASIC_FRONT = { qfmt: "{{Front}}", afmt: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}" };
const BASIC_REVERSE = { qfmt: "{{Back}}", afmt: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}" };
const fields = ["Front", "Back", "Example"];

describe("renderAnkiCard", () => {
  it("renders Basic (and reversed card): the reverse card asks the back, without repeating the question", () => {
    expect(renderAnkiCard(BASIC_FRONT, fields, ["Capital of France?", "Paris"], 0)).toEqual({
      question: "Capital of France?",
      answer: "Paris",
    });
    expect(renderAnkiCard(BASIC_REVERSE, fields, ["Capital of France?", "Paris"], 1)).toEqual({
      question: "Paris",
      answer: "Capital of France?",
    });
  });

  it("shows {{#F}} sections when F has content and {{^F}} ones when it hasn't, nested", () => {
    const template = {
      qfmt: "{{Front}}{{#Example}} e.g. {{Example}}{{#Back}}!{{/Back}}{{/Example}}{{^Example}} (no example){{/Example}}",
      afmt: "{{Back}}",
    };
    expect(renderAnkiCard(template, fields, ["Q", "A", "ex"], 0)?.question).toBe("Q e.g. ex!");
    expect(renderAnkiCard(template, fields, ["Q", "A", "<br>"], 0)?.question).toBe("Q (no example)");
  });

  it("makes no card when the question shows no field with content, as Anki doesn't", () => {
    expect(renderAnkiCard({ qfmt: "{{#Example}}Use: {{Example}}{{/Example}}", afmt: "{{Front}}" }, fields, ["Q", "A", ""], 2)).toBeNull();
    expect(renderAnkiCard({ qfmt: "Translate: {{Example}}", afmt: "{{Front}}" }, fields, ["Q", "A", " <div></div> "], 2)).toBeNull();
    expect(renderAnkiCard({ qfmt: "Translate: {{Example}}", afmt: "{{Front}}" }, fields, ["Q", "A", "x"], 2)?.question).toBe(
      "Translate: x",
    );
  });

  it("renders a cloze by the card's number, and no card for a number the note lacks", () => {
    const cloze = { qfmt: "{{cloze:Text}}", afmt: "{{cloze:Text}}<br>{{Extra}}" };
    const text = "{{c1::Paris}} is in {{c2::France::country}}";
    expect(renderAnkiCard(cloze, ["Text", "Extra"], [text, "Europe"], 0)).toEqual({
      question: "[...] is in France",
      answer: "<b>Paris</b> is in France<br>Europe",
    });
    expect(renderAnkiCard(cloze, ["Text", "Extra"], [text, ""], 1)?.question).toBe("Paris is in [country]");
    expect(renderAnkiCard(cloze, ["Text", "Extra"], [text, ""], 2)).toBeNull();
  });

  it("drops type: and tts:, strips HTML for text:, shows hint: fields, and ignores unknown fields and comments", () => {
    const template = {
      qfmt: "{{text:Front}} {{type:Back}}{{tts en_US:Front}}{{!comment}}{{Nope}}",
      afmt: "{{FrontSide}}<hr id=answer>{{hint:Example}}",
    };
    expect(renderAnkiCard(template, fields, ["<b>Q</b>", "A", "a hint"], 0)).toEqual({ question: "Q", answer: "a hint" });
  });

  it("keeps an unclosed section as text and drops a stray close", () => {
    expect(renderAnkiCard({ qfmt: "{{#Back}}{{Front}}{{/Example}}", afmt: "" }, fields, ["Q", "A", ""], 0)?.question).toBe("{{#Back}}Q");
  });

  it("counts whitespace, <br> and empty <div>s as an empty field", () => {
    expect([isEmptyField(" <br> <div></div>&nbsp;"), isEmptyField("x")]).toEqual([true, false]);
  });
});
