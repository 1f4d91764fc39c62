import {
  addDays,
  anniversariesOn,
  birthdayIn,
  birthdayProblem,
  celebratedOn,
  changedTooRecently,
  dayOf,
  jalaliHolidayOn,
  nowruzDay,
  occasionOfEvent,
  partsOf,
  recentChangeCutoff,
  shopYear,
  yaldaDay,
} from "../occasions"
import { shopDay } from "../sms-messages"

const TEHRAN = "Asia/Tehran"
const dayIn = (iso: string) => shopDay(new Date(iso), TEHRAN)

describe("occasions", () => {
  describe("jalaliHolidayOn", () => {
    it("should find Nowruz on 21 March 2027 and 20 March 2028, by the shop day in Tehran", () => {
      expect(nowruzDay(1406)).toBe("2027-03-21")
      expect(nowruzDay(1407)).toBe("2028-03-20")
      // 00:30 in Tehran on 21 March 2027 is still 20 March in UTC.
      expect(jalaliHolidayOn("nowruz", dayIn("2027-03-20T21:00:00Z"))).toBe("1406")
      // 23:30 in Tehran the evening before is not Nowruz yet.
      expect(jalaliHolidayOn("nowruz", dayIn("2027-03-20T20:00:00Z"))).toBeNull()
      expect(jalaliHolidayOn("nowruz", dayIn("2028-03-19T20:45:00Z"))).toBe("1407")
      expect(jalaliHolidayOn("nowruz", dayIn("2028-03-20T20:29:00Z"))).toBe("1407")
      expect(jalaliHolidayOn("nowruz", dayIn("2028-03-20T20:31:00Z"))).toBeNull()
    })

    it("should find Yalda on 30 Azar", () => {
      expect(yaldaDay(1405)).toBe("2026-12-21")
      expect(yaldaDay(1407)).toBe("2028-12-20")
      expect(jalaliHolidayOn("yalda", "2026-12-21")).toBe("1405")
      expect(jalaliHolidayOn("yalda", "2026-12-22")).toBeNull()
      expect(jalaliHolidayOn("nowruz", "2026-12-21")).toBeNull()
    })
  })

  describe("birthdayIn", () => {
    it("should celebrate Esfand 30 on Esfand 29 in a common Jalali year", () => {
      // 1403 is a leap year, 1404 a common one (Nowruz 1405 is 21 March 2026).
      expect(birthdayIn({ calendar: "jalali", month: 12, day: 30 }, 1403)).toBe("2025-03-20")
      expect(birthdayIn({ calendar: "jalali", month: 12, day: 30 }, 1404)).toBe("2026-03-20")
      expect(partsOf("2026-03-20", "jalali")).toEqual({ year: 1404, month: 12, day: 29 })
      expect(birthdayIn({ calendar: "jalali", month: 12, day: 29 }, 1404)).toBe("2026-03-20")
    })

    it("should celebrate 29 February on 28 February in a common year", () => {
      expect(birthdayIn({ calendar: "gregorian", month: 2, day: 29 }, 2027)).toBe("2027-02-28")
      expect(birthdayIn({ calendar: "gregorian", month: 2, day: 29 }, 2028)).toBe("2028-02-29")
      expect(birthdayIn({ calendar: "gregorian", month: 7, day: 14 }, 2026)).toBe("2026-07-14")
    })
  })

  describe("celebratedOn", () => {
    it("should name the dates a shop day celebrates and the year they count for", () => {
      expect(celebratedOn("2026-03-20", "jalali")).toEqual({
        year: 1404,
        dates: [{ month: 12, day: 29 }, { month: 12, day: 30 }],
      })
      // Esfand 29 of a leap year is only itself: Esfand 30 comes the next day.
      expect(celebratedOn("2025-03-19", "jalali")).toEqual({ year: 1403, dates: [{ month: 12, day: 29 }] })
      expect(celebratedOn("2025-03-20", "jalali")).toEqual({ year: 1403, dates: [{ month: 12, day: 30 }] })
      expect(celebratedOn("2027-02-28", "gregorian")).toEqual({
        year: 2027,
        dates: [{ month: 2, day: 28 }, { month: 2, day: 29 }],
      })
      expect(celebratedOn("2028-02-28", "gregorian")).toEqual({ year: 2028, dates: [{ month: 2, day: 28 }] })
      // Shahrivar 31 (22 September 2026) has no shorter year.
      expect(celebratedOn("2026-09-22", "jalali")).toEqual({ year: 1405, dates: [{ month: 6, day: 31 }] })
    })
  })

  describe("birthdayProblem", () => {
    it("should accept the days leap years have and refuse days no year has, naming the field", () => {
      expect(birthdayProblem({ calendar: "jalali", month: 12, day: 30 })).toBeNull()
      expect(birthdayProblem({ calendar: "jalali", month: 6, day: 31 })).toBeNull()
      expect(birthdayProblem({ calendar: "gregorian", month: 2, day: 29 })).toBeNull()
      expect(birthdayProblem({ calendar: "jalali", month: 7, day: 31 })).toMatch(/^birthday\.day must be .* 1 to 30 for month 7/)
      expect(birthdayProblem({ calendar: "jalali", month: 12, day: 31 })).toMatch(/^birthday\.day/)
      expect(birthdayProblem({ calendar: "gregorian", month: 2, day: 30 })).toMatch(/^birthday\.day must be .* 1 to 29/)
      expect(birthdayProblem({ calendar: "gregorian", month: 4, day: 31 })).toMatch(/^birthday\.day/)
      expect(birthdayProblem({ calendar: "gregorian", month: 13, day: 1 })).toMatch(/^birthday\.month/)
      expect(birthdayProblem({ calendar: "gregorian", month: 1.5, day: 1 })).toMatch(/^birthday\.month/)
      expect(birthdayProblem({ calendar: "gregorian", month: 1, day: 0 })).toMatch(/^birthday\.day/)
      expect(birthdayProblem({ calendar: "hijri", month: 1, day: 1 })).toMatch(/^birthday\.calendar/)
    })
  })

  describe("changedTooRecently", () => {
    it("should refuse a birthday changed within 30 days before itself, in the shop's time zone", () => {
      // Occurrence on 10 December 2026; the cutoff is 10 November 00:00 in Tehran.
      const day = "2026-12-10"
      expect(recentChangeCutoff(day, TEHRAN).toISOString()).toBe("2026-11-09T20:30:00.000Z")
      expect(changedTooRecently(new Date("2026-12-01T10:00:00Z"), day, TEHRAN)).toBe(true)
      expect(changedTooRecently(new Date("2026-11-09T20:30:00Z"), day, TEHRAN)).toBe(true)
      // 23:59 in Tehran on 9 November: 31 days before.
      expect(changedTooRecently(new Date("2026-11-09T20:29:00Z"), day, TEHRAN)).toBe(false)
      expect(changedTooRecently(new Date("2026-01-01T00:00:00Z"), day, TEHRAN)).toBe(false)
    })
  })

  describe("anniversariesOn", () => {
    it("should find the days whose anniversary is today, with Esfand 30 of leap years on Esfand 29", () => {
      expect(anniversariesOn("2026-12-01", "gregorian", 2)).toEqual([
        { day: "2025-12-01", years: 1 },
        { day: "2024-12-01", years: 2 },
      ])
      // Esfand 29 1404: Esfand 29 and 30 of 1403 (leap), Esfand 29 of 1402.
      expect(anniversariesOn("2026-03-20", "jalali", 2)).toEqual([
        { day: "2025-03-19", years: 1 },
        { day: "2025-03-20", years: 1 },
        { day: "2024-03-19", years: 2 },
      ])
      expect(anniversariesOn("2027-02-28", "gregorian", 3).map((a) => a.day)).toEqual([
        "2026-02-28",
        "2025-02-28",
        "2024-02-28",
        "2024-02-29",
      ])
    })
  })

  describe("days and years", () => {
    it("should move days across months and years and give the shop's year", () => {
      expect(addDays("2026-12-31", 1)).toBe("2027-01-01")
      expect(addDays("2026-03-01", -1)).toBe("2026-02-28")
      expect(dayOf("jalali", 1404, 12, 30)).toBeNull()
      expect(dayOf("jalali", 1405, 9, 10)).toBe("2026-12-01")
      expect(shopYear(new Date("2026-12-01T10:00:00Z"), TEHRAN, "jalali")).toEqual({ year: "1405", from: "2026-03-21", to: "2027-03-21" })
      expect(shopYear(new Date("2026-12-31T21:00:00Z"), TEHRAN, "gregorian")).toEqual({ year: "2027", from: "2027-01-01", to: "2028-01-01" })
      expect(occasionOfEvent("first_order")).toBe("welcome")
      expect(occasionOfEvent("welcome")).toBeNull()
    })
  })
})
