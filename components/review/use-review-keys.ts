"use client";

// The review screen's keyboard: Space/Enter reveal, Shift+1-6 tick a key point, Shift+0 say none
// was said, Enter accept the suggested grade (nothing before the checklist is used), 1-4 grade, Z undo, B bury, S suspend, E edit. Ticks use Shift so they never clash
// with grading (Shift+1 types "!", so it is matched by the physical key).
// The keys work wherever focus is (the header's Study link included), except in a text field, and
// Space or Enter on a focused button presses that button, as Enter on a link follows it.
import { useEffect, useRef } from "react";
import type { RatingValue } from "@/lib/scheduling/fsrs";

export interface ReviewKeys {
  /** A card is showing. */
  hasCard: boolean;
  revealed: boolean;
  canEdit: boolean;
  reveal: () => void;
  /** The grade Enter accepts once revealed (null: no checklist, or nothing ticked yet: Enter does nothing). */
  suggested: RatingValue | null;
  /** Ticks or unticks key point `index` (0-based). */
  toggle: (index: number) => void;
  /** "None": no key point was said. */
  saidNone: () => void;
  grade: (rating: RatingValue) => void;
  undo: () => void;
  bury: () => void;
  suspend: () => void;
  edit: () => void;
}

export function useReviewKeys(keys: ReviewKeys): void {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const pointKey = event.shiftKey ? /^Digit([0-6])$/.exec(event.code) : null;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input:not([type=checkbox]), textarea, select, [contenteditable=true]")) return;
      const k = latest.current;
      const onButton = Boolean(target?.closest("button"));
      const onLink = Boolean(target?.closest("a"));
      const key = event.key.toLowerCase();
      const reveals = (event.key === " " && !onButton) || (event.key === "Enter" && !onButton && !onLink);
      if (reveals && !k.revealed && k.hasCard) {
        event.preventDefault();
        k.reveal();
      } else if (pointKey && k.revealed) {
        event.preventDefault();
        if (pointKey[1] === "0") k.saidNone();
        else k.toggle(Number(pointKey[1]) - 1);
      } else if (event.key === "Enter" && k.revealed && k.suggested !== null && !onButton && !onLink) {
        event.preventDefault();
        k.grade(k.suggested);
      } else if (["1", "2", "3", "4"].includes(event.key) && k.revealed) {
        event.preventDefault();
        k.grade(Number(event.key) as RatingValue);
      } else if (key === "z") {
        event.preventDefault();
        k.undo();
      } else if (key === "b" && k.hasCard) {
        event.preventDefault();
        k.bury();
      } else if (key === "s" && k.hasCard) {
        event.preventDefault();
        k.suspend();
      } else if (key === "e" && k.canEdit) {
        event.preventDefault();
        k.edit();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
