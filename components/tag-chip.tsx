import type { Route } from "next";
import Link from "next/link";

export function TagChip({ tag, href, active, count }: { tag: string; href?: Route; active?: boolean; count?: number }) {
  const label = (
    <>
      {tag}
      {count !== undefined && <span className="text-muted ml-1 tabular-nums">{count}</span>}
    </>
  );
  if (!href) return <span className="chip">{label}</span>;
  return (
    <Link
      href={href}
      aria-current={active ? "true" : undefined}
      className={`chip hover:border-accent min-h-8 ${active ? "border-accent bg-accent/10 text-accent" : ""}`}
    >
      {label}
    </Link>
  );
}
