import {
  addMonths,
  average,
  calendarRows,
  daysInMonth,
  monthBuckets,
  monthFirstDay,
  monthOfDay,
  periodDays,
  previousPeriod,
  ratio,
} from "../analytics"

const TEHRAN = "Asia/Tehran"
const at = (iso: string) => new Date(iso)

describe("analytics", () => {
  describe("monthFirstDay", () => {
    it.each([
      // Jalali month starts (1 Azar 1405 is 22 November 2026).
      ["1405-09", "jalali", "2026-11-22"],
      ["1405-01", "jalali", "2026-03-21"],
      ["1404-01", "jalali", "2025-03-21"],
      ["1403-12", "jalali", "2025-02-19"],
      ["1404-12", "jalali", "2026-02-20"],
      ["1404-07", "jalali", "2025-09-23"],
      ["2026-11", "gregorian", "2026-11-01"],
      ["2024-02", "gregorian", "2024-02-01"],
    ] as const)("should start %s (%s) on %s", (month, calendar, day) => {
      expect(monthFirstDay(month, calendar)).toBe(day)
      expect(monthOfDay(day, calendar)).toBe(month)
    })
  })

  describe("daysInMonth", () => {
    it.each([
      // Esfand: 30 days in a leap year (1403), 29 in a common one (1404).
      ["1403-12", "jalali", 30],
      ["1404-12", "jalali", 29],
      ["1405-01", "jalali", 31],
      ["1405-07", "jalali", 30],
      ["2024-02", "gregorian", 29],
      ["2025-02", "gregorian", 28],
      ["2026-11", "gregorian", 30],
    ] as const)("should give %s (%s) %i days", (month, calendar, days) => {
      expect(daysInMonth(month, calendar)).toBe(days)
      const next = monthFirstDay(addMonths(month, 1), calendar)
      const last = new Date(Date.parse(`${next}T00:00:00Z`) - 86400000).toISOString().slice(0, 10)
      expect(monthOfDay(last, calendar)).toBe(month)
      expect(monthOfDay(next, calendar)).not.toBe(month)
    })
  })

  describe("addMonths", () => {
    it("should cross years both ways", () => {
      expect(addMonths("1404-12", 1)).toBe("1405-01")
      expect(addMonths("1405-01", -1)).toBe("1404-12")
      expect(addMonths("2026-11", 14)).toBe("2028-01")
    })
  })

  describe("monthBuckets", () => {
    it("should start 1 Azar 1405 at midnight in Tehran and clip the months to the period", () => {
      const buckets = monthBuckets(at("2026-11-10T20:30:00.000Z"), at("2026-12-21T20:30:00.000Z"), "jalali", TEHRAN)
      expect(buckets.map((b) => [b.month, b.start.toISOString(), b.from_day, b.to_day, b.full])).toEqual([
        ["1405-08", "2026-10-22T20:30:00.000Z", "2026-11-11", "2026-11-22", false],
        ["1405-09", "2026-11-21T20:30:00.000Z", "2026-11-22", "2026-12-22", true],
      ])
    })

    it("should take Esfand 1403 (leap) and 1404 (common) whole with their last day", () => {
      const leap = monthBuckets(at("2025-02-18T20:30:00.000Z"), at("2025-03-20T20:30:00.000Z"), "jalali", TEHRAN)
      expect(leap.map((b) => [b.month, b.from_day, b.to_day, b.full])).toEqual([["1403-12", "2025-02-19", "2025-03-21", true]])
      const common = monthBuckets(at("2026-02-19T20:30:00.000Z"), at("2026-03-20T20:30:00.000Z"), "jalali", TEHRAN)
      expect(common.map((b) => [b.month, b.from_day, b.to_day, b.full])).toEqual([["1404-12", "2026-02-20", "2026-03-21", true]])
      expect(common[0].start.toISOString()).toBe("2026-02-19T20:30:00.000Z")
    })

    it("should cut Gregorian months at the period's bounds, in the shop's days", () => {
      const buckets = monthBuckets(at("2026-01-14T20:30:00.000Z"), at("2026-03-10T08:00:00.000Z"), "gregorian", TEHRAN)
      expect(buckets.map((b) => [b.month, b.start.toISOString(), b.from_day, b.to_day, b.full])).toEqual([
        ["2026-01", "2025-12-31T20:30:00.000Z", "2026-01-15", "2026-02-01", false],
        ["2026-02", "2026-01-31T20:30:00.000Z", "2026-02-01", "2026-03-01", true],
        // `to` in the middle of 10 March: that whole day counts.
        ["2026-03", "2026-02-28T20:30:00.000Z", "2026-03-01", "2026-03-11", false],
      ])
      const utc = monthBuckets(at("2026-01-01T00:00:00.000Z"), at("2026-02-01T00:00:00.000Z"), "gregorian", "UTC")
      expect(utc.map((b) => [b.month, b.start.toISOString(), b.full])).toEqual([["2026-01", "2026-01-01T00:00:00.000Z", true]])
    })
  })

  describe("periodDays and previousPeriod", () => {
    it("should cover every shop day the period touches", () => {
      expect(periodDays(at("2026-11-21T20:30:00.000Z"), at("2026-11-22T20:30:00.000Z"), TEHRAN)).toEqual({
        first_day: "2026-11-22",
        end_day: "2026-11-23",
      })
      expect(periodDays(at("2026-11-21T20:30:00.000Z"), at("2026-11-23T09:00:00.000Z"), TEHRAN)).toEqual({
        first_day: "2026-11-22",
        end_day: "2026-11-24",
      })
    })

    it("should put the previous period just before, as long", () => {
      const previous = previousPeriod(at("2026-11-01T00:00:00.000Z"), at("2026-12-01T00:00:00.000Z"))
      expect([previous.from.toISOString(), previous.to.toISOString()]).toEqual([
        "2026-10-02T00:00:00.000Z",
        "2026-11-01T00:00:00.000Z",
      ])
    })
  })

  describe("calendarRows", () => {
    it("should give each day its month in both calendars", () => {
      const rows = calendarRows("2025-03-19", "2025-03-23")
      expect(rows).toEqual([
        { day: "2025-03-19", g_month: "2025-03", j_month: "1403-12" },
        { day: "2025-03-20", g_month: "2025-03", j_month: "1403-12" },
        { day: "2025-03-21", g_month: "2025-03", j_month: "1404-01" },
        { day: "2025-03-22", g_month: "2025-03", j_month: "1404-01" },
      ])
    })

    it("should agree with monthOfDay on every day of ten years", () => {
      const rows = calendarRows("2020-01-01", "2030-01-01")
      expect(rows).toHaveLength(3653)
      for (const row of rows) {
        expect(row.j_month).toBe(monthOfDay(row.day, "jalali"))
      }
    })
  })

  describe("ratio and average", () => {
    it.each([
      ["3", "7", "0.4286"],
      ["1", "3", "0.3333"],
      ["2", "3", "0.6667"],
      ["1", "8", "0.1250"],
      ["5", "0", "0.0000"],
      ["0", "5", "0.0000"],
      ["7", "7", "1.0000"],
      ["12", "7", "1.7143"],
      ["-1", "8", "-0.1250"],
      ["18650000", "1025500000", "0.0182"],
    ])("should write %s / %s as %s", (part, whole, expected) => {
      expect(ratio(part, whole)).toBe(expected)
    })

    it("should round averages half up to the currency's precision", () => {
      expect(average("1025500001", "2", "irr")).toBe("512750001")
      expect(average("10", "3", "usd")).toBe("3.33")
      expect(average("20", "3", "usd")).toBe("6.67")
      expect(average("100", "0", "irr")).toBe("0")
    })
  })
})
