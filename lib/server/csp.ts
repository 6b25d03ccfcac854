// The Content Security Policy. Scripts run only with this response's nonce (Next.js puts it on its
// own scripts when it finds it in the request's CSP header; 'strict-dynamic' lets those load the
// chunks they import), so an injected <script> or inline handler never runs. Images come only from
// Drill itself or data: URLs: a card can't load a tracking pixel from another host.
// Pure: proxy.ts builds the header with it per request, and a unit test reads it.

export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    // 'unsafe-eval' only in development: React uses eval there to rebuild server error stacks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Style attributes (chart bar widths) can't carry a nonce; styles can't run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
