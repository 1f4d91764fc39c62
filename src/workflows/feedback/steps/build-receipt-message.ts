import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { publicLink, RECEIPT_LINK_KIND } from "../../../utils/receipt-page-links"
import { MessageItem } from "../../messages/compose-messages"

export const buildReceiptMessageStepId = "loyalty-build-receipt-message"

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The receipt SMS of an order, with its signed link (valid the shop's
 * `receipt_link_days`): always for a till purchase (`source: "till"`, an
 * order with a till receipt that is not voided), for an online order
 * (`source: "online"`) only when the shop turned `receipt_sms_online` on.
 * No message for a guest order, or an order of the other kind than
 * `source` says (an online order's fulfilment is no till purchase). No
 * undo: it reads.
 */
export const buildReceiptMessageStep = createStep(
  buildReceiptMessageStepId,
  async (input: { order_id: string; source: "till" | "online"; at?: Date | string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [settings, [purchase], { data: orders }] = await Promise.all([
      service.retrieveSettings(),
      service.listPosPurchases({ order_id: input.order_id }, { select: ["id", "voided_at"] }),
      query.graph({
        entity: "order",
        fields: ["id", "customer_id", "currency_code", "total", "status"],
        filters: { id: input.order_id },
      }),
    ])
    const order: any = orders[0]
    const wanted =
      !!order?.customer_id &&
      order.status !== "canceled" &&
      (input.source === "till" ? !!purchase && !purchase.voided_at : !purchase && settings.receipt_sms_online)
    if (!wanted) {
      return new StepResponse([] as MessageItem[])
    }
    const at = input.at ? new Date(input.at) : new Date()
    const link = publicLink(
      container,
      RECEIPT_LINK_KIND,
      order.id,
      new Date(at.getTime() + settings.receipt_link_days * DAY_MS)
    )
    return new StepResponse<MessageItem[]>([
      {
        customer_id: order.customer_id,
        subject: order.id,
        amount: { amount: MathBN.convert(order.total ?? 0).toFixed(), currency_code: order.currency_code },
        link,
        data: { order_id: order.id },
      },
    ])
  }
)
