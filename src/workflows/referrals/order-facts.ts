import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { ReferralProgramRow, ReferralRow } from "../../modules/loyalty-club/services/referrals"
import { roundToCurrency } from "../../utils/money"
import { normalizeAddress } from "../../utils/referrals"
import { walletCreditPaid } from "../checkout/constants"
import { tillReceiptKey } from "../pos/steps/check-till-redemption"
import { addDaysExact, amountIn, firstNames, service, shopDaysExpiry } from "./shared"

/** What the referral rules read of an order. */
export type ReferralOrder = {
  id: string
  customer_id: string | null
  currency_code: string
  /**
   * What the order is worth: its total before any credit paid for it
   * (core's `total` less nothing: credit lines added back), so an order
   * paid partly with credit is measured by what was bought.
   */
  total: string
  /** Wallet credit that paid for it: its loyalty credit lines, or the till redemption of its receipt. */
  credit_paid: string
  placed_at: Date
  canceled: boolean
  /** The shipping address as a key (see normalizeAddress), or null. */
  address: string | null
}

/** One order as the referral rules read it, or null when it does not exist (or is a draft). */
export async function readReferralOrder(container: MedusaContainer, orderId: string): Promise<ReferralOrder | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "customer_id",
      "currency_code",
      "total",
      "status",
      "is_draft_order",
      "created_at",
      "credit_lines.reference",
      "credit_lines.amount",
      "credit_lines.raw_amount",
      "shipping_address.address_1",
      "shipping_address.postal_code",
    ],
    filters: { id: orderId },
  })
  const order: any = data[0]
  if (!order || order.is_draft_order) {
    return null
  }
  const credits = MathBN.sum(0, ...(order.credit_lines ?? []).map((l: any) => (l?.raw_amount ?? l?.amount ?? 0) as any))
  let creditPaid = walletCreditPaid(order)
  const loyalty = service(container)
  // A till purchase pays with credit by a redemption of its receipt at its location.
  const [purchase] = await loyalty.listPosPurchases({ order_id: orderId }, { select: ["receipt_id", "location"] })
  if (purchase?.location) {
    const debits = await loyalty.listWalletTransactions({
      type: "debit",
      reference: "pos_receipt",
      reference_id: tillReceiptKey(purchase.location, purchase.receipt_id),
    })
    creditPaid = MathBN.add(creditPaid, MathBN.sum(0, ...debits.map((d) => MathBN.convert(d.amount).abs())))
  }
  return {
    id: order.id,
    customer_id: order.customer_id ?? null,
    currency_code: String(order.currency_code).toLowerCase(),
    total: MathBN.add(order.raw_total ?? order.total ?? 0, credits).toFixed(),
    credit_paid: creditPaid.toFixed(),
    placed_at: new Date(order.created_at),
    canceled: order.status === "canceled",
    address: order.shipping_address ? normalizeAddress(order.shipping_address.address_1, order.shipping_address.postal_code) : null,
  }
}

/**
 * The credit a friend's qualifying order earns, ready to write. The
 * referrer's is a lot spendable from the order's placing + `hold_days`
 * (expiring `referrer_credit_valid_days` after that); a hold already over
 * makes it spendable at once and the referral `rewarded`. The friend's
 * credit gift is spendable at once through the shop day
 * `friend_credit_valid_days` on.
 */
export type ReferralRewardPlan = {
  kind: "reward"
  referral_id: string
  referrer_id: string
  friend_id: string
  currency_code: string
  referrer_amount: string | null
  /** When the referrer's credit becomes spendable; null: at once. */
  referrer_available_at: Date | null
  referrer_expires_at: Date | null
  friend_amount: string | null
  friend_expires_at: Date | null
  friend_name: string | null
  referrer_name: string | null
  /** The referrer's SMS: pending (waits for the hold), rewarded (spendable now), or none. */
  sms: "pending" | "rewarded" | null
}

/** A later order of the friend that earns the referrer a percentage of it. */
export type ReferralBonusPlan = {
  kind: "bonus"
  referral_id: string
  referrer_id: string
  order_id: string
  currency_code: string
  amount: string
  available_at: Date | null
  expires_at: Date | null
  friend_name: string | null
}

export type ReferralPlan = ReferralRewardPlan | ReferralBonusPlan

/** The hold of an order's referral credit: when it ends, and whether it already has at `at`. */
export function referralHold(program: ReferralProgramRow, placedAt: Date, at: Date) {
  const availableAt = addDaysExact(placedAt, program.hold_days)
  return { available_at: availableAt, over: availableAt.getTime() <= at.getTime() }
}

/** What a qualifying order pays (see `ReferralRewardPlan`); `referral` already moved to pending or rewarded. */
export async function rewardPlan(
  container: MedusaContainer,
  data: { referral: ReferralRow; program: ReferralProgramRow; order: ReferralOrder; at: Date }
): Promise<ReferralRewardPlan> {
  const { referral, program, order, at } = data
  const currency = order.currency_code
  const referrerAmount = amountIn(program.referrer_credit, currency)
  const hold = referralHold(program, order.placed_at, at)
  const releasedAt = hold.over ? at : hold.available_at
  const friendAmount = program.friend_gift_type === "credit" ? amountIn(program.friend_credit, currency) : null
  const { time_zone } = await service(container).retrieveSettings()
  const names = await firstNames(container, [referral.friend_id, referral.referrer_id])
  return {
    kind: "reward",
    referral_id: referral.id,
    referrer_id: referral.referrer_id,
    friend_id: referral.friend_id,
    currency_code: currency,
    referrer_amount: referrerAmount,
    referrer_available_at: hold.over ? null : hold.available_at,
    referrer_expires_at:
      program.referrer_credit_valid_days === null ? null : addDaysExact(releasedAt, program.referrer_credit_valid_days),
    friend_amount: friendAmount,
    friend_expires_at: friendAmount ? shopDaysExpiry(at, program.friend_credit_valid_days, time_zone) : null,
    friend_name: names.get(referral.friend_id) ?? null,
    referrer_name: names.get(referral.referrer_id) ?? null,
    sms: referrerAmount ? (hold.over ? "rewarded" : "pending") : null,
  }
}

/** The referrer's percentage of a friend's later order, rounded down to the currency; null when it comes to nothing. */
export function bonusAmount(program: ReferralProgramRow, order: ReferralOrder): string | null {
  if (!program.referrer_percent) {
    return null
  }
  const amount = roundToCurrency(MathBN.div(MathBN.mult(order.total, program.referrer_percent), 100), order.currency_code, "down")
  return amount.isGreaterThan(0) ? amount.toFixed() : null
}
