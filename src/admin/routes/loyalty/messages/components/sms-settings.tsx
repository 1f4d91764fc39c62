import { Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Trans } from "react-i18next"
import { Link } from "react-router-dom"
import { Control, useWatch } from "react-hook-form"
import { z } from "zod"
import {
  SelectField,
  SwitchField,
  TextField,
} from "../../../../components/fields"
import { SettingsCard } from "../../../../components/settings-card"
import { latinDigits } from "../../../../lib/amounts"
import { LoyaltySettings, MessageEvent, MessageLocale } from "../../../../lib/client"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import {
  DEFAULT_REMINDER_DAYS,
  EVENT_DESCRIPTION,
  EVENT_LABEL,
  isTimeZone,
  LOCALE_LABEL,
  OCCASION_EVENTS,
  smsEvents,
  SWITCHED_EVENTS,
} from "../../../../lib/messages"
import { textSchema } from "../../../../lib/schema"

/** What the panel edits, as typed. */
type Values = {
  events: Record<MessageEvent, boolean>
  /** Stored choices of other events the panel has no switch for: kept as stored. */
  other_events: Partial<Record<MessageEvent, boolean>>
  reminder_days: string
  quiet_hours_start: string
  quiet_hours_end: string
  time_zone: string
  store_name: string
  sender_line: string
  default_locale: MessageLocale
  money_display: LoyaltySettings["money_display"]
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/
const clock = (typed: string | undefined) => latinDigits(typed ?? "").trim()

// The API's limits (src/api/admin/loyalty/settings/validators.ts).
const REMINDER_DAYS_MAX = 10
const SENDER_LINE_MAX = 50
const STORE_NAME_MAX = 100

/** "7, 3, 1" (or "۷، ۳، ۱") as days, each once, most first; empty: none typed. */
function reminderDays(typed: string): number[] | null {
  const parts = latinDigits(typed)
    .split(/[\s,،]+/)
    .filter(Boolean)
  if (!parts.length) return null
  if (!parts.every((p) => /^\d{1,3}$/.test(p))) return [NaN]
  return Array.from(new Set(parts.map(Number))).sort((a, b) => b - a)
}

const toValues = (s: LoyaltySettings): Values => ({
  events: smsEvents(s),
  // The occasions' events read back as their occasion's switch: the
  // Occasions page owns them, so a save here never sends a stale copy.
  other_events: Object.fromEntries(
    Object.entries(s.sms_events ?? {}).filter(
      ([e]) => !SWITCHED_EVENTS.includes(e as MessageEvent) && !OCCASION_EVENTS.includes(e as MessageEvent)
    )
  ),
  reminder_days: (s.reminder_days ?? []).join(", "),
  quiet_hours_start: s.quiet_hours_start,
  quiet_hours_end: s.quiet_hours_end,
  time_zone: s.time_zone,
  store_name: s.store_name ?? "",
  sender_line: s.sender_line ?? "",
  default_locale: s.default_locale,
  money_display: s.money_display,
})

/**
 * The API body. SettingsCard sends only what differs from the stored
 * settings' body: events left at their defaults stay stored as none, and []
 * reminder days stay [] (both read back as the defaults).
 */
const toBody = (v: Values) => ({
  sms_events: { ...v.other_events, ...v.events },
  reminder_days: reminderDays(v.reminder_days),
  quiet_hours_start: clock(v.quiet_hours_start),
  quiet_hours_end: clock(v.quiet_hours_end),
  time_zone: v.time_zone.trim(),
  store_name: v.store_name.trim() || null,
  sender_line: v.sender_line.trim() || null,
  default_locale: v.default_locale,
  money_display: v.money_display,
})

// Sample amounts for the money display choice, in rial.
const EXAMPLE_RIAL = "1850000"
const EXAMPLE_TOMAN = "185000"

/** When and how messages go out: events, reminders, quiet hours, the sender, amounts. */
export const SmsSettings = ({ storeName }: { storeName: string }) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()

  const schema = useMemo(
    () =>
      z.object({
        events: z.object(
          Object.fromEntries(SWITCHED_EVENTS.map((e) => [e, z.boolean()])) as Record<
            MessageEvent,
            z.ZodBoolean
          >
        ),
        other_events: z.record(z.string(), z.boolean()),
        reminder_days: z.string().superRefine((v, ctx) => {
          const days = reminderDays(v)
          if (days && days.some((d) => !(d >= 1 && d <= 365))) {
            ctx.addIssue({ code: "custom", message: t("messages.settings.reminderDaysInvalid") })
          } else if (days && days.length > REMINDER_DAYS_MAX) {
            ctx.addIssue({ code: "custom", message: t("messages.settings.reminderDaysTooMany") })
          }
        }),
        quiet_hours_start: z
          .string()
          .refine((v) => CLOCK.test(clock(v)), t("messages.settings.quietInvalid")),
        quiet_hours_end: z
          .string()
          .refine((v) => CLOCK.test(clock(v)), t("messages.settings.quietInvalid")),
        time_zone: z
          .string()
          .refine((v) => v.trim() !== "" && isTimeZone(v.trim()), t("messages.settings.timeZoneInvalid", { example: "\u2066Asia/Tehran\u2069" })),
        store_name: textSchema(t, { optional: true, max: STORE_NAME_MAX }),
        sender_line: textSchema(t, { optional: true, max: SENDER_LINE_MAX }),
        default_locale: z.enum(["fa", "en"]),
        money_display: z.enum(["toman", "rial"]),
      }),
    [number, t]
  )

  return (
    <SettingsCard<Values>
      title={t("messages.settings.title")}
      description={t("messages.settings.description")}
      schema={schema}
      toValues={toValues}
      toBody={toBody}
      testId="sms-settings"
    >
      {(form) => {
        const control = form.control
        return (
          <>
            <div className="flex flex-col gap-y-3" data-testid="sms-events">
              <div>
                <Text size="small" weight="plus">
                  {t("messages.settings.events")}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("messages.settings.eventsHint")}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle" data-testid="sms-occasions-note">
                  {t("messages.settings.occasionsNote")}{" "}
                  <Link to="/loyalty/occasions" className="text-ui-fg-interactive hover:underline">
                    {t("messages.settings.occasionsLink")}
                  </Link>
                </Text>
              </div>
              <div className="grid grid-cols-1 gap-x-8 gap-y-3 md:grid-cols-2">
                {SWITCHED_EVENTS.map((e) => (
                  <SwitchField
                    key={e}
                    control={control}
                    name={`events.${e}`}
                    id={`sms-event-${e}`}
                    label={t(EVENT_LABEL[e])}
                    hint={t(EVENT_DESCRIPTION[e])}
                  />
                ))}
              </div>
            </div>

            <div className="grid grid-cols-1 gap-x-6 gap-y-4 border-t pt-4 md:grid-cols-2">
              <TextField
                control={control}
                name="reminder_days"
                id="sms-reminder-days"
                dir="ltr"
                placeholder={DEFAULT_REMINDER_DAYS.join(", ")}
                label={t("messages.settings.reminderDays")}
                hint={t("messages.settings.reminderDaysHint", {
                  days: DEFAULT_REMINDER_DAYS.map((d) => number(d)).join(t("messages.settings.listSeparator")),
                })}
              />
              <TextField
                control={control}
                name="quiet_hours_start"
                id="sms-quiet-start"
                dir="ltr"
                placeholder="22:00"
                label={t("messages.settings.quietStart")}
              />
              <TextField
                control={control}
                name="quiet_hours_end"
                id="sms-quiet-end"
                dir="ltr"
                placeholder="08:00"
                label={t("messages.settings.quietEnd")}
                hint={<QuietHint control={control} />}
              />
              <TextField
                control={control}
                name="time_zone"
                id="sms-time-zone"
                dir="ltr"
                placeholder="Asia/Tehran"
                label={t("messages.settings.timeZone")}
                hint={
                  <Trans
                    t={t}
                    i18nKey="messages.settings.timeZoneHint"
                    values={{ example: "Asia/Tehran" }}
                    components={{ ltr: <bdi dir="ltr" /> }}
                  />
                }
              />
            </div>

            <div className="grid grid-cols-1 gap-x-6 gap-y-4 border-t pt-4 md:grid-cols-2">
              <TextField
                control={control}
                name="store_name"
                id="sms-store-name"
                optional
                label={t("messages.settings.storeName")}
                hint={
                  storeName ? (
                    <Trans
                      t={t}
                      i18nKey="messages.settings.storeNameHint"
                      values={{ name: storeName }}
                      components={{ data: <bdi dir="auto" /> }}
                    />
                  ) : (
                    t("messages.settings.storeNameHintNone")
                  )
                }
              />
              <TextField
                control={control}
                name="sender_line"
                id="sms-sender-line"
                dir="ltr"
                optional
                placeholder="10004346"
                label={t("messages.settings.senderLine")}
                hint={t("messages.settings.senderLineHint")}
              />
              <SelectField
                control={control}
                name="default_locale"
                id="sms-default-locale"
                label={t("messages.settings.defaultLocale")}
                hint={t("messages.settings.defaultLocaleHint")}
                options={[
                  { value: "fa", label: t(LOCALE_LABEL.fa) },
                  { value: "en", label: t(LOCALE_LABEL.en) },
                ]}
              />
              <SelectField
                control={control}
                name="money_display"
                id="sms-money-display"
                label={t("messages.settings.moneyDisplay")}
                hint={t("messages.settings.moneyDisplayHint")}
                options={[
                  {
                    value: "toman",
                    label: t("messages.settings.toman", {
                      example: `${number(EXAMPLE_TOMAN)} ${t("common.units.toman")}`,
                    }),
                  },
                  {
                    value: "rial",
                    label: t("messages.settings.rial", {
                      example: `${number(EXAMPLE_RIAL)} ${t("common.units.rial")}`,
                    }),
                  },
                ]}
              />
            </div>
          </>
        )
      }}
    </SettingsCard>
  )
}

/** What the quiet hours do, with the end as typed (Latin digits, isolated). */
const QuietHint = ({ control }: { control: Control<Values> }) => {
  const { t } = useLoyaltyTranslation()
  const [start, end] = useWatch({ control, name: ["quiet_hours_start", "quiet_hours_end"] })
  if (clock(start) !== "" && clock(start) === clock(end)) {
    return <>{t("messages.settings.quietOff")}</>
  }
  return (
    <Trans
      t={t}
      i18nKey="messages.settings.quietHint"
      values={{ end: clock(end) || "—" }}
      components={{ ltr: <bdi dir="ltr" /> }}
    />
  )
}
