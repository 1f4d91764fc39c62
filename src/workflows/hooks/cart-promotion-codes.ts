import { PromotionActions } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { loyaltyError } from "../../utils/error-codes"
import { cartCodesContext, checkCodes, materializeCode } from "../codes/cart-codes"

/**
 * The club's codes in core's promotion flow. Core's
 * `updateCartPromotionsWorkflow` runs when a storefront adds a code
 * (`POST /store/carts/:id/promotions`), and as a step of every cart
 * refresh (items added or changed, shipping, customer), so both hooks run
 * on every change of a cart. Neither hook is used by Medusa or by the
 * official `@medusajs/loyalty-plugin` (a hook takes one handler per app).
 *
 * `validate`: a code being added that is one of the club's is refused with
 * a 400 naming it and why (a personal code on a guest's or another
 * shopper's cart, disabled, not started, expired, used, another currency,
 * a basket under the minimum with the minimum and the cart's item
 * subtotal), else its Medusa promotion is made on this first use. Refreshes
 * (REPLACE) and removals never throw: a cart edit must not fail because of
 * a code; the context below drops what no longer holds.
 */
updateCartPromotionsWorkflow.hooks.validate(async ({ input, cart }: { input: any; cart: any }, { container }) => {
  const action = input?.action ?? PromotionActions.ADD
  const typed: string[] = input?.promo_codes ?? []
  if (action !== PromotionActions.ADD || !typed.length) {
    return new StepResponse(undefined)
  }
  const checked = await checkCodes(container, cart, typed)
  for (const { problem } of checked) {
    if (problem) {
      throw loyaltyError(problem.type, problem.message, problem.code)
    }
  }
  for (const { code } of checked) {
    await materializeCode(container, code, cart)
  }
  return new StepResponse(undefined)
})

/**
 * `setPromotionContext`: `{ loyalty_club: { eligible_codes } }`, the club's
 * codes on the cart or being added that may be used now; each club
 * promotion has the rule `loyalty_club.eligible_codes in [its code]`, so
 * core applies only those, and drops a code whose minimum, owner or dates
 * no longer hold when the cart changes. A capped percent is set to its cap
 * here when the percent would give more on this cart.
 */
updateCartPromotionsWorkflow.hooks.setPromotionContext(
  async ({ cart, action, promo_codes }: { cart: any; action: string; promo_codes: string[] }, { container }) => {
    const adding = action === PromotionActions.REMOVE ? [] : promo_codes ?? []
    return new StepResponse(await cartCodesContext(container, cart, adding))
  }
)
