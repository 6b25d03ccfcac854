// What a rating's times may claim, in one module the browser and the server both import (nothing
// else in it, so the study page's bundle gains two numbers).

/** Longer than this, the learner walked away: the answer time is capped so stats stay honest. */
export const MAX_ANSWER_MS = 5 * 60_000;

/** How far back an offline rating may be dated (older ones are dated when they arrive). */
export const MAX_RATING_AGE_MS = 7 * 24 * 60 * 60_000;
