import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  cancelOrderWorkflow,
  createOrderWorkflow,
  emitEventStep,
} from "@medusajs/medusa/core-flows"
import { awardOrderCashbackWorkflow, reverseOrderCashbackWorkflow } from "../../cashback/workflows"
import { upgradeCustomerTierWorkflow } from "../../tiers/workflows"
import { debitWalletWorkflow } from "../../wallet/workflows"
import {
  cancelPosHandoverStep,
  checkTillRedemptionStep,
  claimPosReceiptStep,
  createPosKeyStep,
  findPosPurchaseStep,
  linkPosPurchaseOrderStep,
  markPosPurchaseVoidedStep,
  PosPurchaseItem,
  purgeOneTimeCodesStep,
  resolveMemberStep,
  resolvePosOrderInputStep,
  grantSignupBonusStep,
  revokePosKeyStep,
  sendOneTimeCodeStep,
  validatePosPurchaseStep,
  verifyOneTimeCodeStep,
} from "../steps"
import { queueMessagesStep } from "../../messages/steps"
import type { ReferralView } from "../../../modules/loyalty-club/services/referrals"
import { claimReferralStep } from "../../referrals/steps/claim-referral"
import type { ReferralErrorAnswer } from "../../referrals/shared"
import { LoyaltyPosEvents } from "../events"
import { handOverPosOrderWorkflow } from "./hand-over-pos-order"

export type RegisterPosPurchaseInput = {
  phone: string
  amount: string | number
  currency_code: string
  receipt_id: string
  items?: PosPurchaseItem[] | null
  pos_key_id?: string | null
  /** The till key's location (receipts are unique within it); staff in the admin: "Admin". */
  location: string
  /** Who registers it, for a member made for a new phone: a till or staff. */
  source?: "pos" | "admin"
  note?: string | null
  /**
   * A friend's referral code named at their (first) purchase: claimed for
   * the member (channel "till") before the order is made, for a new receipt
   * only. A refused claim never fails the purchase (`referral_error`).
   */
  referral_code?: string | null
}

export const registerPosPurchaseWorkflowId = "loyalty-register-pos-purchase"

/**
 * Registers an in-store purchase by the shopper's phone: the input is
 * checked first (currency, amount up to the shop's largest purchase,
 * items), then the phone's member is found in the club's phone table (or,
 * for a new phone, a customer made its member, one per phone under a
 * lock), the purchase becomes a Medusa order on the "In-store" sales
 * channel, its cashback is awarded by the same rules as online
 * (`loyalty.cashback.awarded` sends the SMS) and it counts toward tiers at
 * once; the order is recorded as paid and handed over
 * (`handOverPosOrderWorkflow`), so the admin shows it captured and
 * delivered, and `loyalty.pos.purchase_registered` announces it (the
 * receipt SMS). The receipt id, within its location, makes an exact repeat a no-op
 * that answers the first registration; another phone or amount is a 409.
 * With `referral_code`, a new receipt first claims the friend's referral
 * (channel "till"; `referral`, or `referral_error` for a refused claim,
 * which never fails the purchase).
 * A failed step undoes the ones before it, except a member it made.
 *
 * @example
 * await registerPosPurchaseWorkflow(container).run({
 *   input: {
 *     phone: "09121234567", amount: "2500000", currency_code: "irr",
 *     receipt_id: "till-1-000123", location: "Tehran, Valiasr",
 *   },
 * })
 */
export const registerPosPurchaseWorkflow = createWorkflow(
  registerPosPurchaseWorkflowId,
  (input: RegisterPosPurchaseInput) => {
    const checked = validatePosPurchaseStep(input)
    const member = resolveMemberStep(
      transform({ input }, ({ input }) => ({ phone: input.phone, create: input.source ?? ("pos" as const) }))
    )
    const claim = claimPosReceiptStep(
      transform({ input, checked, member }, ({ input, checked, member }) => ({
        ...input,
        ...checked,
        customer_id: member.customer_id,
      }))
    )
    // The referral is claimed before the order exists, so the purchase is
    // the friend's first order and qualifies it (the purchase event).
    const referral = when({ input, claim }, ({ input, claim }) => claim.created && !!input.referral_code).then(() => {
      const claimed = claimReferralStep(
        transform({ input, member }, ({ input, member }) => ({
          customer_id: member.customer_id,
          code: input.referral_code as string,
          channel: "till" as const,
          currency_code: input.currency_code,
          soft: true,
        }))
      )
      queueMessagesStep(
        transform({ claimed }, ({ claimed }) => ({
          event: "referral_welcome" as const,
          items: claimed.messages,
          gift: claimed.gift_variant,
        }))
      ).config({ name: "queue-referral-welcome" })
      return claimed
    })
    const order = when({ claim }, ({ claim }) => claim.created).then(() => {
      const orderInput = resolvePosOrderInputStep(
        transform({ input, checked, member }, ({ input, checked, member }) => ({
          ...input,
          ...checked,
          customer_id: member.customer_id,
        }))
      )
      const order = createOrderWorkflow.runAsStep({ input: orderInput as any })
      linkPosPurchaseOrderStep(
        transform({ claim, order }, ({ claim, order }) => ({
          purchase_id: claim.purchase.id as string,
          order_id: (order as any).id as string,
        }))
      )
      const orderRef = transform({ order }, ({ order }) => ({ order_id: (order as any).id as string }))
      awardOrderCashbackWorkflow.runAsStep({ input: orderRef })
      upgradeCustomerTierWorkflow.runAsStep({ input: orderRef })
      handOverPosOrderWorkflow.runAsStep({
        input: transform({ claim, orderRef }, ({ claim, orderRef }) => ({
          order_id: orderRef.order_id,
          purchase_id: claim.purchase.id as string,
        })),
      })
      // Announced once the workflow has committed (the receipt SMS listens).
      emitEventStep({
        eventName: LoyaltyPosEvents.PURCHASE_REGISTERED,
        data: transform({ claim, orderRef, member }, ({ claim, orderRef, member }) => ({
          order_id: orderRef.order_id,
          purchase_id: claim.purchase.id as string,
          customer_id: member.customer_id,
        })),
      })
      return order
    })
    const result = transform({ claim, order, member, referral }, ({ claim, order, member, referral }) => ({
      purchase_id: claim.purchase.id as string,
      receipt_id: claim.purchase.receipt_id as string,
      order_id: ((order as any)?.id ?? claim.purchase.order_id) as string,
      customer_id: member.customer_id,
      created: claim.created,
      member_created: member.created,
      /** The friend's referral claimed with this purchase (null: none named, a repeat, or refused with a 400). */
      referral: (referral?.referral ?? null) as ReferralView | null,
      /** Why a named code was not claimed (`{ code, message }` of the 400), else null. */
      referral_error: (referral?.error ?? null) as ReferralErrorAnswer | null,
    }))
    return new WorkflowResponse(result)
  }
)

export const voidPosPurchaseWorkflowId = "loyalty-void-pos-purchase"

/**
 * Voids an in-store purchase of a location (a till key voids only its own
 * location's): the handover recorded at the till is canceled (the goods
 * came back), then its order is canceled by core, which refunds the
 * payment taken at the till (the admin shows "Refunded"), and its cashback
 * is taken back (by the shop's clawback strategy) once, whichever of the
 * cancel and the refund comes first. Voiding twice changes nothing.
 *
 * @example
 * await voidPosPurchaseWorkflow(container).run({ input: { receipt_id: "till-1-000123", location: "Tehran, Valiasr" } })
 */
export const voidPosPurchaseWorkflow = createWorkflow(
  voidPosPurchaseWorkflowId,
  (input: { receipt_id: string; location: string }) => {
    const purchase = findPosPurchaseStep(input)
    when({ purchase }, ({ purchase }) => !purchase.voided_at && !!purchase.order_id).then(() => {
      const ref = transform({ purchase }, ({ purchase }) => ({ order_id: purchase.order_id as string }))
      cancelPosHandoverStep(
        transform({ purchase }, ({ purchase }) => ({
          order_id: purchase.order_id as string,
          purchase_id: purchase.id as string,
        }))
      )
      cancelOrderWorkflow.runAsStep({ input: ref })
      reverseOrderCashbackWorkflow.runAsStep({
        input: transform({ ref }, ({ ref }) => ({ order_id: ref.order_id, reason: "canceled" as const })),
      })
      markPosPurchaseVoidedStep(transform({ purchase }, ({ purchase }) => ({ purchase_id: purchase.id as string })))
    })
    return new WorkflowResponse(purchase)
  }
)

export type RedeemAtTillInput = {
  /** The shop asks for the customer's one-time code (`code`) first. */
  requires_code?: boolean
  code?: string | null
  phone: string
  amount: string | number
  currency_code: string
  receipt_id: string
  /** The till key's location: receipts are unique within it. */
  location: string
  note?: string | null
  pos_key_id?: string | null
}

export const redeemAtTillWorkflowId = "loyalty-redeem-at-till"

/**
 * Pays part of an in-store bill with the shopper's wallet credit, the same
 * balance as online: a debit keyed by the receipt at the till's location,
 * refused with a 400 naming the shortfall when the balance is short. With
 * the shop asking for codes, only an exact repeat (same member, amount,
 * receipt and location: a till retrying after a lost answer) goes without
 * a new code; the same receipt with another phone or amount is a 409.
 *
 * @example
 * await redeemAtTillWorkflow(container).run({
 *   input: { phone: "09121234567", amount: "500000", currency_code: "irr", receipt_id: "till-1-000124", location: "Tehran" },
 * })
 */
export const redeemAtTillWorkflow = createWorkflow(
  redeemAtTillWorkflowId,
  (input: RedeemAtTillInput) => {
    const member = resolveMemberStep(transform({ input }, ({ input }) => ({ phone: input.phone })))
    const checked = checkTillRedemptionStep(
      transform({ input, member }, ({ input, member }) => ({
        customer_id: member.customer_id,
        amount: input.amount,
        currency_code: input.currency_code,
        receipt_id: input.receipt_id,
        location: input.location,
      }))
    )
    when({ input, checked }, ({ input, checked }) => !!input.requires_code && !checked.repeat).then(() => {
      verifyOneTimeCodeStep(
        transform({ input }, ({ input }) => ({ phone: input.phone, purpose: "redeem" as const, code: input.code }))
      )
    })
    const debit = debitWalletWorkflow.runAsStep({
      input: transform({ input, checked }, ({ input, checked }) => ({
        wallet_id: checked.wallet_id,
        amount: checked.amount,
        reference: "pos_receipt",
        reference_id: checked.reference_id,
        note: input.note ?? `In-store redemption (${input.receipt_id}, ${input.location})`,
        actor_type: "pos",
        actor_id: input.pos_key_id ?? null,
      })) as any,
    })
    return new WorkflowResponse({ member, debit })
  }
)

export const createPosKeyWorkflowId = "loyalty-create-pos-key"

/**
 * Creates a till key for a location with scopes (`lookup`, `earn`,
 * `redeem`); the result carries the key, which is never shown again.
 *
 * @example
 * const { result } = await createPosKeyWorkflow(container).run({
 *   input: { name: "Till 1", location: "Tehran, Valiasr", scopes: ["lookup", "earn", "redeem"] },
 * })
 */
export const createPosKeyWorkflow = createWorkflow(
  createPosKeyWorkflowId,
  (input: { name: string; location: string; scopes: string[]; created_by?: string | null }) => {
    return new WorkflowResponse(createPosKeyStep(input))
  }
)

export const revokePosKeyWorkflowId = "loyalty-revoke-pos-key"

/**
 * Revokes a till key.
 *
 * @example
 * await revokePosKeyWorkflow(container).run({ input: { id: "lposk_123" } })
 */
export const revokePosKeyWorkflow = createWorkflow(
  revokePosKeyWorkflowId,
  (input: { id: string }) => {
    return new WorkflowResponse(revokePosKeyStep(input))
  }
)

export const sendOneTimeCodeWorkflowId = "loyalty-send-one-time-code"

/**
 * Sends a one-time code by SMS (kiosk sign-up, a redemption at the till),
 * rate-limited per phone and per address.
 *
 * @example
 * await sendOneTimeCodeWorkflow(container).run({ input: { phone: "09121234567", purpose: "signup" } })
 */
export const sendOneTimeCodeWorkflow = createWorkflow(
  sendOneTimeCodeWorkflowId,
  (input: { phone: string; purpose: "signup" | "redeem"; ip?: string | null }) => {
    return new WorkflowResponse(sendOneTimeCodeStep(input))
  }
)

export const signUpMemberWorkflowId = "loyalty-sign-up-member"

/**
 * Kiosk sign-up, second half: the right code proves the phone, and only
 * then is it written to the club's phone table: its member is found, or a
 * new customer made (or, for a logged-in shopper, the phone becomes
 * theirs). The shop's sign-up bonus is credited once, and a new member gets
 * the welcome SMS.
 *
 * @example
 * await signUpMemberWorkflow(container).run({ input: { phone: "09121234567", code: "123456" } })
 */
export const signUpMemberWorkflow = createWorkflow(
  signUpMemberWorkflowId,
  (input: { phone: string; code: string; customer_id?: string | null }) => {
    verifyOneTimeCodeStep(
      transform({ input }, ({ input }) => ({ phone: input.phone, purpose: "signup" as const, code: input.code }))
    )
    const member = resolveMemberStep(
      transform({ input }, ({ input }) => ({
        phone: input.phone,
        create: "code" as const,
        customer_id: input.customer_id ?? null,
      }))
    )
    const bonus = grantSignupBonusStep(transform({ member }, ({ member }) => ({ customer_id: member.customer_id })))
    when({ member, bonus }, ({ member, bonus }) => member.created || bonus.credited).then(() => {
      queueMessagesStep(
        transform({ member }, ({ member }) => ({
          event: "welcome" as const,
          items: [{ customer_id: member.customer_id, subject: member.customer_id }],
        }))
      ).config({ name: "queue-welcome-message" })
    })
    return new WorkflowResponse({ member, bonus })
  }
)

export const purgeOneTimeCodesWorkflowId = "loyalty-purge-one-time-codes"

/**
 * Deletes old one-time codes (a day old by default), so the table holds
 * only what the rate limits read.
 *
 * @example
 * const { result } = await purgeOneTimeCodesWorkflow(container).run({ input: {} })
 */
export const purgeOneTimeCodesWorkflow = createWorkflow(
  purgeOneTimeCodesWorkflowId,
  (input: { older_than_ms?: number; batch_size?: number }) => {
    return new WorkflowResponse(purgeOneTimeCodesStep(input))
  }
)
