import { groupDigits, plainDecimal } from "../lib/amounts"
import { shiftDecimal, toApiAmount, toDisplayAmount } from "../lib/format"
import { persianWords } from "../lib/words"

describe("amounts as shop staff type and read them", () => {
  it("should read grouped, Persian and Arabic-Indic digits as plain decimals", () => {
    expect(plainDecimal("1,000,000")).toBe("1000000")
    expect(plainDecimal("۱٬۰۰۰٬۰۰۰")).toBe("1000000")
    expect(plainDecimal("٢٥٠٬٠٠٠")).toBe("250000")
    expect(plainDecimal(" ۱۲٫۵ ")).toBe("12.5")
    expect(groupDigits("50000000000.5")).toBe("50,000,000,000.5")
  })

  it("should move between Toman and Rial on the digits, exactly", () => {
    expect(toApiAmount("1000000", "irr", "toman")).toBe("10000000")
    expect(toApiAmount("12.5", "irr", "toman")).toBe("125")
    expect(toApiAmount("1000000", "irr", "rial")).toBe("1000000")
    expect(toApiAmount("10.5", "usd", "toman")).toBe("10.5")
    expect(toDisplayAmount("2000000", "IRR", "toman")).toBe("200000")
    expect(toDisplayAmount("125", "irr", "toman")).toBe("12.5")
    expect(toDisplayAmount("5", "irr", "toman")).toBe("0.5")
    expect(shiftDecimal("123456789012345678901234567890", 1)).toBe(
      "1234567890123456789012345678900"
    )
    expect(shiftDecimal("0.01", 1)).toBe("0.1")
    expect(shiftDecimal("0", -1)).toBe("0")
  })

  it("should write amounts in Persian words", () => {
    expect(persianWords("1000000")).toBe("یک میلیون")
    expect(persianWords("200000")).toBe("دویست هزار")
    expect(persianWords("1250000")).toBe("یک میلیون و دویست و پنجاه هزار")
    expect(persianWords("10000000")).toBe("ده میلیون")
    expect(persianWords("1012")).toBe("یک هزار و دوازده")
    expect(persianWords("0")).toBe("صفر")
    expect(persianWords("12.5")).toBeNull()
  })
})
