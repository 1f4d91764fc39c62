import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { FeedbackOrder } from "./resolve-feedback-order"

export const giftFeedbackApologyStepId = "loyalty-gift-feedback-apology"

/** The ledger reference of an apology gift; its reference id is the order. */
export const FEEDBACK_APOLOGY_REFERENCE = "feedback_apology"

/**
 * Credits the shop's apology for a low answer (`feedback_apology_credit`
 * in the order's currency), once per order whatever the answers that
 * follow: the ledger's key ("feedback_apology", order) makes a repeat or a
 * concurrent second answer return the first credit, and a rating raised
 * later keeps the gift. A frozen wallet gets none (the answer still
 * counts). The undo reverses what this run credited.
 */
type Gift = { transaction_id: string | null; amount: string | null }
// The credit this run wrote (null: none, or the first run's).
type Undo = { transaction_id: string | null; order_id: string }

export const giftFeedbackApologyStep = createStep(
  giftFeedbackApologyStepId,
  async (input: FeedbackOrder, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const settings = await service.retrieveSettings()
    const amount = settings.feedback_apology_credit?.[input.currency_code.toLowerCase()]
    if (input.rating > settings.feedback_low_rating || !amount) {
      return new StepResponse<Gift, Undo>({ transaction_id: null, amount: null }, { transaction_id: null, order_id: input.order_id })
    }
    const { wallet } = await service.retrieveOrCreateWallet({
      customer_id: input.customer_id,
      currency_code: input.currency_code,
    })
    try {
      const { transaction, created } = await service.creditWallet({
        wallet_id: wallet.id,
        amount,
        reference: FEEDBACK_APOLOGY_REFERENCE,
        reference_id: input.order_id,
        note: `Apology for a ${input.rating}/5 rating`,
      })
      await service.setFeedbackGift({ order_id: input.order_id, transaction_id: transaction.id })
      return new StepResponse<Gift, Undo>(
        { transaction_id: transaction.id, amount },
        { transaction_id: created ? transaction.id : null, order_id: input.order_id }
      )
    } catch (error) {
      if (error instanceof MedusaError && error.type === MedusaError.Types.NOT_ALLOWED) {
        return new StepResponse<Gift, Undo>({ transaction_id: null, amount: null }, { transaction_id: null, order_id: input.order_id })
      }
      throw error
    }
  },
  async (undo, { container }) => {
    if (!undo?.transaction_id) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.reverseTransaction({ transaction_id: undo.transaction_id, note: "Apology gift undone" })
    await service.setFeedbackGift({ order_id: undo.order_id, transaction_id: null })
  }
)
