import { BigNumberInput } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MathBN,
  MedusaError,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import BigNumberJS from "bignumber.js"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { parsePositiveAmount, roundToCurrency } from "../../../utils/money"
import { LOYALTY_CREDIT_LINE_REFERENCE } from "../constants"

export const computeCartCreditStepId = "loyalty-compute-cart-credit"

/** Which limit decided the amount of credit applied. */
export type CartCreditLimit =
  | "requested"
  | "balance"
  | "cart_total"
  | "items_only"
  | "max_share"
  | "min_balance"

export type CartCredit = {
  cart_id: string
  currency_code: string
  wallet_id: string | null
  /** Credit to put on the cart (0: none). */
  amount: string
  requested: string | null
  available: string
  limit: CartCreditLimit | null
  /** Our credit lines on the cart now (replaced by the new one). */
  existing_lines: { id: string; amount: string; requested: string | null }[]
}

export const CART_CREDIT_FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "completed_at",
  "total",
  "shipping_total",
  "credit_line_total",
  "credit_lines.id",
  "credit_lines.amount",
  "credit_lines.raw_amount",
  "credit_lines.metadata",
  "credit_lines.reference",
  "credit_lines.reference_id",
]

/**
 * The most wallet credit this cart may take, and the limit that decided it:
 * the wallet's available balance, what is left to pay (items only when the
 * shop keeps shipping out of credit), the shop's maximum share of an order,
 * and the minimum balance before credit can be used. `amount` asks for less.
 * Reads only.
 */
export const computeCartCreditStep = createStep(
  computeCartCreditStepId,
  async (
    input: { cart_id: string; amount?: BigNumberInput | null; customer_id?: string | null },
    { container }
  ) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const {
      data: [cart],
    } = await query.graph({ entity: "cart", fields: CART_CREDIT_FIELDS, filters: { id: input.cart_id } })
    if (!cart) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${input.cart_id} was not found`)
    }
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart (${cart.id}) is already completed`)
    }
    if (!cart.customer_id || (input.customer_id && cart.customer_id !== input.customer_id)) {
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        `Cart (${cart.id}) belongs to another customer: only its owner can pay it with wallet credit`
      )
    }
    const currency = cart.currency_code
    const requested =
      input.amount != null ? parsePositiveAmount(input.amount, currency, "amount") : null
    const ours = (cart.credit_lines ?? []).filter(
      (l: any) => l?.reference === LOYALTY_CREDIT_LINE_REFERENCE
    ) as any[]
    const ourCredit = MathBN.sum(0, ...ours.map((l) => l.amount))

    const [wallet] = await service.listWallets({
      customer_id: cart.customer_id,
      currency_code: currency,
    })
    const settings = await service.retrieveSettings()
    const available = wallet
      ? MathBN.convert((await service.getBalances([wallet.id]))[wallet.id].available)
      : new BigNumberJS(0)

    // What the cart costs before any credit, and what is left to pay
    // before ours (another plugin's credit lines stay where they are).
    const gross = MathBN.add(cart.total as any, cart.credit_line_total as any)
    const payable = MathBN.add(cart.total as any, ourCredit)
    const minBalance = settings.min_redeem_balance?.[currency]
    const limits: [CartCreditLimit, BigNumberJS][] = [
      ["balance", BigNumberJS.max(available, 0)],
      ["cart_total", BigNumberJS.max(payable, 0)],
    ]
    if (!settings.credit_pays_shipping) {
      limits.push(["items_only", BigNumberJS.max(MathBN.sub(payable, cart.shipping_total as any), 0)])
    }
    if (settings.max_credit_share != null) {
      limits.push([
        "max_share",
        roundToCurrency(MathBN.div(MathBN.mult(gross, settings.max_credit_share), 100), currency, "down"),
      ])
    }
    if (minBalance && available.isLessThan(minBalance)) {
      limits.push(["min_balance", new BigNumberJS(0)])
    }
    if (requested) {
      limits.push(["requested", requested])
    }
    // The smallest limit decides; on a tie the earlier in this list is named.
    let limit: CartCreditLimit | null = null
    let amount: BigNumberJS | null = null
    for (const [name, value] of limits) {
      if (amount === null || value.isLessThan(amount)) {
        amount = value
        limit = name
      }
    }
    return new StepResponse<CartCredit>({
      cart_id: cart.id,
      currency_code: currency,
      wallet_id: wallet?.id ?? null,
      amount: roundToCurrency(amount!, currency, "down").toFixed(),
      requested: requested?.toFixed() ?? null,
      available: available.toFixed(),
      limit: limit === "requested" ? null : limit,
      existing_lines: ours.map((l) => ({
        id: l.id,
        amount: MathBN.convert(l.raw_amount ?? l.amount).toFixed(),
        requested: l.metadata?.requested ?? null,
      })),
    })
  }
)
