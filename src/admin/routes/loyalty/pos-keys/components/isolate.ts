/**
 * Data inside a translated sentence given as a plain string (a prompt, a
 * toast, an aria-label): wrapped in Unicode's first-strong isolate, the
 * string form of <bdi>, so a Latin till name never scrambles Persian text.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`
