import { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import type {
  ReferralProgramRow,
  ReferralRow,
} from "../../modules/loyalty-club/services/referrals"
import { DiscountSummary, discountSummaryOf } from "../../utils/discount-codes"
import { addDays } from "../../utils/occasions"
import { GiftType, shopDay, shopDayStart } from "../../utils/sms-messages"
import { issuePersonalCodeWorkflow } from "../codes/workflows/issue-personal-code"
import { MessageItem } from "../messages/compose-messages"

/** The ledger key of the referrer's credit for a friend's first qualifying order; its reference id is the referral. */
export const REFERRAL_REFERENCE = "referral"
/** The ledger key of the friend's credit gift; its reference id is the referral. */
export const REFERRAL_FRIEND_REFERENCE = "referral_friend"
/** The ledger key of the referrer's percentage of a friend's later order; its reference id is the order. */
export const REFERRAL_ORDER_REFERENCE = "referral_order"

export type Money = { amount: string; currency_code: string }

/** The friend's gift as a claim answers it. */
export type ReferralGift = {
  type: GiftType
  code?: string
  discount?: DiscountSummary
  expires_at?: string | null
  amount?: Money | null
  min_order?: Money | null
}

export type ReferralErrorAnswer = { code: string; message: string }

// A gift refused for a reason a retry will not change (a disabled or ended
// batch, a customer gone): the friend joins without it.
const FINAL_ERRORS = new Set<string>([
  MedusaError.Types.NOT_ALLOWED,
  MedusaError.Types.INVALID_DATA,
  MedusaError.Types.NOT_FOUND,
])

export const DAY_MS = 86400000

export function service(container: MedusaContainer): LoyaltyClubModuleService {
  return container.resolve(LOYALTY_CLUB_MODULE)
}

export function addDaysExact(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS)
}

/**
 * The end of the shop day `days` on from `at`: credit spendable through
 * the last of its days (the SMS names that day), as occasions count.
 */
export function shopDaysExpiry(at: Date, days: number, timeZone: string): Date {
  return new Date(shopDayStart(addDays(shopDay(at, timeZone), days + 1), timeZone).getTime() - 1)
}

/** An amount of a per-currency map that gives something (missing or 0: null). */
export function amountIn(map: Record<string, string> | null | undefined, currency: string): string | null {
  const value = map?.[currency.toLowerCase()]
  return value !== undefined && value !== null && MathBN.gt(value, 0) ? MathBN.convert(value).toFixed() : null
}

export async function storeCurrency(container: MedusaContainer): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "store",
    fields: ["supported_currencies.currency_code", "supported_currencies.is_default"],
  })
  const currencies = ((data[0] as any)?.supported_currencies ?? []) as { currency_code: string; is_default: boolean }[]
  return (currencies.find((c) => c.is_default) ?? currencies[0])?.currency_code?.toLowerCase() ?? null
}

/** First names of customers, by id (null for one without). */
export async function firstNames(container: MedusaContainer, ids: string[]): Promise<Map<string, string | null>> {
  const unique = Array.from(new Set(ids.filter(Boolean)))
  if (!unique.length) {
    return new Map()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "first_name"], filters: { id: unique } })
  return new Map(data.map((c: any) => [c.id as string, (c.first_name as string | null) ?? null]))
}

/**
 * The currency a friend's credit gift is told and paid in: their first
 * wallet's that the programme has an amount for, else the hint (a till
 * purchase's currency), else the store's, else the programme's first.
 */
export async function friendCurrency(
  container: MedusaContainer,
  program: ReferralProgramRow,
  friendId: string,
  hint?: string | null
): Promise<string | null> {
  const amounts = program.friend_credit ?? {}
  const wallets = await service(container).listWallets(
    { customer_id: friendId },
    { select: ["currency_code"], order: { created_at: "ASC" } }
  )
  const own = wallets.map((w) => w.currency_code.toLowerCase()).find((c) => amountIn(amounts, c))
  if (own) {
    return own
  }
  if (hint && amountIn(amounts, hint)) {
    return hint.toLowerCase()
  }
  const shop = await storeCurrency(container)
  if (shop && amountIn(amounts, shop)) {
    return shop
  }
  return Object.keys(amounts).find((c) => amountIn(amounts, c)) ?? null
}

/** The credit gift (and the smallest order that earns it) as a claim answers it. */
async function creditGift(
  container: MedusaContainer,
  program: ReferralProgramRow,
  friendId: string,
  hint?: string | null
): Promise<ReferralGift> {
  const currency = await friendCurrency(container, program, friendId, hint)
  const amount = currency ? amountIn(program.friend_credit, currency) : null
  const min = currency ? amountIn(program.min_order_amount, currency) : null
  return {
    type: "credit",
    amount: amount ? { amount, currency_code: currency! } : null,
    min_order: min ? { amount: min, currency_code: currency! } : null,
  }
}

export type FriendWelcome = {
  gift: ReferralGift
  /** The wording of the welcome SMS: the gift actually given. */
  variant: GiftType
  message: MessageItem
  /** A code this call made (the undo removes it). */
  created_code_id: string | null
  referral: ReferralRow
}

/**
 * What a friend gets on joining (their claim accepted, or a held claim
 * approved): a personal code from the programme's batch, keyed by the
 * referral (so a retry finds the first), recorded on the referral; or word
 * of the credit their first qualifying order will earn; and the welcome SMS
 * naming the referrer. A code the batch can no longer give (disabled,
 * ended) leaves the friend joined without it, with the plain welcome.
 */
export async function welcomeFriend(
  container: MedusaContainer,
  data: { referral: ReferralRow; program: ReferralProgramRow; referrer_name: string | null; currency_hint?: string | null }
): Promise<FriendWelcome> {
  const { referral, program } = data
  const message: MessageItem = { customer_id: referral.friend_id, subject: referral.id, referrer_name: data.referrer_name }
  if (program.friend_gift_type === "code" && program.friend_batch_id) {
    try {
      const { result } = await issuePersonalCodeWorkflow(container).run({
        input: {
          batch_id: program.friend_batch_id,
          customer_id: referral.friend_id,
          source: "referral",
          source_id: referral.id,
        },
      })
      const recorded = await service(container).moveReferral(referral.id, null, { friend_code_id: result.code.id })
      Object.assign(message, { code: result.code.code, discount: result.discount, expires_at: result.code.expires_at })
      return {
        gift: { type: "code", code: result.code.code, discount: result.discount, expires_at: result.code.expires_at },
        variant: "code",
        message,
        created_code_id: result.created ? result.code.id : null,
        referral: recorded ?? referral,
      }
    } catch (error) {
      if (!(error instanceof MedusaError && FINAL_ERRORS.has(error.type))) {
        throw error
      }
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Loyalty club: referral ${referral.id} joined without its code gift: ${error.message}`)
      return { gift: { type: "none" }, variant: "none", message, created_code_id: null, referral }
    }
  }
  if (program.friend_gift_type === "credit") {
    const gift = await creditGift(container, program, referral.friend_id, data.currency_hint)
    if (gift.amount) {
      Object.assign(message, {
        amount: gift.amount,
        min_order: gift.min_order ?? null,
        currency_code: gift.amount.currency_code,
      })
      return { gift, variant: "credit", message, created_code_id: null, referral }
    }
  }
  return { gift: { type: "none" }, variant: "none", message, created_code_id: null, referral }
}

/**
 * The gift of a referral already made (a claim repeated by the same
 * friend): its code as issued, or the credit its first order will earn.
 * Never makes anything.
 */
export async function existingGift(
  container: MedusaContainer,
  referral: ReferralRow,
  program: ReferralProgramRow,
  hint?: string | null
): Promise<ReferralGift | null> {
  if (referral.status === "held" || referral.status === "refused" || referral.status === "reversed") {
    return null
  }
  const loyalty = service(container)
  if (referral.friend_code_id) {
    const [code] = await loyalty.listCodes({ id: referral.friend_code_id })
    if (code) {
      const batch = await loyalty.getCodeBatch(code.batch_id)
      return {
        type: "code",
        code: code.code,
        discount: discountSummaryOf(batch),
        expires_at: code.expires_at ? new Date(code.expires_at).toISOString() : null,
      }
    }
  }
  if (program.friend_gift_type === "credit") {
    return await creditGift(container, program, referral.friend_id, hint)
  }
  return { type: "none" }
}

/** `part` as a percent of `whole`, compared with `percent`: whether part > percent% of whole. */
export function moreThanPercent(part: BigNumberInput, whole: BigNumberInput, percent: BigNumberInput): boolean {
  return MathBN.gt(MathBN.mult(part, 100), MathBN.mult(whole, percent))
}
