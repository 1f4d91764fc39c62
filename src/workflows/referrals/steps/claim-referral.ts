import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReferralClaimFacts } from "../../../modules/loyalty-club/services/referral-facts"
import {
  ReferralChannel,
  ReferralProgramRow,
  ReferralRow,
  ReferralView,
  toReferralView,
} from "../../../modules/loyalty-club/services/referrals"
import { loyaltyError, LoyaltyErrorCode } from "../../../utils/error-codes"
import { GiftType, shopDay, shopDayStart } from "../../../utils/sms-messages"
import { MessageItem } from "../../messages/compose-messages"
import { existingGift, ReferralErrorAnswer, ReferralGift, service, welcomeFriend } from "../shared"

export type ClaimReferralInput = {
  /** The friend: the customer naming the code. */
  customer_id: string
  /** The code as typed (normalised here). */
  code: string
  channel: ReferralChannel
  /** Online claims: the client address and the storefront's device id (the per-day source limits). */
  ip?: string | null
  device_id?: string | null
  at?: Date | string
  /** The currency a credit gift is told in when the friend has no wallet yet (a till purchase's). */
  currency_code?: string | null
  /**
   * From a purchase: a claim refused with a 400 (programme off, unknown
   * code, already claimed) is answered in `error` instead of failing the
   * purchase.
   */
  soft?: boolean
}

export type ClaimReferralStepOutput = {
  referral: ReferralView | null
  created: boolean
  gift: ReferralGift | null
  error: ReferralErrorAnswer | null
  /** The welcome SMS to queue (a new joined referral only) and its wording. */
  messages: MessageItem[]
  gift_variant: GiftType
}

type Undo = { referral_id: string | null; code_id: string | null }

/** Why a claim is refused, every rule that applies (the monthly cap is counted at the insert). */
export function claimRefusals(facts: ReferralClaimFacts): string[] {
  const { referrer, friend } = facts
  const reasons: string[] = []
  if (referrer && friend && referrer.id === friend.id) {
    // The other self-checks would only compare a customer with themselves.
    reasons.push("self_referral")
  } else if (referrer && friend) {
    if (friend.phones.some((p) => referrer.phones.includes(p))) {
      reasons.push("self_phone")
    }
    if (friend.email && friend.email === referrer.email) {
      reasons.push("self_email")
    }
    if (friend.addresses.some((a) => referrer.addresses.includes(a))) {
      reasons.push("self_address")
    }
  }
  if (facts.friend_ordered) {
    reasons.push("friend_ordered")
  }
  if (facts.friend_phone_seen) {
    reasons.push("friend_phone_seen")
  }
  return reasons
}

/** Why an online claim waits for the shop: more claims than the limit from its address or device today. */
export function claimHolds(facts: ReferralClaimFacts, input: ClaimReferralInput, limit: number): string[] {
  if (input.channel !== "online") {
    return []
  }
  const reasons: string[] = []
  if (input.ip && facts.from_address >= limit) {
    reasons.push("many_from_address")
  }
  if (input.device_id && facts.from_device >= limit) {
    reasons.push("many_from_device")
  }
  return reasons
}

const answer = (
  referral: ReferralRow,
  created: boolean,
  gift: ReferralGift | null,
  messages: MessageItem[] = [],
  variant: GiftType = "none"
): ClaimReferralStepOutput => ({
  referral: toReferralView(referral),
  created,
  gift,
  error: null,
  messages,
  gift_variant: variant,
})

async function claim(
  container: MedusaContainer,
  input: ClaimReferralInput,
  at: Date,
  undo: Undo
): Promise<ClaimReferralStepOutput> {
  const loyalty = service(container)
  const program: ReferralProgramRow = await loyalty.getReferralProgram()
  if (!program.enabled) {
    throw loyaltyError(
      MedusaError.Types.NOT_ALLOWED,
      "The referral programme is off: codes cannot be named now",
      LoyaltyErrorCode.REFERRAL_PROGRAM_OFF
    )
  }
  const found = await loyalty.findReferralCode(input.code)
  if (!found) {
    throw loyaltyError(
      MedusaError.Types.INVALID_DATA,
      `code: no member has the referral code ${JSON.stringify(input.code)}`,
      LoyaltyErrorCode.REFERRAL_CODE_UNKNOWN
    )
  }
  const existing = async (live: ReferralRow) => {
    if (live.referrer_id !== found.customer_id) {
      throw loyaltyError(
        MedusaError.Types.NOT_ALLOWED,
        `Customer ${input.customer_id} was already referred by another member's code`,
        LoyaltyErrorCode.REFERRAL_ALREADY_CLAIMED
      )
    }
    return answer(live, false, await existingGift(container, live, program, input.currency_code))
  }
  const live = await loyalty.liveReferralOf(input.customer_id)
  if (live) {
    return await existing(live)
  }

  const { time_zone } = await loyalty.retrieveSettings()
  const facts = await loyalty.referralClaimFacts({
    referrer_id: found.customer_id,
    friend_id: input.customer_id,
    ip: input.ip ?? null,
    device_id: input.device_id ?? null,
    since: shopDayStart(shopDay(at, time_zone), time_zone),
  })
  if (!facts.friend) {
    throw loyaltyError(
      MedusaError.Types.NOT_FOUND,
      `Customer with id: ${input.customer_id} was not found`,
      LoyaltyErrorCode.CUSTOMER_NOT_FOUND
    )
  }
  if (input.channel === "online" && program.require_verified_phone && !facts.friend.club_phones.length) {
    throw loyaltyError(
      MedusaError.Types.NOT_ALLOWED,
      "A verified phone is needed before naming a referral code: confirm your mobile number with a one-time code first",
      LoyaltyErrorCode.REFERRAL_PHONE_REQUIRED
    )
  }
  const refusals = claimRefusals(facts)
  const holds = refusals.length ? [] : claimHolds(facts, input, program.daily_source_limit)
  const inserted = await loyalty.insertReferral(
    {
      referrer_id: found.customer_id,
      friend_id: input.customer_id,
      code: found.code,
      channel: input.channel,
      status: refusals.length ? "refused" : holds.length ? "held" : "joined",
      reasons: refusals.length ? refusals : holds,
      friend_phone: facts.friend.club_phones[0] ?? facts.friend.phones[0] ?? null,
      friend_email: facts.friend.email,
      ip: input.ip ?? null,
      device_id: input.device_id ?? null,
      at,
    },
    { monthly_cap: program.referrer_monthly_cap }
  )
  if (!inserted) {
    // Another claim on this friend won the unique index: theirs stands.
    const winner = await loyalty.liveReferralOf(input.customer_id)
    if (winner) {
      return await existing(winner)
    }
    throw loyaltyError(
      MedusaError.Types.NOT_ALLOWED,
      `Customer ${input.customer_id} is being referred by another claim: try again`,
      LoyaltyErrorCode.REFERRAL_ALREADY_CLAIMED
    )
  }
  undo.referral_id = inserted.id
  if (inserted.status !== "joined") {
    return answer(inserted, true, null)
  }
  const welcome = await welcomeFriend(container, {
    referral: inserted,
    program,
    referrer_name: facts.referrer?.first_name ?? null,
    currency_hint: input.currency_code,
  })
  undo.code_id = welcome.created_code_id
  return answer(welcome.referral, true, welcome.gift, [welcome.message], welcome.variant)
}

async function undoClaim(undo: Undo | undefined, container: MedusaContainer) {
  if (!undo) {
    return
  }
  const loyalty = service(container)
  if (undo.code_id) {
    await loyalty.removeCode(undo.code_id)
  }
  if (undo.referral_id) {
    await loyalty.removeReferral(undo.referral_id)
  }
}

export const claimReferralStepId = "loyalty-claim-referral"

/**
 * A friend names a member's code. In order: the programme must be on and
 * the code known (400s); a friend already referred answers their referral
 * (the same referrer, `created: false`, nothing new) or a 400 (another
 * referrer); an online friend may need a verified phone. Then every fraud
 * rule that applies is recorded (refused), or, online, too many claims
 * from one address or device today hold it for review. The row is written
 * under the referrer's lock with the monthly cap; the unique index on the
 * friend's live referral decides a race. A joined friend gets their gift
 * (a personal code now, or word of the credit their first qualifying
 * order earns) and the welcome SMS is returned for queuing. `soft`: a 400
 * is answered in `error`. The undo removes the referral and the code this
 * step made.
 */
export const claimReferralStep = createStep(
  claimReferralStepId,
  async (input: ClaimReferralInput, { container }) => {
    const at = input.at ? new Date(input.at) : new Date()
    const undo: Undo = { referral_id: null, code_id: null }
    try {
      const output = await claim(container, input, at, undo)
      return new StepResponse<ClaimReferralStepOutput, Undo>(output, undo)
    } catch (error) {
      // A failing step is not undone by the workflow: what it wrote goes here.
      await undoClaim(undo, container)
      const refused =
        error instanceof MedusaError &&
        (error.type === MedusaError.Types.NOT_ALLOWED || error.type === MedusaError.Types.INVALID_DATA)
      if (input.soft && refused) {
        return new StepResponse<ClaimReferralStepOutput, Undo>({
          referral: null,
          created: false,
          gift: null,
          error: { code: (error as MedusaError).code ?? (error as MedusaError).type, message: (error as Error).message },
          messages: [],
          gift_variant: "none",
        })
      }
      throw error
    }
  },
  async (undo, { container }) => await undoClaim(undo, container)
)
