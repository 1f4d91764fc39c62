import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { isKnownCurrency, parsePositiveAmount } from "../../../utils/money"
import { LoyaltyErrorCode } from "../../../utils/error-codes"

/**
 * The ledger key of a redemption at a till: the receipt within its location
 * (the till key's), written as a JSON pair so no location or receipt text
 * can make two different pairs read alike.
 */
export const tillReceiptKey = (location: string, receiptId: string) => JSON.stringify([location, receiptId])

export type CheckTillRedemptionInput = {
  customer_id: string
  amount: string | number
  currency_code: string
  receipt_id: string
  location: string
}

export const checkTillRedemptionStepId = "loyalty-check-till-redemption"

/**
 * Checks a redemption before the code and the debit: a known currency (400
 * naming `currency_code`), an amount in its precision, a wallet in it. A
 * receipt this location already paid with credit is a repeat only when the
 * member and the amount are the same too (`repeat: true`: the till's retry
 * after a lost answer, which needs no new code); otherwise a 409 naming
 * what differs. A read: nothing to undo.
 */
export const checkTillRedemptionStep = createStep(
  checkTillRedemptionStepId,
  async (input: CheckTillRedemptionInput, { container }) => {
    const currency = input.currency_code?.toLowerCase()
    if (!currency || !isKnownCurrency(currency)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `currency_code (${input.currency_code}) is not a known currency code`
      )
    }
    const amount = parsePositiveAmount(input.amount, currency, "amount")
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const wallets = await service.listWallets({ customer_id: input.customer_id })
    const wallet = wallets.find((w) => w.currency_code === currency)
    if (!wallet) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The member has no ${currency.toUpperCase()} wallet: no credit to spend`
      )
    }
    const reference_id = tillReceiptKey(input.location, input.receipt_id)
    const paid = await service.listWalletTransactions({ type: "debit", reference: "pos_receipt", reference_id })
    let repeat = false
    if (paid.length) {
      const mine = paid.find((t) => t.wallet_id === wallet.id)
      const differs: string[] = []
      if (!mine) {
        const memberWallets = new Set(wallets.map((w) => w.id))
        differs.push(paid.some((t) => memberWallets.has(t.wallet_id)) ? "currency_code" : "phone")
      }
      const firstAmount = MathBN.convert((mine ?? paid[0]).amount).abs()
      if (!MathBN.eq(firstAmount, amount)) {
        differs.push(`amount (paid: ${firstAmount.toFixed()})`)
      }
      if (differs.length) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Receipt ${input.receipt_id} at ${input.location} was paid with credit with a different ${differs.join(" and ")}`,
          LoyaltyErrorCode.RECEIPT_MISMATCH
        )
      }
      repeat = true
    }
    return new StepResponse({ wallet_id: wallet.id as string, amount: amount.toFixed(), reference_id, repeat })
  }
)
