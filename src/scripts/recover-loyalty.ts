import { ExecArgs } from "@medusajs/framework/types"
import { catchUpLoyaltyWorkflow, reconcileCheckoutDebitsWorkflow } from "../workflows"

/**
 * npx medusa exec ./src/scripts/recover-loyalty.ts [now]
 * (in an app that installed the plugin:
 * ./node_modules/medusa-plugin-loyalty-club/.medusa/server/src/scripts/recover-loyalty.js)
 *
 * Runs the two recovery jobs once, after a crash or before a check: gives
 * back checkout debits whose cart has no order, then awards the orders with
 * no cashback, records due releases and the tier upgrades. Prints
 * `name: value` lines. `now` does not wait for reconcile_after_seconds or
 * the catch-up grace; it still takes each cart's lock and leaves alone a
 * completion that may be running (one started less than the cart lock's
 * 120 s ago).
 */
export default async function recoverLoyalty({ container, args = [] }: ExecArgs) {
  const now = args.includes("now") || args.includes("--now")
  const { result: debits } = await reconcileCheckoutDebitsWorkflow(container).run({
    input: { ignore_age: now, limit: 10000 },
  })
  const { result: catchUp } = await catchUpLoyaltyWorkflow(container).run({
    input: { ignore_grace: now },
  })
  const lines: [string, string | number][] = [
    ["mode", now ? "now" : "thresholds"],
    ["returned_debits", debits.returned.length],
    ["returned_carts", debits.returned.map((r) => r.cart_id).join(",")],
    ["skipped_locked_carts", debits.skipped_locked],
    ["skipped_settled_carts", debits.skipped_settled],
    ["catch_up_window", `${catchUp.orders.after}..${catchUp.orders.until}`],
    ["checked_orders", catchUp.orders.checked],
    ["awarded_orders", catchUp.orders.awarded.length],
    ["upgraded_customers", catchUp.orders.upgraded],
    ["failed_orders", catchUp.orders.failed.length],
    ["released_orders", catchUp.released.length],
  ]
  for (const [name, value] of lines) {
    process.stdout.write(`${name}: ${value}\n`)
  }
  if (catchUp.orders.failed.length) {
    process.exitCode = 1
  }
}
