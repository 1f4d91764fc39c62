import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { LoyaltyErrorCode, loyaltyError } from "../../../../utils/error-codes"
import { decimal, findParams } from "../../../utils/validators"

// Amounts arrive as JSON numbers or plain decimal strings ("150000"); the
// ledger checks sign and precision against the wallet's currency.
const amount = decimal("amount")

export type AdminGetWalletsParamsType = z.infer<typeof AdminGetWalletsParams>
export const AdminGetWalletsParams = findParams({ limit: 20, max: 200 }).merge(
  z.object({
    customer_id: z.union([z.string(), z.array(z.string())]).optional(),
    currency_code: z.union([z.string(), z.array(z.string())]).optional(),
    status: z.enum(["active", "frozen"]).optional(),
  })
)

export type AdminGetWalletTransactionsParamsType = z.infer<
  typeof AdminGetWalletTransactionsParams
>
export const AdminGetWalletTransactionsParams = findParams({ limit: 20, max: 200 })

export type AdminCreateWalletType = z.infer<typeof AdminCreateWallet>
export const AdminCreateWallet = z.strictObject({
  customer_id: z.string().min(1),
  currency_code: z.string().min(3).max(3),
})

export type AdminCreditWalletType = z.infer<typeof AdminCreditWallet>
export const AdminCreditWallet = z.strictObject({
  amount,
  note: z.string().max(500).optional(),
  expires_at: z.coerce
    .date()
    .transform((d) => {
      if (d.getTime() <= Date.now()) {
        throw loyaltyError(
          MedusaError.Types.INVALID_DATA,
          "expires_at must be in the future",
          LoyaltyErrorCode.EXPIRES_AT_INVALID
        )
      }
      return d
    })
    .optional(),
})

const REASON_MAX = 500

// Why a wallet is frozen or unfrozen: trimmed, at most 500 characters;
// blank counts as none. Checked here (not by zod's messages) so the 400
// names the field and carries its code.
const reason = (required: boolean) =>
  z.unknown().transform((value) => {
    const text = typeof value === "string" ? value.trim() : value == null ? "" : null
    if (text === null) {
      throw loyaltyError(
        MedusaError.Types.INVALID_DATA,
        `reason must be text, got ${typeof value}`,
        LoyaltyErrorCode.REASON_REQUIRED
      )
    }
    if (!text) {
      if (required) {
        throw loyaltyError(
          MedusaError.Types.INVALID_DATA,
          `reason is required to freeze a wallet: say why in 1 to ${REASON_MAX} characters`,
          LoyaltyErrorCode.REASON_REQUIRED
        )
      }
      return null
    }
    if (text.length > REASON_MAX) {
      throw loyaltyError(
        MedusaError.Types.INVALID_DATA,
        `reason must be at most ${REASON_MAX} characters, got ${text.length}`,
        LoyaltyErrorCode.REASON_TOO_LONG
      )
    }
    return text
  })

export type AdminFreezeWalletType = z.infer<typeof AdminFreezeWallet>
export const AdminFreezeWallet = z.strictObject({ reason: reason(true) })

export type AdminUnfreezeWalletType = z.infer<typeof AdminUnfreezeWallet>
export const AdminUnfreezeWallet = z.strictObject({ reason: reason(false) })

export type AdminDebitWalletType = z.infer<typeof AdminDebitWallet>
export const AdminDebitWallet = z.strictObject({
  amount,
  note: z.string().max(500).optional(),
})
