import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { awardOrderCashbackWorkflow } from "../../cashback/workflows/award-order-cashback"
import { upgradeCustomerTierWorkflow } from "../../tiers/workflows/evaluate-tiers"

export const catchUpOrdersStepId = "loyalty-catch-up-orders"

// Where the last complete pass ended (an ISO date), in the cache module
// (Redis-backed in a cluster). Losing it costs one pass over the lookback.
export const CATCH_UP_CURSOR_KEY = "loyalty:catch-up:checked-until"

export type CatchUpOrdersInput = {
  /** The moment the window is measured from (now by default). */
  at?: Date | string
  /** Orders up to now (recover-loyalty now), not only those past the grace. */
  ignore_grace?: boolean
  /** Orders per page. */
  batch_size?: number
}

export type CatchUpOrdersResult = {
  /** Orders without cashback looked at in this run. */
  checked: number
  /** Of those, orders this run credited cashback to. */
  awarded: string[]
  /** Customers this run moved up a tier. */
  upgraded: number
  /** Orders whose catch-up failed (tried again next run). */
  failed: { order_id: string; message: string }[]
  /** The window looked at. */
  after: string
  until: string
}

/**
 * Awards the orders the order.placed subscribers never settled (a lost
 * event, a failed subscriber, a worker that was down): orders placed in the
 * window that have no cashback credit get the same award workflow the
 * subscriber runs (keyed and locked on the order, so the two never pay
 * twice), and their customer the tier upgrade the order earns (idempotent).
 *
 * Which orders: set-based, only orders with no cashback credit, and only
 * those placed after the last complete pass (the cursor, kept in the cache
 * module for the lookback). So an order that earns nothing is looked at
 * once, when it passes the grace, and not every run for 72 hours; the
 * lookback bounds the first pass after the cursor is lost or the worker was
 * down. A run with a failure keeps the cursor where it was: its orders come
 * again. The cursor never passes now - grace, so an order whose transaction
 * commits late is not stepped over.
 */
export const catchUpOrdersStep = createStep(
  catchUpOrdersStepId,
  async (input: CatchUpOrdersInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const cache = container.resolve(Modules.CACHE)
    const { catch_up_grace_seconds, catch_up_lookback_hours } = service.getRecoveryOptions()
    const at = input.at ? new Date(input.at) : new Date()
    const graceEnd = new Date(at.getTime() - catch_up_grace_seconds * 1000)
    const until = input.ignore_grace ? at : graceEnd
    const lookback = new Date(at.getTime() - catch_up_lookback_hours * 3600000)
    const stored = await cache.get<string>(CATCH_UP_CURSOR_KEY)
    const after = stored && new Date(stored) > lookback ? new Date(stored) : lookback

    const result: CatchUpOrdersResult = {
      checked: 0,
      awarded: [],
      upgraded: 0,
      failed: [],
      after: after.toISOString(),
      until: until.toISOString(),
    }
    let cursor: { created_at: Date; id: string } | null = null
    for (;;) {
      const orders = await service.listOrdersWithoutCashback({
        after,
        until,
        cursor,
        limit: input.batch_size ?? 100,
      })
      for (const order of orders) {
        result.checked++
        try {
          const { awarded, upgraded } = await catchUpOrder(container, order.id)
          if (awarded) {
            result.awarded.push(order.id)
          }
          result.upgraded += upgraded
        } catch (error: any) {
          result.failed.push({ order_id: order.id, message: String(error?.message ?? error) })
        }
      }
      if (orders.length < (input.batch_size ?? 100)) {
        break
      }
      const last = orders[orders.length - 1]
      cursor = { created_at: last.created_at, id: last.id }
    }

    const next = until < graceEnd ? until : graceEnd
    if (!result.failed.length && next > after) {
      await cache.set(CATCH_UP_CURSOR_KEY, next.toISOString(), catch_up_lookback_hours * 3600)
    }
    if (result.awarded.length || result.failed.length) {
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      logger[result.failed.length ? "warn" : "info"](
        `Loyalty club: catch-up awarded cashback to ${result.awarded.length} of ${result.checked} orders` +
          (result.failed.length
            ? `; ${result.failed.length} failed, tried again next run (${result.failed
                .map((f) => `${f.order_id}: ${f.message}`)
                .join("; ")})`
            : "")
      )
    }
    return new StepResponse(result)
  }
)

/** One order: its award, then the tier its customer earns with it. */
async function catchUpOrder(container: MedusaContainer, orderId: string) {
  const { result: award } = await awardOrderCashbackWorkflow(container).run({ input: { order_id: orderId } })
  const { result: tier } = await upgradeCustomerTierWorkflow(container).run({ input: { order_id: orderId } })
  return {
    awarded: (award.credits ?? []).some((c) => c.created),
    upgraded: tier.result?.upgraded ?? 0,
  }
}
