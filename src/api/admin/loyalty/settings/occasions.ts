import { MedusaContainer } from "@medusajs/framework/types"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { LoyaltySettingsValues } from "../../../../modules/loyalty-club/types"
import { OCCASION_EVENTS, OCCASION_KINDS } from "../../../../utils/occasions"
import { updateOccasionWorkflow } from "../../../../workflows/occasions"

/**
 * The settings as the admin reads them, with what the occasions now own:
 * `win_back_days` is the win-back occasion's `after_days`, and each
 * occasion's SMS event in `sms_events` (win_back, birthday, ...) is its
 * on/off switch. The settings row's own copies are history.
 */
export async function withOccasions(container: MedusaContainer, settings: LoyaltySettingsValues) {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const occasions = await service.listOccasionSettings()
  const winBack = occasions.find((o) => o.kind === "win_back")!
  // A shop that never touched its switches (null: the defaults, every
  // occasion off) keeps reading null until one is on.
  const untouched = !settings.sms_events && occasions.every((o) => !o.enabled)
  return {
    ...settings,
    win_back_days: winBack.after_days ?? settings.win_back_days,
    sms_events: untouched
      ? settings.sms_events
      : {
          ...(settings.sms_events ?? {}),
          ...Object.fromEntries(occasions.map((o) => [OCCASION_EVENTS[o.kind], o.enabled])),
        },
  }
}

/**
 * What a settings save changes in the occasions: `win_back_days` moves the
 * win-back occasion's days, an occasion's event in `sms_events` turns it on
 * or off (the admin's SMS switches and the occasions page stay one switch).
 */
export async function saveOccasionSettings(container: MedusaContainer, body: Partial<LoyaltySettingsValues>) {
  for (const kind of OCCASION_KINDS) {
    const change: { enabled?: boolean; after_days?: number } = {}
    const event = OCCASION_EVENTS[kind]
    const enabled = body.sms_events?.[event]
    if (typeof enabled === "boolean") {
      change.enabled = enabled
    }
    if (kind === "win_back" && body.win_back_days !== undefined) {
      change.after_days = body.win_back_days
    }
    if (Object.keys(change).length) {
      await updateOccasionWorkflow(container).run({ input: { kind, ...change } })
    }
  }
}
