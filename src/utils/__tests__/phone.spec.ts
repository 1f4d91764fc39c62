import { MedusaError } from "@medusajs/framework/utils"
import { formatForGateway, isValidPhone, normalizePhone } from "../phone"

describe("phone", () => {
  describe("normalizePhone", () => {
    it.each([
      ["09121234567", "+989121234567"],
      ["9121234567", "+989121234567"],
      ["+989121234567", "+989121234567"],
      ["00989121234567", "+989121234567"],
      ["989121234567", "+989121234567"],
      ["۰۹۱۲۱۲۳۴۵۶۷", "+989121234567"],
      ["٠٩١٢١٢٣٤٥٦٧", "+989121234567"],
      ["+۹۸۹۱۲۱۲۳۴۵۶۷", "+989121234567"],
      ["۰۰۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷", "+989121234567"],
      ["0912 123 4567", "+989121234567"],
      ["0912-123-4567", "+989121234567"],
      ["(0912) 123 4567", "+989121234567"],
      ["+98 (912) 123-45-67", "+989121234567"],
      ["\u200e09121234567\u200f", "+989121234567"],
      ["0912\u00a0123\u00a04567", "+989121234567"],
      ["09901234567", "+989901234567"],
      ["09351234567", "+989351234567"],
      ["+12015550123", "+12015550123"],
      ["+1 (201) 555-0123", "+12015550123"],
      ["+447911123456", "+447911123456"],
    ])("should read %j as %s", (input, expected) => {
      expect(normalizePhone(input)).toBe(expected)
    })

    it("should read national numbers in the default country given", () => {
      expect(normalizePhone("(201) 555-0123", "US")).toBe("+12015550123")
      expect(normalizePhone("00989121234567", "US")).toBe("+989121234567")
      expect(normalizePhone("07911 123456", "GB")).toBe("+447911123456")
    })

    it.each([
      [""],
      ["   "],
      ["0912123456"],
      ["091212345678"],
      ["+98912123456789"],
      ["02188776655"],
      ["+982188776655"],
      ["+442071838750"],
      ["abc09121234567"],
      ["09121234567x"],
      ["0912*123*4567"],
      ["+98+9121234567"],
      ["+989121234567;ext=1"],
      ["call me"],
    ])("should refuse %j with a 400 naming the input", (input) => {
      let error: MedusaError | undefined
      try {
        normalizePhone(input)
      } catch (e) {
        error = e as MedusaError
      }
      expect(error).toBeInstanceOf(MedusaError)
      expect(error?.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error?.message).toBe(
        `phone (${input}) is not a valid mobile number`
      )
    })

    it("should refuse a value that is not a string", () => {
      expect(() => normalizePhone(undefined as unknown as string)).toThrow(
        "phone (undefined) is not a valid mobile number"
      )
    })
  })

  describe("isValidPhone", () => {
    it("should tell mobile numbers from landlines and junk", () => {
      expect(isValidPhone("۰۹۱۲۱۲۳۴۵۶۷")).toBe(true)
      expect(isValidPhone("+12015550123")).toBe(true)
      expect(isValidPhone("02188776655")).toBe(false)
      expect(isValidPhone("0912")).toBe(false)
      expect(isValidPhone("")).toBe(false)
    })
  })

  describe("formatForGateway", () => {
    it.each([
      ["+989121234567", "e164", "+989121234567"],
      ["+989121234567", "ir_local", "09121234567"],
      ["+989121234567", "ir_98", "989121234567"],
      ["+12015550123", "e164", "+12015550123"],
      ["+12015550123", "ir_local", "0012015550123"],
      ["+12015550123", "ir_98", "12015550123"],
    ] as const)("should write %s in %s as %s", (e164, style, expected) => {
      expect(formatForGateway(e164, style)).toBe(expected)
    })

    it("should refuse a number that is not E.164", () => {
      expect(() => formatForGateway("09121234567", "ir_local")).toThrow(
        "phone (09121234567) is not a valid E.164 mobile number"
      )
    })

    it("should refuse an unknown style", () => {
      expect(() =>
        formatForGateway("+989121234567", "local" as "e164")
      ).toThrow("Number format (local) is not one of e164, ir_local, ir_98")
    })
  })
})
