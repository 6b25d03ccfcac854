import type { Route } from "next";
import Link from "next/link";

export function TagChip({ tag, href, active, count }: { tag: string; href?: Route; active?: boolean; count?: number }) {
  const label = (
    <>
      {tag}
      {count !== undefined && <span className="ml-1 text-muted tabular-nums">{count}</span>}
    </>
  );
  if (!href) return <span className="chip">{label}</span>;
  return (
    <Link
      href={href}
      aria-current={active ? "true" : undefined}
      className={`chip min-h-8 hover:border-accent ${active ? "border-accent bg-accent/10 text-accent" : ""}`}
    >
      {label}
    </Link>
  );
}
