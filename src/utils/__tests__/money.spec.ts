import {
  currencyPrecision,
  parsePositiveAmount,
  plainDecimalProblem,
  rawAmount,
  roundToCurrency,
} from "../money"

describe("money", () => {
  describe("currencyPrecision", () => {
    it("should know that IRR and Toman have no decimals and USD has two", () => {
      expect(currencyPrecision("irr")).toBe(0)
      expect(currencyPrecision("IRT")).toBe(0)
      expect(currencyPrecision("usd")).toBe(2)
      expect(currencyPrecision("kwd")).toBe(3)
    })

    it("should refuse an unknown code", () => {
      expect(() => currencyPrecision("abc")).toThrow(
        "Currency (abc) is not a known currency code"
      )
    })
  })

  describe("roundToCurrency", () => {
    it.each([
      ["1234.99", "irr", "down", "1234"],
      ["1234.5", "irr", "half_up", "1235"],
      ["1234.5", "irr", "half_even", "1234"],
      ["1234.01", "irr", "up", "1235"],
      ["10.005", "usd", "half_up", "10.01"],
      ["10.005", "usd", "down", "10"],
      ["999999999999999999.9", "irr", "down", "999999999999999999"],
    ] as const)("should round %s %s %s to %s", (amount, currency, mode, expected) => {
      expect(roundToCurrency(amount, currency, mode).toFixed()).toBe(expected)
    })
  })

  describe("parsePositiveAmount", () => {
    it("should accept exact amounts of the currency's precision", () => {
      expect(parsePositiveAmount("150000", "irr").toFixed()).toBe("150000")
      expect(parsePositiveAmount(12.5, "usd").toFixed()).toBe("12.5")
    })

    it.each([
      [0, "irr", "amount must be greater than 0, got 0"],
      [-1, "irr", "amount must be greater than 0, got -1"],
      ["1e400x", "irr", 'amount must be a number, got "1e400x"'],
      [null, "irr", "amount must be greater than 0, got 0"],
      ["0.5", "irr", "amount 0.5 has more decimals than IRR allows (0)"],
      ["0.125", "usd", "amount 0.125 has more decimals than USD allows (2)"],
    ])("should refuse %p in %s", (amount, currency, message) => {
      expect(() => parsePositiveAmount(amount, currency)).toThrow(message)
    })

    it.each(["1e9999999", "1e3", "0x10", " 100 ", "+5", "1_000", "", "١٠٠", "123456789012345678901", 1e21, Infinity])(
      "should refuse %p before building a number from it",
      (amount) => {
        expect(() => parsePositiveAmount(amount, "irr")).toThrow(
          `amount must be a number, got ${JSON.stringify(amount)}`
        )
      }
    )
  })

  describe("plainDecimalProblem", () => {
    it("should accept plain decimals of up to 20 integer digits and name the field otherwise", () => {
      expect(plainDecimalProblem("99999999999999999999", "amount")).toBeNull()
      expect(plainDecimalProblem("-12.50", "amount")).toBeNull()
      expect(plainDecimalProblem(150000, "amount")).toBeNull()
      expect(plainDecimalProblem("1e3", "items.amount")).toBe(
        'items.amount must be a number, got "1e3": plain decimal digits with an optional point, at most 20 before it'
      )
      expect(plainDecimalProblem("ten", "amount")).toBe('amount must be a number, got "ten"')
      expect(plainDecimalProblem({ value: "1" }, "value")).toMatch(/^value must be a number/)
    })
  })

  describe("rawAmount", () => {
    it("should keep every digit of a large amount", () => {
      expect(JSON.parse(rawAmount(parsePositiveAmount("12345678901234567891", "irr")))).toEqual({
        value: "12345678901234567891",
        precision: 20,
      })
    })
  })
})
