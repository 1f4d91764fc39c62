/**
 * RFM segments as pure functions: the eleven named segments, their Persian
 * and English names, the classic R×FM grid that names a customer from their
 * scores, and the quintile score of a value among all customers. The nightly
 * scoring (services/scores.ts) runs the same grid and the same formula in
 * SQL, generated from here, so the names a segment condition filters on and
 * the names the admin reads cannot drift apart.
 */

/** The named RFM segments, best first. */
export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalist",
  "new",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose",
  "hibernating",
  "lost",
] as const

export type RfmSegment = (typeof RFM_SEGMENTS)[number]

/** What the admin reads for each segment, in Persian and English. */
export const RFM_SEGMENT_NAMES: Record<RfmSegment, { en: string; fa: string }> = {
  champions: { en: "Champions", fa: "قهرمانان" },
  loyal: { en: "Loyal", fa: "وفاداران" },
  potential_loyalist: { en: "Potential loyalist", fa: "وفاداران بالقوه" },
  new: { en: "New", fa: "مشتریان تازه" },
  promising: { en: "Promising", fa: "امیدوارکننده" },
  need_attention: { en: "Need attention", fa: "نیازمند توجه" },
  about_to_sleep: { en: "About to sleep", fa: "در آستانه خواب" },
  at_risk: { en: "At risk", fa: "در خطر" },
  cant_lose: { en: "Can't lose them", fa: "نباید از دستشان داد" },
  hibernating: { en: "Hibernating", fa: "خفته" },
  lost: { en: "Lost", fa: "از دست رفته" },
}

/** Whether a string is one of the segment keys (for validating input). */
export function isRfmSegment(value: unknown): value is RfmSegment {
  return typeof value === "string" && (RFM_SEGMENTS as readonly string[]).includes(value)
}

/**
 * The classic R×FM grid: `RFM_GRID[r - 1][fm - 1]` names a customer with
 * recency score r and combined frequency-monetary score fm (both 1-5).
 */
export const RFM_GRID: readonly (readonly RfmSegment[])[] = [
  // R1
  ["lost", "lost", "at_risk", "at_risk", "cant_lose"],
  // R2
  ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"],
  // R3
  ["about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
  // R4
  ["promising", "potential_loyalist", "potential_loyalist", "loyal", "loyal"],
  // R5
  ["new", "potential_loyalist", "potential_loyalist", "champions", "champions"],
]

/** The combined frequency-monetary score: the mean of F and M, rounded up. */
export function fmScoreOf(f: number, m: number): number {
  return Math.ceil((f + m) / 2)
}

function assertScore(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw new RangeError(`${name} must be an integer from 1 to 5, got ${value}`)
  }
}

/** The named segment of a customer with recency score `r` and FM score `fm` (1-5 each). */
export function rfmSegmentOf(r: number, fm: number): RfmSegment {
  assertScore("r", r)
  assertScore("fm", fm)
  return RFM_GRID[r - 1][fm - 1]
}

/**
 * A value's quintile score (1-5) from its percentile rank among `total`
 * customers: `below` customers have a worse value and `equal` (itself
 * included) the same. The percentile rank is the statistical one,
 * (below + equal / 2) / total, so tied customers share a score and a tie
 * sits at the middle of the places it occupies: a value that every customer
 * shares scores 3, not 1 (as `percent_rank` would give) nor 5 (as
 * `cume_dist` would). With distinct values this is exact quintiles: the
 * first fifth scores 1, the last fifth 5. `ntile` is not used because it
 * splits ties across scores.
 *
 * Integer arithmetic, as `quintileScoreSql` computes it.
 */
export function quintileScore(below: number, equal: number, total: number): number {
  if (total <= 0 || equal < 1 || below < 0 || below + equal > total) {
    throw new RangeError(`Invalid rank: ${below} below and ${equal} equal among ${total}`)
  }
  return 1 + Math.floor((5 * (2 * below + equal)) / (2 * total))
}

/**
 * The same score in SQL, from the window functions over a named window
 * that orders the customers from the worst value to the best: `rank()` - 1
 * customers are below, and `cume_dist()` × total are below or equal, so
 * their sum is 2 × below + equal. `totalExpr` counts the ranked customers.
 * PostgreSQL's bigint division truncates, which is floor for these
 * non-negative operands.
 */
export function quintileScoreSql(window: string, totalExpr: string): string {
  return `(1 + (5 * ((rank() OVER ${window}) - 1 + round((cume_dist() OVER ${window}) * (${totalExpr}))::bigint)) / (2 * (${totalExpr})))::int`
}

/**
 * The grid as a SQL CASE over two integer expressions (R and FM, 1-5),
 * generated from `RFM_GRID` so SQL and TypeScript name every cell alike.
 * Anything outside the grid (a customer without orders scores 0) is NULL.
 */
export function rfmSegmentCaseSql(rExpr: string, fmExpr: string): string {
  const whens: string[] = []
  RFM_GRID.forEach((row, ri) =>
    row.forEach((segment, fi) => {
      whens.push(`WHEN ${ri + 1} * 10 + ${fi + 1} THEN '${segment}'`)
    })
  )
  return `(CASE (${rExpr}) * 10 + (${fmExpr}) ${whens.join(" ")} ELSE NULL END)`
}
