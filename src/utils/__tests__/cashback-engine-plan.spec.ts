import { CashbackOrder, CashbackRule, computeCashback } from "../cashback-engine"

// The engine keeps a plan per rules array (sorted rules, shared scopes) and
// settles each item's best rule without sorting all rules: these pin down
// that neither shows in the results.

const NOW = new Date("2026-11-22T12:00:00Z")

const order: CashbackOrder = {
  currency_code: "irr",
  items: [
    { id: "item_vacuum", product_id: "prod_vacuum", category_ids: ["pcat_appliances"], subtotal: "185000000" },
    { id: "item_washer", product_id: "prod_washer", category_ids: ["pcat_appliances"], subtotal: "420000000" },
    { id: "item_beans", product_id: "prod_beans", category_ids: ["pcat_coffee"], subtotal: "28500000" },
  ],
}

const rule = (over: Partial<CashbackRule>): CashbackRule => ({
  id: "rule_a",
  name: "Rule",
  is_active: true,
  type: "percent",
  value: "1",
  ...over,
})

const run = (rules: CashbackRule[]) => computeCashback(order, {}, rules, { now: NOW })
const amounts = (rules: CashbackRule[]) => run(rules).rules.map((r) => [r.rule_id, r.amount])

describe("computeCashback with the same rules array", () => {
  it("should see a rule added to the array in place", () => {
    const rules = [rule({ id: "rule_one", value: "1" })]
    expect(amounts(rules)).toEqual([["rule_one", "6335000"]])
    rules.push(rule({ id: "rule_two", value: "2" }))
    expect(amounts(rules)).toEqual([["rule_two", "12670000"]])
  })

  it("should see a rule replaced in place", () => {
    const rules = [rule({ id: "rule_one", value: "1" }), rule({ id: "rule_two", value: "2" })]
    expect(amounts(rules)).toEqual([["rule_two", "12670000"]])
    rules[1] = rule({ id: "rule_two", value: "0.5" })
    expect(amounts(rules)).toEqual([["rule_one", "6335000"]])
  })

  it("should give the same result on every call and for a copy of the array", () => {
    const rules = [
      rule({ id: "rule_all", value: "1" }),
      rule({ id: "rule_app", value: "3", scope: { category_ids: ["pcat_appliances"] } }),
      rule({ id: "rule_app2", value: "2", scope: { category_ids: ["pcat_appliances"] } }),
      rule({ id: "rule_coffee", value: "4", scope: { category_ids: ["pcat_coffee"] } }),
    ]
    const first = run(rules)
    expect(run(rules)).toEqual(first)
    expect(run([...rules])).toEqual(first)
    expect(first.rules.map((r) => [r.rule_id, r.items.map((i) => i.item_id)])).toEqual([
      ["rule_app", ["item_vacuum", "item_washer"]],
      ["rule_coffee", ["item_beans"]],
    ])
    expect(first.skipped.map((s) => [s.rule_id, s.reason])).toEqual([
      ["rule_all", "outbid"],
      ["rule_app2", "outbid"],
    ])
  })
})

describe("computeCashback ties", () => {
  it("should give a tie on rate, priority and id to the rule listed first", () => {
    const result = run([
      rule({ id: "rule_x", name: "Appliances", value: "2", scope: { category_ids: ["pcat_appliances"] } }),
      rule({ id: "rule_x", name: "Everything", value: "2" }),
    ])
    expect(result.rules.map((r) => [r.name, r.amount, r.items.map((i) => i.item_id)])).toEqual([
      ["Appliances", "12100000", ["item_vacuum", "item_washer"]],
      ["Everything", "570000", ["item_beans"]],
    ])
  })

  it("should settle a fixed rule and a percent rule with the same exact rate by id", () => {
    // 12,670,000 on a base of 633,500,000 is exactly 2%.
    const result = run([
      rule({ id: "rule_pct", name: "Percent", value: "2" }),
      rule({ id: "rule_fixed", name: "Fixed", type: "fixed", value: "12670000", currency_code: "irr" }),
    ])
    expect(result.rules.map((r) => [r.rule_id, r.amount])).toEqual([["rule_fixed", "12670000"]])
    expect(result.skipped.map((s) => [s.rule_id, s.reason])).toEqual([["rule_pct", "outbid"]])
  })
})
