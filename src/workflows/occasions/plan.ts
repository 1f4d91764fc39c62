import type { OccasionPlan, OccasionRow } from "../../modules/loyalty-club/services/occasions"
import {
  addDays,
  anniversariesOn,
  BIRTHDAY_CALENDARS,
  CATCH_UP_DAYS,
  celebratedOn,
  jalaliHolidayOn,
  recentChangeCutoff,
  shopCalendar,
} from "../../utils/occasions"
import { shopDay, shopDayStart } from "../../utils/sms-messages"

/**
 * Who an occasion is due to on the shop day `at` falls on, as the room's
 * one-statement plan; null when the day celebrates nothing (not Nowruz).
 * Date occasions look `days_before` ahead; win-back and welcome look
 * `after_days` back at the last and first order, a day further for one
 * found late (the last run of a day is at 23:35: a first order at 23:50).
 */
export function occasionPlan(
  occasion: OccasionRow,
  settings: { time_zone: string; default_locale: string },
  at: Date
): OccasionPlan | null {
  const tz = settings.time_zone
  const today = shopDay(at, tz)
  const target = addDays(today, occasion.days_before ?? 0)
  const gift_type = occasion.gift_type
  switch (occasion.kind) {
    case "birthday": {
      const cutoff = recentChangeCutoff(target, tz)
      const matches = BIRTHDAY_CALENDARS.flatMap((calendar) => {
        const { year, dates } = celebratedOn(target, calendar)
        return dates.map((d) => ({ calendar, month: d.month, day: d.day, period: String(year), cutoff }))
      })
      return { kind: "birthday", occasion_date: target, gift_type, matches }
    }
    case "nowruz":
    case "yalda": {
      const period = jalaliHolidayOn(occasion.kind, target)
      return period ? { kind: occasion.kind, occasion_date: target, gift_type, period } : null
    }
    case "membership_anniversary":
    case "first_order_anniversary":
      return {
        kind: occasion.kind,
        occasion_date: target,
        gift_type,
        originals: anniversariesOn(target, shopCalendar(settings.default_locale)),
        time_zone: tz,
      }
    case "win_back":
    case "welcome": {
      const after = occasion.after_days ?? (occasion.kind === "win_back" ? 60 : 0)
      return {
        kind: occasion.kind,
        occasion_date: today,
        gift_type,
        from: shopDayStart(addDays(today, -after - CATCH_UP_DAYS), tz),
        to: shopDayStart(addDays(today, -after + 1), tz),
      }
    }
  }
}
