import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { LOYALTY_CREDIT_LINE_REFERENCE } from "../constants"

export const decideCartCreditRefreshStepId = "loyalty-decide-cart-credit-refresh"

/**
 * After a cart changed: credit on it is applied again as the shopper asked
 * (so it follows the new total and limits); a logged-in shopper's cart
 * without credit gets the most allowed when the shop set `auto_apply` and
 * the wallet has credit. Anything else (guests, completed carts) is left
 * alone. Reads only.
 */
export const decideCartCreditRefreshStep = createStep(
  decideCartCreditRefreshStepId,
  async (input: { cart_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [cart],
    } = await query.graph({
      entity: "cart",
      fields: ["id", "customer_id", "currency_code", "completed_at", "credit_lines.reference", "credit_lines.metadata"],
      filters: { id: input.cart_id },
    })
    const skip = { refresh: false, customer_id: null, amount: null }
    if (!cart || cart.completed_at || !cart.customer_id) {
      return new StepResponse(skip)
    }
    const ours = (cart.credit_lines ?? []).filter(
      (l: any) => l?.reference === LOYALTY_CREDIT_LINE_REFERENCE
    ) as any[]
    if (ours.length) {
      return new StepResponse({
        refresh: true,
        customer_id: cart.customer_id,
        amount: (ours[0].metadata?.requested ?? null) as string | null,
      })
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const { auto_apply } = await service.retrieveSettings()
    if (!auto_apply) {
      return new StepResponse(skip)
    }
    const [wallet] = await service.listWallets({
      customer_id: cart.customer_id,
      currency_code: cart.currency_code,
      status: "active",
    })
    const available = wallet
      ? (await service.getBalances([wallet.id]))[wallet.id].available
      : "0"
    return new StepResponse({
      refresh: MathBN.gt(available, 0),
      customer_id: cart.customer_id,
      amount: null,
    })
  }
)
