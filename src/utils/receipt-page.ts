import { MathBN } from "@medusajs/framework/utils"
import { formatDate, formatMoney, MessageFormat, MessageLocale, Money } from "./sms-messages"

/**
 * The public receipt pages as pure functions: a view in, a whole HTML
 * document out. Server-rendered for a phone: no script, no external asset
 * (styles inline, one font stack the phone has), forms that post back to
 * the page. Persian pages are right to left with Persian digits and Jalali
 * dates; Latin names, numbers and codes inside them sit in `<bdi>`.
 * Everything printed from data goes through `escapeHtml`.
 */

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
}

const TEXT = {
  fa: {
    receipt: "رسید خرید",
    quantity: "تعداد",
    total: "جمع کل",
    cashback: "کش‌بک این خرید",
    spendable_now: "همین حالا قابل استفاده است",
    spendable_at: (d: string) => `از ${d} قابل استفاده است`,
    spendable_fulfilment: "پس از تحویل سفارش قابل استفاده می‌شود",
    no_cashback: "این خرید کش‌بکی نداشت.",
    balance: "موجودی کیف پول",
    pending: (m: string) => `${m} در انتظار`,
    tier: "سطح باشگاه",
    rate_title: "از این خرید راضی بودید؟",
    rate_hint: "روی یک امتیاز بزنید؛ نوشتن نظر اختیاری است.",
    comment: "نظر شما (اختیاری)",
    stars: (n: string) => `${n} از ۵`,
    thanks: "ممنون! پاسخ شما ثبت شد.",
    your_answer: (n: string) => `امتیاز شما: ${n} از ۵`,
    edit_hint: "می‌توانید پاسخ خود را تغییر دهید.",
    claim_title: "حساب آنلاین بسازید",
    claim_text: "با حساب آنلاین، کیف پول و خریدهایتان را در سایت هم می‌بینید.",
    claim_link: "ساختن حساب",
    expired_title: "مهلت این پیوند تمام شده است",
    expired_text: "پیوند رسید فقط چند روز باز می‌ماند. موجودی و خریدهایتان را از فروشگاه بپرسید.",
    invalid_title: "این پیوند درست نیست",
    invalid_text: "پیوند رسید کامل باز نشد یا تغییر کرده است. پیوند پیامک را دوباره و کامل باز کنید.",
    gone_title: "این رسید پیدا نشد",
    gone_text: "این خرید دیگر در فروشگاه ثبت نیست.",
    canceled_title: "این خرید لغو شده است",
    canceled_text: "چون این خرید لغو شده، رسیدش دیگر در دسترس نیست و نمی‌شود به آن امتیاز داد. اگر پرسشی دارید، با فروشگاه تماس بگیرید.",
    other_language: "English",
    separator: "، ",
    order_no: (n: string) => `سفارش ${n}`,
    poor: "بد",
    great: "عالی",
  },
  en: {
    receipt: "Receipt",
    quantity: "Qty",
    total: "Total",
    cashback: "Cashback on this purchase",
    spendable_now: "Ready to spend now",
    spendable_at: (d: string) => `Ready to spend from ${d}`,
    spendable_fulfilment: "Ready to spend once the order is delivered",
    no_cashback: "This purchase earned no cashback.",
    balance: "Wallet balance",
    pending: (m: string) => `${m} on the way`,
    tier: "Club tier",
    rate_title: "How was your purchase?",
    rate_hint: "Tap a rating; a comment is optional.",
    comment: "Your comment (optional)",
    stars: (n: string) => `${n} of 5`,
    thanks: "Thank you! Your answer is saved.",
    your_answer: (n: string) => `Your rating: ${n} of 5`,
    edit_hint: "You can change your answer.",
    claim_title: "Create your online account",
    claim_text: "With an online account you see your wallet and purchases on the website too.",
    claim_link: "Create account",
    expired_title: "This link has expired",
    expired_text: "Receipt links stay open for a limited time. Ask the shop for your balance and purchases.",
    invalid_title: "This link is not right",
    invalid_text: "The receipt link did not open in full or was changed. Open the link in the SMS again, all of it.",
    gone_title: "Receipt not found",
    gone_text: "This purchase is no longer on record at the shop.",
    canceled_title: "This purchase was canceled",
    canceled_text: "Because this purchase was canceled, its receipt is no longer available and it can't be rated. If you have a question, please contact the shop.",
    other_language: "فارسی",
    separator: " · ",
    order_no: (n: string) => `Order #${n}`,
    poor: "Poor",
    great: "Great",
  },
}

export type PageText = typeof TEXT.fa

/** The page words in a language. */
export const receiptText = (locale: MessageLocale): PageText => TEXT[locale] as PageText

/** A whole number in the page's digits (Persian digits in Persian). */
export function formatNumber(value: number | string, locale: MessageLocale): string {
  return new Intl.NumberFormat(locale === "fa" ? "fa-IR" : "en-US", { useGrouping: false }).format(value as number)
}

export type ReceiptView = {
  format: MessageFormat
  store_name: string
  order: {
    display_id: number | null
    created_at: Date
    currency_code: string
    total: string
    items: { title: string; quantity: number; total: string }[]
  }
  cashback: { total: string; available_at: Date | null; waits_for_fulfilment: boolean } | null
  balance: { available: string; pending: string } | null
  tier: string | null
  feedback: { rating: number; comment: string | null } | null
  /** Just answered: thank them. */
  answered?: boolean
  /** A problem with the answer just sent, in the page's language. */
  problem?: string | null
  /** The comment to put back in the box after a problem. */
  draft?: string | null
  /** The "claim your account" page (till-only members), else null. */
  claim_href: string | null
  /** The same page in the other language. */
  language_href: string
}

const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f4f4f5;color:#18181b;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Tahoma,"Noto Sans Arabic","Vazirmatn",sans-serif}
main{max-width:480px;margin:0 auto;padding:16px}
header{padding:8px 4px 16px}
h1{font-size:1.4rem;margin:0 0 4px;overflow-wrap:anywhere}
h2{font-size:1.05rem;margin:0 0 8px}
.muted{color:#52525b;font-size:.9rem;margin:0}
.card{background:#fff;border-radius:14px;padding:16px;margin:0 0 12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
table{width:100%;border-collapse:collapse}
td{padding:8px 0;vertical-align:top;border-bottom:1px solid #e4e4e7}
td.n{text-align:end;white-space:nowrap;padding-inline-start:12px}
.title{overflow-wrap:anywhere}
.qty{color:#52525b;font-size:.85rem}
.total{display:flex;justify-content:space-between;gap:12px;padding-top:12px;font-weight:700;font-size:1.1rem}
.big{font-size:1.3rem;font-weight:700;margin:0}
.row{display:flex;justify-content:space-between;gap:12px;align-items:baseline;flex-wrap:wrap}
.good{color:#15803d}
.rates{display:flex;gap:8px;margin:12px 0 0}
.rates button{flex:1;min-width:44px;min-height:52px;border:1px solid #d4d4d8;border-radius:12px;background:#fff;font:inherit;font-size:1.2rem;font-weight:700;color:#18181b;cursor:pointer}
.rates button[aria-pressed=true]{background:#18181b;color:#fff;border-color:#18181b}
.rates button small{display:block;min-height:1.1em;font-size:.75rem;font-weight:400}
label{display:block;font-size:.9rem;margin:8px 0 4px;color:#3f3f46}
textarea,input{width:100%;font:inherit;padding:10px 12px;border:1px solid #d4d4d8;border-radius:10px;background:#fff;color:inherit}
textarea{min-height:72px;resize:vertical}
.btn{display:block;width:100%;min-height:48px;margin-top:12px;padding:12px;border:0;border-radius:12px;background:#18181b;color:#fff;font:inherit;font-weight:600;text-align:center;text-decoration:none;cursor:pointer}
.note{padding:12px;border-radius:10px;margin:0 0 12px}
.ok{background:#dcfce7;color:#14532d}
.bad{background:#fee2e2;color:#7f1d1d}
footer{text-align:center;padding:8px 0 24px}
footer a{display:inline-block;min-height:44px;padding:10px 16px;color:#3f3f46}
`

/** A whole page in the language's direction, with nothing from outside. */
export function pageShell(locale: MessageLocale, title: string, body: string, footer = ""): string {
  const dir = locale === "fa" ? "rtl" : "ltr"
  return `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
${footer}
</main>
</body>
</html>
`
}

const money = (amount: string, currency_code: string, format: MessageFormat) =>
  escapeHtml(formatMoney({ amount, currency_code } as Money, format))

/** The receipt: shop, items and total, cashback, balance and tier, the rating form, the account link. */
export function renderReceiptPage(view: ReceiptView): string {
  const { format, order } = view
  const t = receiptText(format.locale)
  const num = (n: number | string) => formatNumber(n, format.locale)
  const date = escapeHtml(formatDate(order.created_at, format))
  // A middle dot reads as a Persian zero: Persian lists take its comma.
  const orderNo = order.display_id != null ? `${t.separator}<bdi>${escapeHtml(t.order_no(num(order.display_id)))}</bdi>` : ""

  const items = order.items
    .map(
      (item) => `<tr><td><div class="title"><bdi>${escapeHtml(item.title)}</bdi></div>` +
        `<div class="qty">${t.quantity}: ${escapeHtml(num(item.quantity))}</div></td>` +
        `<td class="n"><bdi>${money(item.total, order.currency_code, format)}</bdi></td></tr>`
    )
    .join("")

  const cashback = view.cashback
    ? `<p class="big good"><bdi>${money(view.cashback.total, order.currency_code, format)}</bdi></p>
<p class="muted">${
        view.cashback.waits_for_fulfilment
          ? t.spendable_fulfilment
          : view.cashback.available_at && view.cashback.available_at > new Date()
            ? escapeHtml(t.spendable_at(formatDate(view.cashback.available_at, format)))
            : t.spendable_now
      }</p>`
    : `<p class="muted">${t.no_cashback}</p>`

  const wallet = [
    view.balance
      ? `<div class="row"><span>${t.balance}</span><b><bdi>${money(view.balance.available, order.currency_code, format)}</bdi></b></div>` +
        (MathBN.gt(view.balance.pending, 0)
          ? `<p class="muted">${escapeHtml(t.pending(formatMoney({ amount: view.balance.pending, currency_code: order.currency_code }, format)))}</p>`
          : "")
      : "",
    view.tier ? `<div class="row"><span>${t.tier}</span><b><bdi>${escapeHtml(view.tier)}</bdi></b></div>` : "",
  ].join("")

  const current = view.feedback?.rating ?? 0
  const answered = view.answered && view.feedback
    ? `<p class="note ok" role="status">${t.thanks}<br>${escapeHtml(t.your_answer(num(view.feedback.rating)))}` +
      (view.feedback.comment ? `<br>«<bdi>${escapeHtml(view.feedback.comment)}</bdi>»` : "") +
      `</p>`
    : ""
  const problem = view.problem ? `<p class="note bad" role="alert">${escapeHtml(view.problem)}</p>` : ""
  const buttons = [1, 2, 3, 4, 5]
    .map(
      (n) => `<button type="submit" name="rating" value="${n}" aria-pressed="${n === current}" ` +
        `aria-label="${escapeHtml(t.stars(num(n)))}">${escapeHtml(num(n))}<small>${n === 1 ? t.poor : n === 5 ? t.great : ""}</small></button>`
    )
    .join("")
  const comment = view.draft ?? view.feedback?.comment ?? ""
  const rating = `<section class="card" id="rate">
<h2>${t.rate_title}</h2>
${answered}${problem}
<p class="muted">${view.feedback && !view.answered ? escapeHtml(t.your_answer(num(current))) + " · " + t.edit_hint : t.rate_hint}</p>
<form method="post" action="">
<label for="comment">${t.comment}</label>
<textarea id="comment" name="comment" maxlength="1000">${escapeHtml(comment)}</textarea>
<div class="rates">${buttons}</div>
</form>
</section>`

  const claim = view.claim_href
    ? `<section class="card"><h2>${t.claim_title}</h2><p class="muted">${t.claim_text}</p>` +
      `<a class="btn" href="${escapeHtml(view.claim_href)}">${t.claim_link}</a></section>`
    : ""

  const body = `<header><h1><bdi>${escapeHtml(view.store_name)}</bdi></h1>
<p class="muted">${t.receipt}${orderNo}${t.separator}${date}</p></header>
<section class="card"><table>${items}</table>
<div class="total"><span>${t.total}</span><bdi>${money(order.total, order.currency_code, format)}</bdi></div></section>
<section class="card"><h2>${t.cashback}</h2>${cashback}</section>
${wallet ? `<section class="card">${wallet}</section>` : ""}
${rating}
${claim}`
  return pageShell(format.locale, `${view.store_name} · ${t.receipt}`, body, languageFooter(view.language_href, format.locale))
}

/** The link to the same page in the other language. */
export function languageFooter(href: string, locale: MessageLocale): string {
  const other = locale === "fa" ? "en" : "fa"
  return `<footer><a href="${escapeHtml(href)}" lang="${other}" hreflang="${other}">${receiptText(locale).other_language}</a></footer>`
}

/** Why a receipt link shows no receipt. */
export type NoticeKind = "expired" | "invalid" | "gone" | "canceled"

/** A friendly page instead of an error: an expired, altered or unknown link, or a canceled purchase. */
export function renderNoticePage(locale: MessageLocale, kind: NoticeKind, storeName?: string | null): string {
  const t = receiptText(locale)
  const [title, text] = {
    expired: [t.expired_title, t.expired_text],
    invalid: [t.invalid_title, t.invalid_text],
    gone: [t.gone_title, t.gone_text],
    canceled: [t.canceled_title, t.canceled_text],
  }[kind]
  const body = `${storeName ? `<header><h1><bdi>${escapeHtml(storeName)}</bdi></h1></header>` : ""}
<section class="card"><h2>${title}</h2><p class="muted">${text}</p></section>`
  return pageShell(locale, title, body)
}
