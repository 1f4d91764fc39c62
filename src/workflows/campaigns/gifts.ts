import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import type { CampaignGift, PendingRecipient } from "../../modules/loyalty-club/services/campaigns"
import { addDays } from "../../utils/occasions"
import { shopDay, shopDayStart } from "../../utils/sms-messages"
import { issuePersonalCodeWorkflow } from "../codes/workflows/issue-personal-code"
import { MessageItem } from "../messages/compose-messages"

/** The ledger reference of a campaign's credit gift; its reference id is the recipient's subject. */
export const CAMPAIGN_CREDIT_REFERENCE = "campaign"

// Gifts made at once: each is its own short transaction (a code's workflow,
// a wallet's credit under its lock).
const CONCURRENCY = 4

// A gift refused for a reason a retry will not change (a disabled batch, a
// frozen wallet): the recipient gets the message without it.
const FINAL_ERRORS = new Set<string>([
  MedusaError.Types.NOT_ALLOWED,
  MedusaError.Types.INVALID_DATA,
  MedusaError.Types.NOT_FOUND,
])

/** A recipient's subject: the message's idempotency subject and the gift's key. */
export const recipientSubject = (campaignId: string, r: { customer_id: string; occurrence: string }) =>
  `${campaignId}:${r.customer_id}:${r.occurrence}`

/** The store's default currency (lower case), or null. */
export async function storeCurrency(container: MedusaContainer): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "store",
    fields: ["supported_currencies.currency_code", "supported_currencies.is_default"],
  })
  const currencies = ((data[0] as any)?.supported_currencies ?? []) as { currency_code: string; is_default: boolean }[]
  return (currencies.find((c) => c.is_default) ?? currencies[0])?.currency_code?.toLowerCase() ?? null
}

/**
 * Gives each reachable target of a page its campaign's gift, keyed by the
 * recipient's subject so a second run finds the first gift instead of
 * making another: a personal code from the campaign's batch
 * (`issuePersonalCodeWorkflow`, source "campaign"), or a credit lot
 * ("campaign", subject) spendable through the shop day
 * `expires_after_days` on, in the customer's currency (their wallet's that
 * the gift has an amount for, else the store's, else the gift's first).
 * Targets who cannot get the SMS (opted out, no phone) get no gift: they
 * would never hear of it. Returns the message item of every target of the
 * page (with the gift's values) and the gifts to record.
 */
export async function giveCampaignGifts(
  container: MedusaContainer,
  campaign: { id: string; gift: CampaignGift | null; code_batch_id: string | null },
  recipients: PendingRecipient[],
  at: Date
): Promise<{ items: MessageItem[]; gifts: { id: string; gift: Record<string, unknown> }[] }> {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const gift = campaign.gift
  const items = new Map<string, MessageItem>(
    recipients.map((r) => [r.id, { customer_id: r.customer_id, subject: recipientSubject(campaign.id, r) }])
  )
  const due = gift ? recipients.filter((r) => !r.skip_reason) : []
  if (!due.length) {
    return { items: recipients.map((r) => items.get(r.id)!), gifts: [] }
  }
  const settings = await service.retrieveSettings()
  const shopCurrency = await storeCurrency(container)
  const wallets = await service.listWallets(
    { customer_id: Array.from(new Set(due.map((r) => r.customer_id))) },
    { select: ["customer_id", "currency_code"], order: { created_at: "ASC" } }
  )
  const currenciesOf = new Map<string, string[]>()
  for (const w of wallets) {
    currenciesOf.set(w.customer_id, [...(currenciesOf.get(w.customer_id) ?? []), w.currency_code.toLowerCase()])
  }
  const gifts: { id: string; gift: Record<string, unknown> }[] = []
  const give = async (r: PendingRecipient) => {
    const item = items.get(r.id)!
    const subject = item.subject
    // A gift recorded by an earlier run: its values go in the message again.
    const known = r.gift as any
    try {
      if (gift!.type === "code") {
        const { result } = await issuePersonalCodeWorkflow(container).run({
          input: {
            batch_id: gift!.batch_id ?? campaign.code_batch_id!,
            customer_id: r.customer_id,
            source: "campaign",
            source_id: subject,
          },
        })
        Object.assign(item, { code: result.code.code, discount: result.discount, expires_at: result.code.expires_at })
        if (!known) {
          gifts.push({ id: r.id, gift: { code_id: result.code.id, code: result.code.code } })
        }
      } else {
        const amounts = gift!.amounts
        const own = currenciesOf.get(r.customer_id) ?? []
        const currency =
          own.find((c) => amounts[c]) ?? (shopCurrency && amounts[shopCurrency] ? shopCurrency : Object.keys(amounts)[0])
        const amount = amounts[currency]
        // Spendable through the last of its days (the SMS names that day).
        const expiresAt = new Date(
          shopDayStart(addDays(shopDay(at, settings.time_zone), gift!.expires_after_days + 1), settings.time_zone).getTime() - 1
        )
        const { wallet } = await service.retrieveOrCreateWallet({ customer_id: r.customer_id, currency_code: currency })
        const { transaction } = await service.creditWallet({
          wallet_id: wallet.id,
          amount,
          reference: CAMPAIGN_CREDIT_REFERENCE,
          reference_id: subject,
          expires_at: expiresAt,
          note: `Campaign gift (${campaign.id})`,
          actor_type: "system",
        })
        Object.assign(item, { amount: { amount, currency_code: currency }, currency_code: currency, expires_at: expiresAt })
        if (!known) {
          gifts.push({ id: r.id, gift: { transaction_id: transaction.id, amount, currency_code: currency } })
        }
      }
    } catch (error) {
      if (error instanceof MedusaError && FINAL_ERRORS.has(error.type)) {
        logger.warn(`Loyalty club: campaign ${campaign.id} gift for ${r.customer_id} refused: ${error.message}`)
        return
      }
      throw error
    }
  }
  for (let i = 0; i < due.length; i += CONCURRENCY) {
    await Promise.all(due.slice(i, i + CONCURRENCY).map(give))
  }
  return { items: recipients.map((r) => items.get(r.id)!), gifts }
}
