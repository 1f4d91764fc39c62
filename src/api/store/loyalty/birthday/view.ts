import type { BirthdayRow } from "../../../../modules/loyalty-club/services/occasions"

/** A birthday as the routes answer it (the shopper's and staff's). */
export function birthdayView(row: BirthdayRow | null) {
  return row
    ? {
        calendar: row.calendar,
        month: row.month,
        day: row.day,
        set_by: row.set_by,
        changed_at: new Date(row.changed_at).toISOString(),
      }
    : null
}
