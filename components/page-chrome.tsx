// The pieces every page is framed with: a header (breadcrumb, title, description, actions), an empty
// state that says what to do next, and the skeletons that loading.tsx files show while data loads.
import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

export interface Crumb {
  label: string;
  href: Route;
}

export function PageHeader({
  title,
  description,
  crumbs,
  here,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  /** Links back up, ending with the page's own name (`here`). */
  crumbs?: Crumb[];
  here?: string;
  actions?: ReactNode;
}) {
  return (
    <header className={actions ? "flex flex-wrap items-center justify-between gap-3" : undefined}>
      <div>
        {crumbs && (
          <p className="text-sm text-muted">
            {crumbs.map((crumb, i) => (
              <span key={crumb.href}>
                {i > 0 && " / "}
                <Link href={crumb.href} className="link">
                  {crumb.label}
                </Link>
              </span>
            ))}
            {here && ` / ${here}`}
          </p>
        )}
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="text-muted">{description}</p>}
      </div>
      {actions && <div className="flex gap-2">{actions}</div>}
    </header>
  );
}

/** What a page shows when it has nothing yet, with the one thing to do about it. */
export function EmptyState({ children, action }: { children: ReactNode; action?: { label: string; href: Route } }) {
  return (
    <div className="card-surface p-8 text-center">
      {children}
      {action && (
        <Link href={action.href} className="btn btn-primary mt-4">
          {action.label}
        </Link>
      )}
    </div>
  );
}

/** A grey block standing in for content that is loading. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-lg bg-line ${className}`} />;
}

/** A page's shape while it loads: a title, a line, and some blocks. */
export function PageSkeleton({ blocks = 3, label = "Loading" }: { blocks?: number; label?: string }) {
  return (
    <div className="space-y-6" role="status" aria-live="polite">
      <span className="sr-only">{label}…</span>
      <div className="space-y-2">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-4 w-72 max-w-full" />
      </div>
      {Array.from({ length: blocks }, (_, i) => (
        <Skeleton key={i} className="h-24 w-full" />
      ))}
    </div>
  );
}
