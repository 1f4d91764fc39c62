import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { undoLedgerWrite } from "../../wallet/steps/undo-ledger-write"
import { WalletTransactionRow } from "../../../modules/loyalty-club/types"
import { CashbackRuleResult } from "../../../utils/cashback-engine"
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
 * release and expiry. An order's cashback is decided once: when the order
 * already has a cashback credit (an earlier run, whatever the rules were
 * then), this run pays nothing, so a replayed order.placed or a backfill run
 * after a rule was added or changed cannot pay more. The check and the
 * credits run under a lock on the order (Medusa's locking module,
 * Redis-backed in a cluster), so two first runs cannot both pay; the
 * (order, rule) key stays the last word within one decision. The undo
 * reverses only the credits this run wrote.
 */
export const creditOrderCashbackStep = createStep(
  creditOrderCashbackStepId,
  async (
    input: { wallet_id: string; cashback: OrderCashback },
    { container }
  ) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const locking = container.resolve(Modules.LOCKING)
    const { cashback } = input
    const written: string[] = []
    // Each credit says whether this run wrote it (false: paid before).
    const credits: (WalletTransactionRow & { created: boolean })[] = []
    await locking.execute(
      `loyalty-order-cashback:${cashback.order_id}`,
      async () => {
        const earlier = await service.listOrderCashback(cashback.order_id)
        if (earlier.length) {
          return
        }
        try {
          for (const earned of cashback.result.rules) {
            const result = await service.creditWallet(
              creditOf(input.wallet_id, cashback, earned)
            )
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
      },
      { timeout: 30 }
    )
    return new StepResponse(credits, written)
  },
  async (written, { container }) => {
    for (const id of written ?? []) {
      await undoLedgerWrite(id, { container })
    }
  }
)

/** The ledger write of one rule's cashback on an order. */
function creditOf(
  walletId: string,
  cashback: OrderCashback,
  earned: CashbackRuleResult
) {
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
  return {
    wallet_id: walletId,
    amount: earned.amount,
    ...orderCashbackKey(cashback.order_id, earned.rule_id),
    note: `Cashback: ${earned.name}`,
    actor_type: "system",
    available_at: availableAt,
    expires_at: expiresAt,
    // Each item's share of this cashback: a partial return takes back the
    // returned items' part.
    metadata: {
      order_id: cashback.order_id,
      rule_id: earned.rule_id,
      items: Object.fromEntries(earned.items.map((i) => [i.item_id, i.amount])),
    },
  }
}
