"use client";

// The deck editor's card list, reordered by drag and drop: a card dropped on another takes its place
// (the ones in between shift by one), at once on screen and then on the server. The Move up / Move
// down buttons in each row stay for the keyboard and for screen readers.
import { useRouter } from "next/navigation";
import { useState, useTransition, type DragEvent, type ReactNode } from "react";
import { moveCardToAction } from "@/app/decks/actions";

export function SortableCards({ deckId, deckKey, rows }: { deckId: string; deckKey: string; rows: { id: string; row: ReactNode }[] }) {
  const router = useRouter();
  const [order, setOrder] = useState<string[] | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  // The server's order, unless a drop is on its way there.
  const ids = order && order.length === rows.length && order.every((id) => rows.some((r) => r.id === id)) ? order : rows.map((r) => r.id);
  const byId = new Map(rows.map((r) => [r.id, r.row]));

  const drop = (event: DragEvent, targetId: string) => {
    event.preventDefault();
    const cardId = dragging;
    setDragging(null);
    setOver(null);
    if (!cardId || cardId === targetId) return;
    const next = ids.filter((id) => id !== cardId);
    const index = ids.indexOf(targetId);
    next.splice(index, 0, cardId);
    setOrder(next);
    setError(null);
    startTransition(async () => {
      const result = await moveCardToAction(null, { deckId, deckKey, cardId, index });
      if (!result?.ok) {
        setOrder(null);
        setError(result?.error ?? "That move didn't save.");
      }
      router.refresh();
    });
  };

  return (
    <>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      <ol className="card-surface divide-y divide-line" aria-describedby="drag-hint" data-testid="card-list">
        {ids.map((id, i) => (
          <li
            key={id}
            draggable
            data-card-id={id}
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = "move";
              event.dataTransfer.setData("text/plain", id);
              setDragging(id);
            }}
            onDragEnd={() => {
              setDragging(null);
              setOver(null);
            }}
            onDragOver={(event) => {
              if (!dragging) return;
              event.preventDefault();
              setOver(id);
            }}
            onDrop={(event) => drop(event, id)}
            className={`flex flex-wrap items-center gap-3 p-3 sm:flex-nowrap ${dragging === id ? "opacity-60" : ""} ${
              over === id && dragging !== id ? "bg-accent/10" : ""
            }`}
          >
            <span aria-hidden="true" className="cursor-grab text-muted select-none" title="Drag to reorder">
              ⠿
            </span>
            <span className="w-8 text-right text-sm text-muted tabular-nums">{i + 1}</span>
            {byId.get(id)}
          </li>
        ))}
      </ol>
      <p id="drag-hint" className="text-xs text-muted">
        Drag a card by its handle to move it, or use its arrows.
      </p>
    </>
  );
}
