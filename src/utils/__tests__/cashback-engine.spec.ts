import {
  CashbackOrder,
  CashbackRule,
  computeCashback,
  itemInScope,
} from "../cashback-engine"

const NOW = new Date("2026-11-22T12:00:00Z")

const vacuum = {
  id: "item_vacuum",
  product_id: "prod_vacuum",
  category_ids: ["pcat_appliances"],
  collection_id: "pcol_home",
  type_id: "ptyp_electric",
  tag_ids: ["ptag_sale"],
  subtotal: "185000000",
}
const washer = {
  id: "item_washer",
  product_id: "prod_washer",
  category_ids: ["pcat_appliances", "pcat_big"],
  collection_id: "pcol_home",
  type_id: "ptyp_electric",
  tag_ids: [],
  subtotal: "420000000",
}
const beans = {
  id: "item_beans",
  product_id: "prod_beans",
  category_ids: ["pcat_coffee"],
  collection_id: null,
  type_id: "ptyp_food",
  tag_ids: ["ptag_new"],
  subtotal: "28500000",
}

const irrOrder = (over: Partial<CashbackOrder> = {}): CashbackOrder => ({
  currency_code: "irr",
  sales_channel_id: "sc_web",
  items: [vacuum, washer, beans],
  ...over,
})

const rule = (over: Partial<CashbackRule>): CashbackRule => ({
  id: "rule_a",
  name: "Rule",
  is_active: true,
  type: "percent",
  value: "1",
  ...over,
})

const run = (
  order: CashbackOrder,
  rules: CashbackRule[],
  customer = {},
  options = {}
) => computeCashback(order, customer, rules, { now: NOW, ...options })

describe("computeCashback", () => {
  describe("amounts", () => {
    it.each([
      // [label, rule, expected total]
      ["1% of every item", rule({ value: "1" }), "6335000"],
      ["2.5% of every item", rule({ value: "2.5" }), "15837500"],
      ["a fixed amount per order", rule({ type: "fixed", value: "500000", currency_code: "irr" }), "500000"],
      ["1% capped at 2,000,000", rule({ value: "1", max_amount: "2000000" }), "2000000"],
      ["a cap above the amount does nothing", rule({ value: "1", max_amount: "9000000" }), "6335000"],
      ["a minimum that is met", rule({ value: "1", min_subtotal: "633500000" }), "6335000"],
    ])("should give %s", (_label, r, total) => {
      const result = run(irrOrder(), [r])
      expect(result.total).toBe(total)
      expect(result.rules).toHaveLength(1)
      expect(result.skipped).toEqual([])
    })

    it("should refuse a rule whose minimum is not met, and say so", () => {
      const result = run(irrOrder(), [rule({ min_subtotal: "633500001" })])
      expect(result.total).toBe("0")
      expect(result.skipped).toEqual([
        {
          rule_id: "rule_a",
          name: "Rule",
          reason: "min_subtotal",
          message: "The order subtotal 633500000 is below the rule's minimum 633500001",
        },
      ])
    })

    it("should mark a capped rule and scale its items to the cap", () => {
      const result = run(irrOrder({ items: [vacuum, washer] }), [
        rule({ value: "10", max_amount: "1000000" }),
      ])
      expect(result.rules[0]).toEqual(
        expect.objectContaining({ amount: "1000000", capped: true })
      )
      const shares = result.rules[0].items.map((i) => i.amount)
      // 185,000,000 : 420,000,000 of the cap.
      expect(shares[0].startsWith("305785.12396694214876")).toBe(true)
      expect(shares[1].startsWith("694214.87603305785123")).toBe(true)
    })

    it("should share a fixed amount over the items in scope by their base", () => {
      const result = run(irrOrder(), [
        rule({
          type: "fixed",
          value: "300000",
          currency_code: "irr",
          scope: { category_ids: ["pcat_appliances"] },
        }),
      ])
      expect(result.total).toBe("300000")
      expect(result.rules[0].items.map((i) => i.item_id)).toEqual([
        "item_vacuum",
        "item_washer",
      ])
    })
  })

  describe("rounding", () => {
    it("should round IRR down to whole rials once per rule", () => {
      const order = irrOrder({ items: [{ id: "i1", subtotal: "333" }, { id: "i2", subtotal: "333" }] })
      // 1.5% of 666 = 9.99 -> 9 (item shares 4.995 each would round to 8).
      expect(run(order, [rule({ value: "1.5" })]).total).toBe("9")
    })

    it("should round USD down to cents", () => {
      const order: CashbackOrder = {
        currency_code: "usd",
        items: [{ id: "i1", subtotal: "24.5" }, { id: "i2", subtotal: "89" }],
      }
      // 3% of 113.5 = 3.405 -> 3.40
      expect(run(order, [rule({ value: "3" })]).total).toBe("3.4")
    })

    it("should skip a rule whose cashback rounds to nothing", () => {
      const order = irrOrder({ items: [{ id: "i1", subtotal: "50" }] })
      const result = run(order, [rule({ value: "1" })])
      expect(result.total).toBe("0")
      expect(result.skipped[0].reason).toBe("zero_amount")
    })
  })

  describe("product scope", () => {
    it("should pay each category its own rate: 1% vacuum cleaners, 2% washing machines", () => {
      const result = run(irrOrder(), [
        rule({ id: "rule_vacuum", value: "1", scope: { product_ids: ["prod_vacuum"] } }),
        rule({ id: "rule_washer", value: "2", scope: { category_ids: ["pcat_big"] } }),
      ])
      expect(result.rules.map((r) => [r.rule_id, r.amount])).toEqual([
        ["rule_vacuum", "1850000"],
        ["rule_washer", "8400000"],
      ])
      expect(result.total).toBe("10250000")
    })

    it.each([
      [{ product_ids: ["prod_beans"] }, ["item_beans"]],
      [{ category_ids: ["pcat_appliances"] }, ["item_vacuum", "item_washer"]],
      [{ collection_ids: ["pcol_home"] }, ["item_vacuum", "item_washer"]],
      [{ type_ids: ["ptyp_food"] }, ["item_beans"]],
      [{ tag_ids: ["ptag_sale", "ptag_new"] }, ["item_vacuum", "item_beans"]],
      [{ exclude_product_ids: ["prod_washer"] }, ["item_vacuum", "item_beans"]],
      [{ category_ids: ["pcat_appliances"], exclude_tag_ids: ["ptag_sale"] }, ["item_washer"]],
      [{ exclude_category_ids: ["pcat_coffee"] }, ["item_vacuum", "item_washer"]],
      [{ exclude_collection_ids: ["pcol_home"] }, ["item_beans"]],
      [{ exclude_type_ids: ["ptyp_electric"] }, ["item_beans"]],
      [{}, ["item_vacuum", "item_washer", "item_beans"]],
    ])("should scope %j to %j", (scope, expected) => {
      expect(
        [vacuum, washer, beans].filter((i) => itemInScope(i, scope)).map((i) => i.id)
      ).toEqual(expected)
    })

    it("should say when no item is in scope", () => {
      const result = run(irrOrder({ items: [beans] }), [
        rule({ scope: { category_ids: ["pcat_appliances"] } }),
      ])
      expect(result.skipped[0].reason).toBe("no_items_in_scope")
    })
  })

  describe("combination", () => {
    it("should give an item in two best rules the better one, item by item", () => {
      const result = run(irrOrder(), [
        rule({ id: "rule_all", value: "1" }),
        rule({ id: "rule_appliances", value: "3", scope: { category_ids: ["pcat_appliances"] } }),
      ])
      expect(result.rules.map((r) => [r.rule_id, r.amount, r.items.map((i) => i.item_id)])).toEqual([
        ["rule_all", "285000", ["item_beans"]],
        ["rule_appliances", "18150000", ["item_vacuum", "item_washer"]],
      ])
      expect(result.total).toBe("18435000")
    })

    it("should break a tie by priority", () => {
      const result = run(irrOrder({ items: [beans] }), [
        rule({ id: "rule_a", name: "A", value: "2", priority: 1 }),
        rule({ id: "rule_b", name: "B", value: "2", priority: 5 }),
      ])
      expect(result.rules.map((r) => r.rule_id)).toEqual(["rule_b"])
      expect(result.skipped).toEqual([
        expect.objectContaining({ rule_id: "rule_a", reason: "outbid" }),
      ])
    })

    it("should add stacking rules on top of the best one", () => {
      const result = run(irrOrder({ items: [beans] }), [
        rule({ id: "rule_base", value: "2" }),
        rule({ id: "rule_other", value: "1" }),
        rule({ id: "rule_bonus", type: "fixed", value: "10000", currency_code: "irr", combination: "stack" }),
      ])
      expect(result.rules.map((r) => [r.rule_id, r.amount])).toEqual([
        ["rule_base", "570000"],
        ["rule_bonus", "10000"],
      ])
      expect(result.total).toBe("580000")
    })
  })

  describe("eligibility", () => {
    it.each([
      [rule({ is_active: false }), {}, {}, "inactive"],
      [rule({ customer_group_ids: ["cusgroup_vip"] }), { group_ids: ["cusgroup_other"] }, {}, "customer_group"],
      [rule({ min_previous_orders: 3 }), { previous_orders: 2 }, {}, "previous_orders"],
      [rule({ tier_ids: ["tier_gold"] }), { tier_id: "tier_silver" }, {}, "tier"],
      [rule({ sales_channel_ids: ["sc_store"] }), {}, { sales_channel_id: "sc_web" }, "sales_channel"],
      [rule({ starts_at: "2026-12-01T00:00:00Z" }), {}, {}, "not_started"],
      [rule({ ends_at: "2026-11-22T12:00:00Z" }), {}, {}, "ended"],
      [rule({ currency_code: "usd" }), {}, {}, "currency"],
    ])("should skip %j for %j with reason", (r, customer, orderOver, reason) => {
      const result = run(irrOrder(orderOver as any), [r], customer)
      expect(result.total).toBe("0")
      expect(result.skipped.map((s) => s.reason)).toEqual([reason])
    })

    it.each([
      [rule({ customer_group_ids: ["cusgroup_vip"] }), { group_ids: ["cusgroup_vip", "x"] }, {}],
      [rule({ min_previous_orders: 3 }), { previous_orders: 3 }, {}],
      [rule({ tier_ids: ["tier_gold"] }), { tier_id: "tier_gold" }, {}],
      [rule({ sales_channel_ids: ["sc_store"] }), {}, { sales_channel_id: "sc_store" }],
      [rule({ starts_at: "2026-11-22T12:00:00Z", ends_at: "2026-11-22T12:00:01Z" }), {}, {}],
      [rule({ currency_code: "IRR" }), {}, {}],
    ])("should apply %j for %j", (r, customer, orderOver) => {
      expect(run(irrOrder(orderOver as any), [r], customer).total).toBe("6335000")
    })
  })

  describe("multiplier window", () => {
    it("should double the rule inside the holiday window only", () => {
      const holiday = rule({
        value: "1",
        max_amount: "10000000",
        multiplier: { value: "2", starts_at: "2026-11-20T00:00:00Z", ends_at: "2026-11-25T00:00:00Z" },
      })
      const inside = run(irrOrder(), [holiday])
      expect(inside.total).toBe("10000000")
      expect(inside.rules[0]).toEqual(expect.objectContaining({ multiplier: "2", capped: true }))
      const after = computeCashback(irrOrder(), {}, [holiday], {
        now: new Date("2026-11-25T00:00:00Z"),
      })
      expect(after.total).toBe("6335000")
      expect(after.rules[0].multiplier).toBe("1")
    })
  })

  describe("base", () => {
    it("should take discounts out of the base", () => {
      const order = irrOrder({ items: [{ ...beans, discount_total: "8500000" }] })
      expect(run(order, [rule({ value: "1" })]).total).toBe("200000")
    })

    it("should take credit paid out in proportion, unless the shop includes it", () => {
      const order = irrOrder({ items: [vacuum, beans], credit_paid: "63500000" })
      // Base 213,500,000 minus 63,500,000 paid with credit = 150,000,000.
      const excluded = run(order, [rule({ value: "2" })])
      expect(excluded.base).toBe("150000000")
      expect(excluded.total).toBe("3000000")
      const included = run(order, [rule({ value: "2" })], {}, { include_credit_paid: true })
      expect(included.base).toBe("213500000")
      expect(included.total).toBe("4270000")
    })
  })

  describe("currencies", () => {
    it("should apply a rule without currency to any order and a USD rule only to USD", () => {
      const usdOrder: CashbackOrder = { currency_code: "usd", items: [{ id: "i", subtotal: "299" }] }
      const rules = [
        rule({ id: "rule_any", value: "1" }),
        rule({ id: "rule_usd", type: "fixed", value: "5", currency_code: "usd", combination: "stack" }),
      ]
      expect(run(usdOrder, rules).total).toBe("7.99")
      const irr = run(irrOrder({ items: [beans] }), rules)
      expect(irr.total).toBe("285000")
      expect(irr.skipped.map((s) => [s.rule_id, s.reason])).toEqual([["rule_usd", "currency"]])
    })
  })

  describe("tier benefits", () => {
    const gold = { id: "tier_gold", cashback_rate: "5", cashback_multiplier: "1.5" }
    it("should pay the tier's rate on rules that use it, and the rule's own value without a tier rate", () => {
      const r = rule({ use_tier_rate: true, value: "1" })
      expect(run(irrOrder(), [r], { tier: gold }).total).toBe("31675000")
      expect(run(irrOrder(), [r], { tier: { id: "tier_silver" } }).total).toBe("6335000")
      expect(run(irrOrder(), [r], {}).total).toBe("6335000")
    })
    it("should multiply rules that use the tier's multiplier, on top of a multiplier window", () => {
      const plain = rule({ id: "r1", value: "2", scope: { product_ids: ["prod_vacuum"] } })
      const boosted = { ...plain, use_tier_multiplier: true }
      expect(run(irrOrder(), [plain], { tier: gold }).rules[0]).toEqual(
        expect.objectContaining({ amount: "3700000", multiplier: "1" })
      )
      expect(run(irrOrder(), [boosted], { tier: gold }).rules[0]).toEqual(
        expect.objectContaining({ amount: "5550000", multiplier: "1.5" })
      )
      const windowed = {
        ...boosted,
        multiplier: { value: "2", starts_at: "2026-11-01T00:00:00Z", ends_at: "2026-12-01T00:00:00Z" },
      }
      expect(run(irrOrder(), [windowed], { tier: gold }).rules[0]).toEqual(
        expect.objectContaining({ amount: "11100000", multiplier: "3" })
      )
    })
    it("should let a tier rate outbid a product rule item by item", () => {
      const product = rule({ id: "r1", value: "2", scope: { product_ids: ["prod_washer"] } })
      const club = rule({ id: "r2", value: "1", use_tier_rate: true, tier_ids: ["tier_gold"] })
      const result = run(irrOrder(), [product, club], { tier_id: "tier_gold", tier: gold })
      expect(result.rules.map((r) => [r.rule_id, r.amount])).toEqual([["r2", "31675000"]])
      expect(result.skipped.map((s) => [s.rule_id, s.reason])).toEqual([["r1", "outbid"]])
    })
  })
})

describe("computeCashback on long orders", () => {
  // Item i is a vacuum cleaner (even i) or a washing machine (odd i) at
  // 100,000 + i rials, so every line has its own base and a wrong item in
  // a set changes the amounts.
  const lines = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      id: `item_${i}`,
      product_id: `prod_${i}`,
      category_ids: [i % 2 === 0 ? "pcat_vacuum" : "pcat_washer"],
      subtotal: String(100000 + i),
    }))
  const longRules = [
    rule({ id: "rule_vacuum", value: "1", scope: { category_ids: ["pcat_vacuum"] } }),
    rule({ id: "rule_washer", value: "2", scope: { category_ids: ["pcat_washer"] } }),
    rule({
      id: "rule_stack",
      value: "0.5",
      combination: "stack",
      scope: { exclude_product_ids: ["prod_999"] },
    }),
  ]

  it("should pay an order of 1,000 lines exactly, item by item", () => {
    const result = run(irrOrder({ items: lines(1000) }), longRules)
    // Vacuums: 500 x 100,000 + (0 + 2 + ... + 998) = 50,249,500, 1%.
    // Washers: 500 x 100,000 + (1 + 3 + ... + 999) = 50,250,000, 2%.
    // Stack: every line but item_999, 100,398,501 at 0.5% = 501,992.505.
    expect(result.rules.map((r) => [r.rule_id, r.amount, r.items.length])).toEqual([
      ["rule_stack", "501992", 999],
      ["rule_vacuum", "502495", 500],
      ["rule_washer", "1005000", 500],
    ])
    expect(result.total).toBe("2009487")
    expect(result.base).toBe("100499500")
    expect(result.skipped).toEqual([])
    const itemOf = (ruleId: string, itemId: string) =>
      result.rules.find((r) => r.rule_id === ruleId)!.items.find((i) => i.item_id === itemId)
    // Lines past the 32nd, across word boundaries, earn their own share.
    expect(itemOf("rule_washer", "item_999")).toEqual({ item_id: "item_999", base: "100999", amount: "2019.98" })
    expect(itemOf("rule_vacuum", "item_998")).toEqual({ item_id: "item_998", base: "100998", amount: "1009.98" })
    expect(itemOf("rule_stack", "item_31")).toEqual({ item_id: "item_31", base: "100031", amount: "500.155" })
    expect(itemOf("rule_stack", "item_32")!.amount).toBe("500.16")
    expect(itemOf("rule_stack", "item_999")).toBeUndefined()
    expect(itemOf("rule_vacuum", "item_33")).toBeUndefined()
  })

  it("should pay an order of 31 lines, one more than the engine used to take", () => {
    const result = run(irrOrder({ items: lines(31) }), longRules.slice(0, 2))
    // Vacuums: 16 x 100,000 + (0 + 2 + ... + 30) = 1,600,240, 1%;
    // washers: 15 x 100,000 + (1 + 3 + ... + 29) = 1,500,225, 2%.
    expect(result.rules.map((r) => [r.rule_id, r.amount, r.items.length])).toEqual([
      ["rule_vacuum", "16002", 16],
      ["rule_washer", "30004", 15],
    ])
    expect(result.total).toBe("46006")
  })

  it("should pay 1,000 lines with mixed decimals to the cent", () => {
    const cents = ["10.5", "3.25", "7"]
    const items = Array.from({ length: 1000 }, (_, i) => ({
      id: `item_${i}`,
      product_id: `prod_${i}`,
      subtotal: cents[i % 3],
      discount_total: i % 10 === 0 ? "0.125" : "0",
    }))
    const result = run({ currency_code: "usd", items }, [rule({ value: "1" })])
    // 334 x 10.5 + 333 x 3.25 + 333 x 7 = 6,920.25, less 100 x 0.125.
    expect(result.base).toBe("6907.75")
    expect(result.total).toBe("69.07")
    expect(result.rules[0].items).toHaveLength(1000)
  })
})
