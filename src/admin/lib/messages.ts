import { LoyaltySettings, MessageEvent, MessageLocale, MessageStatus } from "./client"

export const MESSAGE_EVENTS: {
  value: MessageEvent
  label: string
  description: string
}[] = [
  {
    value: "cashback_credited",
    label: "Cashback credited",
    description: "When an order's cashback lands in the wallet.",
  },
  {
    value: "credit_redeemed",
    label: "Credit redeemed",
    description: "When an order is paid partly with wallet credit.",
  },
  {
    value: "expiry_reminder",
    label: "Expiry reminder",
    description: "Some days before credit expires (see reminder days).",
  },
  {
    value: "tier_upgraded",
    label: "Tier upgraded",
    description: "When a customer reaches a higher tier.",
  },
  {
    value: "balance_statement",
    label: "Balance statement",
    description: "Sent on request from a customer's page.",
  },
  {
    value: "win_back",
    label: "Win-back",
    description: "Once, to customers with no order for the win-back days.",
  },
  {
    value: "welcome",
    label: "Welcome",
    description: "When a visitor joins the club at the kiosk.",
  },
]

export const EVENT_LABELS = Object.fromEntries(
  MESSAGE_EVENTS.map((e) => [e.value, e.label])
) as Record<MessageEvent, string>

export const LOCALES: {
  value: MessageLocale
  label: string
  native: string
  dir: "rtl" | "ltr"
}[] = [
  { value: "fa", label: "Persian", native: "فارسی", dir: "rtl" },
  { value: "en", label: "English", native: "English", dir: "ltr" },
]

export const LOCALE_LABELS: Record<MessageLocale, string> = {
  fa: "Persian",
  en: "English",
}

export const dirOf = (locale: string) => (locale === "fa" ? "rtl" : "ltr")

/** Sent unless the shop turns them off; win-back is opt-in. */
export const DEFAULT_SMS_EVENTS: Record<MessageEvent, boolean> = {
  cashback_credited: true,
  credit_redeemed: true,
  expiry_reminder: true,
  tier_upgraded: true,
  balance_statement: true,
  win_back: false,
  welcome: true,
}

export const DEFAULT_REMINDER_DAYS = [7, 3, 1]

/** Every event on or off: the saved choices over the defaults. */
export const smsEvents = (settings: Pick<LoyaltySettings, "sms_events">) => ({
  ...DEFAULT_SMS_EVENTS,
  ...(settings.sms_events ?? {}),
})

export const VARIABLE_LABELS: Record<string, string> = {
  first_name: "The customer's first name",
  amount: "The amount of this message",
  balance: "The wallet balance",
  expires_at: "The expiry date",
  tier: "The tier's name",
  store_name: "The store's name",
}

export const STATUS_COLORS: Record<
  MessageStatus,
  "green" | "grey" | "red" | "orange"
> = {
  sent: "green",
  queued: "grey",
  sending: "grey",
  failed: "red",
  skipped: "orange",
}

export const STATUS_LABELS: Record<MessageStatus, string> = {
  sent: "Sent",
  queued: "Queued",
  sending: "Sending",
  failed: "Failed",
  skipped: "Skipped",
}

const REASONS: Record<string, string> = {
  opted_out: "Opted out",
  no_phone: "No usable phone number",
  no_customer: "Customer not found",
  disabled: "Turned off in the settings",
}

/** Why a message was skipped or failed, in words; a gateway's error as it came. */
export const reasonLabel = (reason: string) => REASONS[reason] ?? reason

type PreviewFormat = {
  money_display: LoyaltySettings["money_display"]
  time_zone: string
  store_name: string
}

const SAMPLE = {
  fa: { first_name: "سارا", tier: "طلایی" },
  en: { first_name: "Sara", tier: "Gold" },
}

// Sample amounts in Rial (IRR): 185,000 and 1,240,000 Toman.
const SAMPLE_AMOUNT = 1850000
const SAMPLE_BALANCE = 12400000

function sampleMoney(rial: number, locale: MessageLocale, display: string) {
  const numbers = new Intl.NumberFormat(locale === "fa" ? "fa-IR" : "en-US")
  if (display === "rial") {
    return `${numbers.format(rial)} ${locale === "fa" ? "ریال" : "Rial"}`
  }
  return `${numbers.format(rial / 10)} ${locale === "fa" ? "تومان" : "Toman"}`
}

function sampleDate(locale: MessageLocale, timeZone: string) {
  const inAWeek = new Date(Date.now() + 7 * 86400000)
  const options: Intl.DateTimeFormatOptions = {
    year: "numeric",
    month: "long",
    day: "numeric",
  }
  const tag = locale === "fa" ? "fa-IR-u-ca-persian" : "en-GB"
  try {
    return new Intl.DateTimeFormat(tag, { ...options, timeZone }).format(inAWeek)
  } catch {
    // A time zone being typed is not valid yet.
    return new Intl.DateTimeFormat(tag, options).format(inAWeek)
  }
}

/**
 * The wording with sample values, the way the server renders it (Persian
 * digits, Toman or Rial, the Jalali calendar). A variable the message does
 * not have stays as typed, so it stands out.
 */
export function previewMessage(
  body: string,
  locale: MessageLocale,
  variables: string[],
  format: PreviewFormat
) {
  const values: Record<string, string> = {
    first_name: SAMPLE[locale].first_name,
    amount: sampleMoney(SAMPLE_AMOUNT, locale, format.money_display),
    balance: sampleMoney(SAMPLE_BALANCE, locale, format.money_display),
    expires_at: sampleDate(locale, format.time_zone),
    tier: SAMPLE[locale].tier,
    store_name: format.store_name,
  }
  return body
    .replace(/\{([a-z_]+)\}/g, (whole, name: string) =>
      variables.includes(name) ? values[name] ?? "" : whole
    )
    .replace(/ {2,}/g, " ")
    .trim()
}

// The GSM 03.38 basic set: texts in it take 160 characters an SMS, others
// (Persian) are sent as UCS-2 with 70.
const GSM =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
const GSM_EXTENDED = "^{}\\[~]|€"

/** "92 characters, 2 SMS": how many parts a text is sent in. */
export function smsLength(text: string) {
  const chars = Array.from(text)
  const gsm = chars.every((c) => GSM.includes(c) || GSM_EXTENDED.includes(c))
  const length = gsm
    ? chars.reduce((n, c) => n + (GSM_EXTENDED.includes(c) ? 2 : 1), 0)
    : chars.length
  const [single, part] = gsm ? [160, 153] : [70, 67]
  const parts = length <= single ? 1 : Math.ceil(length / part)
  return `${length} characters, ${parts} SMS${gsm ? "" : " (Unicode)"}`
}
