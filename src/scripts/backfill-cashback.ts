import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import {
  awardOrderCashbackWorkflow,
  reverseOrderCashbackWorkflow,
} from "../workflows"

export type BackfillProgress = {
  done: number
  total: number
  awarded_orders: number
  /** Newly credited cashback in this run, per currency. */
  credited: Record<string, string>
}

/**
 * Awards cashback for orders placed since a date, by today's rules applied
 * at each order's placement time, then takes back what their returns and
 * refunds call for. Canceled orders earn nothing. Every write is keyed, so
 * running it again (or after an interruption) pays nothing twice.
 */
export async function backfillCashback(
  container: MedusaContainer,
  {
    since,
    until,
    batch_size = 100,
    onProgress,
  }: {
    since: Date
    until?: Date
    batch_size?: number
    onProgress?: (progress: BackfillProgress) => void
  }
): Promise<BackfillProgress> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, any> = {
    created_at: { $gte: since, ...(until ? { $lt: until } : {}) },
  }
  const progress: BackfillProgress = { done: 0, total: 0, awarded_orders: 0, credited: {} }
  for (let skip = 0; ; skip += batch_size) {
    const { data: orders, metadata } = await query.graph({
      entity: "order",
      fields: ["id", "status", "customer_id"],
      filters,
      pagination: { skip, take: batch_size, order: { created_at: "ASC", id: "ASC" } as any },
    })
    progress.total = metadata?.count ?? progress.total
    for (const order of orders) {
      progress.done += 1
      if (order.status === "canceled" || !order.customer_id) {
        continue
      }
      const { result } = await awardOrderCashbackWorkflow(container).run({
        input: { order_id: order.id },
      })
      const created = (result.credits ?? []).filter((c) => c.created)
      const currency = result.cashback.currency_code
      for (const credit of created) {
        progress.credited[currency] = MathBN.add(
          progress.credited[currency] ?? 0,
          credit.amount
        ).toFixed()
      }
      if (created.length) {
        progress.awarded_orders += 1
      }
      await reverseOrderCashbackWorkflow(container).run({
        input: { order_id: order.id, reason: "returned", note: "Backfill: returned or refunded before the award" },
      })
    }
    onProgress?.({ ...progress, credited: { ...progress.credited } })
    if (orders.length < batch_size) {
      return progress
    }
  }
}

/**
 * npx medusa exec ./src/scripts/backfill-cashback.ts 2026-01-01 [2026-06-01]
 * (in an app that installed the plugin:
 * ./node_modules/medusa-plugin-loyalty-club/.medusa/server/src/scripts/backfill-cashback.js)
 * Orders placed on or after the first date, and before the second if given.
 */
export default async function backfillCashbackScript({ container, args = [] }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const [sinceArg, untilArg] = args
  const since = sinceArg ? new Date(sinceArg) : null
  const until = untilArg ? new Date(untilArg) : undefined
  if (!since || isNaN(since.getTime()) || (until && isNaN(until.getTime()))) {
    logger.error("backfill-cashback: give the first day as YYYY-MM-DD (and optionally the day to stop before)")
    process.exitCode = 1
    return
  }
  const started = Date.now()
  const result = await backfillCashback(container, {
    since,
    until,
    onProgress: (p) =>
      logger.info(
        `backfill-cashback: ${p.done}/${p.total} orders, ${p.awarded_orders} credited, ` +
          (Object.entries(p.credited).map(([c, a]) => `${a} ${c.toUpperCase()}`).join(", ") || "nothing new")
      ),
  })
  logger.info(
    `backfill-cashback: done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.done} orders since ${since.toISOString().slice(0, 10)}, ${result.awarded_orders} newly credited`
  )
}
