// Cashback engine throughput: a 10-item order against 100 rules.
//   npm run bench -- cashback-engine [--quick]
import { CashbackRule, computeCashback } from "../src/utils/cashback-engine"

const categories = ["pcat_a", "pcat_b", "pcat_c", "pcat_d", "pcat_e"]
const items = Array.from({ length: 10 }, (_, i) => ({
  id: `item_${i}`,
  product_id: `prod_${i}`,
  category_ids: [categories[i % 5]],
  collection_id: `pcol_${i % 3}`,
  type_id: `ptyp_${i % 2}`,
  tag_ids: [`ptag_${i % 4}`],
  subtotal: String(1000000 * (i + 1)),
  discount_total: i % 3 === 0 ? "50000" : "0",
}))
const rules: CashbackRule[] = Array.from({ length: 100 }, (_, i) => ({
  id: `rule_${String(i).padStart(3, "0")}`,
  name: `Rule ${i}`,
  is_active: i % 10 !== 0,
  priority: i % 7,
  currency_code: i % 5 === 0 ? null : "irr",
  type: i % 4 === 0 ? "fixed" : "percent",
  value: i % 4 === 0 ? "25000" : String((i % 9) + 0.5),
  min_subtotal: i % 6 === 0 ? "5000000" : null,
  max_amount: i % 8 === 0 ? "300000" : null,
  scope:
    i % 3 === 0
      ? { category_ids: [categories[i % 5]] }
      : i % 3 === 1
        ? { tag_ids: [`ptag_${i % 4}`], exclude_product_ids: ["prod_1"] }
        : null,
  customer_group_ids: i % 11 === 0 ? ["cusgroup_vip"] : null,
  multiplier: i % 13 === 0 ? { value: "2", starts_at: "2026-01-01", ends_at: "2027-01-01" } : null,
  combination: i % 9 === 0 ? "stack" : "best",
}))
const order = { currency_code: "irr", sales_channel_id: "sc_web", items, credit_paid: "2000000" }
const customer = { group_ids: ["cusgroup_vip"], previous_orders: 4 }
const now = new Date("2026-11-22T12:00:00Z")

// `--quick`: the small size CI runs (the result is checked, never the rate).
const quick = process.argv.includes("--quick")
for (let i = 0; i < (quick ? 50 : 500); i++) computeCashback(order, customer, rules, { now })
const runs = quick ? 3 : 5
const rates: number[] = []
let total = ""
for (let r = 0; r < runs; r++) {
  const n = quick ? 300 : 5000
  const start = process.hrtime.bigint()
  for (let i = 0; i < n; i++) total = computeCashback(order, customer, rules, { now }).total
  rates.push(n / (Number(process.hrtime.bigint() - start) / 1e9))
}
rates.sort((a, b) => a - b)
console.log(`engine_order_items: 10 items`)
console.log(`engine_rules: 100 rules`)
console.log(`engine_cashback_total: ${total} IRR`)
console.log(`engine_evaluations_median: ${rates[Math.floor(runs / 2)].toFixed(0)} evaluations/s (target >= 20000)`)
// The order's cashback under these rules, as the engine answered when this
// check was added: a change in the engine's result fails the run.
const EXPECTED_TOTAL = "9496424"
if (total !== EXPECTED_TOTAL) {
  console.error(`bench check failed: engine_cashback_total is ${total}, expected ${EXPECTED_TOTAL}`)
  process.exit(1)
}
console.log(`check_engine_cashback_total: ok (${total} IRR)`)
