import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import type { CampaignGift, CampaignKind, CampaignRow } from "../../modules/loyalty-club/services/campaigns"
import { loyaltyError, LoyaltyErrorCode } from "../../utils/error-codes"
import { isKnownCurrency, parsePositiveAmount } from "../../utils/money"
import { MESSAGE_LOCALES, validateCampaignBody } from "../../utils/sms-messages"

/** What an admin sends to create a campaign or an automation (and, each field optional, to edit one). */
export type CampaignInput = {
  name: string
  kind?: CampaignKind
  segment_id: string
  bodies: { fa?: string | null; en?: string | null }
  gift?:
    | null
    | { type: "code"; batch_id: string }
    | { type: "credit"; amounts: Record<string, string>; expires_after_days?: number | null }
  holdout_percent?: number
  throttle_per_minute?: number | null
  window_days?: number
  cooldown_days?: number | null
  scheduled_at?: string | Date | null
  created_by?: string | null
}

/** The columns a campaign is saved with. */
export type CampaignValues = {
  name: string
  kind: CampaignKind
  segment_id: string
  bodies: { fa?: string; en?: string }
  gift: CampaignGift | null
  code_batch_id: string | null
  holdout_percent: number
  throttle_per_minute: number | null
  window_days: number
  cooldown_days: number | null
  scheduled_at: Date | null
}

export const DEFAULT_HOLDOUT_PERCENT = 10
export const DEFAULT_WINDOW_DAYS = 14
export const DEFAULT_COOLDOWN_DAYS = 30
export const DEFAULT_GIFT_DAYS = 30

const giftInvalid = (message: string) =>
  loyaltyError(MedusaError.Types.INVALID_DATA, message, LoyaltyErrorCode.CAMPAIGN_GIFT_INVALID)
const bodyInvalid = (message: string) =>
  loyaltyError(MedusaError.Types.INVALID_DATA, message, LoyaltyErrorCode.CAMPAIGN_BODY_INVALID)

// Variables that only mean something with a gift of that kind: a message
// promising a code no one was given would read "your code: ".
const GIFT_VARIABLES: Record<string, (gift: CampaignGift | null) => boolean> = {
  code: (g) => g?.type === "code",
  discount: (g) => g?.type === "code",
  amount: (g) => g?.type === "credit",
  expires_at: (g) => !!g,
}

/**
 * The whole campaign after a change, checked: the segment exists, each
 * wording is not empty and uses only the campaign variables (and a gift's
 * only with that gift), a code gift names an active personal batch, a
 * credit gift an amount per known currency within its precision. Returns
 * the columns to save.
 */
export async function checkCampaign(
  container: MedusaContainer,
  input: CampaignInput,
  current?: CampaignRow | null
): Promise<CampaignValues> {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const kind = input.kind ?? current?.kind ?? "campaign"
  const [segment] = await service.listSegments({ id: input.segment_id }, { select: ["id"] })
  if (!segment) {
    throw loyaltyError(
      MedusaError.Types.INVALID_DATA,
      `segment_id: segment ${input.segment_id} was not found`,
      LoyaltyErrorCode.SEGMENT_NOT_FOUND
    )
  }

  let gift: CampaignGift | null = null
  if (input.gift?.type === "code") {
    const [batch] = await service.listCodeBatches({ id: input.gift.batch_id }, { select: ["id", "kind", "status"] })
    if (!batch) {
      throw giftInvalid(`gift.batch_id: code batch ${input.gift.batch_id} was not found`)
    }
    if (batch.kind !== "personal" || batch.status !== "active") {
      throw giftInvalid(
        `gift.batch_id: code batch ${input.gift.batch_id} is ${batch.kind !== "personal" ? "a bulk batch" : batch.status}: a campaign gives codes from an active personal batch`
      )
    }
    gift = { type: "code", batch_id: batch.id }
  } else if (input.gift?.type === "credit") {
    const amounts: Record<string, string> = {}
    for (const [currency, amount] of Object.entries(input.gift.amounts ?? {})) {
      const code = currency.toLowerCase()
      if (!isKnownCurrency(code)) {
        throw giftInvalid(`gift.amounts: ${currency} is not a known currency code`)
      }
      try {
        amounts[code] = parsePositiveAmount(amount, code, `gift.amounts.${code}`).toFixed()
      } catch (error) {
        throw giftInvalid((error as Error).message)
      }
    }
    if (!Object.keys(amounts).length) {
      throw giftInvalid(`gift.amounts is required for a credit gift: an amount per currency, e.g. { "irr": "500000" }`)
    }
    gift = { type: "credit", amounts, expires_after_days: input.gift.expires_after_days ?? DEFAULT_GIFT_DAYS }
  }

  const bodies: { fa?: string; en?: string } = {}
  for (const locale of MESSAGE_LOCALES) {
    const body = input.bodies?.[locale]
    if (body === undefined || body === null || body === "") {
      continue
    }
    validateCampaignBody(locale, body)
    for (const [, name] of body.matchAll(/\{([a-z_]+)\}/g)) {
      if (GIFT_VARIABLES[name] && !GIFT_VARIABLES[name](gift)) {
        throw bodyInvalid(
          `bodies.${locale} uses {${name}}, which needs ${name === "amount" ? "a credit gift" : name === "expires_at" ? "a gift" : "a code gift"}`
        )
      }
    }
    bodies[locale] = body
  }
  if (!Object.keys(bodies).length) {
    throw bodyInvalid("bodies needs the wording in at least one language (fa or en)")
  }

  const scheduled = input.scheduled_at ? new Date(input.scheduled_at) : null
  if (scheduled && kind === "automation") {
    throw loyaltyError(
      MedusaError.Types.INVALID_DATA,
      "scheduled_at: an automation sends as customers enter its segment, not at a time",
      LoyaltyErrorCode.CAMPAIGN_SCHEDULE_INVALID
    )
  }
  return {
    name: input.name,
    kind,
    segment_id: segment.id,
    bodies,
    gift,
    code_batch_id: gift?.type === "code" ? gift.batch_id : null,
    holdout_percent: input.holdout_percent ?? current?.holdout_percent ?? DEFAULT_HOLDOUT_PERCENT,
    throttle_per_minute:
      input.throttle_per_minute !== undefined ? input.throttle_per_minute : current?.throttle_per_minute ?? null,
    window_days: input.window_days ?? current?.window_days ?? DEFAULT_WINDOW_DAYS,
    cooldown_days:
      kind === "automation" ? input.cooldown_days ?? current?.cooldown_days ?? DEFAULT_COOLDOWN_DAYS : null,
    scheduled_at: scheduled,
  }
}

/** A time to send at: not in the past (a minute's grace for the clock), at most a year ahead. */
export function checkSchedule(value: string | Date, now = new Date()): Date {
  const at = new Date(value)
  if (isNaN(at.getTime()) || at.getTime() < now.getTime() - 60_000 || at.getTime() > now.getTime() + 366 * 86_400_000) {
    throw loyaltyError(
      MedusaError.Types.INVALID_DATA,
      `scheduled_at must be a time from now to a year ahead, got ${JSON.stringify(value)}`,
      LoyaltyErrorCode.CAMPAIGN_SCHEDULE_INVALID
    )
  }
  return at
}

/** 404 for a campaign that is not there. */
export function campaignNotFound(id: string) {
  return loyaltyError(
    MedusaError.Types.NOT_FOUND,
    `Campaign with id: ${id} was not found`,
    LoyaltyErrorCode.CAMPAIGN_NOT_FOUND
  )
}

/** 400 for an action the campaign's status does not allow. */
export function statusInvalid(campaign: { id: string; status: string }, action: string) {
  return loyaltyError(
    MedusaError.Types.NOT_ALLOWED,
    `Campaign ${campaign.id} is ${campaign.status}: it cannot be ${action}`,
    LoyaltyErrorCode.CAMPAIGN_STATUS_INVALID
  )
}
