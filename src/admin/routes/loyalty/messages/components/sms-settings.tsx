import {
  Button,
  Container,
  Heading,
  Input,
  Label,
  RadioGroup,
  Select,
  Text,
  toast,
} from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import {
  errorMessage,
  LoyaltySettings,
  MessageEvent,
  MessageLocale,
} from "../../../../lib/client"
import {
  DEFAULT_REMINDER_DAYS,
  MESSAGE_EVENTS,
  smsEvents,
} from "../../../../lib/messages"
import {
  changedFields,
  FieldError,
  fieldInMessage,
  saveSettings,
  SettingField,
  SettingSwitch,
} from "../../../../lib/settings-form"

/** What the form edits, as typed. */
type Draft = {
  events: Record<MessageEvent, boolean>
  reminder_days: string
  quiet_hours_start: string
  quiet_hours_end: string
  time_zone: string
  sender_line: string
  store_name: string
  default_locale: MessageLocale
  money_display: LoyaltySettings["money_display"]
  win_back_days: string
}

const FIELDS = [
  "sms_events",
  "reminder_days",
  "quiet_hours_start",
  "quiet_hours_end",
  "time_zone",
  "sender_line",
  "store_name",
  "default_locale",
  "money_display",
  "win_back_days",
] as const
type Field = (typeof FIELDS)[number]

const toDraft = (s: LoyaltySettings): Draft => ({
  events: smsEvents(s),
  reminder_days: (s.reminder_days ?? []).join(", "),
  quiet_hours_start: s.quiet_hours_start,
  quiet_hours_end: s.quiet_hours_end,
  time_zone: s.time_zone,
  sender_line: s.sender_line ?? "",
  store_name: s.store_name ?? "",
  default_locale: s.default_locale,
  money_display: s.money_display,
  win_back_days: String(s.win_back_days),
})

// Numbers are sent as numbers when they look like one and as typed
// otherwise: the API checks them and names the field that is wrong.
const number = (text: string) =>
  /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : text.trim()

/** "7, 3, 1" -> [7, 3, 1], largest first and once each; empty -> null (the default). */
function reminderDays(text: string) {
  const parts = text
    .split(/[\s,،]+/)
    .map((p) => p.trim())
    .filter(Boolean)
  if (!parts.length) return null
  const values = parts.map(number)
  if (values.every((v) => typeof v === "number")) {
    return Array.from(new Set(values as number[])).sort((a, b) => b - a)
  }
  return values
}

const toBody = (d: Draft) => ({
  sms_events: d.events,
  reminder_days: reminderDays(d.reminder_days),
  quiet_hours_start: d.quiet_hours_start,
  quiet_hours_end: d.quiet_hours_end,
  time_zone: d.time_zone.trim(),
  sender_line: d.sender_line.trim() || null,
  store_name: d.store_name.trim() || null,
  default_locale: d.default_locale,
  money_display: d.money_display,
  win_back_days: number(d.win_back_days),
})

/**
 * Only the fields the form changed. The form shows some stored values in a
 * way that does not read back the same (events left at their defaults are
 * stored as none, [] reminder days shows as empty): a save sends only what
 * was edited, so those stay as stored.
 */
const changedBody = (draft: Draft, settings: LoyaltySettings) =>
  changedFields(toBody(draft), toBody(toDraft(settings)))

// Persian inside English text, isolated (RLI ... PDI) so its words and
// digits keep their order.
const rtl = (text: string) => `\u2067${text}\u2069`

function timeZones(): string[] {
  const intl = Intl as unknown as {
    supportedValuesOf?: (key: string) => string[]
  }
  try {
    return intl.supportedValuesOf?.("timeZone") ?? []
  } catch {
    return []
  }
}

type Props = {
  settings: LoyaltySettings | null
  loadError: string | null
  /** The Medusa store's name: what messages use when the settings name none. */
  storeName: string
  onSaved: (settings: LoyaltySettings) => void
}

/** When and how messages go out: events, reminders, quiet hours, the sender. */
export const SmsSettings = ({ settings, loadError, storeName, onSaved }: Props) => {
  const [draft, setDraft] = useState<Draft | null>(null)
  const [errors, setErrors] = useState<Partial<Record<Field | "general", string>>>({})
  const [busy, setBusy] = useState(false)
  const zones = useMemo(timeZones, [])

  useEffect(() => {
    if (settings) setDraft(toDraft(settings))
  }, [settings])

  const dirty =
    !!settings &&
    !!draft &&
    Object.keys(changedBody(draft, settings)).length > 0

  const change = (patch: Partial<Draft>, ...fields: Field[]) => {
    if (!draft) return
    setDraft({ ...draft, ...patch })
    if (fields.some((f) => errors[f]) || errors.general) {
      const next = { ...errors }
      fields.forEach((f) => delete next[f])
      delete next.general
      setErrors(next)
    }
  }

  const save = async () => {
    if (!draft || !settings) return
    setBusy(true)
    setErrors({})
    try {
      const saved = await saveSettings(changedBody(draft, settings))
      onSaved(saved)
      toast.success("SMS settings saved")
    } catch (e) {
      const message = errorMessage(e)
      setErrors({ [fieldInMessage(message, FIELDS)]: message })
    } finally {
      setBusy(false)
    }
  }

  const quiet =
    draft && draft.quiet_hours_start && draft.quiet_hours_start === draft.quiet_hours_end
      ? "Same start and end: no quiet hours, messages go at once."
      : `Messages queued in these hours wait until ${draft?.quiet_hours_end || "the end"}, shop time.`

  return (
    <Container className="divide-y p-0" data-testid="sms-settings">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">SMS settings</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Which messages go out, when, and how they write names, amounts and
            dates.
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={save}
          disabled={!dirty}
          isLoading={busy}
          data-testid="sms-settings-save"
        >
          Save settings
        </Button>
      </div>
      {!draft ? (
        <div className="px-6 py-4">
          <Text
            size="small"
            className={loadError ? "text-ui-fg-error" : "text-ui-fg-subtle"}
          >
            {loadError ?? "Loading…"}
          </Text>
        </div>
      ) : (
        <>
          <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="sms-events">
            <div>
              <Label size="small" weight="plus">
                Messages sent
              </Label>
              <Text size="xsmall" className="text-ui-fg-subtle">
                Off: the event sends nothing and leaves nothing in the
                customers' message logs.
              </Text>
            </div>
            <div className="grid grid-cols-1 gap-x-8 gap-y-3 md:grid-cols-2">
              {MESSAGE_EVENTS.map((e) => (
                <SettingSwitch
                  key={e.value}
                  id={`sms-event-${e.value}`}
                  label={e.label}
                  hint={e.description}
                  checked={draft.events[e.value]}
                  onCheckedChange={(v) =>
                    change(
                      { events: { ...draft.events, [e.value]: v } },
                      "sms_events"
                    )
                  }
                />
              ))}
            </div>
            <FieldError
              error={errors.sms_events}
              testId="sms-settings-error-sms_events"
            />
          </div>

          <div className="grid grid-cols-1 gap-x-6 gap-y-4 px-6 py-4 md:grid-cols-3">
            <SettingField
              id="sms-reminder-days"
              label="Reminder days"
              hint={`Days before credit expires; the customer gets one reminder on each. Empty: ${DEFAULT_REMINDER_DAYS.join(", ")}.`}
              error={errors.reminder_days}
              errorTestId="sms-settings-error-reminder_days"
            >
              <Input
                id="sms-reminder-days"
                size="small"
                placeholder={DEFAULT_REMINDER_DAYS.join(", ")}
                value={draft.reminder_days}
                onChange={(e) =>
                  change({ reminder_days: e.target.value }, "reminder_days")
                }
                aria-invalid={!!errors.reminder_days || undefined}
              />
            </SettingField>
            <SettingField
              id="sms-win-back-days"
              label="Win-back after (days)"
              hint="Customers whose last order is this old get one win-back message, if it is on."
              error={errors.win_back_days}
              errorTestId="sms-settings-error-win_back_days"
            >
              <Input
                id="sms-win-back-days"
                size="small"
                inputMode="numeric"
                value={draft.win_back_days}
                onChange={(e) =>
                  change({ win_back_days: e.target.value }, "win_back_days")
                }
                aria-invalid={!!errors.win_back_days || undefined}
              />
            </SettingField>
            <div />
            <SettingField
              id="sms-quiet-start"
              label="Quiet hours from"
              hint={quiet}
              error={errors.quiet_hours_start}
              errorTestId="sms-settings-error-quiet_hours_start"
            >
              <Input
                id="sms-quiet-start"
                type="time"
                size="small"
                value={draft.quiet_hours_start}
                onChange={(e) =>
                  change(
                    { quiet_hours_start: e.target.value },
                    "quiet_hours_start"
                  )
                }
                aria-invalid={!!errors.quiet_hours_start || undefined}
              />
            </SettingField>
            <SettingField
              id="sms-quiet-end"
              label="Quiet hours until"
              error={errors.quiet_hours_end}
              errorTestId="sms-settings-error-quiet_hours_end"
            >
              <Input
                id="sms-quiet-end"
                type="time"
                size="small"
                value={draft.quiet_hours_end}
                onChange={(e) =>
                  change({ quiet_hours_end: e.target.value }, "quiet_hours_end")
                }
                aria-invalid={!!errors.quiet_hours_end || undefined}
              />
            </SettingField>
            <SettingField
              id="sms-time-zone"
              label="Time zone"
              hint="The shop's clock: quiet hours, reminder days and dates in messages."
              error={errors.time_zone}
              errorTestId="sms-settings-error-time_zone"
            >
              <Input
                id="sms-time-zone"
                size="small"
                list="sms-time-zones"
                placeholder="Asia/Tehran"
                value={draft.time_zone}
                onChange={(e) => change({ time_zone: e.target.value }, "time_zone")}
                aria-invalid={!!errors.time_zone || undefined}
              />
              <datalist id="sms-time-zones">
                {zones.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </SettingField>
          </div>

          <div className="grid grid-cols-1 gap-x-6 gap-y-4 px-6 py-4 md:grid-cols-3">
            <SettingField
              id="sms-store-name"
              label="Store name in messages"
              hint={`The {store_name} variable. Empty: the store's name${storeName ? ` (${storeName})` : ""}.`}
              error={errors.store_name}
              errorTestId="sms-settings-error-store_name"
            >
              <Input
                id="sms-store-name"
                size="small"
                placeholder={storeName || "The store's name"}
                value={draft.store_name}
                onChange={(e) => change({ store_name: e.target.value }, "store_name")}
                aria-invalid={!!errors.store_name || undefined}
              />
            </SettingField>
            <SettingField
              id="sms-sender-line"
              label="Sender line"
              hint="The number or line messages come from, when the gateway lets the shop choose. Empty: the gateway's default."
              error={errors.sender_line}
              errorTestId="sms-settings-error-sender_line"
            >
              <Input
                id="sms-sender-line"
                size="small"
                dir="ltr"
                placeholder="e.g. 10004346"
                value={draft.sender_line}
                onChange={(e) =>
                  change({ sender_line: e.target.value }, "sender_line")
                }
                aria-invalid={!!errors.sender_line || undefined}
              />
            </SettingField>
            <SettingField
              id="sms-default-locale"
              label="Default language"
              hint="For customers who did not choose one."
              error={errors.default_locale}
              errorTestId="sms-settings-error-default_locale"
            >
              <Select
                value={draft.default_locale}
                onValueChange={(v) =>
                  change({ default_locale: v as MessageLocale }, "default_locale")
                }
              >
                <Select.Trigger id="sms-default-locale">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="fa">Persian (فارسی)</Select.Item>
                  <Select.Item value="en">English</Select.Item>
                </Select.Content>
              </Select>
            </SettingField>
            <div className="flex flex-col gap-y-2 md:col-span-3">
              <div>
                <Label size="small" weight="plus">
                  Amounts in Iranian rial (IRR)
                </Label>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  How messages write them; the wallet keeps the exact amount.
                  Other currencies are written with their code.
                </Text>
              </div>
              <RadioGroup
                className="grid grid-cols-1 gap-3 md:grid-cols-2"
                value={draft.money_display}
                onValueChange={(v) =>
                  change(
                    { money_display: v as Draft["money_display"] },
                    "money_display"
                  )
                }
              >
                <RadioGroup.ChoiceBox
                  value="toman"
                  label="Toman"
                  description={`A tenth of the rial amount: 185,000 Toman, ${rtl("۱۸۵٬۰۰۰ تومان")}.`}
                  data-testid="money-display-toman"
                />
                <RadioGroup.ChoiceBox
                  value="rial"
                  label="Rial"
                  description={`The amount as it is: 1,850,000 Rial, ${rtl("۱٬۸۵۰٬۰۰۰ ریال")}.`}
                  data-testid="money-display-rial"
                />
              </RadioGroup>
              <FieldError
                error={errors.money_display}
                testId="sms-settings-error-money_display"
              />
            </div>
          </div>
          {errors.general && (
            <div className="px-6 py-3">
              <Text
                size="small"
                className="text-ui-fg-error"
                data-testid="sms-settings-error"
              >
                {errors.general}
              </Text>
            </div>
          )}
        </>
      )}
    </Container>
  )
}
