import { MedusaError } from "@medusajs/framework/utils"
import { LoyaltyErrorCode } from "./error-codes"
import type { MessageEvent, MessageLocale } from "./sms-messages"

/**
 * What sets promotional SMS apart from service messages, as pure functions:
 * the campaign event and its variables, which events are promotional, the
 * opt-out line they end with, and the keywords of a reply that opts a
 * customer out of promotions (or back in).
 */

/**
 * A campaign's (or automation's) message: its wording is the campaign's own
 * (`bodies`), never a template of the Messages page, and the campaign being
 * sent is the switch, so it is neither in MESSAGE_EVENTS (the page's list,
 * the templates and `sms_events`) nor in the tables of sms-messages.ts.
 */
export const CAMPAIGN_EVENT = "campaign" as const
/** Any event a message may be composed for: the Messages page's events and campaigns. */
export type ComposeEvent = MessageEvent | typeof CAMPAIGN_EVENT

/** The variables a campaign's wording may use. */
export const CAMPAIGN_VARIABLES = [
  "first_name",
  "store_name",
  "balance",
  "code",
  "discount",
  "amount",
  "expires_at",
  "link",
]

/**
 * Promotional messages: campaigns, win-back and the occasions' greetings
 * (Iranian advertising lines and carriers tell them apart from service
 * messages). They end with the shop's opt-out line and go only to customers
 * who did not opt out of promotions; every other event is a service message
 * (balance, receipts, codes, a first order's thanks) and carries neither.
 */
export const PROMOTIONAL_EVENTS: ReadonlySet<string> = new Set<ComposeEvent>([
  CAMPAIGN_EVENT,
  "win_back",
  "birthday",
  "membership_anniversary",
  "first_order_anniversary",
  "nowruz",
  "yalda",
])

export type MessageKind = "service" | "promotional"

export function messageKindOf(event: string): MessageKind {
  return PROMOTIONAL_EVENTS.has(event) ? "promotional" : "service"
}

/**
 * The opt-out line a promotional message ends with when the shop wrote
 * none, per gateway and language. Iranian advertising lines (Kavenegar,
 * sms.ir, Ghasedak, Melipayamak, and the log and webhook gateways, whose
 * shops are Iranian by default) carry the carriers' keyword "لغو۱۱" (in
 * Persian digits; an English message writes it with Latin digits, which the
 * carriers read alike); Twilio's carriers know STOP.
 */
export function defaultOptOutLine(gateway: string, locale: MessageLocale): string {
  if (gateway === "twilio") {
    return locale === "fa" ? "لغو: STOP" : "Reply STOP to opt out"
  }
  return locale === "fa" ? "لغو۱۱" : "لغو11"
}

/** The shop's opt-out line in a language (its setting, else the gateway's default). */
export function optOutLine(
  setting: Partial<Record<MessageLocale, string | null>> | null | undefined,
  gateway: string,
  locale: MessageLocale
): string {
  const own = setting?.[locale]?.trim()
  return own || defaultOptOutLine(gateway, locale)
}

/** A promotional message's text: the wording, then the opt-out line on a line of its own. */
export function withOptOutLine(body: string, line: string): string {
  return line ? `${body}\n${line}` : body
}

/** Checks a campaign's wording: not empty, only the campaign variables. */
export function validateCampaignBody(locale: MessageLocale, body: string) {
  if (!body.trim()) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `bodies.${locale} must not be empty`,
      LoyaltyErrorCode.CAMPAIGN_BODY_INVALID
    )
  }
  for (const [, name] of body.matchAll(/\{([a-z_]+)\}/g)) {
    if (!CAMPAIGN_VARIABLES.includes(name)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `bodies.${locale} uses {${name}}, which campaign messages do not have (they have ${CAMPAIGN_VARIABLES.map(
          (v) => `{${v}}`
        ).join(", ")})`,
        LoyaltyErrorCode.CAMPAIGN_BODY_INVALID
      )
    }
  }
}

// Persian (U+06F0-06F9) and Arabic-Indic (U+0660-0669) digits as Latin ones.
function latinDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0)
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660)
  })
}

// Replies that opt a customer out of promotions: the Iranian carriers'
// keyword with or without its number, and the keywords Twilio's carriers
// honour. Compared after `replyKeyword` (Latin digits, no spaces, upper case).
const OPT_OUT_KEYWORDS = new Set(["لغو11", "لغو", "STOP", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "STOPALL"])
const OPT_IN_KEYWORDS = new Set(["START", "UNSTOP", "شروع"])

/**
 * A reply as a keyword: Persian and Arabic digits as Latin ones, Arabic
 * letter forms as Persian ("ي" "ك"), no spaces, zero-width joiners or
 * punctuation around, upper case.
 */
export function replyKeyword(text: string): string {
  return latinDigits(text)
    .replace(/\u064A/g, "\u06CC")
    .replace(/\u0643/g, "\u06A9")
    .replace(/[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, "")
    .replace(/^[.!,;:،؛]+|[.!,;:،؛]+$/g, "")
    .toUpperCase()
}

/** What a customer's reply asks: out of promotions, back in, or nothing we act on. */
export function replyIntent(text: string | null | undefined): "opt_out" | "opt_in" | null {
  const keyword = replyKeyword(text ?? "")
  if (OPT_OUT_KEYWORDS.has(keyword)) {
    return "opt_out"
  }
  return OPT_IN_KEYWORDS.has(keyword) ? "opt_in" : null
}
