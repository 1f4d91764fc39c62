import { expectedAudience, groupFigures, holdoutSize, liftOf, smsParts } from "../campaigns"

describe("Campaigns", () => {
  describe("smsParts", () => {
    it.each([
      ["", "gsm", 0, 0],
      ["a".repeat(160), "gsm", 160, 1],
      ["a".repeat(161), "gsm", 161, 2],
      ["a".repeat(306), "gsm", 306, 2],
      ["a".repeat(307), "gsm", 307, 3],
      // Extension characters take two septets.
      ["€".repeat(80), "gsm", 160, 1],
      ["€".repeat(80) + "a", "gsm", 161, 2],
      ["Reply STOP to opt out", "gsm", 21, 1],
      ["س".repeat(70), "ucs2", 70, 1],
      ["س".repeat(71), "ucs2", 71, 2],
      ["س".repeat(134), "ucs2", 134, 2],
      ["س".repeat(135), "ucs2", 135, 3],
      // One Persian letter turns a Latin text into UCS-2.
      ["a".repeat(69) + "ی", "ucs2", 70, 1],
      // An emoji is two UTF-16 units.
      ["😀".repeat(35), "ucs2", 70, 1],
      ["سلام\nلغو۱۱", "ucs2", 10, 1],
    ])("should count %j as %s, %i characters, %i parts", (text, encoding, characters, parts) => {
      expect(smsParts(text)).toEqual({ encoding, characters, parts })
    })
  })

  describe("holdoutSize", () => {
    it.each([
      [0, 10, 0],
      [1, 10, 0],
      [5, 10, 1], // 0.5 rounds up
      [14, 10, 1],
      [15, 10, 2],
      [100000, 10, 10000],
      [7, 0, 0],
      [7, 50, 4], // 3.5 rounds up
    ])("should hold out of %i members at %i%%: %i", (n, percent, size) => {
      expect(holdoutSize(n, percent)).toBe(size)
    })
  })

  describe("expectedAudience", () => {
    it("should take the holdout, then the targets' share of the unreachable", () => {
      expect(expectedAudience(100, 10, { opted_out: 10, no_phone: 20 })).toEqual({
        holdout: 10,
        skipped: { opted_out: 9, no_phone: 18 },
        recipients: 63,
      })
      expect(expectedAudience(0, 10, { opted_out: 0, no_phone: 0 })).toEqual({
        holdout: 0,
        skipped: { opted_out: 0, no_phone: 0 },
        recipients: 0,
      })
    })
  })

  describe("groupFigures", () => {
    it("should give revenue per head rounded to the currency and conversion to four places", () => {
      expect(
        groupFigures({ customers: 3, buyers: 1, orders: 2, revenue: "1000000", revenue_squares: "1000000000000" }, 0)
      ).toEqual({
        customers: 3,
        buyers: 1,
        orders: 2,
        revenue: "1000000",
        revenue_per_head: "333333",
        conversion: "0.3333",
      })
      expect(groupFigures({ customers: 0, buyers: 0, orders: 0, revenue: "0", revenue_squares: "0" }, 2)).toEqual({
        customers: 0,
        buyers: 0,
        orders: 0,
        revenue: "0",
        revenue_per_head: "0",
        conversion: "0.0000",
      })
    })
  })

  describe("liftOf", () => {
    it("should be null without a holdout", () => {
      const g = { customers: 10, buyers: 1, orders: 1, revenue: "100", revenue_squares: "10000" }
      expect(liftOf(g, { ...g, customers: 0, revenue: "0", revenue_squares: "0" }, 0)).toBeNull()
    })

    it("should give the difference of means with Welch's 95% interval", () => {
      // Targets: 4 heads spending 0, 100, 100, 200 (mean 100, s² = 6666.67);
      // holdout: 2 heads spending 0 and 100 (mean 50, s² = 5000).
      // se = sqrt(6666.67/4 + 5000/2) = sqrt(4166.67) = 64.55; margin = 126.52.
      const lift = liftOf(
        { customers: 4, buyers: 3, orders: 3, revenue: "400", revenue_squares: "60000" },
        { customers: 2, buyers: 1, orders: 1, revenue: "100", revenue_squares: "10000" },
        2
      )
      expect(lift).toEqual({
        revenue_per_head: "50",
        percent: "100.0",
        ci_low: "-76.52",
        ci_high: "176.52",
        confidence: 0.95,
      })
    })

    it("should give no percent when the holdout bought nothing", () => {
      const lift = liftOf(
        { customers: 2, buyers: 1, orders: 1, revenue: "500000", revenue_squares: "250000000000" },
        { customers: 1, buyers: 0, orders: 0, revenue: "0", revenue_squares: "0" },
        0
      )
      expect(lift).toEqual(expect.objectContaining({ revenue_per_head: "250000", percent: null }))
    })
  })
})
