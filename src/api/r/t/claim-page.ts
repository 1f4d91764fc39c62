import { escapeHtml, pageShell } from "../../../utils/receipt-page"
import { formatDate, formatMoney, MessageFormat, MessageLocale } from "../../../utils/sms-messages"

/**
 * The claim page as a pure function: a view in, a whole HTML document out,
 * in the receipt page's shell (no script, nothing from outside, forms that
 * post back). Everything printed from data goes through `escapeHtml`;
 * Latin names, numbers and phones inside Persian text sit in `<bdi>`.
 */

const TEXT = {
  fa: {
    title: "اعتبار هدیه",
    sent_you: (name: string, amount: string) => `${name} برای شما ${amount} اعتبار خرید فرستاده است.`,
    a_member: "یکی از اعضای باشگاه",
    claim_by: (date: string) => `تا ${date} آن را بگیرید.`,
    expires: (date: string) => `این اعتبار تا ${date} قابل استفاده است.`,
    ask_code: (phone: string) => `برای گرفتن اعتبار، کدی به ${phone} پیامک می‌کنیم.`,
    send_code: "پیامک کد",
    code: "کد پیامک‌شده",
    code_sent: (phone: string) => `کد به ${phone} فرستاده شد.`,
    claim: "گرفتن اعتبار",
    send_again: "فرستادن دوبارهٔ کد",
    wrong_code: "کد درست نیست یا مهلتش تمام شده است. کد تازه بخواهید.",
    no_code: "کد پیامک‌شده را وارد کنید.",
    limited: "کدهای زیادی خواسته شد. چند دقیقهٔ دیگر دوباره امتحان کنید.",
    claimed_now: (amount: string) => `${amount} به کیف پول شما اضافه شد.`,
    claimed: "این اعتبار پیش‌تر گرفته شده است.",
    returned: "مهلت گرفتن این اعتبار تمام شد و به فرستنده برگشت.",
    closed: "مهلت گرفتن این اعتبار تمام شده است.",
    invalid_title: "این پیوند درست نیست",
    invalid_text: "پیوند کامل باز نشد یا تغییر کرده است. پیوند پیامک را دوباره و کامل باز کنید.",
    expired_title: "مهلت این پیوند تمام شده است",
    other_language: "English",
  },
  en: {
    title: "Gift credit",
    sent_you: (name: string, amount: string) => `${name} sent you ${amount} of store credit.`,
    a_member: "A club member",
    claim_by: (date: string) => `Claim it by ${date}.`,
    expires: (date: string) => `This credit can be spent until ${date}.`,
    ask_code: (phone: string) => `To claim it, we text a code to ${phone}.`,
    send_code: "Text me the code",
    code: "Code from the SMS",
    code_sent: (phone: string) => `The code was sent to ${phone}.`,
    claim: "Claim the credit",
    send_again: "Send the code again",
    wrong_code: "That code is not right or has expired. Ask for a new one.",
    no_code: "Enter the code from the SMS.",
    limited: "Too many codes were asked for. Try again in a few minutes.",
    claimed_now: (amount: string) => `${amount} is now in your wallet.`,
    claimed: "This credit was already claimed.",
    returned: "The time to claim this credit ran out, and it went back to the sender.",
    closed: "The time to claim this credit has run out.",
    invalid_title: "This link is not right",
    invalid_text: "The link did not open in full or was changed. Open the link in the SMS again, all of it.",
    expired_title: "This link has expired",
    other_language: "فارسی",
  },
}

export type ClaimView = {
  format: MessageFormat
  store_name: string
  sender_name: string | null
  amount: string
  currency_code: string
  message: string | null
  /** The phone the credit was sent to (E.164), shown masked. */
  phone: string
  claim_expires_at: Date
  credit_expires_at: Date | null
  /** What the page offers: a code to ask for, a code to enter, or the end of the story. */
  state: "start" | "code_sent" | "claimed_now" | "claimed" | "returned" | "closed"
  problem?: "wrong_code" | "no_code" | "limited" | null
  /** The form's address (this page) and the same page in the other language. */
  action_href: string
  language_href: string
}

const bdi = (text: string) => `<bdi>${escapeHtml(text)}</bdi>`

/** "+989121234567" -> "0912***4567" (a foreign number: "+1201***0123"), Persian digits in Persian. */
function maskedPhone(phone: string, locale: MessageLocale) {
  const local = phone.startsWith("+98") ? `0${phone.slice(3)}` : phone
  const masked = `${local.slice(0, local.length - 7)}***${local.slice(-4)}`
  return locale === "fa" ? masked.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]) : masked
}

/** The claim page: who sent what, until when, and the next step. */
export function renderClaimPage(view: ClaimView): string {
  const { format } = view
  const t = TEXT[format.locale]
  const money = bdi(formatMoney({ amount: view.amount, currency_code: view.currency_code }, format))
  const sender = view.sender_name?.trim() ? bdi(view.sender_name.trim()) : t.a_member
  const phone = `<bdi dir="ltr">${escapeHtml(maskedPhone(view.phone, format.locale))}</bdi>`
  const problem = view.problem ? `<p class="note bad" role="alert">${t[view.problem]}</p>` : ""
  const form = (action: string, inner: string) =>
    `<form method="post" action="${escapeHtml(view.action_href)}"><input type="hidden" name="action" value="${action}">${inner}</form>`
  let next: string
  switch (view.state) {
    case "start":
      next = `${problem}<p>${t.ask_code(phone)}</p>${form("code", `<button class="btn" type="submit">${t.send_code}</button>`)}`
      break
    case "code_sent":
      next = `${problem}<p class="note ok">${t.code_sent(phone)}</p>${form(
        "claim",
        `<label for="code">${t.code}</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="12" dir="ltr" required><button class="btn" type="submit">${t.claim}</button>`
      )}${form("code", `<button class="btn" type="submit" style="background:#fff;color:#18181b;border:1px solid #d4d4d8">${t.send_again}</button>`)}`
      break
    case "claimed_now":
      next = `<p class="note ok big">${t.claimed_now(money)}</p>${
        view.credit_expires_at ? `<p class="muted">${t.expires(escapeHtml(formatDate(new Date(view.credit_expires_at), format)))}</p>` : ""
      }`
      break
    default:
      next = `<p class="note bad">${t[view.state]}</p>`
  }
  const open = view.state === "start" || view.state === "code_sent"
  const body = `<header><h1>${bdi(view.store_name)}</h1><p class="muted">${t.title}</p></header>
<section class="card"><p class="big">${money}</p><p>${t.sent_you(sender, money)}</p>${
    view.message ? `<blockquote class="note" dir="auto" style="background:#f4f4f5;margin:12px 0 0">${escapeHtml(view.message)}</blockquote>` : ""
  }${open ? `<p class="muted">${t.claim_by(escapeHtml(formatDate(new Date(view.claim_expires_at), format)))}</p>` : ""}</section>
<section class="card">${next}</section>`
  return pageShell(format.locale, `${view.store_name} · ${t.title}`, body, languageLink(view.language_href, format.locale))
}

function languageLink(href: string, locale: MessageLocale) {
  const other = locale === "fa" ? "en" : "fa"
  return `<footer><a href="${escapeHtml(href)}" lang="${other}" hreflang="${other}">${TEXT[locale].other_language}</a></footer>`
}

/** A friendly page instead of an error: an altered or foreign link, or one whose claim window closed. */
export function renderClaimNotice(locale: MessageLocale, kind: "invalid" | "expired", storeName: string | null): string {
  const t = TEXT[locale]
  const [title, text] = kind === "expired" ? [t.expired_title, t.closed] : [t.invalid_title, t.invalid_text]
  const body = `${storeName ? `<header><h1>${bdi(storeName)}</h1></header>` : ""}
<section class="card"><h2>${title}</h2><p class="muted">${text}</p></section>`
  return pageShell(locale, title, body)
}
