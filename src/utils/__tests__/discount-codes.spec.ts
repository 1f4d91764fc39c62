import {
  CODE_ALPHABET,
  CODE_ENTROPY_BITS,
  codeApplication,
  CodeCheck,
  codeProblem,
  discountSummaryOf,
  eligibleSubtotal,
  formatDiscount,
  generateCodes,
  normalizeCode,
  normalizePrefix,
  personalCodeExpiry,
} from "../discount-codes"

describe("discount codes", () => {
  describe("generateCodes", () => {
    it("should make distinct codes of 9 symbols without look-alikes, with at least 40 bits", () => {
      const codes = generateCodes(20000)
      expect(new Set(codes).size).toBe(20000)
      for (const code of codes.slice(0, 2000)) {
        expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{9}$/)
      }
      expect(CODE_ALPHABET).not.toMatch(/[01ILO]/)
      expect(CODE_ENTROPY_BITS).toBeGreaterThanOrEqual(40)
    })

    it("should use every symbol about as often (no modulo bias)", () => {
      const counts = new Map<string, number>()
      for (const code of generateCodes(20000)) {
        for (const c of code) {
          counts.set(c, (counts.get(c) ?? 0) + 1)
        }
      }
      expect(counts.size).toBe(31)
      const expected = (20000 * 9) / 31
      for (const n of counts.values()) {
        expect(Math.abs(n - expected) / expected).toBeLessThan(0.08)
      }
    })

    it("should put the prefix before a dash", () => {
      expect(generateCodes(3, "NOWRUZ").every((c) => /^NOWRUZ-[2-9A-Z]{9}$/.test(c))).toBe(true)
    })
  })

  describe("normalizeCode and normalizePrefix", () => {
    it("should write a typed code the way codes are stored", () => {
      expect(normalizeCode(" nowruz-ab۲۳ ٤5\u200c")).toBe("NOWRUZ-AB2345")
      expect(normalizePrefix(" nowruz ")).toBe("NOWRUZ")
      expect(normalizePrefix("")).toBeNull()
      expect(() => normalizePrefix("NO WAY!")).toThrow("prefix must be 1 to 12 Latin letters or digits")
      expect(() => normalizePrefix("ABCDEFGHIJKLM")).toThrow("prefix")
    })
  })

  describe("formatDiscount", () => {
    const capped = discountSummaryOf({ discount_type: "percentage", value: "20", max_discount: { irr: "500000" } })
    it("should say a capped percent in Persian and English with Toman or Rial", () => {
      expect(formatDiscount(capped, { locale: "fa", currency_code: "irr", money_display: "toman" })).toBe("۲۰٪ تا سقف ۵۰٬۰۰۰ تومان")
      expect(formatDiscount(capped, { locale: "en", currency_code: "irr", money_display: "rial" })).toBe("20% off, up to 500,000 Rial")
      expect(formatDiscount(capped, { locale: "en", currency_code: "usd", money_display: "toman" })).toBe("20% off, up to 50,000 Toman")
    })

    it("should say a plain percent and a fixed amount", () => {
      const plain = discountSummaryOf({ discount_type: "percentage", value: "12.5" })
      expect(formatDiscount(plain, { locale: "fa", currency_code: "irr", money_display: "toman" })).toBe("۱۲٫۵٪")
      expect(formatDiscount(plain, { locale: "en", currency_code: "irr", money_display: "toman" })).toBe("12.5% off")
      const fixed = discountSummaryOf({ discount_type: "fixed", value: "1000000", currency_code: "IRR" })
      expect(fixed).toEqual({ discount_type: "fixed", value: "1000000", currency_code: "irr", max_discount: null })
      expect(formatDiscount(fixed, { locale: "fa", currency_code: "irr", money_display: "toman" })).toBe("۱۰۰٬۰۰۰ تومان")
      expect(formatDiscount(fixed, { locale: "en", currency_code: "irr", money_display: "toman" })).toBe("100,000 Toman off")
    })
  })

  describe("personalCodeExpiry", () => {
    const at = new Date("2026-03-01T10:00:00Z")
    it("should count valid_days from the issue, never past the batch's end", () => {
      expect(personalCodeExpiry({ valid_days: 30 }, at)).toEqual(new Date("2026-03-31T10:00:00Z"))
      expect(personalCodeExpiry({ valid_days: 30, ends_at: "2026-03-10T00:00:00Z" }, at)).toEqual(new Date("2026-03-10T00:00:00Z"))
      expect(personalCodeExpiry({ valid_days: null, ends_at: null }, at)).toBeNull()
      expect(personalCodeExpiry({ valid_days: 30 }, at, "2026-03-05T00:00:00Z")).toEqual(new Date("2026-03-05T00:00:00Z"))
    })
  })

  describe("codeProblem", () => {
    const at = new Date("2026-03-01T10:00:00Z")
    const code = (over: Partial<CodeCheck> = {}, batch: Partial<CodeCheck["batch"]> = {}): CodeCheck => ({
      code: "GIFT-ABCDEFGHJ",
      customer_id: null,
      expires_at: null,
      disabled_at: null,
      used: false,
      ...over,
      batch: { status: "active", starts_at: null, ends_at: null, currency_code: null, min_basket: null, ...batch },
    })
    const cart = { customer_id: "cus_1", has_account: true, currency_code: "irr", item_subtotal: 1000000 }

    it("should let a valid code pass", () => {
      expect(codeProblem(code(), cart, at)).toBeNull()
      expect(codeProblem(code({ customer_id: "cus_1" }), cart, at)).toBeNull()
    })

    it("should refuse a personal code for a guest and for another shopper", () => {
      expect(codeProblem(code({ customer_id: "cus_2" }), cart, at)?.code).toBe("loyalty_code_not_yours")
      expect(codeProblem(code({ customer_id: "cus_2" }), { ...cart, has_account: false }, at)?.code).toBe("loyalty_code_login_required")
      expect(codeProblem(code({ customer_id: "cus_2" }), { ...cart, customer_id: null }, at)?.code).toBe("loyalty_code_login_required")
    })

    it("should name why a code does not work now", () => {
      expect(codeProblem(code({ disabled_at: at }), cart, at)?.code).toBe("loyalty_code_disabled")
      expect(codeProblem(code({}, { status: "disabled" }), cart, at)?.code).toBe("loyalty_code_batch_disabled")
      expect(codeProblem(code({}, { starts_at: "2026-03-02T00:00:00Z" }), cart, at)?.code).toBe("loyalty_code_not_started")
      expect(codeProblem(code({ expires_at: "2026-03-01T10:00:00Z" }), cart, at)?.code).toBe("loyalty_code_expired")
      expect(codeProblem(code({}, { ends_at: "2026-02-01T00:00:00Z" }), cart, at)?.message).toBe(
        "Code GIFT-ABCDEFGHJ expired on 2026-02-01T00:00:00.000Z"
      )
      expect(codeProblem(code({ used: true }), cart, at)?.code).toBe("loyalty_code_used")
      expect(codeProblem(code({}, { currency_code: "usd" }), cart, at)?.message).toBe(
        "Code GIFT-ABCDEFGHJ works in USD only, this cart is in IRR"
      )
    })

    it("should keep a group's code to customers of the group", () => {
      const grouped = code({}, { customer_group_ids: ["cusgroup_vip"] })
      expect(codeProblem(grouped, { ...cart, group_ids: ["cusgroup_vip", "cusgroup_x"] }, at)).toBeNull()
      expect(codeProblem(grouped, { ...cart, group_ids: ["cusgroup_x"] }, at)?.message).toBe(
        "Code GIFT-ABCDEFGHJ is for customers of certain groups only, and this cart's customer is in none of them"
      )
      // Groups not read with the cart: not checked here (core's rule still holds).
      expect(codeProblem(grouped, cart, at)).toBeNull()
    })

    it("should name the minimum basket and the cart's item subtotal", () => {
      const min = code({}, { min_basket: { irr: "2000000", usd: "50" } })
      expect(codeProblem(min, cart, at)).toEqual({
        type: "not_allowed",
        code: "loyalty_code_min_basket",
        message: "Code GIFT-ABCDEFGHJ needs a basket of at least 2000000 IRR; this cart's items come to 1000000 IRR",
      })
      expect(codeProblem(min, { ...cart, item_subtotal: 2000000 }, at)).toBeNull()
      // No minimum in a currency the batch does not name.
      expect(codeProblem(code({}, { min_basket: { usd: "50" } }), cart, at)).toBeNull()
    })
  })

  describe("eligibleSubtotal and codeApplication", () => {
    const items = [
      { subtotal: 1000000, product_id: "prod_a", category_ids: ["cat_1"] },
      { subtotal: 3000000, product_id: "prod_b", category_ids: ["cat_2"] },
      { subtotal: 500000, product_id: "prod_c", category_ids: ["cat_2"], is_discountable: false },
    ]
    it("should sum what the code targets", () => {
      expect(String(eligibleSubtotal({ target: "order" }, { items }))).toBe("4000000")
      expect(String(eligibleSubtotal({ target: "items", product_ids: ["prod_b"] }, { items }))).toBe("3000000")
      expect(String(eligibleSubtotal({ target: "items", category_ids: ["cat_1"] }, { items }))).toBe("1000000")
      expect(String(eligibleSubtotal({ target: "shipping" }, { items, shipping_subtotal: 500000 }))).toBe("500000")
    })

    it("should turn a capped percent into the cap when the percent gives more", () => {
      const summary = discountSummaryOf({ discount_type: "percentage", value: "20", max_discount: { irr: "500000" } })
      expect(codeApplication(summary, { currency_code: "irr", eligible_subtotal: 2000000 })).toEqual({
        type: "percentage",
        value: "20",
        currency_code: null,
      })
      expect(codeApplication(summary, { currency_code: "irr", eligible_subtotal: 2500001 })).toEqual({
        type: "fixed",
        value: "500000",
        currency_code: "irr",
      })
      expect(codeApplication(summary, { currency_code: "usd", eligible_subtotal: 1e9 }).type).toBe("percentage")
    })
  })
})
