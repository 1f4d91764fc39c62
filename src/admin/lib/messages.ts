// The SMS messages' admin data: the events, languages, statuses and
// variables (as translation keys, written out so the i18n test finds each),
// the queries of the templates and a customer's log, and the sample
// rendering the template editor previews.
import { useQuery } from "@tanstack/react-query"
import { api } from "./api"
import {
  LoyaltyMessage,
  LoyaltySettings,
  MessageEvent,
  MessageLocale,
  MessageStatus,
  MessageTemplate,
  SmsPreference,
} from "./client"
import { shiftDecimal } from "./format"
import { INTL_LOCALE } from "./i18n"
import { loyaltyKeys } from "./query"

/** The events in the order the page lists them. */
export const MESSAGE_EVENTS: MessageEvent[] = [
  "cashback_credited",
  "credit_redeemed",
  "expiry_reminder",
  "tier_upgraded",
  "balance_statement",
  "win_back",
  "welcome",
  "receipt",
  "transfer_received",
  "transfer_returned",
  "birthday",
  "membership_anniversary",
  "first_order_anniversary",
  "nowruz",
  "yalda",
  "first_order",
  "referral_welcome",
  "referral_pending",
  "referral_rewarded",
]

/**
 * The occasions' messages (and win-back, an occasion now): each is sent
 * when its occasion is on, which the Occasions page turns on and off.
 */
export const OCCASION_EVENTS: MessageEvent[] = [
  "birthday",
  "membership_anniversary",
  "first_order_anniversary",
  "nowruz",
  "yalda",
  "win_back",
  "first_order",
]

/** The events the SMS settings turn on and off, in the page's order. */
export const SWITCHED_EVENTS: MessageEvent[] = MESSAGE_EVENTS.filter(
  (e) => !OCCASION_EVENTS.includes(e)
)

export const MESSAGE_LOCALES: MessageLocale[] = ["fa", "en"]

export const EVENT_LABEL = {
  cashback_credited: "messages.events.cashback_credited.label",
  credit_redeemed: "messages.events.credit_redeemed.label",
  expiry_reminder: "messages.events.expiry_reminder.label",
  tier_upgraded: "messages.events.tier_upgraded.label",
  balance_statement: "messages.events.balance_statement.label",
  win_back: "messages.events.win_back.label",
  welcome: "messages.events.welcome.label",
  receipt: "messages.events.receipt.label",
  transfer_received: "messages.events.transfer_received.label",
  transfer_returned: "messages.events.transfer_returned.label",
  birthday: "messages.events.birthday.label",
  membership_anniversary: "messages.events.membership_anniversary.label",
  first_order_anniversary: "messages.events.first_order_anniversary.label",
  nowruz: "messages.events.nowruz.label",
  yalda: "messages.events.yalda.label",
  first_order: "messages.events.first_order.label",
  referral_welcome: "messages.events.referral_welcome.label",
  referral_pending: "messages.events.referral_pending.label",
  referral_rewarded: "messages.events.referral_rewarded.label",
} as const satisfies Record<MessageEvent, string>

export const EVENT_DESCRIPTION = {
  cashback_credited: "messages.events.cashback_credited.description",
  credit_redeemed: "messages.events.credit_redeemed.description",
  expiry_reminder: "messages.events.expiry_reminder.description",
  tier_upgraded: "messages.events.tier_upgraded.description",
  balance_statement: "messages.events.balance_statement.description",
  win_back: "messages.events.win_back.description",
  welcome: "messages.events.welcome.description",
  receipt: "messages.events.receipt.description",
  transfer_received: "messages.events.transfer_received.description",
  transfer_returned: "messages.events.transfer_returned.description",
  birthday: "messages.events.birthday.description",
  membership_anniversary: "messages.events.membership_anniversary.description",
  first_order_anniversary: "messages.events.first_order_anniversary.description",
  nowruz: "messages.events.nowruz.description",
  yalda: "messages.events.yalda.description",
  first_order: "messages.events.first_order.description",
  referral_welcome: "messages.events.referral_welcome.description",
  referral_pending: "messages.events.referral_pending.description",
  referral_rewarded: "messages.events.referral_rewarded.description",
} as const satisfies Record<MessageEvent, string>

export const LOCALE_LABEL = {
  fa: "messages.locales.fa",
  en: "messages.locales.en",
} as const satisfies Record<MessageLocale, string>

/** What each variable stands for; a variable the admin does not know shows as itself. */
export const VARIABLE_LABEL: Record<string, string> = {
  first_name: "messages.variables.first_name",
  amount: "messages.variables.amount",
  balance: "messages.variables.balance",
  expires_at: "messages.variables.expires_at",
  tier: "messages.variables.tier",
  store_name: "messages.variables.store_name",
  link: "messages.variables.link",
  sender_name: "messages.variables.sender_name",
  code: "messages.variables.code",
  discount: "messages.variables.discount",
  friend_name: "messages.variables.friend_name",
  referrer_name: "messages.variables.referrer_name",
  available_at: "messages.variables.available_at",
  min_order: "messages.variables.min_order",
}

export const STATUS_LABEL = {
  queued: "messages.statuses.queued",
  sending: "messages.statuses.sending",
  sent: "messages.statuses.sent",
  failed: "messages.statuses.failed",
  skipped: "messages.statuses.skipped",
} as const satisfies Record<MessageStatus, string>

export const STATUS_COLOR: Record<MessageStatus, "green" | "grey" | "red" | "orange"> = {
  sent: "green",
  queued: "grey",
  sending: "grey",
  failed: "red",
  skipped: "orange",
}

/** Why a message was skipped; any other reason is a gateway's own error, shown as it came. */
export const REASON_LABEL: Record<string, string> = {
  opted_out: "messages.reasons.opted_out",
  no_phone: "messages.reasons.no_phone",
  no_customer: "messages.reasons.no_customer",
  disabled: "messages.reasons.disabled",
}

export const dirOf = (locale: string) => (locale === "fa" ? "rtl" : "ltr")

/**
 * Sent unless the shop turns them off; win-back is opt-in (as the server's
 * defaults). The occasions' messages go when their occasion is on.
 */
export const DEFAULT_SMS_EVENTS: Partial<Record<MessageEvent, boolean>> = {
  cashback_credited: true,
  credit_redeemed: true,
  expiry_reminder: true,
  tier_upgraded: true,
  balance_statement: true,
  win_back: false,
  welcome: true,
  receipt: true,
  transfer_received: true,
  transfer_returned: true,
  referral_welcome: true,
  referral_pending: true,
  referral_rewarded: true,
}

export const DEFAULT_REMINDER_DAYS = [7, 3, 1]

/** Every switched event on or off: the saved choices over the defaults. */
export const smsEvents = (settings: Pick<LoyaltySettings, "sms_events">) =>
  Object.fromEntries(
    SWITCHED_EVENTS.map((e) => [e, settings.sms_events?.[e] ?? DEFAULT_SMS_EVENTS[e] ?? true])
  ) as Record<MessageEvent, boolean>

/** Every message in every language, the shop's wording or the shipped one. */
export function useMessageTemplates() {
  return useQuery({
    queryKey: loyaltyKeys.messageTemplates(),
    queryFn: () =>
      api<{ message_templates: MessageTemplate[] }>("/admin/loyalty/message-templates"),
    select: (data) => data.message_templates,
  })
}

/**
 * The Medusa store's name: what `{store_name}` reads when the settings name
 * none. Kept under the settings' key, since it plays the part of a setting.
 */
export function useStoreName() {
  return useQuery({
    queryKey: [...loyaltyKeys.settings(), "store-name"],
    queryFn: () =>
      api<{ stores: { name: string }[] }>("/admin/stores", { query: { fields: "id,name" } }),
    select: (data) => data.stores[0]?.name ?? "",
    staleTime: 300_000,
  })
}

export type CustomerMessageLog = { messages: LoyaltyMessage[]; sms_preference: SmsPreference }

/** A customer's message log (newest first) and SMS preference. */
export function useCustomerMessages(customerId: string) {
  return useQuery({
    queryKey: loyaltyKeys.customerMessages(customerId),
    queryFn: () =>
      api<CustomerMessageLog>(`/admin/loyalty/customers/${customerId}/messages`),
  })
}

// `{first_name}`: the server's variable syntax (src/utils/sms-messages.ts).
const VARIABLE = /\{([a-z_]+)\}/g

export type TemplatePart =
  | { text: string }
  | { variable: string; known: boolean; value?: string }

/**
 * A wording cut into text and variables, so each variable (or its sample
 * value) sits in its own bidi isolate: `{amount}` inside Persian never
 * scrambles.
 */
export function templateParts(
  body: string,
  variables: string[],
  values?: Record<string, string>
): TemplatePart[] {
  const parts: TemplatePart[] = []
  let at = 0
  for (const match of body.matchAll(VARIABLE)) {
    const index = match.index ?? 0
    if (index > at) parts.push({ text: body.slice(at, index) })
    const known = variables.includes(match[1])
    parts.push({
      variable: match[1],
      known,
      ...(values && known ? { value: values[match[1]] ?? "" } : {}),
    })
    at = index + match[0].length
  }
  if (at < body.length) parts.push({ text: body.slice(at) })
  return parts
}

/** The variables a wording uses that its message does not have. */
export const unknownVariables = (body: string, variables: string[]) =>
  Array.from(body.matchAll(VARIABLE), (m) => m[1]).filter((v) => !variables.includes(v))

export type SampleFormat = {
  money_display: LoyaltySettings["money_display"]
  time_zone: string
  store_name: string
}

// The sample customer, in each message language; the friend they invited
// and the member who invited them.
const SAMPLE = {
  fa: { first_name: "سارا", tier: "طلایی", sender_name: "مریم", friend_name: "نگار", referrer_name: "علی" },
  en: { first_name: "Sara", tier: "Gold", sender_name: "Maryam", friend_name: "Negar", referrer_name: "Ali" },
}
// A personal code and its discount: 20% up to 50,000 Toman.
const SAMPLE_CODE = "BDAY7K3M9QX2P"
const SAMPLE_PERCENT = "20"
const SAMPLE_CAP = "500000"
// What a link in a message looks like (a receipt or a claim page).
const SAMPLE_LINK = "https://shop.example/r/3Fq9xK"
// Sample amounts in rial (IRR): 185,000 and 1,240,000 Toman.
const SAMPLE_AMOUNT = "1850000"
const SAMPLE_BALANCE = "12400000"
const SAMPLE_EXPIRY_DAYS = 7
// A referral's smallest qualifying order (500,000 Toman) and its hold.
const SAMPLE_MIN_ORDER = "5000000"
const SAMPLE_HOLD_DAYS = 14

/**
 * The sample values as the SMS writes them: in the message's language (not
 * the admin's), so a Persian message reads Persian digits, Toman or Rial and
 * a Jalali date even in an English admin. Mirrors formatMoney and formatDate
 * in src/utils/sms-messages.ts, which is why it formats with Intl here
 * instead of the admin's useFormat.
 */
export function sampleValues(locale: MessageLocale, format: SampleFormat): Record<string, string> {
  const numbers = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 0 })
  const unit =
    format.money_display === "rial"
      ? { fa: "ریال", en: "Rial" }[locale]
      : { fa: "تومان", en: "Toman" }[locale]
  const money = (rial: string) =>
    `${numbers.format(
      (format.money_display === "rial" ? rial : shiftDecimal(rial, -1)) as unknown as number
    )} ${unit}`
  const dateOptions: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric" }
  const inDays = (days: number) => {
    const at = new Date(Date.now() + days * 86_400_000)
    try {
      return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        ...dateOptions,
        timeZone: format.time_zone,
      }).format(at)
    } catch {
      // A time zone the shop is still typing.
      return new Intl.DateTimeFormat(INTL_LOCALE[locale], dateOptions).format(at)
    }
  }
  const date = inDays(SAMPLE_EXPIRY_DAYS)
  return {
    first_name: SAMPLE[locale].first_name,
    amount: money(SAMPLE_AMOUNT),
    balance: money(SAMPLE_BALANCE),
    expires_at: date,
    tier: SAMPLE[locale].tier,
    store_name: format.store_name,
    link: SAMPLE_LINK,
    sender_name: SAMPLE[locale].sender_name,
    friend_name: SAMPLE[locale].friend_name,
    referrer_name: SAMPLE[locale].referrer_name,
    available_at: inDays(SAMPLE_HOLD_DAYS),
    min_order: money(SAMPLE_MIN_ORDER),
    code: SAMPLE_CODE,
    // As src/utils/discount-codes.ts formatDiscount writes it.
    discount:
      locale === "fa"
        ? `${numbers.format(SAMPLE_PERCENT as unknown as number)}٪ تا سقف ${money(SAMPLE_CAP)}`
        : `${SAMPLE_PERCENT}% off, up to ${money(SAMPLE_CAP)}`,
  }
}

/** The text the SMS would carry: variables replaced, double spaces closed (as the server does). */
export const renderSample = (parts: TemplatePart[]) =>
  parts
    .map((p) => ("text" in p ? p.text : p.known ? p.value ?? "" : `{${p.variable}}`))
    .join("")
    .replace(/ {2,}/g, " ")
    .trim()

// The GSM 03.38 basic set: texts in it take 160 characters an SMS, others
// (Persian) go as UCS-2 with 70.
const GSM =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
const GSM_EXTENDED = "^{}\\[~]|€"

/** How long a text is as the gateway counts it, and in how many SMS it goes. */
export function smsLength(text: string) {
  const chars = Array.from(text)
  const gsm = chars.every((c) => GSM.includes(c) || GSM_EXTENDED.includes(c))
  const characters = gsm
    ? chars.reduce((n, c) => n + (GSM_EXTENDED.includes(c) ? 2 : 1), 0)
    : chars.length
  const [single, part] = gsm ? [160, 153] : [70, 67]
  const parts = characters <= single ? 1 : Math.ceil(characters / part)
  return { characters, parts, unicode: !gsm }
}

/** An IANA time zone the browser (and so the server's Intl) knows. */
export function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value })
    return true
  } catch {
    return false
  }
}
