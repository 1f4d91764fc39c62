export const LoyaltyScoreEvents = {
  /** Every customer was scored; `{ scored_at }`. Automations listen (subscribers/scores-refreshed-automations.ts). */
  REFRESHED: "loyalty.scores.refreshed",
} as const

/** What `loyalty.scores.refreshed` carries: the instant the scores were computed for. */
export type ScoresRefreshedData = { scored_at: string }
