import { Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  createFulfillmentWorkflow,
  createOrderPaymentCollectionWorkflow,
  createRemoteLinkStep,
  emitEventStep,
  markOrderFulfillmentAsDeliveredWorkflow,
  markPaymentCollectionAsPaid,
  registerOrderFulfillmentStep,
} from "@medusajs/medusa/core-flows"
import { releaseOrderCashbackWorkflow } from "../../cashback/workflows"
import { resolvePosHandoverStep } from "../steps/hand-over-pos-order"

export const handOverPosOrderWorkflowId = "loyalty-hand-over-pos-order"

/**
 * Records an in-store purchase's order as what it is: paid at the till and
 * handed over, so Medusa's admin shows it "Captured" and "Delivered" and
 * nobody chases its payment or ships it. Its items get a fulfillment at the
 * till's stock location through Medusa's manual provider, with no shipping,
 * marked delivered (as core's admin does; `order.fulfillment_created` and
 * `delivery.created` carry `no_notification`, so no shipping message
 * goes out); cashback that waits for fulfilment is released, since the
 * goods left with the shopper; last, a payment collection for the order's
 * total is marked paid through the system provider (`pp_system_default`,
 * which every Medusa store loads), capture being the one step core does not
 * undo. An order that already has a fulfillment or payment collection gets
 * none again; a failed step undoes the ones before it.
 *
 * @example
 * await handOverPosOrderWorkflow(container).run({
 *   input: { order_id: "order_123", purchase_id: "lpp_123" },
 * })
 */
export const handOverPosOrderWorkflow = createWorkflow(
  handOverPosOrderWorkflowId,
  (input: { order_id: string; purchase_id: string }) => {
    const handover = resolvePosHandoverStep(input)

    when("pos-handover-fulfillment", { handover }, ({ handover }) => !!handover.fulfillment).then(() => {
      const fulfillment = createFulfillmentWorkflow.runAsStep({
        input: transform({ handover }, ({ handover }) => handover.fulfillment!) as any,
      })
      const ids = transform({ handover, fulfillment }, ({ handover, fulfillment }) => ({
        order_id: handover.order_id,
        fulfillment_id: (fulfillment as any).id as string,
      }))
      registerOrderFulfillmentStep(
        transform({ handover, ids }, ({ handover, ids }) => ({
          order_id: ids.order_id,
          reference: Modules.FULFILLMENT,
          reference_id: ids.fulfillment_id,
          items: handover.items,
        }))
      )
      createRemoteLinkStep(
        transform({ ids }, ({ ids }) => [
          {
            [Modules.ORDER]: { order_id: ids.order_id },
            [Modules.FULFILLMENT]: { fulfillment_id: ids.fulfillment_id },
          },
        ])
      )
      emitEventStep({
        eventName: OrderWorkflowEvents.FULFILLMENT_CREATED,
        data: transform({ ids }, ({ ids }) => ({ ...ids, no_notification: true })),
      })
      markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
        input: transform({ ids }, ({ ids }) => ({
          orderId: ids.order_id,
          fulfillmentId: ids.fulfillment_id,
          no_notification: true,
        })),
      })
    })

    // The same release as at an online order's fulfilment (its subscriber
    // then finds nothing left to release), here at once so the till's
    // answer shows the balance the shopper can spend.
    releaseOrderCashbackWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_id: input.order_id })),
    })

    when("pos-handover-payment", { handover }, ({ handover }) => !!handover.payment_amount).then(() => {
      const collections = createOrderPaymentCollectionWorkflow.runAsStep({
        // The amount stays an exact decimal string (core's type says number;
        // the payment module stores a big number either way).
        input: transform({ handover }, ({ handover }) => ({
          order_id: handover.order_id,
          amount: handover.payment_amount! as unknown as number,
        })),
      })
      markPaymentCollectionAsPaid.runAsStep({
        input: transform({ handover, collections }, ({ handover, collections }) => ({
          order_id: handover.order_id,
          payment_collection_id: (collections as any)[0].id as string,
        })),
      })
    })

    return new WorkflowResponse(handover)
  }
)
