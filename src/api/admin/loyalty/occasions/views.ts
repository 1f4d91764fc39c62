import { MedusaContainer } from "@medusajs/framework/types"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import type { OccasionRow } from "../../../../modules/loyalty-club/services/occasions"
import { shopCalendar, shopYear } from "../../../../utils/occasions"

/**
 * Occasions as the admin sees them, each with this year's figures (the
 * Jalali year in a Persian shop, else the Gregorian one): messages sent,
 * gifts given, gifts used, and grants that gave nothing.
 */
export async function occasionViews(container: MedusaContainer, occasions: OccasionRow[], at = new Date()) {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const settings = await service.retrieveSettings()
  const year = shopYear(at, settings.time_zone, shopCalendar(settings.default_locale))
  const stats = await service.occasionStats({ from: year.from, to: year.to })
  return occasions.map((o) => ({
    id: o.id,
    kind: o.kind,
    enabled: o.enabled,
    gift_type: o.gift_type,
    batch_id: o.batch_id,
    credit_amount: o.credit_amount,
    credit_valid_days: o.credit_valid_days,
    days_before: o.days_before,
    after_days: o.after_days,
    stats: { year: year.year, ...(stats[o.kind] ?? { sent: 0, gifts: 0, redeemed: 0, skipped: 0 }) },
  }))
}
