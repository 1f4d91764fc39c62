import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  createCartCreditLinesWorkflow,
  deleteCartCreditLinesWorkflow,
  refreshPaymentCollectionForCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { LOYALTY_CREDIT_LINE_REFERENCE } from "../constants"
import { computeCartCreditStep } from "../steps"

export const applyCartCreditWorkflowId = "loyalty-apply-cart-credit"

/**
 * Puts wallet credit on a cart as a core credit line (reference
 * `loyalty_wallet`), replacing the one there: the amount asked for, or the
 * most allowed, clamped by the balance, what is left to pay and the shop's
 * limits. `amount: 0` with `remove` takes it off. Nothing is debited yet:
 * the wallet pays when the cart completes. The payment collection follows
 * the new total.
 *
 * @example
 * const { result } = await applyCartCreditWorkflow(container).run({
 *   input: { cart_id: "cart_123", customer_id: "cus_123" },
 * })
 * // result.amount, result.limit ("balance", "cart_total", "max_share", ...)
 */
export const applyCartCreditWorkflow = createWorkflow(
  applyCartCreditWorkflowId,
  (input: {
    cart_id: string
    customer_id?: string | null
    amount?: BigNumberInput | null
    remove?: boolean
  }) => {
    const credit = computeCartCreditStep(input)
    const lines = transform({ credit, input }, ({ credit, input }) => {
      const amount = input.remove ? "0" : credit.amount
      const unchanged =
        credit.existing_lines.length === (MathBN.gt(amount, 0) ? 1 : 0) &&
        credit.existing_lines.every(
          (l) => MathBN.eq(l.amount, amount) && (l.requested ?? null) === (credit.requested ?? null)
        )
      return {
        unchanged,
        delete: credit.existing_lines.map((l) => l.id),
        create:
          credit.wallet_id && MathBN.gt(amount, 0)
            ? [
                {
                  cart_id: credit.cart_id,
                  amount,
                  reference: LOYALTY_CREDIT_LINE_REFERENCE,
                  reference_id: credit.wallet_id,
                  // What the shopper asked for (null: the most allowed), so a
                  // change of the cart can apply it again.
                  metadata: { wallet_id: credit.wallet_id, requested: credit.requested, limit: credit.limit },
                },
              ]
            : [],
      }
    })
    // Re-applying the same credit (after a cart change that did not move
    // the limits) writes nothing and leaves the payment session alone.
    when({ lines }, ({ lines }) => !lines.unchanged).then(() => {
      deleteCartCreditLinesWorkflow.runAsStep({ input: { id: lines.delete } })
      createCartCreditLinesWorkflow.runAsStep({ input: lines.create as any })
      refreshPaymentCollectionForCartWorkflow.runAsStep({
        input: { cart_id: input.cart_id },
      })
    })
    return new WorkflowResponse(
      transform({ credit, input }, ({ credit, input }) => ({
        ...credit,
        amount: input.remove ? "0" : credit.amount,
        limit: input.remove ? null : credit.limit,
      }))
    )
  }
)
