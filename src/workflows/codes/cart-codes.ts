import { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import { CodeOnCart } from "../../modules/loyalty-club/services/codes"
import {
  CartForCode,
  codeApplication,
  CodeApplication,
  codeProblem,
  CodeProblem,
  discountSummaryOf,
  eligibleSubtotal,
} from "../../utils/discount-codes"
import { LoyaltyErrorCode } from "../../utils/error-codes"
import { currencyPrecision } from "../../utils/money"

/**
 * What the cart hooks and the completion check share: which of a cart's
 * codes are the club's, whether each may be used now, making a code's
 * Medusa promotion the first time a cart applies it, and switching a capped
 * percent to its cap. Every call reads the codes with one indexed query, so
 * it costs the same with 10 codes in the store as with 100,000.
 */

/** The promotion-context key our promotions' rule reads (`loyalty_club.eligible_codes in [code]`). */
export const CONTEXT_KEY = "loyalty_club"
export const ELIGIBLE_CODES_ATTRIBUTE = `${CONTEXT_KEY}.eligible_codes`

/** The cart fields the club's checks and core's promotion computation need (core's refresh fields). */
export const CART_CODE_FIELDS = [
  "id",
  "email",
  "currency_code",
  "completed_at",
  "region_id",
  "sales_channel_id",
  "customer_id",
  "subtotal",
  "item_subtotal",
  "item_total",
  "original_item_subtotal",
  "original_item_total",
  "shipping_subtotal",
  "total",
  "metadata",
  "region.*",
  "items.*",
  "items.product.id",
  "items.product.is_giftcard",
  "items.product.collection_id",
  "items.product.categories.id",
  "items.product.tags.id",
  "items.product.type_id",
  "items.variant.id",
  "items.variant.product.id",
  "items.adjustments.*",
  "items.tax_lines.*",
  "shipping_address.*",
  "shipping_methods.*",
  "shipping_methods.adjustments.*",
  "shipping_methods.tax_lines.*",
  "shipping_methods.shipping_option.shipping_option_type_id",
  "shipping_methods.shipping_option.shipping_profile_id",
  "customer.*",
  "customer.groups.*",
  "promotions.id",
  "promotions.code",
  "payment_collection.id",
]

const TARGET_TYPE = { items: "items", order: "order", shipping: "shipping_methods" } as const

const service = (container: MedusaContainer): LoyaltyClubModuleService => container.resolve(LOYALTY_CLUB_MODULE)

/** Every code the cart carries: its promotions' and its adjustments'. */
export function codesOnCart(cart: any): string[] {
  const codes = new Set<string>()
  for (const p of cart?.promotions ?? []) {
    if (p?.code) codes.add(p.code)
  }
  for (const line of [...(cart?.items ?? []), ...(cart?.shipping_methods ?? [])]) {
    for (const adjustment of line?.adjustments ?? []) {
      if (adjustment?.code) codes.add(adjustment.code)
    }
  }
  return Array.from(codes)
}

export function cartForCode(cart: any): CartForCode {
  return {
    customer_id: cart.customer?.id ?? cart.customer_id ?? null,
    has_account: !!cart.customer?.has_account,
    currency_code: cart.currency_code,
    item_subtotal: cart.raw_item_subtotal ?? cart.item_subtotal ?? 0,
    // Read only where the cart was fetched with its customer's groups.
    group_ids: Array.isArray(cart.customer?.groups) ? cart.customer.groups.map((g: any) => g.id) : cart.customer ? undefined : [],
  }
}

function eligibleOn(code: CodeOnCart, cart: any) {
  return eligibleSubtotal(code.batch, {
    items: (cart.items ?? []).map((item: any) => ({
      subtotal: item.raw_subtotal ?? item.subtotal ?? 0,
      product_id: item.product_id ?? item.product?.id ?? null,
      category_ids: (item.product?.categories ?? []).map((c: any) => c.id),
      is_discountable: item.is_discountable,
    })),
    shipping_subtotal: cart.raw_shipping_subtotal ?? cart.shipping_subtotal ?? 0,
  })
}

/** How a code's promotion should compute on this cart (a capped percent may be its cap). */
export function applicationOn(code: CodeOnCart, cart: any): CodeApplication {
  return codeApplication(discountSummaryOf(code.batch), {
    currency_code: cart.currency_code,
    eligible_subtotal: eligibleOn(code, cart),
  })
}

/** The club's codes among `codes`, each with what stops it on this cart now (null: nothing). */
export async function checkCodes(
  container: MedusaContainer,
  cart: any,
  codes: string[],
  at = new Date()
): Promise<{ code: CodeOnCart; problem: CodeProblem | null }[]> {
  if (!codes.length) {
    return []
  }
  const found = await service(container).listCodesOnCart(codes)
  const precision = safePrecision(cart.currency_code)
  const checked = found.map((code) => ({ code, problem: codeProblem(code, cartForCode(cart), at, precision) }))
  return await checkSegments(container, cart, checked)
}

/**
 * Codes of a batch limited to saved segments: only a shopper in one of them
 * may use them (a guest is in none). The segments are evaluated live for
 * this one customer, one statement for all the batches on the cart, and
 * only when a code passed every other check.
 */
async function checkSegments(
  container: MedusaContainer,
  cart: any,
  checked: { code: CodeOnCart; problem: CodeProblem | null }[]
): Promise<{ code: CodeOnCart; problem: CodeProblem | null }[]> {
  const open = checked.filter((c) => !c.problem)
  if (!open.length) {
    return checked
  }
  const batches = await service(container).listCodeBatches(
    { id: Array.from(new Set(open.map((c) => c.code.batch.id))) },
    { select: ["id", "segment_ids"] }
  )
  const segmentsOf = new Map(batches.map((b) => [b.id, ((b.segment_ids as unknown as string[] | null) ?? []).filter(Boolean)]))
  const wanted = Array.from(new Set(open.flatMap((c) => segmentsOf.get(c.code.batch.id) ?? [])))
  if (!wanted.length) {
    return checked
  }
  const customerId = cartForCode(cart).customer_id
  const holding = new Set(customerId ? await service(container).customerSegmentIds(customerId, wanted) : [])
  return checked.map((c) => {
    const segments = c.problem ? [] : segmentsOf.get(c.code.batch.id) ?? []
    if (!segments.length || segments.some((id) => holding.has(id))) {
      return c
    }
    return {
      code: c.code,
      problem: {
        type: MedusaError.Types.NOT_ALLOWED,
        code: LoyaltyErrorCode.CODE_NOT_IN_SEGMENT,
        message: `Code ${c.code.code} is for certain customers only, and this cart's ${customerId ? "customer is not one of them" : "shopper is not signed in"}`,
      },
    }
  })
}

function safePrecision(currency: string) {
  try {
    return currencyPrecision(currency)
  } catch {
    return 2
  }
}

/**
 * The code's Medusa promotion, made the first time a cart applies the code:
 * single use (`limit: 1`, counted by core at completion under its lock),
 * in the batch's campaign (dates, budget), computed as the batch says (a
 * capped percent starts as what this cart needs), limited to the batch's
 * products or categories, customer groups and, for a personal code, its
 * owner, and to carts whose promotion context names the code as eligible.
 * A concurrent making of the same code loses on the unique code and takes
 * the winner's promotion. A Medusa promotion of the shop's own with the
 * same code (made after the code was issued) is left alone: null.
 */
export async function materializeCode(container: MedusaContainer, code: CodeOnCart, cart: any): Promise<string | null> {
  if (code.promotion_id) {
    return code.promotion_id
  }
  const promotions = container.resolve(Modules.PROMOTION)
  const { batch } = code
  const application = applicationOn(code, cart)
  const targetRules: { attribute: string; operator: "in"; values: string[] }[] = []
  if (batch.target === "items" && batch.product_ids?.length) {
    targetRules.push({ attribute: "items.product.id", operator: "in", values: batch.product_ids })
  }
  if (batch.target === "items" && batch.category_ids?.length) {
    targetRules.push({ attribute: "items.product.categories.id", operator: "in", values: batch.category_ids })
  }
  const rules: { attribute: string; operator: "in" | "eq"; values: string[] }[] = [
    { attribute: ELIGIBLE_CODES_ATTRIBUTE, operator: "in", values: [code.code] },
  ]
  if (batch.customer_group_ids?.length) {
    rules.push({ attribute: "customer.groups.id", operator: "in", values: batch.customer_group_ids })
  }
  if (code.customer_id) {
    rules.push({ attribute: "customer.id", operator: "eq", values: [code.customer_id] })
  }
  let promotionId: string
  try {
    const [created] = await promotions.createPromotions([
      {
        code: code.code,
        type: "standard",
        status: "active",
        is_automatic: false,
        limit: 1,
        campaign_id: batch.campaign_id ?? undefined,
        application_method: {
          type: application.type,
          value: application.value as any,
          currency_code: application.currency_code ?? undefined,
          target_type: TARGET_TYPE[batch.target],
          allocation: "across",
          target_rules: targetRules,
        },
        rules,
      } as any,
    ])
    promotionId = created.id
  } catch (error) {
    const [existing] = await promotions.listPromotions({ code: code.code }, { select: ["id", "campaign_id"] })
    if (!existing) {
      throw error
    }
    if ((existing as any).campaign_id !== batch.campaign_id) {
      container
        .resolve("logger")
        .warn(`Loyalty club: code ${code.code} is also a Medusa promotion of the shop's own (${existing.id}); that one applies`)
      return null
    }
    promotionId = existing.id
  }
  return await service(container).setCodePromotion({ code_id: code.id, promotion_id: promotionId })
}

/**
 * Switches a capped percent code's promotion between the percent and its
 * cap as a fixed amount for this cart, before core computes the cart's
 * adjustments. A promotion belongs to one code (and a personal code to one
 * shopper), so only carts carrying the same bulk code at once can move it
 * under each other: the completion check catches that.
 */
export async function applyCap(container: MedusaContainer, code: CodeOnCart, cart: any): Promise<void> {
  if (!code.promotion_id || code.batch.discount_type !== "percentage" || !code.batch.max_discount) {
    return
  }
  const want = applicationOn(code, cart)
  const now = code.method
  if (
    now &&
    now.type === want.type &&
    MathBN.eq(now.value, want.value) &&
    (now.currency_code ?? null) === (want.currency_code ?? null)
  ) {
    return
  }
  await container.resolve(Modules.PROMOTION).updatePromotions([
    {
      id: code.promotion_id,
      application_method: {
        type: want.type,
        value: want.value as any,
        currency_code: want.currency_code as any,
        allocation: "across",
      },
    } as any,
  ])
}

/**
 * The promotion context of a cart: the club's codes on it (and those being
 * added) that may be used now (`{}` when none), their promotions made and capped percents
 * set for this cart. A code left out is not applied by core: one whose
 * minimum no longer holds after a cart change drops off at the refresh.
 */
export async function cartCodesContext(
  container: MedusaContainer,
  cart: any,
  extraCodes: string[] = []
): Promise<{ [CONTEXT_KEY]?: { eligible_codes: string[] } }> {
  const candidates = Array.from(new Set([...codesOnCart(cart), ...extraCodes]))
  const checked = await checkCodes(container, cart, candidates)
  const eligible: string[] = []
  for (const { code, problem } of checked) {
    if (problem) {
      continue
    }
    try {
      if (!code.promotion_id) {
        code.promotion_id = await materializeCode(container, code, cart)
      } else {
        await applyCap(container, code, cart)
      }
    } catch (error: any) {
      // A refresh runs on every cart edit: a code that cannot be set up
      // now is left off this cart rather than failing the edit.
      container.resolve("logger").warn(`Loyalty club: code ${code.code} left off cart ${cart.id}: ${error?.message}`)
      continue
    }
    eligible.push(code.code)
  }
  // No key rather than an empty list: core's automatic-promotion prefilter
  // turns an attribute with no values into `IN ()`, a SQL syntax error
  // (promotion 2.21.2, build-promotion-rule-query-filter-from-context).
  // Without the key our rule reads nothing and holds for no promotion.
  return eligible.length ? { [CONTEXT_KEY]: { eligible_codes: eligible } } : {}
}

/**
 * What stops a cart with club codes from completing, or null: a code that
 * may no longer be used (expired, used by another order, not the shopper's,
 * below its minimum), or a capped code whose adjustments add up to more
 * than its cap (two carts moving one code's promotion at once).
 */
export async function completionProblem(container: MedusaContainer, cart: any): Promise<CodeProblem | null> {
  const adjusted = new Map<string, any>()
  for (const line of [...(cart?.items ?? []), ...(cart?.shipping_methods ?? [])]) {
    for (const a of line?.adjustments ?? []) {
      if (a?.code) {
        adjusted.set(a.code, MathBN.add(adjusted.get(a.code) ?? 0, a.raw_amount ?? a.amount ?? 0))
      }
    }
  }
  if (!adjusted.size) {
    return null
  }
  const checked = await checkCodes(container, cart, Array.from(adjusted.keys()))
  for (const { problem } of checked) {
    if (problem) {
      return problem
    }
  }
  const currency = String(cart.currency_code).toLowerCase()
  // Core spreads a fixed cap across lines with exact fractions: a sum a
  // unit of the currency above the cap is rounding, not a second discount.
  const unit = MathBN.convert(10).pow(-safePrecision(currency))
  for (const { code } of checked) {
    const cap = code.batch.discount_type === "percentage" ? code.batch.max_discount?.[currency] : undefined
    const given = adjusted.get(code.code)
    if (cap !== undefined && MathBN.gt(given, MathBN.add(cap, unit))) {
      return {
        type: "not_allowed",
        code: LoyaltyErrorCode.CODE_DISCOUNT_CORRECTED,
        message: `Code ${code.code} gave ${MathBN.convert(given).decimalPlaces(safePrecision(currency)).toFixed()} ${currency.toUpperCase()}, above its cap of ${cap} ${currency.toUpperCase()}: the discount has been corrected, review the cart and complete it again`,
      }
    }
  }
  return null
}
