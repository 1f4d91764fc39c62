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
import { normalizePhone } from "../../../utils/phone"
import { LoyaltyErrorCode } from "../../../utils/error-codes"

export type PosPurchaseItem = { variant_id?: string | null; title?: string | null; amount: string | number; quantity?: number }

export type ClaimPosReceiptInput = {
  receipt_id: string
  customer_id: string
  phone?: string | null
  amount: string | number
  currency_code: string
  items?: PosPurchaseItem[] | null
  pos_key_id?: string | null
  location: string
  note?: string | null
}

/**
 * The largest single purchase a till or staff may register when the shop
 * set none for the currency. IRR: 100,000,000,000 rial, about 100,000 USD
 * at 2025 rates, far above any one bill at a counter, yet a typo or a
 * forged `1e30` cannot mint unbounded cashback. Toman is a tenth of that.
 * Any other currency: 10,000,000 in its main unit; a shop selling in a
 * currency worth far less (VND, IDR) sets its own in the settings.
 */
export const DEFAULT_MAX_PURCHASE: Record<string, string> = { irr: "100000000000", irt: "10000000000" }
const DEFAULT_MAX_PURCHASE_OTHER = "10000000"

export function maxPurchaseFor(settings: { pos_max_purchase: Record<string, string> | null }, currency: string) {
  const code = currency.toLowerCase()
  return settings.pos_max_purchase?.[code] ?? DEFAULT_MAX_PURCHASE[code] ?? DEFAULT_MAX_PURCHASE_OTHER
}

/** Tells a repeat of a registered receipt from a clash (409 naming what differs). */
function receiptClash(
  purchase: Record<string, any>,
  input: { receipt_id: string; location: string; amount: string; currency_code: string },
  samePhone: boolean
) {
  const differs: string[] = []
  if (!samePhone) {
    differs.push("phone")
  }
  if (purchase.currency_code !== input.currency_code || !MathBN.eq(purchase.amount, input.amount)) {
    differs.push(
      `amount (registered: ${MathBN.convert(purchase.amount).toFixed()} ${String(purchase.currency_code).toUpperCase()})`
    )
  }
  if (differs.length) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Receipt ${input.receipt_id} at ${input.location} was registered with a different ${differs.join(" and ")}`,
      LoyaltyErrorCode.RECEIPT_MISMATCH
    )
  }
}

export const validatePosPurchaseStepId = "loyalty-validate-pos-purchase"

/**
 * Checks a purchase before anything is written (so a refused one makes no
 * member): a known currency the shop has a region in, an amount in its
 * precision and at most the shop's maximum purchase, items adding up to it.
 * A receipt this location already registered must be an exact repeat (same
 * phone, same amount), else a 409 naming what differs. Answers the amount
 * and currency as stored.
 */
export const validatePosPurchaseStep = createStep(
  validatePosPurchaseStepId,
  async (
    input: Omit<ClaimPosReceiptInput, "customer_id"> & { phone: string },
    { container }
  ) => {
    const currency = input.currency_code?.toLowerCase()
    if (!currency || !isKnownCurrency(currency)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `currency_code (${input.currency_code}) is not a known currency code`, LoyaltyErrorCode.CURRENCY_UNKNOWN)
    }
    const amount = parsePositiveAmount(input.amount, currency, "amount")
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const settings = await service.retrieveSettings()
    const max = maxPurchaseFor(settings, currency)
    if (MathBN.gt(amount, max)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `amount (${amount.toFixed()}) is over the shop's largest purchase, ${max} ${currency.toUpperCase()}`,
        LoyaltyErrorCode.AMOUNT_OVER_MAX_PURCHASE
      )
    }
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
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: currency } })
    if (!regions.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `currency_code (${currency}): the shop has no region in it`, LoyaltyErrorCode.CURRENCY_HAS_NO_REGION)
    }
    const phone = normalizePhone(input.phone)
    const [registered] = await service.listPosPurchases({ receipt_id: input.receipt_id, location: input.location })
    if (registered) {
      const samePhone = registered.phone
        ? registered.phone === phone
        : (await service.retrieveMemberByPhone(phone))?.customer_id === registered.customer_id
      receiptClash(registered, { ...input, amount: amount.toFixed(), currency_code: currency }, samePhone)
    }
    return new StepResponse({ amount: amount.toFixed(), currency_code: currency, phone })
  }
)

export const claimPosReceiptStepId = "loyalty-claim-pos-receipt"

/**
 * Claims a purchase's receipt at its location (the input checked by
 * `validatePosPurchaseStep`). A receipt already registered answers the
 * first registration when it is an exact repeat, a 409 naming what differs
 * when not; one still being registered by a concurrent request is a 409.
 * The undo withdraws a claim it made.
 */
export const claimPosReceiptStep = createStep(
  claimPosReceiptStepId,
  async (input: ClaimPosReceiptInput & { amount: string; phone: string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const { purchase, created } = await service.claimPosReceipt({
      receipt_id: input.receipt_id,
      customer_id: input.customer_id,
      phone: input.phone,
      amount: input.amount,
      currency_code: input.currency_code,
      pos_key_id: input.pos_key_id ?? null,
      location: input.location,
      note: input.note ?? null,
    })
    if (!created) {
      receiptClash(purchase, input, purchase.customer_id === input.customer_id)
      if (!purchase.order_id) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Receipt ${input.receipt_id} is being registered; try again`,
          LoyaltyErrorCode.RECEIPT_IN_PROGRESS
        )
      }
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
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `currency_code (${currency}): the shop has no region in it`, LoyaltyErrorCode.CURRENCY_HAS_NO_REGION)
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

/**
 * The purchase registered under a receipt at a location (404 when none):
 * a till key reaches only its own location's purchases.
 */
export const findPosPurchaseStep = createStep(
  findPosPurchaseStepId,
  async (input: { receipt_id: string; location: string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const [purchase] = await service.listPosPurchases({ receipt_id: input.receipt_id, location: input.location })
    if (!purchase) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `No purchase was registered with receipt ${input.receipt_id} at ${input.location}`
      )
    }
    return new StepResponse({
      id: purchase.id,
      order_id: purchase.order_id,
      voided_at: purchase.voided_at,
      customer_id: purchase.customer_id,
    })
  }
)
