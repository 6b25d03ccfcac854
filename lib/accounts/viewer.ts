// Who is looking: the signed-in user as every domain sees them. Each query that checks access takes
// one (decks/access.ts puts it in the query's `where`); a session user is one.
export interface Viewer {
  id: string;
}
