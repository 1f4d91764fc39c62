import { MathBN, MedusaError } from "@medusajs/framework/utils"
import BigNumberJS from "bignumber.js"
import { LoyaltyErrorCode } from "./error-codes"

/**
 * SMS messages as pure functions: the events, the shipped Persian and
 * English wording, rendering with the shop's money and date conventions
 * (Persian digits, Toman or Rial, the Jalali calendar), quiet hours and the
 * shop's calendar day. No database, no clock: the time is an input.
 */

export const MESSAGE_EVENTS = [
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
] as const
export type MessageEvent = (typeof MESSAGE_EVENTS)[number]

export const MESSAGE_LOCALES = ["fa", "en"] as const
export type MessageLocale = (typeof MESSAGE_LOCALES)[number]

// Campaigns, promotional messages, the opt-out line and reply keywords live
// in sms-promotions.ts; re-exported so message code imports one module.
export * from "./sms-promotions"

// An occasion's gift: a personal code ({code}, {discount}: "20% off, up to
// ..."), or credit ({amount}, and {discount} reads the amount too, so one
// wording fits either gift), each until {expires_at}.
const OCCASION_VARIABLES = ["first_name", "code", "discount", "amount", "expires_at", "balance", "store_name"]

/** The variables each message may use. */
export const MESSAGE_VARIABLES: Record<MessageEvent, string[]> = {
  cashback_credited: ["first_name", "amount", "balance", "expires_at", "store_name"],
  credit_redeemed: ["first_name", "amount", "balance", "store_name"],
  expiry_reminder: ["first_name", "amount", "balance", "expires_at", "store_name"],
  tier_upgraded: ["first_name", "tier", "balance", "store_name"],
  balance_statement: ["first_name", "balance", "expires_at", "store_name"],
  // Win-back's gift: {discount} reads the credit's amount for a credit gift.
  win_back: ["first_name", "balance", "store_name", "code", "discount", "expires_at"],
  welcome: ["first_name", "balance", "store_name"],
  receipt: ["first_name", "amount", "link", "store_name"],
  transfer_received: ["sender_name", "amount", "expires_at", "link", "store_name"],
  transfer_returned: ["first_name", "amount", "balance", "store_name"],
  birthday: OCCASION_VARIABLES,
  membership_anniversary: OCCASION_VARIABLES,
  first_order_anniversary: OCCASION_VARIABLES,
  nowruz: OCCASION_VARIABLES,
  yalda: OCCASION_VARIABLES,
  first_order: OCCASION_VARIABLES,
  // Referrals: the friend's welcome (their gift; {referrer_name} invited
  // them), the referrer's pending credit ({available_at}: when it becomes
  // spendable) and its release.
  referral_welcome: ["first_name", "referrer_name", "code", "discount", "amount", "min_order", "expires_at", "store_name"],
  referral_pending: ["first_name", "friend_name", "amount", "available_at", "balance", "store_name"],
  referral_rewarded: ["first_name", "friend_name", "amount", "expires_at", "balance", "store_name"],
}

/**
 * Sent unless the shop turns them off; win-back is opt-in. An occasion's
 * message goes when the occasion is on (its own switch, `loyalty_occasion`),
 * whatever this says: its entry here only mirrors that switch in the
 * settings (see the settings route).
 */
export const DEFAULT_SMS_EVENTS: Record<MessageEvent, boolean> = {
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
  birthday: false,
  membership_anniversary: false,
  first_order_anniversary: false,
  nowruz: false,
  yalda: false,
  first_order: false,
  referral_welcome: true,
  referral_pending: true,
  referral_rewarded: true,
}

export const DEFAULT_REMINDER_DAYS = [7, 3, 1]

export type GiftType = "code" | "credit" | "none"
type Wording = Record<MessageLocale, string>

/**
 * The shipped wording of each occasion's message for each kind of gift
 * (a code, credit, or a greeting alone). A shop's own wording of the event
 * (its message template) replaces all three.
 */
export const OCCASION_TEMPLATES: Record<
  | "birthday"
  | "membership_anniversary"
  | "first_order_anniversary"
  | "nowruz"
  | "yalda"
  | "first_order"
  | "win_back"
  | "referral_welcome",
  Record<GiftType, Wording>
> = {
  birthday: {
    code: {
      fa: "{first_name} عزیز، تولدتان مبارک! هدیه {store_name} به شما: تخفیف {discount} با کد {code} تا {expires_at}",
      en: "Happy birthday, {first_name}! A gift from {store_name}: {discount} with code {code}, until {expires_at}.",
    },
    credit: {
      fa: "{first_name} عزیز، تولدتان مبارک! {amount} اعتبار هدیه به کیف پول شما در {store_name} اضافه شد، قابل استفاده تا {expires_at}",
      en: "Happy birthday, {first_name}! {amount} of gift credit was added to your {store_name} wallet, to spend until {expires_at}.",
    },
    none: {
      fa: "{first_name} عزیز، تولدتان مبارک! با آرزوی بهترین‌ها از طرف {store_name}",
      en: "Happy birthday, {first_name}! Best wishes from {store_name}.",
    },
  },
  membership_anniversary: {
    code: {
      fa: "{first_name} عزیز، سالگرد عضویت شما در باشگاه {store_name} مبارک! هدیه شما: تخفیف {discount} با کد {code} تا {expires_at}",
      en: "Happy club anniversary, {first_name}! A gift from {store_name}: {discount} with code {code}, until {expires_at}.",
    },
    credit: {
      fa: "{first_name} عزیز، سالگرد عضویت شما در باشگاه {store_name} مبارک! {amount} اعتبار هدیه به کیف پول شما اضافه شد، قابل استفاده تا {expires_at}",
      en: "Happy club anniversary, {first_name}! {amount} of gift credit was added to your {store_name} wallet, to spend until {expires_at}.",
    },
    none: {
      fa: "{first_name} عزیز، سالگرد عضویت شما در باشگاه {store_name} مبارک! از همراهی شما سپاسگزاریم.",
      en: "Happy club anniversary, {first_name}! Thank you for being with {store_name}.",
    },
  },
  first_order_anniversary: {
    code: {
      fa: "{first_name} عزیز، سالگرد اولین خرید شما از {store_name} مبارک! هدیه شما: تخفیف {discount} با کد {code} تا {expires_at}",
      en: "It's the anniversary of your first order at {store_name}, {first_name}! Your gift: {discount} with code {code}, until {expires_at}.",
    },
    credit: {
      fa: "{first_name} عزیز، سالگرد اولین خرید شما از {store_name} مبارک! {amount} اعتبار هدیه به کیف پول شما اضافه شد، قابل استفاده تا {expires_at}",
      en: "It's the anniversary of your first order at {store_name}, {first_name}! {amount} of gift credit was added to your wallet, to spend until {expires_at}.",
    },
    none: {
      fa: "{first_name} عزیز، سالگرد اولین خرید شما از {store_name} مبارک! از همراهی شما سپاسگزاریم.",
      en: "It's the anniversary of your first order at {store_name}, {first_name}! Thank you for being with us.",
    },
  },
  nowruz: {
    code: {
      fa: "{first_name} عزیز، نوروزتان پیروز! عیدی {store_name} به شما: تخفیف {discount} با کد {code} تا {expires_at}",
      en: "Happy Nowruz, {first_name}! A Nowruz gift from {store_name}: {discount} with code {code}, until {expires_at}.",
    },
    credit: {
      fa: "{first_name} عزیز، نوروزتان پیروز! {amount} عیدی به کیف پول شما در {store_name} اضافه شد، قابل استفاده تا {expires_at}",
      en: "Happy Nowruz, {first_name}! {amount} of Nowruz credit was added to your {store_name} wallet, to spend until {expires_at}.",
    },
    none: {
      fa: "{first_name} عزیز، نوروزتان پیروز! سال خوبی را از طرف {store_name} برایتان آرزو می‌کنیم.",
      en: "Happy Nowruz, {first_name}! Best wishes for the new year from {store_name}.",
    },
  },
  yalda: {
    code: {
      fa: "{first_name} عزیز، شب یلدا مبارک! هدیه یلدایی {store_name}: تخفیف {discount} با کد {code} تا {expires_at}",
      en: "Happy Yalda night, {first_name}! A gift from {store_name}: {discount} with code {code}, until {expires_at}.",
    },
    credit: {
      fa: "{first_name} عزیز، شب یلدا مبارک! {amount} اعتبار هدیه به کیف پول شما در {store_name} اضافه شد، قابل استفاده تا {expires_at}",
      en: "Happy Yalda night, {first_name}! {amount} of gift credit was added to your {store_name} wallet, to spend until {expires_at}.",
    },
    none: {
      fa: "{first_name} عزیز، شب یلدا مبارک! با آرزوی شبی گرم و شاد از طرف {store_name}",
      en: "Happy Yalda night, {first_name}! Warm wishes from {store_name}.",
    },
  },
  first_order: {
    code: {
      fa: "{first_name} عزیز، از اولین خرید شما از {store_name} سپاسگزاریم! هدیه خرید بعدی: تخفیف {discount} با کد {code} تا {expires_at}",
      en: "Thank you for your first order at {store_name}, {first_name}! For your next one: {discount} with code {code}, until {expires_at}.",
    },
    credit: {
      fa: "{first_name} عزیز، از اولین خرید شما از {store_name} سپاسگزاریم! {amount} اعتبار هدیه به کیف پول شما اضافه شد، قابل استفاده تا {expires_at}",
      en: "Thank you for your first order at {store_name}, {first_name}! {amount} of gift credit was added to your wallet, to spend until {expires_at}.",
    },
    none: {
      fa: "{first_name} عزیز، از اولین خرید شما از {store_name} سپاسگزاریم!",
      en: "Thank you for your first order at {store_name}, {first_name}!",
    },
  },
  win_back: {
    code: {
      fa: "{first_name} عزیز، دلمان برایتان تنگ شده! هدیه {store_name} برای بازگشت شما: تخفیف {discount} با کد {code} تا {expires_at}",
      en: "We miss you, {first_name}! Come back to {store_name} with {discount}, code {code}, until {expires_at}.",
    },
    credit: {
      fa: "{first_name} عزیز، دلمان برایتان تنگ شده! {discount} اعتبار هدیه در کیف پول شما در {store_name} منتظر شماست، تا {expires_at}",
      en: "We miss you, {first_name}! {discount} of gift credit is waiting in your {store_name} wallet, until {expires_at}.",
    },
    none: {
      fa: "{first_name} عزیز، دلمان برایتان تنگ شده! {balance} اعتبار در {store_name} منتظر شماست.",
      en: "We miss you, {first_name}! {balance} of credit is waiting for you at {store_name}.",
    },
  },
  // A friend who named a member's code: their gift (a code now, or credit on
  // their first qualifying order), or a welcome alone.
  referral_welcome: {
    code: {
      fa: "{first_name} عزیز، به دعوت {referrer_name} به باشگاه مشتریان {store_name} خوش آمدید! هدیه شما: تخفیف {discount} با کد {code} تا {expires_at}",
      en: "Welcome to the {store_name} club, {first_name}! Your gift for joining with {referrer_name}'s invitation: {discount} with code {code}, until {expires_at}.",
    },
    credit: {
      fa: "{first_name} عزیز، به دعوت {referrer_name} به باشگاه مشتریان {store_name} خوش آمدید! با اولین سفارش {min_order} یا بیشتر، {amount} اعتبار هدیه می‌گیرید.",
      en: "Welcome to the {store_name} club, {first_name}! You joined with {referrer_name}'s invitation: your first order of {min_order} or more earns you {amount} of gift credit.",
    },
    none: {
      fa: "{first_name} عزیز، به دعوت {referrer_name} به باشگاه مشتریان {store_name} خوش آمدید!",
      en: "Welcome to the {store_name} club, {first_name}! You joined with {referrer_name}'s invitation.",
    },
  },
}

/**
 * The shipped wording of an event in a language; an occasion's for its
 * gift (without one: a code's, win-back's greeting alone as before).
 */
export function defaultTemplate(event: MessageEvent, locale: MessageLocale, gift?: GiftType | null): string {
  const variants = (OCCASION_TEMPLATES as Record<string, Record<GiftType, Wording>>)[event]
  return variants && gift ? variants[gift][locale] : DEFAULT_TEMPLATES[event][locale]
}

export const DEFAULT_TEMPLATES: Record<MessageEvent, Record<MessageLocale, string>> = {
  cashback_credited: {
    fa: "{first_name} عزیز، {amount} اعتبار خرید به کیف پول شما در {store_name} اضافه شد. موجودی: {balance}",
    en: "Hi {first_name}, {amount} cashback was added to your {store_name} wallet. Balance: {balance}",
  },
  credit_redeemed: {
    fa: "{first_name} عزیز، {amount} از اعتبار کیف پول شما در {store_name} استفاده شد. موجودی: {balance}",
    en: "Hi {first_name}, you paid {amount} with your {store_name} wallet. Balance: {balance}",
  },
  expiry_reminder: {
    fa: "{first_name} عزیز، {amount} از اعتبار شما در {store_name} تا {expires_at} منقضی می‌شود. موجودی: {balance}",
    en: "Hi {first_name}, {amount} of your {store_name} credit expires on {expires_at}. Balance: {balance}",
  },
  tier_upgraded: {
    fa: "{first_name} عزیز، تبریک! شما به سطح {tier} باشگاه مشتریان {store_name} رسیدید.",
    en: "Congratulations {first_name}! You reached {tier} in the {store_name} club.",
  },
  balance_statement: {
    fa: "{first_name} عزیز، موجودی کیف پول شما در {store_name}: {balance}",
    en: "Hi {first_name}, your {store_name} wallet balance: {balance}",
  },
  win_back: OCCASION_TEMPLATES.win_back.none,
  welcome: {
    fa: "به باشگاه مشتریان {store_name} خوش آمدید! موجودی کیف پول شما: {balance}",
    en: "Welcome to the {store_name} club! Your wallet balance: {balance}",
  },
  receipt: {
    fa: "{first_name} عزیز، از خرید شما در {store_name} سپاسگزاریم. رسید و کش‌بک این خرید: {link}",
    en: "Thank you for shopping at {store_name}, {first_name}! Your receipt and cashback: {link}",
  },
  transfer_received: {
    fa: "{sender_name} برای شما {amount} اعتبار خرید در {store_name} فرستاده است. تا {expires_at} آن را بگیرید: {link}",
    en: "{sender_name} sent you {amount} of {store_name} credit. Claim it by {expires_at}: {link}",
  },
  transfer_returned: {
    fa: "{first_name} عزیز، {amount} اعتباری که فرستاده بودید گرفته نشد و به کیف پول شما در {store_name} برگشت. موجودی: {balance}",
    en: "Hi {first_name}, the {amount} of credit you sent was not claimed and is back in your {store_name} wallet. Balance: {balance}",
  },
  birthday: OCCASION_TEMPLATES.birthday.code,
  membership_anniversary: OCCASION_TEMPLATES.membership_anniversary.code,
  first_order_anniversary: OCCASION_TEMPLATES.first_order_anniversary.code,
  nowruz: OCCASION_TEMPLATES.nowruz.code,
  yalda: OCCASION_TEMPLATES.yalda.code,
  first_order: OCCASION_TEMPLATES.first_order.code,
  referral_welcome: OCCASION_TEMPLATES.referral_welcome.code,
  referral_pending: {
    fa: "{first_name} عزیز، {friend_name} با دعوت شما از {store_name} خرید کرد! {amount} اعتبار هدیه برای شما ثبت شد که از {available_at} قابل استفاده است.",
    en: "Good news, {first_name}! {friend_name} ordered from {store_name} with your invitation: {amount} of credit is yours, spendable from {available_at}.",
  },
  referral_rewarded: {
    fa: "{first_name} عزیز، {amount} اعتبار هدیه معرفی {friend_name} اکنون در کیف پول شما در {store_name} قابل استفاده است. موجودی: {balance}",
    en: "Hi {first_name}, the {amount} you earned by inviting {friend_name} is now spendable in your {store_name} wallet. Balance: {balance}",
  },
}

const VARIABLE = /\{([a-z_]+)\}/g

/** Throws INVALID_DATA naming a variable the event does not have. */
export function validateTemplateBody(event: MessageEvent, body: string) {
  if (!body.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "body must not be empty", LoyaltyErrorCode.TEMPLATE_BODY_EMPTY)
  }
  for (const [, name] of body.matchAll(VARIABLE)) {
    if (!MESSAGE_VARIABLES[event].includes(name)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `body uses {${name}}, which ${event} messages do not have (they have ${MESSAGE_VARIABLES[event]
          .map((v) => `{${v}}`)
          .join(", ")})`,
          LoyaltyErrorCode.TEMPLATE_VARIABLE_UNKNOWN
      )
    }
  }
}

export type MessageFormat = {
  locale: MessageLocale
  money_display: "toman" | "rial"
  time_zone: string
}

export type Money = { amount: string; currency_code: string }

/**
 * An amount as a shopper reads it: IRR in Toman (a tenth, whole Toman,
 * rounded down) or Rial as the shop chooses, Persian digits in Persian; other
 * currencies with their code. Display only: the ledger keeps exact amounts.
 */
// Intl formatters are costly to build (a reminder run renders 100,000
// messages): one per locale and time zone.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let f = formatters.get(key)
  if (!f) {
    formatters.set(key, (f = build()))
  }
  return f as T
}

export function formatMoney(money: Money, format: MessageFormat): string {
  const currency = money.currency_code.toLowerCase()
  const fa = format.locale === "fa"
  const numbers = cached(`n:${format.locale}`, () =>
    new Intl.NumberFormat(fa ? "fa-IR" : "en-US", { maximumFractionDigits: 2 })
  )
  // Intl formats decimal strings exactly (no float on the way).
  const print = (value: BigNumberJS) => numbers.format(value.toFixed() as unknown as number)
  if (currency === "irr") {
    if (format.money_display === "toman") {
      const toman = MathBN.div(money.amount, 10).decimalPlaces(0, BigNumberJS.ROUND_DOWN)
      return `${print(toman)} ${fa ? "تومان" : "Toman"}`
    }
    return `${print(MathBN.convert(money.amount))} ${fa ? "ریال" : "Rial"}`
  }
  return `${print(MathBN.convert(money.amount))} ${currency.toUpperCase()}`
}

/** A date in the shop's time zone: Jalali in Persian ("۹ آذر ۱۴۰۵"), "30 November 2026" in English. */
export function formatDate(date: Date, format: MessageFormat): string {
  const locale = format.locale === "fa" ? "fa-IR-u-ca-persian" : "en-GB"
  return cached(
    `d:${locale}:${format.time_zone}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone: format.time_zone,
        year: "numeric",
        month: "long",
        day: "numeric",
      })
  ).format(date)
}

export type MessageValues = {
  first_name?: string | null
  amount?: Money | null
  balance?: Money | null
  expires_at?: Date | null
  tier?: string | null
  store_name?: string | null
  /** A link the message carries (a receipt, a claim page). */
  link?: string | null
  /** Who sent credit, as the recipient should read it. */
  sender_name?: string | null
  /** An occasion's gift code. */
  code?: string | null
  /** What the gift gives, already in the reader's language ("20% off, up to ..."). */
  discount?: string | null
  /** Referrals: the friend (to the referrer) and the referrer (to the friend), by first name. */
  friend_name?: string | null
  referrer_name?: string | null
  /** Referrals: when the referrer's credit becomes spendable. */
  available_at?: Date | null
  /** Referrals: the smallest order that earns the friend's credit. */
  min_order?: Money | null
}

/** The message text: each `{variable}` replaced, unknown or empty ones by nothing. */
export function renderMessage(body: string, values: MessageValues, format: MessageFormat): string {
  const fa = format.locale === "fa"
  const text: Record<string, string> = {
    first_name: values.first_name?.trim() || (fa ? "مشتری" : "there"),
    amount: values.amount ? formatMoney(values.amount, format) : "",
    balance: values.balance ? formatMoney(values.balance, format) : "",
    expires_at: values.expires_at ? formatDate(values.expires_at, format) : "",
    tier: values.tier ?? "",
    store_name: values.store_name ?? "",
    link: values.link ?? "",
    sender_name: values.sender_name?.trim() || (fa ? "یکی از اعضای باشگاه" : "A club member"),
    code: values.code ?? "",
    discount: values.discount ?? "",
    friend_name: values.friend_name?.trim() || (fa ? "دوست شما" : "your friend"),
    referrer_name: values.referrer_name?.trim() || (fa ? "یکی از اعضای باشگاه" : "a club member"),
    available_at: values.available_at ? formatDate(values.available_at, format) : "",
    min_order: values.min_order ? formatMoney(values.min_order, format) : "",
  }
  return body.replace(VARIABLE, (_, name: string) => text[name] ?? "").replace(/ {2,}/g, " ").trim()
}

/** "YYYY-MM-DD" of `at` in the shop's time zone: the day of an idempotency key. */
export function shopDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(at)
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map((x) => parseInt(x, 10))
  return h * 60 + m
}

/** Minutes since midnight of `at` in the time zone. */
function localMinutes(at: Date, timeZone: string) {
  const [h, m] = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  })
    .format(at)
    .split(":")
    .map((x) => parseInt(x, 10))
  return h * 60 + m
}

/**
 * When a message queued at `at` may go: `at` outside quiet hours, else the
 * end of the quiet hours (shop time). Quiet hours may cross midnight
 * (22:00-09:00); equal start and end mean none.
 */
export function sendAfter(at: Date, start: string, end: string, timeZone: string): Date {
  const from = minutesOf(start)
  const to = minutesOf(end)
  if (from === to) {
    return at
  }
  const now = localMinutes(at, timeZone)
  const quiet = from < to ? now >= from && now < to : now >= from || now < to
  if (!quiet) {
    return at
  }
  const wait = (to - now + 24 * 60) % (24 * 60)
  // Whole minutes from now to the end, less the seconds already past.
  const aligned = new Date(at.getTime() - (at.getTime() % 60000))
  return new Date(aligned.getTime() + wait * 60000)
}

/** Checks "HH:MM". */
export function isClockTime(value: string) {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
}

export function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value })
    return true
  } catch {
    return false
  }
}

/** The UTC instant at which a shop day ("YYYY-MM-DD") starts in the time zone. */
export function shopDayStart(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map((x) => parseInt(x, 10))
  const wall = Date.UTC(y, m - 1, d)
  // The zone's offset at a moment: its wall clock read as UTC, minus the moment.
  const offset = (at: number) => {
    const parts = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    }).formatToParts(new Date(at))
    const get = (type: string) => parseInt(parts.find((p) => p.type === type)!.value, 10)
    return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - at
  }
  // Twice, for days whose midnight falls next to a daylight-saving change.
  const first = wall - offset(wall)
  return new Date(wall - offset(first))
}

/** The shop day `days` after the one `at` falls on. */
export function addShopDays(at: Date, days: number, timeZone: string): string {
  const [y, m, d] = shopDay(at, timeZone).split("-").map((x) => parseInt(x, 10))
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}
