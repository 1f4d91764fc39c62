import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import { loyaltyError } from "../../utils/error-codes"
import { LOYALTY_CREDIT_LINE_REFERENCE } from "../checkout/constants"
import { codesOnCart, completionProblem } from "../codes/cart-codes"
import { refreshCartCodesWorkflow } from "../codes/workflows/refresh-cart-codes"
import { undoLedgerWrite } from "../wallet/steps/undo-ledger-write"

/**
 * Debits the wallet credit a cart uses when the cart completes, before the
 * order is created and the payment authorised. The debit is keyed
 * (`cart`, cart id) under the wallet's row lock: a retried completion pays
 * once, a cart that already has an order never pays again, two carts
 * spending the same balance cannot both pass (the second
 * gets a 400 naming the shortfall), and when anything later in the
 * completion fails, the undo gives the credit back to the lots it came from.
 *
 * When the process dies mid-completion that undo never runs; the
 * `loyalty-reconcile-checkout-debits` job then reverses the debit under the
 * cart's lock. A later completion of the cart finds its debit reversed and
 * pays again (`again_after_reversal`, keyed `cart_id#2`), or is refused for
 * a shortfall: an order never stands on a debit that was given back.
 *
 * First, the club's discount codes on the cart are checked again (they
 * were checked when applied and at every cart change, but time passes and
 * another cart may have used a single-use code or moved a capped code's
 * promotion): one that no longer holds is refused with its code's error
 * (`loyalty_code_discount_corrected` for a discount above its cap), after
 * the cart's promotions are recomputed, so the shopper finds the cart
 * corrected and completes again.
 *
 * Uses the `validate` hook, which the official `@medusajs/loyalty-plugin`
 * leaves free, so both plugins can run in one store.
 */
completeCartWorkflow.hooks.validate(
  async ({ cart }: { cart: any }, { container }) => {
    const lines = (cart?.credit_lines ?? []).filter(
      (l: any) => l?.reference === LOYALTY_CREDIT_LINE_REFERENCE
    )
    const hasCodes = codesOnCart({ items: cart?.items, shipping_methods: cart?.shipping_methods }).length > 0
    if (!lines.length && !hasCodes) {
      return new StepResponse(undefined, undefined)
    }
    // Core runs this hook before it notices that the cart already has an
    // order and answers that order again. A completed cart never pays again,
    // even after its order was canceled and the credit given back.
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orderCarts } = await query.graph({
      entity: "order_cart",
      fields: ["order_id"],
      filters: { cart_id: cart.id },
    })
    if (orderCarts.length || cart.completed_at) {
      return new StepResponse(undefined, undefined)
    }
    if (hasCodes) {
      const problem = await completionProblem(container, cart)
      if (problem) {
        await refreshCartCodesWorkflow(container).run({ input: { cart_id: cart.id } })
        throw loyaltyError(problem.type, problem.message, problem.code)
      }
    }
    if (!lines.length) {
      return new StepResponse(undefined, undefined)
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const walletId = lines[0].reference_id
    const [wallet] = await service.listWallets({ id: walletId })
    if (!wallet || wallet.customer_id !== cart.customer_id || wallet.currency_code !== cart.currency_code) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The wallet credit on cart (${cart.id}) does not belong to its customer in ${String(cart.currency_code).toUpperCase()}: remove it and apply it again`
      )
    }
    const amount = MathBN.sum(0, ...lines.map((l: any) => l.raw_amount ?? l.amount))
    const result = await service.debitWallet({
      wallet_id: walletId,
      amount: amount.toFixed(),
      reference: "cart",
      reference_id: cart.id,
      again_after_reversal: true,
      note: "Paid at checkout",
      actor_type: "customer",
      actor_id: cart.customer_id,
      metadata: { cart_id: cart.id },
    })
    return new StepResponse(result.transaction, result.created ? result.transaction.id : undefined)
  },
  async (transactionId, { container }) => {
    await undoLedgerWrite(transactionId, { container })
  }
)
