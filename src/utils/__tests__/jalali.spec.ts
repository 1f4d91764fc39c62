import { jalaliYearAt, jalaliYearBounds, nowruz } from "../jalali"
import { progressTo, shopperTierName, TierDefinition, windowStart } from "../tiers"

const MINUTE = 60000
const TEHRAN = "Asia/Tehran"
const NOWRUZ_1404 = "2025-03-20T20:30:00.000Z"
const NOWRUZ_1405 = "2026-03-20T20:30:00.000Z"

const yearly: TierDefinition = {
  id: "gold",
  name: "Gold",
  rank: 2,
  currency_code: "irr",
  min_spend: "300000000",
  qualification_window: "jalali_year",
  window_days: null,
}

describe("jalali", () => {
  describe("nowruz", () => {
    it("should start a Jalali year at 1 Farvardin, 00:00 in Tehran", () => {
      expect(nowruz(1404, TEHRAN).toISOString()).toBe(NOWRUZ_1404)
      expect(nowruz(1405, TEHRAN).toISOString()).toBe(NOWRUZ_1405)
    })

    it("should take midnight in the shop's own time zone", () => {
      // 1 Farvardin 1404 is 21 March 2025 everywhere; midnight is local.
      expect(nowruz(1404, "UTC").toISOString()).toBe("2025-03-21T00:00:00.000Z")
      expect(nowruz(1404, "Asia/Dubai").toISOString()).toBe("2025-03-20T20:00:00.000Z")
    })
  })

  describe("jalaliYearAt", () => {
    it("should put the minute before Nowruz in the previous year and Nowruz itself in the new one", () => {
      const boundary = new Date(NOWRUZ_1404)
      expect(jalaliYearAt(new Date(boundary.getTime() - MINUTE), TEHRAN)).toBe(1403)
      expect(jalaliYearAt(new Date(boundary.getTime() - 1), TEHRAN)).toBe(1403)
      expect(jalaliYearAt(boundary, TEHRAN)).toBe(1404)
      expect(jalaliYearAt(new Date(NOWRUZ_1405), TEHRAN)).toBe(1405)
    })
  })

  describe("jalaliYearBounds", () => {
    it("should run from this Nowruz to the next", () => {
      const bounds = jalaliYearBounds(new Date("2025-11-29T12:00:00Z"), TEHRAN)
      expect(bounds.start.toISOString()).toBe(NOWRUZ_1404)
      expect(bounds.end.toISOString()).toBe(NOWRUZ_1405)
      const before = jalaliYearBounds(new Date(new Date(NOWRUZ_1405).getTime() - MINUTE), TEHRAN)
      expect(before.start.toISOString()).toBe(NOWRUZ_1404)
      expect(before.end.toISOString()).toBe(NOWRUZ_1405)
      const at = jalaliYearBounds(new Date(NOWRUZ_1405), TEHRAN)
      expect(at.start.toISOString()).toBe(NOWRUZ_1405)
    })
  })

  describe("a jalali_year tier window", () => {
    it("should start at the latest Nowruz in the shop's time zone (Tehran by default)", () => {
      const oneMinuteBefore = new Date(new Date(NOWRUZ_1405).getTime() - MINUTE)
      expect(windowStart(yearly, oneMinuteBefore)?.toISOString()).toBe(NOWRUZ_1404)
      expect(windowStart(yearly, new Date(NOWRUZ_1405))?.toISOString()).toBe(NOWRUZ_1405)
      expect(windowStart({ ...yearly, time_zone: "UTC" }, new Date(NOWRUZ_1405))?.toISOString()).toBe(
        "2025-03-21T00:00:00.000Z"
      )
    })

    it("should close at the next Nowruz in the progress", () => {
      const progress = progressTo(yearly, { jalali_year: { spend: "100000000", orders: 1 } }, new Date("2025-11-29T12:00:00Z"))
      expect(progress).toEqual({
        tier_id: "gold",
        window_starts_at: NOWRUZ_1404,
        window_ends_at: NOWRUZ_1405,
        spend: "100000000",
        orders: 1,
        spend_needed: "200000000",
        orders_needed: null,
      })
    })
  })

  describe("shopperTierName", () => {
    it("should read the name in the shopper's language, else the shop's name", () => {
      const tier = { name: "Gold", names: { fa: "طلایی", en: "Gold member" } }
      expect(shopperTierName(tier, "fa")).toBe("طلایی")
      expect(shopperTierName(tier, "en")).toBe("Gold member")
      expect(shopperTierName({ name: "Gold", names: { fa: "طلایی" } }, "en")).toBe("Gold")
      expect(shopperTierName({ name: "Gold", names: null }, "fa")).toBe("Gold")
      expect(shopperTierName(tier, null)).toBe("Gold")
    })
  })
})
