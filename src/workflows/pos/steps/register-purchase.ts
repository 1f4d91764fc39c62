import {
  ContainerRegistrationKeys,
  MathBN,
  MedusaError,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createSalesChannelsWorkflow } from "@medusajs/medusa/core-flows"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { isKnownCurrency, parsePositiveAmount } from "../../../utils/money"

export const claimPosReceiptStepId = "loyalty-claim-pos-receipt"

export type PosPurchaseItem = { variant_id?: string | null; title?: string | null; amount: string | number; quantity?: number }

export type ClaimPosReceiptInput = {
  receipt_id: string
  customer_id: string
  amount: string | number
  currency_code: string
  items?: PosPurchaseItem[] | null
  pos_key_id?: string | null
  location?: string | null
  note?: string | null
}

/**
 * Checks the purchase (amount in the currency's precision; the items, when
 * given, adding up to it) and claims its receipt. A receipt already
 * registered answers the first registration; one still being registered
 * by a concurrent request is a 409. The undo withdraws a claim it made.
 */
export const claimPosReceiptStep = createStep(
  claimPosReceiptStepId,
  async (input: ClaimPosReceiptInput, { container }) => {
    const currency = input.currency_code?.toLowerCase()
    if (!currency || !isKnownCurrency(currency)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `currency_code (${input.currency_code}) is not a known currency code`)
    }
    const amount = parsePositiveAmount(input.amount, currency, "amount")
    if (input.items?.length) {
      const sum = MathBN.sum(
        0,
        ...input.items.map((item, i) =>
          MathBN.mult(parsePositiveAmount(item.amount, currency, `items.${i}.amount`), item.quantity ?? 1)
        )
      )
      if (!MathBN.eq(sum, amount)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `items add up to ${sum.toFixed()}, amount is ${amount.toFixed()}`
        )
      }
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const { purchase, created } = await service.claimPosReceipt({
      ...input,
      amount: amount.toFixed(),
      currency_code: currency,
    })
    if (!created && purchase.customer_id !== input.customer_id) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `Receipt ${input.receipt_id} was registered for another customer`
      )
    }
    if (!created && !purchase.order_id) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Receipt ${input.receipt_id} is being registered; try again`)
    }
    return new StepResponse({ purchase, created }, created ? (purchase.id as string) : undefined)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.softDeletePosPurchases([id])
  }
)

export const resolvePosOrderInputStepId = "loyalty-resolve-pos-order-input"

/** The name of the sales channel in-store purchases go to (created on first use). */
export const IN_STORE_CHANNEL = "In-store"

/**
 * The order an in-store purchase becomes: a region in its currency, the
 * "In-store" sales channel (so rules can treat the till apart), and its
 * items (one line "In-store purchase" when the till sent none). A read
 * (and the channel's creation once): nothing to undo.
 */
export const resolvePosOrderInputStep = createStep(
  resolvePosOrderInputStepId,
  async (input: ClaimPosReceiptInput & { customer_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const currency = input.currency_code.toLowerCase()
    const [{ data: regions }, { data: channels }] = await Promise.all([
      query.graph({ entity: "region", fields: ["id"], filters: { currency_code: currency } }),
      query.graph({ entity: "sales_channel", fields: ["id"], filters: { name: IN_STORE_CHANNEL } }),
    ])
    if (!regions.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `currency_code (${currency}): the shop has no region in it`)
    }
    let channelId = (channels[0] as any)?.id as string | undefined
    if (!channelId) {
      const { result } = await createSalesChannelsWorkflow(container).run({
        input: { salesChannelsData: [{ name: IN_STORE_CHANNEL, description: "Purchases registered at the till" }] },
      })
      channelId = result[0].id
    }
    const items = input.items?.length
      ? input.items.map((item) => ({
          ...(item.variant_id ? { variant_id: item.variant_id } : {}),
          title: item.title ?? "In-store purchase",
          unit_price: MathBN.convert(item.amount).toFixed(),
          quantity: item.quantity ?? 1,
        }))
      : [{ title: "In-store purchase", unit_price: MathBN.convert(input.amount).toFixed(), quantity: 1 }]
    return new StepResponse({
      region_id: (regions[0] as any).id as string,
      sales_channel_id: channelId,
      customer_id: input.customer_id,
      currency_code: currency,
      items,
      metadata: { loyalty_receipt_id: input.receipt_id, loyalty_location: input.location ?? null },
    })
  }
)

export const linkPosPurchaseOrderStepId = "loyalty-link-pos-purchase-order"

/** Records the order a purchase became. */
export const linkPosPurchaseOrderStep = createStep(
  linkPosPurchaseOrderStepId,
  async (input: { purchase_id: string; order_id: string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.updatePosPurchases({ id: input.purchase_id, order_id: input.order_id })
    return new StepResponse(void 0, input.purchase_id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.updatePosPurchases({ id, order_id: null })
  }
)

export const markPosPurchaseVoidedStepId = "loyalty-mark-pos-purchase-voided"

export const markPosPurchaseVoidedStep = createStep(
  markPosPurchaseVoidedStepId,
  async (input: { purchase_id: string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.updatePosPurchases({ id: input.purchase_id, voided_at: new Date() })
    return new StepResponse(void 0, input.purchase_id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.updatePosPurchases({ id, voided_at: null })
  }
)

export const findPosPurchaseStepId = "loyalty-find-pos-purchase"

/** The purchase registered under a receipt (404 when none). */
export const findPosPurchaseStep = createStep(
  findPosPurchaseStepId,
  async (input: { receipt_id: string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const [purchase] = await service.listPosPurchases({ receipt_id: input.receipt_id })
    if (!purchase) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No purchase was registered with receipt ${input.receipt_id}`)
    }
    return new StepResponse({
      id: purchase.id,
      order_id: purchase.order_id,
      voided_at: purchase.voided_at,
      customer_id: purchase.customer_id,
    })
  }
)
