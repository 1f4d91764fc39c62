import {
  formatDate,
  formatMoney,
  groupDigits,
  parseShownMoney,
  rialToToman,
  timesTen,
  toLatinDigits,
  toPersianDigits,
} from "../format"

describe("storefront kit", () => {
  describe("formatMoney", () => {
    it("should show IRR in Toman with Persian digits and separators", () => {
      expect(formatMoney("12345670", "irr", { locale: "fa" })).toBe("۱٬۲۳۴٬۵۶۷ تومان")
      expect(formatMoney("12345670", "irr", { locale: "en" })).toBe("1,234,567 Toman")
    })

    it("should show IRR in Rial when the shop says so", () => {
      expect(formatMoney("12345670", "irr", { locale: "fa", display: "rial" })).toBe("۱۲٬۳۴۵٬۶۷۰ ریال")
      expect(formatMoney("500000", "IRR", { locale: "en", display: "rial" })).toBe("500,000 Rial")
    })

    it("should keep the last Rial of an amount that is not whole Toman", () => {
      expect(formatMoney("1234565", "irr", { locale: "fa" })).toBe("۱۲۳٬۴۵۶٫۵ تومان")
      expect(formatMoney("5", "irr", { locale: "en" })).toBe("0.5 Toman")
    })

    it("should show USD with two decimals and its symbol", () => {
      expect(formatMoney("12.5", "usd", { locale: "en" })).toBe("$12.50")
      expect(formatMoney("1234", "usd", { locale: "en" })).toBe("$1,234.00")
      expect(formatMoney("12.5", "usd", { locale: "fa" })).toBe("۱۲٫۵۰ $")
    })

    it("should show negative amounts with a sign", () => {
      expect(formatMoney("-200000", "irr", { locale: "en" })).toBe("-20,000 Toman")
      expect(formatMoney("-200000", "irr", { locale: "fa" })).toBe("\u2212۲۰٬۰۰۰ تومان")
      expect(formatMoney("-3.25", "usd", { locale: "en" })).toBe("-$3.25")
    })

    it("should show an empty amount as zero and refuse what is not a decimal", () => {
      expect(formatMoney(null, "irr", { locale: "en" })).toBe("0 Toman")
      expect(() => formatMoney("1e6", "irr", { locale: "en" })).toThrow("Not a decimal amount: 1e6")
    })
  })

  describe("parseShownMoney", () => {
    it("should read back what formatMoney shows, in the currency's own unit", () => {
      for (const [amount, currency, display] of [
        ["12345670", "irr", "toman"],
        ["1234565", "irr", "toman"],
        ["12345670", "irr", "rial"],
        ["12.5", "usd", "toman"],
        ["-200000", "irr", "toman"],
      ] as const) {
        for (const locale of ["fa", "en"] as const) {
          const shown = formatMoney(amount, currency, { locale, display })
          expect(parseShownMoney(shown, currency)).toBe(amount)
        }
      }
    })
  })

  describe("digits", () => {
    it("should write and read Persian digits", () => {
      expect(toPersianDigits("0912 345")).toBe("۰۹۱۲ ۳۴۵")
      expect(toLatinDigits("۰۹۱۲٣٤٥")).toBe("0912345")
      expect(groupDigits("1000000", "fa")).toBe("۱٬۰۰۰٬۰۰۰")
    })

    it("should divide and multiply by ten exactly", () => {
      expect(rialToToman("10")).toBe("1")
      expect(rialToToman("7")).toBe("0.7")
      expect(rialToToman("0")).toBe("0")
      expect(timesTen("123456.5")).toBe("1234565")
      expect(timesTen("0.05")).toBe("0.5")
    })
  })

  describe("formatDate", () => {
    it("should show Jalali dates with Persian digits in Persian", () => {
      // 21 March 2026 00:30 in Tehran is 1 Farvardin 1405 (Nowruz).
      expect(formatDate("2026-03-20T21:00:00Z", "fa")).toBe("۱ فروردین ۱۴۰۵")
      expect(formatDate("2026-11-30T10:00:00Z", "fa")).toBe("۹ آذر ۱۴۰۵")
    })

    it("should show Gregorian dates in English", () => {
      expect(formatDate("2026-11-30T10:00:00Z", "en")).toBe("30 November 2026")
    })

    it("should take the day in the shop's time zone", () => {
      // 22:00 UTC is already the next day in Tehran (+03:30).
      expect(formatDate("2026-11-29T22:00:00Z", "en")).toBe("30 November 2026")
      expect(formatDate("2026-11-29T22:00:00Z", "en", { timeZone: "UTC" })).toBe("29 November 2026")
    })

    it("should show nothing for no date", () => {
      expect(formatDate(null, "fa")).toBe("")
    })
  })
})
