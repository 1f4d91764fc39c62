import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import BigNumberJS from "bignumber.js"
import { ORDER_PAYMENT_FIELDS, orderPaymentTotals, portion } from "../../../utils/order-payments"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const giveBackOrderCreditStepId = "loyalty-give-back-order-credit"

export type OrderCreditGiveBackReason = "canceled" | "returned" | "refunded"


/**
 * Gives back the wallet credit that paid for an order (the debit written at
 * checkout under (`cart`, cart id)). A cancel gives all of it: the reversal
 * restores the lots the debit took (credit whose lot expired meanwhile comes
 * back with the module's grace period). A return gives back the credit-paid
 * share of the returned items' value, a refund the same share of the
 * refunded part of the card payment (the larger of the two counts), as a
 * new lot. Keyed by the total given back, so a repeated event gives nothing
 * more. Final, no undo.
 */
export const giveBackOrderCreditStep = createStep(
  giveBackOrderCreditStepId,
  async (
    input: { order_id: string; reason?: OrderCreditGiveBackReason; note?: string },
    { container }
  ) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const none = [] as { transaction_id: string; amount: string }[]
    const { data: links } = await query.graph({
      entity: "order_cart",
      fields: ["cart_id"],
      filters: { order_id: input.order_id },
    })
    const cartId = (links[0] as any)?.cart_id
    if (!cartId) {
      return new StepResponse(none)
    }
    const debits = await service.listWalletTransactions({
      type: "debit",
      reference: "cart",
      // The cart's debit, or its re-tries after an undone completion (`#2`...).
      reference_id: { $like: `${cartId}%` },
    })
    if (!debits.length) {
      return new StepResponse(none)
    }

    const reason = input.reason ?? "canceled"
    let fraction = new BigNumberJS(1)
    const { data: [order] } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "status",
        "items.id",
        "items.unit_price",
        "items.detail.return_received_quantity",
        ...ORDER_PAYMENT_FIELDS,
      ],
      filters: { id: input.order_id },
    })
    const canceled = reason === "canceled" || (order as any)?.status === "canceled"
    if (!canceled) {
      const o: any = order ?? {}
      // Valued at unit price: line totals on an order move once items come
      // back, its unit prices do not.
      const returned = MathBN.sum(
        0,
        ...(o.items ?? []).map((item: any) =>
          MathBN.mult(item.unit_price ?? 0, item.detail?.return_received_quantity ?? 0)
        )
      )
      const { paid, refunded } = orderPaymentTotals(o)
      // What the order cost when it was placed: the card payment plus the
      // wallet debit (order totals move with later changes; these do not).
      const gross = MathBN.add(paid, ...debits.map((d) => MathBN.convert(d.amount).negated()))
      fraction = BigNumberJS.max(portion(returned, gross), portion(refunded, paid))
    }
    const note =
      input.note ??
      {
        canceled: "Order canceled: credit given back",
        returned: "Items returned: credit given back",
        refunded: "Order refunded: credit given back",
      }[reason]

    const given: { transaction_id: string; amount: string }[] = []
    for (const debit of debits) {
      const full = MathBN.convert(debit.amount).negated()
      const metadata = { order_id: input.order_id, reason }
      // A cancel before any partial give-back restores the very lots.
      const partial = await service.listWalletTransactions({
        wallet_id: debit.wallet_id,
        reference: "debit_give_back",
        reference_id: { $like: `${debit.id}:%` },
      })
      const result =
        canceled && !partial.length
          ? await service.reverseTransaction({ transaction_id: debit.id, note, actor_type: "system", metadata })
          : await service.giveBackDebit({
              transaction_id: debit.id,
              target: MathBN.mult(full, fraction),
              note,
              actor_type: "system",
              metadata,
            })
      if (result.created && result.transaction) {
        given.push({ transaction_id: result.transaction.id, amount: result.transaction.amount })
      }
    }
    return new StepResponse(given)
  }
)
