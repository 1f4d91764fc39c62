import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
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

export const findLapsedCustomersStepId = "loyalty-find-lapsed-customers"

/**
 * Who to win back: customers whose last order (not canceled) was placed on
 * the shop day `win_back_days` ago; each lapse (its last order) is messaged
 * once. Reads the order module's table with one aggregate (same database).
 */
export const findLapsedCustomersStep = createStep(
  findLapsedCustomersStepId,
  async (input: { at?: Date | string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const at = input.at ? new Date(input.at) : new Date()
    const settings = await service.retrieveSettings()
    const day = addShopDays(at, -settings.win_back_days, settings.time_zone)
    const from = shopDayStart(day, settings.time_zone)
    const to = shopDayStart(addShopDays(from, 1, settings.time_zone), settings.time_zone)
    const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const { rows } = await pg.raw(
      `SELECT customer_id, (array_agg(currency_code ORDER BY created_at DESC))[1] AS currency_code,
         (array_agg(id ORDER BY created_at DESC))[1] AS last_order_id
       FROM "order"
       WHERE deleted_at IS NULL AND customer_id IS NOT NULL AND is_draft_order = false
         AND status NOT IN ('canceled', 'draft')
       GROUP BY customer_id
       HAVING max(created_at) >= ?::timestamptz AND max(created_at) < ?::timestamptz`,
      [from.toISOString(), to.toISOString()]
    )
    const items: MessageItem[] = rows.map((r: any) => ({
      customer_id: r.customer_id,
      // The lapse is its last order: texted once, even if the shop changes
      // win_back_days or its time zone the next day.
      subject: r.last_order_id,
      currency_code: r.currency_code,
    }))
    return new StepResponse(items)
  }
)
