import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import type { ReferralView } from "../../../../modules/loyalty-club/services/referral-reads"
import { loyaltyError, LoyaltyErrorCode } from "../../../../utils/error-codes"
import { isValidPhone, normalizePhone } from "../../../../utils/phone"
import { maskPhone } from "../../../../utils/referrals"
import { claimReferralWorkflow } from "../../../../workflows/referrals"

type Service = LoyaltyClubModuleService

/**
 * A referral without anyone's identity: what a kiosk, a till or a shopper
 * may read of it. Picked field by field, so whatever else a workflow's
 * result carries (the claim's address, device, phone) never leaves.
 */
export function referralCore(referral: Partial<ReferralView> | null | undefined) {
  if (!referral) {
    return null
  }
  return {
    id: referral.id,
    code: referral.code,
    channel: referral.channel,
    status: referral.status,
    reasons: referral.reasons ?? [],
    held_stage: referral.held_stage ?? null,
    referrer_id: referral.referrer_id,
    friend_id: referral.friend_id,
    order_id: referral.order_id ?? null,
    order_total: referral.order_total ?? null,
    currency_code: referral.currency_code ?? null,
    referrer_amount: referral.referrer_amount ?? null,
    available_at: referral.available_at ?? null,
    rewarded_at: referral.rewarded_at ?? null,
    reversed_at: referral.reversed_at ?? null,
    bonus_orders: referral.bonus_orders ?? 0,
    friend_code_id: referral.friend_code_id ?? null,
    friend_transaction_id: referral.friend_transaction_id ?? null,
    reviewed_by: referral.reviewed_by ?? null,
    reviewed_at: referral.reviewed_at ?? null,
    created_at: referral.created_at,
  }
}

/**
 * One of a shopper's own referrals (as referrer): the friend by first name
 * and masked phone only, the referrer's reward while it is theirs (pending
 * or rewarded) and when it becomes spendable.
 */
export function shopperReferralItem(referral: ReferralView) {
  const earning = referral.status === "pending" || referral.status === "rewarded"
  return {
    id: referral.id,
    status: referral.status,
    created_at: referral.created_at,
    channel: referral.channel,
    friend: {
      first_name: referral.friend?.first_name ?? null,
      masked_phone: maskedPhone(referral.friend?.phone),
    },
    reward:
      earning && referral.referrer_amount !== null && referral.currency_code
        ? { amount: referral.referrer_amount, currency_code: referral.currency_code }
        : null,
    available_at: earning ? referral.available_at : null,
  }
}

// An account's phone is stored as the shopper typed it; masked in E.164.
const maskedPhone = (phone: string | null | undefined) =>
  phone && isValidPhone(phone) ? maskPhone(normalizePhone(phone)) : null

/** The programme's terms a shopper may read (the referrer's identity is never among them). */
export function programTerms(program: Record<string, any>) {
  return {
    friend_gift_type: program.friend_gift_type,
    friend_credit: program.friend_credit ?? null,
    min_order_amount: program.min_order_amount ?? null,
    referrer_credit: program.referrer_credit ?? null,
    hold_days: program.hold_days,
    referrer_percent: program.referrer_percent ?? null,
    referrer_orders: program.referrer_orders,
  }
}

/**
 * A typed referral code that no member has is a 400, answered before the
 * route spends or writes anything (a one-time code, a receipt).
 */
export async function assertReferralCode(container: MedusaContainer, code: string) {
  const service: Service = container.resolve(LOYALTY_CLUB_MODULE)
  const found = await service.findReferralCode(code)
  if (!found) {
    throw loyaltyError(
      MedusaError.Types.INVALID_DATA,
      `referral_code: no member has the referral code ${JSON.stringify(code)}`,
      LoyaltyErrorCode.REFERRAL_CODE_UNKNOWN
    )
  }
  return found
}

/** The referral outcome a sign-up adds to its answer. */
export type SoftClaim = {
  referral: ReturnType<typeof referralCore>
  referral_error: { code: string; message: string } | null
}

/**
 * Claims a referral for a member who has just been made or found. The
 * sign-up it follows is already done, so a refused or failed claim is
 * answered beside it (`referral_error`), never as the request's failure.
 */
export async function softClaim(
  container: MedusaContainer,
  input: { customer_id: string; code: string; channel: "online" | "kiosk" | "till" }
): Promise<SoftClaim> {
  try {
    const { result } = await claimReferralWorkflow(container).run({ input })
    return { referral: referralCore(result.referral), referral_error: null }
  } catch (error: any) {
    if (error instanceof MedusaError || typeof error?.type === "string") {
      return { referral: null, referral_error: { code: error.code ?? error.type, message: error.message } }
    }
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Loyalty club: the referral claim of ${input.customer_id} failed: ${error?.message}`)
    return {
      referral: null,
      referral_error: { code: "unknown_error", message: "The referral could not be recorded; try again later" },
    }
  }
}

/** A referral with both sides, or a 404 loyalty_referral_not_found. */
export async function referralOr404(service: Service, id: string) {
  const referral = await service.retrieveReferralView(id)
  if (!referral) {
    throw loyaltyError(MedusaError.Types.NOT_FOUND, `Referral with id: ${id} was not found`, LoyaltyErrorCode.REFERRAL_NOT_FOUND)
  }
  return referral
}
