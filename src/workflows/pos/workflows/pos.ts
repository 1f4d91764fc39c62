import { MedusaError } from "@medusajs/framework/utils"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  cancelOrderWorkflow,
  createOrderWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { awardOrderCashbackWorkflow, reverseOrderCashbackWorkflow } from "../../cashback/workflows"
import { upgradeCustomerTierWorkflow } from "../../tiers/workflows"
import { debitWalletWorkflow } from "../../wallet/workflows"
import {
  claimPosReceiptStep,
  createPosKeyStep,
  findPosPurchaseStep,
  linkPosPurchaseOrderStep,
  markPosPurchaseVoidedStep,
  PosPurchaseItem,
  resolveMemberStep,
  resolvePosOrderInputStep,
  grantSignupBonusStep,
  revokePosKeyStep,
  sendOneTimeCodeStep,
  verifyOneTimeCodeStep,
} from "../steps"
import { queueMessagesStep } from "../../messages/steps"

export type RegisterPosPurchaseInput = {
  phone: string
  amount: string | number
  currency_code: string
  receipt_id: string
  items?: PosPurchaseItem[] | null
  pos_key_id?: string | null
  location?: string | null
  note?: string | null
}

export const registerPosPurchaseWorkflowId = "loyalty-register-pos-purchase"

/**
 * Registers an in-store purchase by the shopper's phone: the customer is
 * found (or made a club member), the purchase becomes a Medusa order on the
 * "In-store" sales channel, its cashback is awarded by the same rules as
 * online (`loyalty.cashback.awarded` sends the SMS) and it counts toward
 * tiers at once. The receipt id makes a repeat a no-op that answers the
 * first registration. A failed step undoes the ones before it.
 *
 * @example
 * await registerPosPurchaseWorkflow(container).run({
 *   input: { phone: "09121234567", amount: "2500000", currency_code: "irr", receipt_id: "till-1-000123" },
 * })
 */
export const registerPosPurchaseWorkflow = createWorkflow(
  registerPosPurchaseWorkflowId,
  (input: RegisterPosPurchaseInput) => {
    const member = resolveMemberStep(
      transform({ input }, ({ input }) => ({ phone: input.phone, create: true }))
    )
    const claim = claimPosReceiptStep(
      transform({ input, member }, ({ input, member }) => ({ ...input, customer_id: member.customer_id }))
    )
    const order = when({ claim }, ({ claim }) => claim.created).then(() => {
      const orderInput = resolvePosOrderInputStep(
        transform({ input, member }, ({ input, member }) => ({ ...input, customer_id: member.customer_id }))
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
      return order
    })
    const result = transform({ claim, order, member }, ({ claim, order, member }) => ({
      purchase_id: claim.purchase.id as string,
      receipt_id: claim.purchase.receipt_id as string,
      order_id: ((order as any)?.id ?? claim.purchase.order_id) as string,
      customer_id: member.customer_id,
      created: claim.created,
      member_created: member.created,
    }))
    return new WorkflowResponse(result)
  }
)

export const voidPosPurchaseWorkflowId = "loyalty-void-pos-purchase"

/**
 * Voids an in-store purchase: its order is canceled and its cashback taken
 * back (by the shop's clawback strategy). Voiding twice changes nothing.
 *
 * @example
 * await voidPosPurchaseWorkflow(container).run({ input: { receipt_id: "till-1-000123" } })
 */
export const voidPosPurchaseWorkflow = createWorkflow(
  voidPosPurchaseWorkflowId,
  (input: { receipt_id: string }) => {
    const purchase = findPosPurchaseStep(input)
    when({ purchase }, ({ purchase }) => !purchase.voided_at && !!purchase.order_id).then(() => {
      const ref = transform({ purchase }, ({ purchase }) => ({ order_id: purchase.order_id as string }))
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
  note?: string | null
  pos_key_id?: string | null
}

export const redeemAtTillWorkflowId = "loyalty-redeem-at-till"

/**
 * Pays part of an in-store bill with the shopper's wallet credit, the same
 * balance as online: a debit keyed by the receipt, so a repeat pays once,
 * refused with a 400 naming the shortfall when the balance is short.
 *
 * @example
 * await redeemAtTillWorkflow(container).run({
 *   input: { phone: "09121234567", amount: "500000", currency_code: "irr", receipt_id: "till-1-000124" },
 * })
 */
export const redeemAtTillWorkflow = createWorkflow(
  redeemAtTillWorkflowId,
  (input: RedeemAtTillInput) => {
    when({ input }, ({ input }) => !!input.requires_code).then(() => {
      verifyOneTimeCodeStep(
        transform({ input }, ({ input }) => ({
          phone: input.phone,
          purpose: "redeem" as const,
          code: input.code,
          receipt_id: input.receipt_id,
        }))
      )
    })
    const member = resolveMemberStep(transform({ input }, ({ input }) => ({ phone: input.phone })))
    const { data: wallets } = useQueryGraphStep({
      entity: "wallet",
      fields: ["id"],
      filters: transform({ input, member }, ({ input, member }) => ({
        customer_id: member.customer_id,
        currency_code: input.currency_code.toLowerCase(),
      })),
    })
    const debit = debitWalletWorkflow.runAsStep({
      input: transform({ input, wallets }, ({ input, wallets }) => {
        if (!wallets.length) {
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            `The member has no ${input.currency_code.toUpperCase()} wallet: no credit to spend`
          )
        }
        return {
        wallet_id: (wallets[0] as any).id as string,
        amount: input.amount,
        reference: "pos_receipt",
        reference_id: input.receipt_id,
        note: input.note ?? `In-store redemption (${input.receipt_id})`,
        actor_type: "pos",
        actor_id: input.pos_key_id ?? null,
      }
      }) as any,
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
 * Kiosk sign-up, second half: with the right code the phone's customer is
 * found or created as a club member, the shop's sign-up bonus is credited
 * once, and a new member gets the welcome SMS.
 *
 * @example
 * await signUpMemberWorkflow(container).run({ input: { phone: "09121234567", code: "123456" } })
 */
export const signUpMemberWorkflow = createWorkflow(
  signUpMemberWorkflowId,
  (input: { phone: string; code: string }) => {
    verifyOneTimeCodeStep(
      transform({ input }, ({ input }) => ({ phone: input.phone, purpose: "signup" as const, code: input.code }))
    )
    const member = resolveMemberStep(transform({ input }, ({ input }) => ({ phone: input.phone, create: true })))
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
