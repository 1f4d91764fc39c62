import { decideTier, meets, progressTo, qualifiedTier, TierDefinition, validateTiers } from "../tiers"

const DAY = 86400000
const silver: TierDefinition = {
  id: "silver",
  name: "Silver",
  rank: 1,
  currency_code: "irr",
  min_spend: "150000000",
  qualification_window: "rolling",
  window_days: 365,
}
const gold: TierDefinition = {
  id: "gold",
  name: "Gold",
  rank: 2,
  currency_code: "irr",
  min_spend: "300000000",
  min_orders: 2,
  qualification_window: "rolling",
  window_days: 365,
}
const tiers = [silver, gold]
const rankOf = new Map(tiers.map((t) => [t.id, t.rank]))
const stats = (spend: string, orders: number) => ({ "rolling:365": { spend, orders } })
const now = new Date("2026-06-01T00:00:00Z")

describe("tiers", () => {
  describe("qualifiedTier", () => {
    it("should give the highest tier whose every threshold is met, exactly at the threshold", () => {
      expect(qualifiedTier(tiers, stats("149999999", 5))).toBeNull()
      expect(qualifiedTier(tiers, stats("150000000", 1))?.id).toBe("silver")
      expect(qualifiedTier(tiers, stats("900000000", 1))?.id).toBe("silver")
      expect(qualifiedTier(tiers, stats("300000000", 2))?.id).toBe("gold")
      expect(meets(gold, undefined)).toBe(false)
    })
  })

  describe("decideTier", () => {
    const opts = { mode: "evaluation" as const, now, grace_days: 30 }
    it("should move up at once, on an order or an evaluation", () => {
      const state = { tier_id: "silver", pinned: false, below_since: null }
      expect(decideTier(state, gold, rankOf, { ...opts, mode: "order" })).toEqual({ to: { tier_id: "gold" }, below_since: null })
      expect(decideTier(state, gold, rankOf, opts)).toEqual({ to: { tier_id: "gold" }, below_since: null })
    })
    it("should never move down on an order, and only after the grace at an evaluation", () => {
      const state = { tier_id: "gold", pinned: false, below_since: null as Date | null }
      expect(decideTier(state, silver, rankOf, { ...opts, mode: "order" })).toEqual({})
      expect(decideTier(state, silver, rankOf, opts)).toEqual({ below_since: now })
      const since = new Date(now.getTime() - 30 * DAY + 1)
      expect(decideTier({ ...state, below_since: since }, silver, rankOf, opts)).toEqual({})
      const ended = new Date(now.getTime() - 30 * DAY)
      expect(decideTier({ ...state, below_since: ended }, silver, rankOf, opts)).toEqual({ to: { tier_id: "silver" }, below_since: null })
      expect(decideTier(state, null, rankOf, { ...opts, grace_days: 0 })).toEqual({ to: { tier_id: null }, below_since: null })
    })
    it("should end the grace when the customer qualifies again, and leave pinned customers alone", () => {
      expect(decideTier({ tier_id: "gold", pinned: false, below_since: now }, gold, rankOf, opts)).toEqual({ below_since: null })
      expect(decideTier({ tier_id: "gold", pinned: true, below_since: null }, null, rankOf, { ...opts, grace_days: 0 })).toEqual({})
    })
    it("should move the members of a tier that no longer exists at once", () => {
      expect(decideTier({ tier_id: "gone", pinned: false, below_since: null }, silver, rankOf, opts)).toEqual({ to: { tier_id: "silver" }, below_since: null })
      expect(decideTier({ tier_id: "gone", pinned: false, below_since: null }, null, rankOf, opts)).toEqual({ to: { tier_id: null }, below_since: null })
    })
  })

  describe("progressTo", () => {
    it("should give what is still needed and when the oldest counted order leaves the window", () => {
      const first = new Date("2026-01-10T00:00:00Z")
      expect(progressTo(gold, { "rolling:365": { spend: "185500000", orders: 1, first_order_at: first } }, now)).toEqual({
        tier_id: "gold",
        window_starts_at: new Date(now.getTime() - 365 * DAY).toISOString(),
        window_ends_at: new Date(first.getTime() + 365 * DAY).toISOString(),
        spend: "185500000",
        orders: 1,
        spend_needed: "114500000",
        orders_needed: 1,
      })
      const year = { ...silver, qualification_window: "calendar_year" as const, window_days: null }
      expect(progressTo(year, { calendar_year: { spend: "200000000", orders: 3 } }, now)).toEqual(
        expect.objectContaining({
          window_starts_at: "2026-01-01T00:00:00.000Z",
          window_ends_at: "2027-01-01T00:00:00.000Z",
          spend_needed: "0",
          orders_needed: null,
        })
      )
    })
  })

  describe("validateTiers", () => {
    it("should accept nested tiers, counting an order in any spend", () => {
      const member = { ...silver, id: "m", name: "Member", rank: 0, min_spend: null, min_orders: 1, qualification_window: "lifetime" as const, window_days: null }
      expect(() => validateTiers([member, silver, gold])).not.toThrow()
    })
    it("should refuse unordered and overlapping thresholds", () => {
      expect(() => validateTiers([silver, { ...gold, min_spend: "100000000" }])).toThrow(
        "min_spend of Gold (rank 2) must be at least 150000000 IRR, the min_spend of Silver (rank 1)"
      )
      expect(() => validateTiers([gold, { ...silver, id: "p", name: "Platinum", rank: 3, min_spend: "400000000" }])).toThrow(
        "min_orders of Platinum (rank 3) must be at least 2, the min_orders of Gold (rank 2)"
      )
      expect(() => validateTiers([silver, { ...silver, id: "s2", name: "Silver+", rank: 2 }])).toThrow(
        "The thresholds of Silver+ (rank 2) overlap those of Silver (rank 1): a higher tier must ask for more"
      )
    })
  })
})
