import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaContainer } from "@medusajs/framework/types"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import type {
  OccasionGiftRecord,
  OccasionGrantRow,
  OccasionRow,
} from "../../../modules/loyalty-club/services/occasions"
import { addDays } from "../../../utils/occasions"
import { shopDay, shopDayStart } from "../../../utils/sms-messages"
import { issuePersonalCodeWorkflow } from "../../codes/workflows/issue-personal-code"
import { MessageItem } from "../../messages/compose-messages"

export const giveOccasionGiftsStepId = "loyalty-give-occasion-gifts"

/** The ledger reference of an occasion's credit gift; its reference id is the grant. */
export const OCCASION_CREDIT_REFERENCE = "occasion"

/** Days an occasion's credit stays spendable when the shop set none. */
export const DEFAULT_CREDIT_VALID_DAYS = 30

// Gifts made at once: each is its own short transaction (a code's workflow,
// a wallet's credit under its lock).
const CONCURRENCY = 4

// A gift refused for a reason a retry will not change (a disabled batch, a
// frozen wallet, a customer gone): the grant ends `gift_failed`.
const FINAL_ERRORS = new Set<string>([
  MedusaError.Types.NOT_ALLOWED,
  MedusaError.Types.INVALID_DATA,
  MedusaError.Types.NOT_FOUND,
])

async function storeCurrency(container: MedusaContainer): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "store",
    fields: ["supported_currencies.currency_code", "supported_currencies.is_default"],
  })
  const currencies = ((data[0] as any)?.supported_currencies ?? []) as { currency_code: string; is_default: boolean }[]
  return (currencies.find((c) => c.is_default) ?? currencies[0])?.currency_code?.toLowerCase() ?? null
}

/**
 * Gives each claimed grant its occasion's gift, keyed by the grant so a
 * retry finds the first: a personal code from the occasion's batch
 * (`issuePersonalCodeWorkflow`, source "occasion"), or a credit lot
 * ("occasion", grant) spendable through the shop day `credit_valid_days` on, in
 * the customer's currency (their wallet's, else the store's, that the
 * occasion has an amount for). Returns the message of each grant given and
 * what to record. No undo: a gift is once per grant whatever happens
 * after, and a run that dies here is finished by the next.
 */
export const giveOccasionGiftsStep = createStep(
  giveOccasionGiftsStepId,
  async (input: { occasion: OccasionRow; grants: OccasionGrantRow[]; at?: Date | string }, { container }) => {
    const { occasion, grants } = input
    if (!grants.length) {
      return new StepResponse({ items: [] as MessageItem[], records: [] as OccasionGiftRecord[] })
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const at = input.at ? new Date(input.at) : new Date()
    const settings = await service.retrieveSettings()
    const wallets = await service.listWallets(
      { customer_id: Array.from(new Set(grants.map((g) => g.customer_id))) },
      { select: ["customer_id", "currency_code"], order: { created_at: "ASC" } }
    )
    const currenciesOf = new Map<string, string[]>()
    for (const w of wallets) {
      currenciesOf.set(w.customer_id, [...(currenciesOf.get(w.customer_id) ?? []), w.currency_code.toLowerCase()])
    }
    const shopCurrency = await storeCurrency(container)
    const amounts = occasion.credit_amount ?? {}
    // The customer's currency: their first wallet's that the gift has an
    // amount for (any, for a code), else the store's, else the gift's first.
    const currencyOf = (customerId: string) => {
      const own = currenciesOf.get(customerId) ?? []
      if (occasion.gift_type !== "credit") {
        return own[0] ?? shopCurrency ?? "irr"
      }
      return own.find((c) => amounts[c]) ?? (shopCurrency && amounts[shopCurrency] ? shopCurrency : Object.keys(amounts)[0])
    }
    const validDays = occasion.credit_valid_days ?? DEFAULT_CREDIT_VALID_DAYS
    // Spendable through the last of its days (the SMS names that day): it
    // ends the last millisecond before the next shop day starts.
    const creditExpiry = new Date(
      shopDayStart(addDays(shopDay(at, settings.time_zone), validDays + 1), settings.time_zone).getTime() - 1
    )

    const items: MessageItem[] = []
    const records: OccasionGiftRecord[] = []
    const give = async (grant: OccasionGrantRow) => {
      const currency = currencyOf(grant.customer_id)
      const item: MessageItem = { customer_id: grant.customer_id, subject: grant.id, currency_code: currency }
      const record: OccasionGiftRecord = { id: grant.id, outcome: "granted" }
      try {
        if (grant.gift_type === "code") {
          if (!occasion.batch_id) {
            throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Occasion ${occasion.kind} has no code batch`)
          }
          const { result } = await issuePersonalCodeWorkflow(container).run({
            input: { batch_id: occasion.batch_id, customer_id: grant.customer_id, source: "occasion", source_id: grant.id },
          })
          record.code_id = result.code.id
          item.code = result.code.code
          item.discount = result.discount
          item.expires_at = result.code.expires_at
        } else if (grant.gift_type === "credit") {
          const amount = currency ? amounts[currency] : undefined
          if (!currency || !amount) {
            throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Occasion ${occasion.kind} has no credit amount`)
          }
          const { wallet } = await service.retrieveOrCreateWallet({ customer_id: grant.customer_id, currency_code: currency })
          const { transaction } = await service.creditWallet({
            wallet_id: wallet.id,
            amount,
            reference: OCCASION_CREDIT_REFERENCE,
            reference_id: grant.id,
            expires_at: creditExpiry,
            note: `Occasion gift: ${occasion.kind.replace(/_/g, " ")}`,
            actor_type: "system",
          })
          Object.assign(record, { transaction_id: transaction.id, amount, currency_code: currency })
          item.amount = { amount, currency_code: currency }
          item.expires_at = creditExpiry
        }
        records.push(record)
        items.push(item)
      } catch (error) {
        if (error instanceof MedusaError && FINAL_ERRORS.has(error.type)) {
          logger.warn(`Loyalty club: ${occasion.kind} gift for grant ${grant.id} refused: ${error.message}`)
          records.push({ id: grant.id, outcome: "gift_failed" })
          return
        }
        // Anything else (the database away) leaves the grant claimed: a
        // later run takes it again once the claim is stale.
        logger.error(`Loyalty club: ${occasion.kind} gift for grant ${grant.id} failed: ${(error as Error).message}`)
      }
    }
    for (let i = 0; i < grants.length; i += CONCURRENCY) {
      await Promise.all(grants.slice(i, i + CONCURRENCY).map(give))
    }
    return new StepResponse({ items, records })
  }
)
