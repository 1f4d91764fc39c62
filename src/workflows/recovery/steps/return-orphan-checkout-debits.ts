import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const returnOrphanCheckoutDebitsStepId = "loyalty-return-orphan-checkout-debits"

export type ReturnOrphanCheckoutDebitsInput = {
  /** The moment the ages are measured from (now by default). */
  at?: Date | string
  /** Any age (recover-loyalty now); the cart lock and running completions still count. */
  ignore_age?: boolean
  /** Debits looked at per run. */
  limit?: number
}

export type ReturnOrphanCheckoutDebitsResult = {
  /** Debits given back by this run. */
  returned: { transaction_id: string; reversal_id: string; cart_id: string; wallet_id: string; amount: string }[]
  /** Carts whose lock another request held (a completion): tried again next run. */
  skipped_locked: number
  /** Carts that got an order or a completion between the search and the lock. */
  skipped_settled: number
}

// Short: a cart whose lock is taken is being completed; the next run looks again.
const CART_LOCK_WAIT_SECONDS = 2

// What the admin reads on the reversal (the shopper's ledger shows it as
// credit returned).
const NOTE = "Returned: the checkout that used this credit never completed (no order)"

/**
 * Gives back checkout debits whose completion died with its process. Each
 * candidate is handled under the cart's own lock, the key core's
 * completeCartWorkflow takes (the cart id), and read again there: a
 * completion that holds or takes the cart meanwhile wins, and one that comes
 * later finds the debit reversed and pays again (the validate hook's
 * `again_after_reversal`), or is refused for a shortfall. The reversal is
 * keyed on the debit, so two runs at once give it back once. Nothing to
 * undo: each reversal stands on its own.
 */
export const returnOrphanCheckoutDebitsStep = createStep(
  returnOrphanCheckoutDebitsStepId,
  async (input: ReturnOrphanCheckoutDebitsInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const locking = container.resolve(Modules.LOCKING)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const at = input.at ? new Date(input.at) : new Date()
    const result: ReturnOrphanCheckoutDebitsResult = { returned: [], skipped_locked: 0, skipped_settled: 0 }

    const candidates = await service.listOrphanCheckoutDebits({
      at,
      ignore_age: input.ignore_age,
      limit: input.limit,
    })
    for (const debit of candidates) {
      try {
        await locking.execute(
          debit.cart_id,
          async () => {
            const state = await service.retrieveCheckoutDebitState({
              transaction_id: debit.transaction_id,
              at,
              ignore_age: input.ignore_age,
            })
            if (!state || state.reversed || state.order_id || state.completion_running) {
              result.skipped_settled++
              return
            }
            const { transaction, created } = await service.reverseTransaction({
              transaction_id: debit.transaction_id,
              note: NOTE,
              actor_type: "system",
              metadata: { reason: "checkout_not_completed", cart_id: debit.cart_id },
            })
            if (created) {
              result.returned.push({
                transaction_id: debit.transaction_id,
                reversal_id: transaction.id,
                cart_id: debit.cart_id,
                wallet_id: debit.wallet_id,
                amount: transaction.amount,
              })
            }
          },
          { timeout: CART_LOCK_WAIT_SECONDS }
        )
      } catch (error: any) {
        if (!isLockTimeout(error)) {
          throw error
        }
        result.skipped_locked++
      }
    }
    if (result.returned.length) {
      logger.info(
        `Loyalty club: returned ${result.returned.length} checkout debits whose cart has no order (${result.returned
          .map((r) => r.cart_id)
          .join(", ")})`
      )
    }
    return new StepResponse(result)
  }
)

/** The locking module's "could not get the lock in time" (Redis: a CONFLICT; in memory: a plain Error). */
export function isLockTimeout(error: any) {
  const message = String(error?.message ?? "")
  return /Timed-out acquiring lock|Failed to acquire lock/.test(message)
}
