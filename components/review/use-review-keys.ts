"use client";

// The review screen's keyboard: Space/Enter reveal, 1-4 grade, Z undo, B bury, S suspend, E edit.
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
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true]")) return;
      const k = latest.current;
      const onButton = Boolean(target?.closest("button"));
      const onLink = Boolean(target?.closest("a"));
      const key = event.key.toLowerCase();
      const reveals = (event.key === " " && !onButton) || (event.key === "Enter" && !onButton && !onLink);
      if (reveals && !k.revealed && k.hasCard) {
        event.preventDefault();
        k.reveal();
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
