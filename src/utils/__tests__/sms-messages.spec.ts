import {
  DEFAULT_TEMPLATES,
  formatMoney,
  renderMessage,
  sendAfter,
  shopDay,
  shopDayStart,
  validateTemplateBody,
} from "../sms-messages"

const fa = { locale: "fa" as const, money_display: "toman" as const, time_zone: "Asia/Tehran" }
const en = { locale: "en" as const, money_display: "toman" as const, time_zone: "Asia/Tehran" }

describe("sms messages", () => {
  describe("formatMoney", () => {
    it("should write IRR in Toman or Rial with Persian digits in Persian", () => {
      expect(formatMoney({ amount: "1850005", currency_code: "irr" }, fa)).toBe("۱۸۵٬۰۰۰ تومان")
      expect(formatMoney({ amount: "1850005", currency_code: "irr" }, { ...fa, money_display: "rial" })).toBe("۱٬۸۵۰٬۰۰۵ ریال")
      expect(formatMoney({ amount: "1850000", currency_code: "irr" }, en)).toBe("185,000 Toman")
      expect(formatMoney({ amount: "12.34", currency_code: "usd" }, en)).toBe("12.34 USD")
    })
  })

  describe("renderMessage", () => {
    it("should fill the variables with a Jalali date in Persian and a Gregorian one in English", () => {
      const values = {
        first_name: "سارا",
        amount: { amount: "1850000", currency_code: "irr" },
        balance: { amount: "2850000", currency_code: "irr" },
        expires_at: new Date("2026-11-30T10:00:00Z"),
        store_name: "فروشگاه نمونه",
      }
      expect(renderMessage(DEFAULT_TEMPLATES.expiry_reminder.fa, values, fa)).toBe(
        "سارا عزیز، ۱۸۵٬۰۰۰ تومان از اعتبار شما در فروشگاه نمونه تا ۹ آذر ۱۴۰۵ منقضی می‌شود. موجودی: ۲۸۵٬۰۰۰ تومان"
      )
      expect(renderMessage(DEFAULT_TEMPLATES.expiry_reminder.en, { ...values, first_name: "Sara", store_name: "Demo" }, en)).toBe(
        "Hi Sara, 185,000 Toman of your Demo credit expires on 30 November 2026. Balance: 285,000 Toman"
      )
    })
  })

  describe("validateTemplateBody", () => {
    it("should refuse a variable the event does not have, naming it", () => {
      expect(() => validateTemplateBody("win_back", "Hi {first_name}, {amount}")).toThrow("body uses {amount}")
      expect(() => validateTemplateBody("win_back", "  ")).toThrow("body must not be empty")
      expect(() => validateTemplateBody("win_back", "Hi {first_name}, {balance}")).not.toThrow()
    })
  })

  describe("sendAfter", () => {
    it("should hold a message queued in quiet hours until they end, in the shop's time zone", () => {
      // 23:30 and 08:59 in Tehran (UTC+3:30) wait for 09:00; 09:00 and 21:59 go at once.
      expect(sendAfter(new Date("2026-12-10T20:00:00Z"), "22:00", "09:00", "Asia/Tehran")).toEqual(new Date("2026-12-11T05:30:00Z"))
      expect(sendAfter(new Date("2026-12-11T05:29:30Z"), "22:00", "09:00", "Asia/Tehran")).toEqual(new Date("2026-12-11T05:30:00Z"))
      const nine = new Date("2026-12-11T05:30:00Z")
      expect(sendAfter(nine, "22:00", "09:00", "Asia/Tehran")).toBe(nine)
      const late = new Date("2026-12-11T18:29:00Z")
      expect(sendAfter(late, "22:00", "09:00", "Asia/Tehran")).toBe(late)
      expect(sendAfter(late, "00:00", "00:00", "Asia/Tehran")).toBe(late)
      // A window within a day.
      expect(sendAfter(new Date("2026-12-11T13:00:00Z"), "13:00", "14:00", "UTC")).toEqual(new Date("2026-12-11T14:00:00Z"))
    })
  })

  describe("shopDay", () => {
    it("should give the shop's calendar day and when it starts", () => {
      expect(shopDay(new Date("2026-11-23T21:00:00Z"), "Asia/Tehran")).toBe("2026-11-24")
      expect(shopDayStart("2026-11-24", "Asia/Tehran")).toEqual(new Date("2026-11-23T20:30:00Z"))
      expect(shopDayStart("2026-03-08", "America/New_York")).toEqual(new Date("2026-03-08T05:00:00Z"))
    })
  })
})
