import { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import type { CampaignRow } from "../../../../modules/loyalty-club/services/campaigns"
import { smsGatewayName } from "../../../../providers/sms/config"
import {
  expectedAudience,
  groupFigures,
  liftOf,
  PLAUSIBLE_LONGEST,
  smsParts,
  SmsParts,
} from "../../../../utils/campaigns"
import { loyaltyError, LoyaltyErrorCode } from "../../../../utils/error-codes"
import { currencyPrecision } from "../../../../utils/money"
import { SegmentGroup } from "../../../../utils/segment-conditions"
import {
  MESSAGE_LOCALES,
  MessageLocale,
  optOutLine,
  renderMessage,
  withOptOutLine,
} from "../../../../utils/sms-messages"
import { shopName } from "../../../../workflows/messages/compose-messages"
import { DEFAULT_HOLDOUT_PERCENT, storeCurrency } from "../../../../workflows/campaigns"

const loyalty = (container: MedusaContainer): LoyaltyClubModuleService => container.resolve(LOYALTY_CLUB_MODULE)

/** Campaigns as the admin sees them: every column, the segment's name and the messages sent so far. */
export async function campaignViews(container: MedusaContainer, campaigns: CampaignRow[]) {
  const service = loyalty(container)
  const ids = campaigns.map((c) => c.id)
  const [segments, counts] = await Promise.all([
    campaigns.length
      ? service.listSegments({ id: Array.from(new Set(campaigns.map((c) => c.segment_id))) }, {
          select: ["id", "name"],
          withDeleted: true,
        } as any)
      : [],
    service.campaignMessageCounts(ids),
  ])
  const segmentOf = new Map<string, { id: string; name: string }>(
    segments.map((s: any) => [s.id, { id: s.id, name: s.name }] as const)
  )
  return campaigns.map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind,
    segment_id: c.segment_id,
    segment: segmentOf.get(c.segment_id) ?? null,
    status: c.status,
    is_active: c.is_active,
    bodies: c.bodies,
    gift: c.gift,
    code_batch_id: c.code_batch_id,
    holdout_percent: c.holdout_percent,
    throttle_per_minute: c.throttle_per_minute,
    window_days: c.window_days,
    cooldown_days: c.cooldown_days,
    scheduled_at: c.scheduled_at,
    queued_at: c.queued_at,
    started_at: c.started_at,
    paused_at: c.paused_at,
    finished_at: c.finished_at,
    canceled_at: c.canceled_at,
    recipients: c.recipients,
    holdout: c.holdout,
    skipped: c.skipped,
    sent: counts[c.id]?.sent ?? 0,
    created_at: c.created_at,
    updated_at: c.updated_at,
  }))
}

/** One campaign's view. */
export async function campaignView(container: MedusaContainer, campaign: CampaignRow) {
  return (await campaignViews(container, [campaign]))[0]
}

/**
 * What the admin sees before sending: the segment's members now, the
 * holdout, the targets who cannot get an SMS (their share of the segment's
 * opted-out and phoneless members: the holdout is random), the recipients,
 * the parts of each language's message measured with the longest
 * plausible values and the opt-out line, the messages per language, and
 * the cost: Σ parts × the shop's price per part for the gateway it sends
 * through (null when the shop set no price for it).
 */
export async function campaignPreview(
  container: MedusaContainer,
  input: {
    segment_id: string
    bodies: Partial<Record<MessageLocale, string | null>>
    gift?: { type: string; amounts?: Record<string, string> } | null
    holdout_percent?: number
  },
  at = new Date()
) {
  const service = loyalty(container)
  const settings = await service.retrieveSettings()
  const [segment] = await service.listSegments({ id: input.segment_id }, { select: ["id", "conditions"] })
  if (!segment) {
    throw loyaltyError(MedusaError.Types.INVALID_DATA, `segment_id: segment ${input.segment_id} was not found`, LoyaltyErrorCode.SEGMENT_NOT_FOUND)
  }
  const defaultLocale: MessageLocale = (MESSAGE_LOCALES as readonly string[]).includes(settings.default_locale)
    ? (settings.default_locale as MessageLocale)
    : "fa"
  const audience = await service.campaignAudience(segment.conditions as unknown as SegmentGroup, at, defaultLocale)
  const expected = expectedAudience(audience.members, input.holdout_percent ?? DEFAULT_HOLDOUT_PERCENT, audience)
  const reachable = audience.fa + audience.en
  const share = (n: number) => (reachable ? Math.round((n * expected.recipients) / reachable) : 0)
  const byLocale = { fa: share(audience.fa), en: expected.recipients - share(audience.fa) }

  const gateway = smsGatewayName(container)
  const storeName = await shopName(container, settings)
  const currency = (await storeCurrency(container)) ?? "irr"
  const giftAmount = input.gift?.amounts ? Object.values(input.gift.amounts)[0] : null
  const parts: Partial<Record<MessageLocale, SmsParts>> = {}
  for (const locale of MESSAGE_LOCALES) {
    const body = input.bodies[locale]?.trim() ? input.bodies[locale]! : MESSAGE_LOCALES.map((l) => input.bodies[l]).find((b) => b?.trim())
    if (!body) {
      continue
    }
    const format = { locale, money_display: settings.money_display, time_zone: settings.time_zone }
    const text = renderMessage(
      body,
      {
        first_name: PLAUSIBLE_LONGEST.first_name[locale],
        store_name: storeName,
        balance: { amount: PLAUSIBLE_LONGEST.balance, currency_code: currency },
        amount: { amount: giftAmount ?? PLAUSIBLE_LONGEST.amount, currency_code: currency },
        code: PLAUSIBLE_LONGEST.code,
        discount: locale === "fa" ? "۲۰٪ تا سقف ۵۰۰٬۰۰۰ تومان" : "20% off, up to 500,000 Toman",
        expires_at: new Date(Date.UTC(at.getUTCFullYear(), 8, 22)),
        link: PLAUSIBLE_LONGEST.link,
      },
      format
    )
    parts[locale] = smsParts(withOptOutLine(text, optOutLine(settings.sms_opt_out_line as any, gateway, locale)))
  }

  const price = ((settings as any).sms_part_prices ?? {})[gateway] as { amount: string; currency_code: string } | undefined
  let cost: { amount: string; currency_code: string; per_part: string; gateway: string } | null = null
  if (price) {
    let total = MathBN.convert(0)
    for (const locale of MESSAGE_LOCALES) {
      total = MathBN.add(total, MathBN.mult(price.amount, (parts[locale]?.parts ?? 0) * byLocale[locale]))
    }
    cost = { amount: total.toFixed(), currency_code: price.currency_code, per_part: price.amount, gateway }
  }
  return {
    segment_count: audience.members,
    holdout: expected.holdout,
    recipients: expected.recipients,
    skipped: expected.skipped,
    parts,
    messages_by_locale: byLocale,
    cost,
  }
}

/**
 * A campaign's results: its messages (sent, delivered, failed, skipped),
 * targets who opted out after entering, gifts given and used, and for the
 * targets and the holdout the orders each placed in the window after they
 * entered, in the store's default currency, with the lift of revenue per
 * head and its 95% interval (utils/campaigns.ts `liftOf`; null without a
 * holdout). Reading them also finishes a campaign that has nothing left to
 * send.
 */
export async function campaignResults(container: MedusaContainer, campaign: CampaignRow) {
  const service = loyalty(container)
  if (campaign.status === "sending" && campaign.kind === "campaign") {
    const finished = await service.finishSentCampaigns([campaign.id])
    if (finished.length) {
      campaign = (await service.retrieveCampaignRow(campaign.id)) ?? campaign
    }
  }
  const currency = (await storeCurrency(container)) ?? "irr"
  const precision = currencyPrecision(currency)
  const [counts, facts] = await Promise.all([
    service.campaignMessageCounts([campaign.id]),
    service.campaignResultFacts(campaign.id, campaign.window_days, currency),
  ])
  const messages = counts[campaign.id] ?? { sent: 0, delivered: 0, failed: 0, skipped: 0, queued: 0 }
  const windowEnds = facts.last_entered_at
    ? new Date(facts.last_entered_at.getTime() + campaign.window_days * 86_400_000)
    : null
  return {
    status: campaign.status,
    sent: messages.sent,
    delivered: messages.delivered,
    failed: messages.failed,
    skipped: messages.skipped,
    opted_out: facts.opted_out,
    gifts: facts.gifts,
    window_days: campaign.window_days,
    window_ends_at: windowEnds,
    currency_code: currency,
    target: groupFigures(facts.target, precision),
    holdout: groupFigures(facts.holdout, precision),
    lift: liftOf(facts.target, facts.holdout, precision),
  }
}
