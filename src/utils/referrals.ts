import { randomInt } from "crypto"
import { parsePhoneNumberFromString } from "libphonenumber-js/mobile"

/**
 * Referrals as pure functions: members' codes, the share link, and the
 * normalisations the fraud checks compare (e-mails, addresses, phones shown
 * masked). No database, no clock.
 */

/** Readable aloud and typed without doubt: no 0/O, 1/I/L. */
export const REFERRAL_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

/** 31^6: about 887 million codes, so collisions stay rare for any club. */
export const REFERRAL_CODE_LENGTH = 6

/** Why a claim or a qualifying order was refused; "shop_refused" is the shop's own no. */
export const REFUSAL_REASONS = [
  "self_referral",
  "self_phone",
  "self_email",
  "self_address",
  "friend_ordered",
  "friend_phone_seen",
  "referrer_cap",
  "shop_refused",
] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]

/**
 * Why a referral waits for the shop: too many claims from one address or
 * device in a shop day (at the claim), an order paid mostly with wallet
 * credit (at the order).
 */
export const HOLD_REASONS = ["many_from_address", "many_from_device", "paid_with_credit"] as const
export type HoldReason = (typeof HOLD_REASONS)[number]

/** A new referral code: six characters of the alphabet, from the system's secure random source. */
export function generateReferralCode(): string {
  let code = ""
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i++) {
    code += REFERRAL_CODE_ALPHABET[randomInt(REFERRAL_CODE_ALPHABET.length)]
  }
  return code
}

// Persian (U+06F0..) and Arabic-Indic (U+0660..) digits, as Iranian keyboards type them.
function toAsciiDigits(input: string): string {
  return input.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (digit) => {
    const code = digit.charCodeAt(0)
    return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660))
  })
}

// Spaces of every kind, the dashes people group characters with, and the
// invisible direction marks a right-to-left editor slips around pasted text.
const CODE_SEPARATORS = /[\s\-_\u2010-\u2015\u2212\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/**
 * A code as typed, read the way it was issued: trimmed, without spaces or
 * dashes, Persian and Arabic digits as ASCII, upper case.
 *
 * @example
 * normalizeReferralCode(" ab-۳۴ cd ") // "AB34CD"
 */
export function normalizeReferralCode(input: string): string {
  return toAsciiDigits(String(input ?? "")).replace(CODE_SEPARATORS, "").toUpperCase()
}

/** Whether a normalised code could have been issued (the alphabet and length). */
export function isReferralCodeShape(code: string): boolean {
  return new RegExp(`^[${REFERRAL_CODE_ALPHABET}]{${REFERRAL_CODE_LENGTH}}$`).test(code)
}

/**
 * An e-mail address as one mailbox: lower case, the local part without dots
 * and without a "+tag" (Gmail delivers `s.ara+shop@` to `sara@`; treating
 * every provider so makes a second address of the same person obvious at
 * the cost of rare look-alikes). Null for anything without a local part and
 * a domain.
 *
 * @example
 * normalizeEmail(" S.Ara+club@Gmail.com ") // "sara@gmail.com"
 */
export function normalizeEmail(input: string | null | undefined): string | null {
  const email = String(input ?? "").trim().toLowerCase()
  const at = email.lastIndexOf("@")
  if (at <= 0 || at === email.length - 1) {
    return null
  }
  const local = email.slice(0, at).split("+")[0].replace(/\./g, "")
  const domain = email.slice(at + 1)
  return local ? `${local}@${domain}` : null
}

/**
 * An address as a comparable key: the street line in lower case with
 * Persian and Arabic digits as ASCII, the Arabic yeh and kaf as the
 * Persian ones, and only letters and digits kept; then the postal code's
 * digits. Null when the street line has nothing left (an empty address
 * never matches another).
 *
 * @example
 * normalizeAddress("Valiasr St., No. ۱۲", "12345-67890") // "valiasrstno12|1234567890"
 */
export function normalizeAddress(
  address1: string | null | undefined,
  postalCode?: string | null
): string | null {
  const street = toAsciiDigits(String(address1 ?? ""))
    .toLowerCase()
    .replace(/\u064a/g, "\u06cc")
    .replace(/\u0643/g, "\u06a9")
    .replace(/[^\p{L}\p{N}]/gu, "")
  if (!street) {
    return null
  }
  const postal = toAsciiDigits(String(postalCode ?? "")).replace(/\D/g, "")
  return `${street}|${postal}`
}

/**
 * The share link: the storefront address with `ref=CODE` added to its
 * query (`?ref=` or `&ref=`), before any `#fragment`.
 *
 * @example
 * referralLink("https://shop.example.com/join", "AB34CD") // "https://shop.example.com/join?ref=AB34CD"
 * referralLink("https://shop.example.com/?utm=sms", "AB34CD") // "https://shop.example.com/?utm=sms&ref=AB34CD"
 */
export function referralLink(base: string, code: string): string {
  const hash = base.indexOf("#")
  const head = hash >= 0 ? base.slice(0, hash) : base
  const fragment = hash >= 0 ? base.slice(hash) : ""
  const query = head.indexOf("?")
  const separator = query < 0 ? "?" : query === head.length - 1 || head.endsWith("&") ? "" : "&"
  return `${head}${separator}ref=${encodeURIComponent(code)}${fragment}`
}

/**
 * A phone as a shopper may see a friend's: the national form with the
 * middle hidden for Iranian numbers (`0912***4567`), the international one
 * otherwise (`+1201***0123`). Null for no phone or one that is not a valid
 * E.164 mobile number.
 */
export function maskPhone(e164: string | null | undefined): string | null {
  if (!e164 || !/^\+\d+$/.test(e164)) {
    return null
  }
  const parsed = parsePhoneNumberFromString(e164)
  if (!parsed?.isValid()) {
    return null
  }
  const digits = parsed.countryCallingCode === "98" ? `0${parsed.nationalNumber}` : parsed.number
  return `${digits.slice(0, parsed.countryCallingCode === "98" ? 4 : 5)}***${digits.slice(-4)}`
}
