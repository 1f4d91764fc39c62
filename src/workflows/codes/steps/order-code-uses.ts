import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { RecordCodeUsesInput, ReleasedCodeUse } from "../../../modules/loyalty-club/services/codes"

export type OrderCodeUses = RecordCodeUsesInput & { customer_email: string | null }

/**
 * The promotion codes an order used with the discount each gave (its item
 * and shipping adjustments added up), and the order's total and currency.
 * Null when the order has no code. Codes that are not the club's are
 * passed on and ignored by the writes.
 */
export const readOrderCodeUsesStep = createStep(
  "loyalty-read-order-code-uses",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "customer_id",
        "email",
        "currency_code",
        "created_at",
        "total",
        "items.adjustments.code",
        "items.adjustments.amount",
        "items.adjustments.raw_amount",
        "shipping_methods.adjustments.code",
        "shipping_methods.adjustments.amount",
        "shipping_methods.adjustments.raw_amount",
      ],
      filters: { id: input.order_id },
    })
    const order = data[0] as any
    if (!order) {
      return new StepResponse(null)
    }
    const byCode = new Map<string, any>()
    for (const line of [...(order.items ?? []), ...(order.shipping_methods ?? [])]) {
      for (const a of line?.adjustments ?? []) {
        if (a?.code) {
          byCode.set(a.code, MathBN.add(byCode.get(a.code) ?? 0, a.raw_amount ?? a.amount ?? 0))
        }
      }
    }
    if (!byCode.size) {
      return new StepResponse(null)
    }
    const uses: OrderCodeUses = {
      order_id: order.id,
      customer_id: order.customer_id ?? null,
      customer_email: order.email ?? null,
      currency_code: order.currency_code,
      order_total: MathBN.convert(order.raw_total ?? order.total ?? 0).toFixed(),
      used_at: new Date(order.created_at),
      uses: Array.from(byCode.entries()).map(([code, amount]) => ({ code, discount: MathBN.convert(amount).toFixed() })),
    }
    return new StepResponse(uses)
  }
)

/** Records the club's codes an order used, once per (code, order). No undo: a repeat is a no-op. */
export const recordOrderCodeUsesStep = createStep(
  "loyalty-record-order-code-uses",
  async (input: OrderCodeUses | null, { container }) => {
    if (!input) {
      return new StepResponse(0)
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    return new StepResponse(await service.recordCodeUses({ ...input, used_at: new Date(input.used_at) }))
  }
)

/**
 * Marks a canceled order's uses released, once (a repeated cancel releases
 * nothing). The undo puts them back, so a failure giving the use back to
 * core leaves the event to be tried again.
 */
export const releaseOrderCodeUsesStep = createStep(
  "loyalty-release-order-code-uses",
  async (input: OrderCodeUses | null, { container }) => {
    if (!input) {
      return new StepResponse([] as ReleasedCodeUse[])
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const released = await service.releaseCodeUses({ ...input, used_at: new Date(input.used_at) })
    return new StepResponse(released, released)
  },
  async (released, { container }) => {
    if (!released?.length) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.unreleaseCodeUses(released)
  }
)

/**
 * Gives the released uses back to core: each code's promotion counts one
 * use fewer (so the single-use code applies again) and its campaign budget
 * gets the use or the discount back.
 */
export const revertCodePromotionUsageStep = createStep(
  "loyalty-revert-code-promotion-usage",
  async (input: { released: ReleasedCodeUse[]; uses: OrderCodeUses | null }, { container }) => {
    if (!input.released.length || !input.uses) {
      return new StepResponse(0)
    }
    await container.resolve(Modules.PROMOTION).revertUsage(
      input.released.map((r) => ({ code: r.code, amount: r.discount })),
      { customer_id: input.uses.customer_id, customer_email: input.uses.customer_email }
    )
    return new StepResponse(input.released.length)
  }
)
