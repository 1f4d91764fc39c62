import { PromotionActions } from "@medusajs/framework/utils"
import { createStep, createWorkflow, parallelize, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createLineItemAdjustmentsStep,
  createShippingMethodAdjustmentsStep,
  getActionsToComputeFromPromotionsStep,
  getPromotionCodesToApply,
  prepareAdjustmentsFromPromotionActionsStep,
  refreshPaymentCollectionForCartWorkflow,
  removeLineItemAdjustmentsStep,
  removeShippingMethodAdjustmentsStep,
  updateCartPromotionsStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { CART_CODE_FIELDS, cartCodesContext } from "../cart-codes"

export const refreshCartCodesWorkflowId = "loyalty-refresh-cart-codes"

const cartCodesContextStep = createStep("loyalty-cart-codes-context", async ({ cart }: { cart: any }, { container }) => {
  return new StepResponse(await cartCodesContext(container, cart))
})

/**
 * Recomputes a cart's promotions with the club's context, the way core's
 * `updateCartPromotionsWorkflow` refreshes them (same core steps: codes to
 * apply, actions, adjustments, the cart's promotions, its payment
 * collection), but without taking the cart's lock: it runs inside a cart
 * completion, which holds that lock, when a club code on the cart no longer
 * holds (expired, used, above its cap); the completion then refuses, and
 * the shopper finds the cart corrected. Use core's workflow anywhere else.
 *
 * @example
 * await refreshCartCodesWorkflow(container).run({ input: { cart_id: "cart_123" } })
 */
export const refreshCartCodesWorkflow = createWorkflow(refreshCartCodesWorkflowId, (input: { cart_id: string }) => {
  const { data: cart } = useQueryGraphStep({
    entity: "cart",
    fields: CART_CODE_FIELDS,
    filters: { id: input.cart_id },
    options: { isList: false },
  }).config({ name: "loyalty-fetch-cart-for-codes" })
  const context = cartCodesContextStep({ cart })
  const promoCodes = transform({ cart }, ({ cart }) =>
    ((cart as any).promotions ?? []).map((p: any) => p?.code).filter(Boolean)
  )
  const codes = getPromotionCodesToApply({ cart: cart as any, promo_codes: promoCodes, action: PromotionActions.REPLACE })
  const actions = getActionsToComputeFromPromotionsStep({
    computeActionContext: cart as any,
    promotionCodesToApply: codes,
    additional_promotion_context: context,
  } as any)
  const {
    lineItemAdjustmentsToCreate,
    lineItemAdjustmentIdsToRemove,
    shippingMethodAdjustmentsToCreate,
    shippingMethodAdjustmentIdsToRemove,
    computedPromotionCodes,
  } = prepareAdjustmentsFromPromotionActionsStep({ actions })
  const cartId = transform({ cart }, ({ cart }) => (cart as any).id)
  parallelize(
    removeLineItemAdjustmentsStep({ lineItemAdjustmentIdsToRemove }),
    removeShippingMethodAdjustmentsStep({ shippingMethodAdjustmentIdsToRemove }),
    createLineItemAdjustmentsStep({ lineItemAdjustmentsToCreate }),
    createShippingMethodAdjustmentsStep({ shippingMethodAdjustmentsToCreate }),
    updateCartPromotionsStep({ id: cartId, promo_codes: computedPromotionCodes, action: PromotionActions.REPLACE })
  )
  refreshPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: cartId } })
  return new WorkflowResponse({ promo_codes: computedPromotionCodes })
})
