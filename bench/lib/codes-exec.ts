// Runs inside the Medusa app (medusa exec). Prints `name: value unit` lines.
//
// Discount codes at scale. A first batch of 10 codes; applies of its codes
// to a cart are timed (core's updateCartPromotionsWorkflow with the club's
// validate and setPromotionContext hooks: a code's first apply looks it up,
// checks it and makes its Medusa promotion). Then a bulk batch of CODES
// codes is made the way the admin's batch is (createCodeBatchWorkflow, then
// issueCodeBatchWorkflow) and timed; applies of its codes are timed the
// same way with 10 + CODES codes in the store. Checks: every code made and
// distinct, every timed apply gave the cart its discount.
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, PromotionActions } from "@medusajs/framework/utils"
import { createCartWorkflow, updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
// Registers the plugin's cart hooks, as Medusa's loader does.
import "../../src/workflows/hooks/cart-promotion-codes"
import { createCodeBatchWorkflow, issueCodeBatchWorkflow } from "../../src/workflows/codes"
import { check, median, now, opt, peakRssMb, print } from "./bench-utils"

const CODES = opt("codes", 100000, 2000)
// Timed applies per phase; the batch of 10 holds WARMUP + APPLIES codes.
const APPLIES = opt("applies", 7, 4)
const WARMUP = 3

export default async function codesBench({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const pg: any = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "irr" } })
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { name: "Default Sales Channel" } })
  const { data: products } = await query.graph({ entity: "product", fields: ["variants.id"], filters: { handle: "vacuum-cleaner" } })

  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: regions[0].id,
      sales_channel_id: channels[0].id,
      email: "codes-bench@example.com",
      items: [{ variant_id: (products[0] as any).variants[0].id, quantity: 1 }],
    },
  })

  const batchOf = async (name: string, quantity: number) => {
    const { result } = await createCodeBatchWorkflow(container).run({
      input: { name, kind: "bulk", discount_type: "percentage", value: "10", quantity, prefix: name.toUpperCase() },
    })
    const { result: issued } = await issueCodeBatchWorkflow(container).run({ input: { batch_id: result.id } })
    const rows = await pg.raw(
      `SELECT code FROM loyalty_code WHERE batch_id = ? AND deleted_at IS NULL ORDER BY random() LIMIT ?`,
      [result.id, WARMUP + APPLIES]
    )
    return { batch: result, issued, codes: rows.rows.map((r: any) => r.code as string) }
  }

  // Applies each code (timed) then takes it off again (not timed); the
  // first WARMUP applies of a phase warm it up and are not counted.
  const applyAll = async (codes: string[]) => {
    const times: number[] = []
    let discounted = 0
    for (const [i, code] of codes.entries()) {
      const start = now()
      await updateCartPromotionsWorkflow(container).run({
        input: { cart_id: cart.id, promo_codes: [code], action: PromotionActions.ADD },
      })
      const took = now() - start
      const { data: [c] } = await query.graph({ entity: "cart", fields: ["discount_total", "promotions.code"], filters: { id: cart.id } })
      if (Number((c as any).discount_total) === 18500000 && (c as any).promotions.some((p: any) => p.code === code)) {
        discounted++
      }
      await updateCartPromotionsWorkflow(container).run({
        input: { cart_id: cart.id, promo_codes: [code], action: PromotionActions.REMOVE },
      })
      if (i >= WARMUP) {
        times.push(took)
      }
    }
    return { times, discounted }
  }

  const small = await batchOf("Ten", 10)
  const withTen = await applyAll(small.codes)

  process.stderr.write(`bench: issuing ${CODES} codes...\n`)
  const start = now()
  const big = await batchOf("Bulk", CODES)
  const issueSeconds = (now() - start) / 1000
  const [{ count, distinct }] = (
    await pg.raw(
      `SELECT count(*)::int AS count, count(DISTINCT code)::int AS distinct FROM loyalty_code WHERE batch_id = ?`,
      [big.batch.id]
    )
  ).rows
  // Autovacuum would analyse the 100,000 new rows in the middle of the timed
  // applies: settle the table first, as a store that has held its codes a
  // while would be.
  await pg.raw(`VACUUM ANALYZE loyalty_code`)
  const withMany = await applyAll(big.codes)

  print("codes_issued", CODES, "codes")
  print("codes_issue_seconds", issueSeconds, "s (target < 60)")
  print("codes_issue_rate", CODES / issueSeconds, "codes/s")
  print("code_apply_with_10_median", median(withTen.times), "ms")
  print("code_apply_with_many_median", median(withMany.times), `ms (${CODES + 10} codes in the store)`)
  print("code_apply_ratio_many_vs_10", median(withMany.times) / median(withTen.times), "(target <= 1.1)")
  print("peak_rss", peakRssMb(), "MB")
  check(
    "codes_all_issued_and_distinct",
    big.issued.issued === CODES && big.issued.status === "active" && count === CODES && distinct === CODES,
    `${count} rows, ${distinct} distinct, batch says ${big.issued.issued} issued, ${big.issued.status}`
  )
  check(
    "codes_every_apply_discounted",
    withTen.discounted === withTen.times.length + WARMUP && withMany.discounted === withMany.times.length + WARMUP,
    `${withTen.discounted} + ${withMany.discounted} applies gave 10% off`
  )
}
