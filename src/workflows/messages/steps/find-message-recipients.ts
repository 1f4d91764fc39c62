import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import {
  addShopDays,
  DEFAULT_REMINDER_DAYS,
  shopDayStart,
} from "../../../utils/sms-messages"
import { MessageItem } from "../compose-messages"

export const findExpiringCreditStepId = "loyalty-find-expiring-credit"

/**
 * Who to remind: customers with spendable credit expiring on one of the
 * shop's reminder days (e.g. 7, 3 and 1 days from today, shop time), one
 * message per wallet per day with the amount and the earliest date. Only
 * those with expiring credit; a read, nothing to undo.
 */
export const findExpiringCreditStep = createStep(
  findExpiringCreditStepId,
  async (input: { at?: Date | string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const at = input.at ? new Date(input.at) : new Date()
    const settings = await service.retrieveSettings()
    const days = settings.reminder_days?.length ? settings.reminder_days : DEFAULT_REMINDER_DAYS
    const windows = days.map((d) => ({
      from: shopDayStart(addShopDays(at, d, settings.time_zone), settings.time_zone),
      to: shopDayStart(addShopDays(at, d + 1, settings.time_zone), settings.time_zone),
    }))
    const rows = await service.listExpiringCredit(windows, at)
    const items: MessageItem[] = rows.map((r) => ({
      customer_id: r.customer_id,
      subject: r.wallet_id,
      currency_code: r.currency_code,
      amount: { amount: r.amount, currency_code: r.currency_code },
      expires_at: r.expires_at,
    }))
    return new StepResponse(items)
  }
)
