import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { undoLedgerWrite } from "../../wallet/steps/undo-ledger-write"
import { WalletTransactionRow } from "../../../modules/loyalty-club/types"
import { OrderCashback } from "./compute-order-cashback"

export const creditOrderCashbackStepId = "loyalty-credit-order-cashback"

const DAY = 86400000
// Cashback released at fulfilment waits with this date until the fulfilment
// event sets the real one.
export const UNTIL_RELEASED = new Date("9999-12-31T00:00:00Z")

/** The ledger key of one rule's cashback on one order. */
export const orderCashbackKey = (orderId: string, ruleId: string) => ({
  reference: "order",
  reference_id: `${orderId}:${ruleId}`,
})

/**
 * Credits each rule's cashback as its own lot, so each keeps its rule's
 * release and expiry. Keyed by (order, rule): a repeated order.placed pays
 * once. The undo reverses only the credits this run wrote.
 */
export const creditOrderCashbackStep = createStep(
  creditOrderCashbackStepId,
  async (
    input: { wallet_id: string; cashback: OrderCashback },
    { container }
  ) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const { cashback } = input
    const written: string[] = []
    // Each credit says whether this run wrote it (false: paid before).
    const credits: (WalletTransactionRow & { created: boolean })[] = []
    try {
      for (const earned of cashback.result.rules) {
        const rule = cashback.rules[earned.rule_id]
        // Step outputs travel serialized: dates arrive as strings.
        const placed = new Date(cashback.placed_at).getTime()
        const availableAt =
          rule?.release === "hold" && rule.hold_days
            ? new Date(placed + rule.hold_days * DAY)
            : rule?.release === "fulfilled"
              ? UNTIL_RELEASED
              : null
        const expiresAt =
          rule?.expires_after_days && availableAt !== UNTIL_RELEASED
            ? new Date((availableAt?.getTime() ?? placed) + rule.expires_after_days * DAY)
            : null
        const result = await service.creditWallet({
          wallet_id: input.wallet_id,
          amount: earned.amount,
          ...orderCashbackKey(cashback.order_id, earned.rule_id),
          note: `Cashback: ${earned.name}`,
          actor_type: "system",
          available_at: availableAt,
          expires_at: expiresAt,
          // Each item's share of this cashback: a partial return takes back
          // the returned items' part.
          metadata: {
            order_id: cashback.order_id,
            rule_id: earned.rule_id,
            items: Object.fromEntries(earned.items.map((i) => [i.item_id, i.amount])),
          },
        })
        if (result.created) {
          written.push(result.transaction.id)
        }
        credits.push({ ...result.transaction, created: result.created })
      }
    } catch (error) {
      for (const id of written) {
        await undoLedgerWrite(id, { container })
      }
      throw error
    }
    return new StepResponse(credits, written)
  },
  async (written, { container }) => {
    for (const id of written ?? []) {
      await undoLedgerWrite(id, { container })
    }
  }
)
