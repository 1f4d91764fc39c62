import { MessageLocale } from "./sms-messages"
import { escapeHtml, languageFooter, pageShell } from "./receipt-page"

/**
 * The "claim your account" page of a receipt (a till-only member makes an
 * online login): first a button that texts a one-time code to the phone
 * the club knows them by (shown masked; the visitor never types a phone),
 * then the code with an e-mail and a password, then done. Pure, like the
 * receipt page: a view in, HTML out.
 */

const TEXT = {
  fa: {
    title: "ساختن حساب آنلاین",
    intro: "برای ساختن حساب، کدی به شمارهٔ موبایل شما در باشگاه پیامک می‌شود:",
    send: "فرستادن کد",
    sent: "کد پیامک شد. کد، ایمیل و رمز عبور دلخواه را وارد کنید.",
    code: "کد پیامک‌شده",
    email: "ایمیل",
    password: "رمز عبور (دست‌کم ۸ نویسه)",
    create: "ساختن حساب",
    resend: "کد نرسید؟ دوباره بفرستید",
    done_title: "حساب شما آماده است",
    done: (email: string) => `از این پس با ایمیل ${email} و رمز عبورتان وارد سایت شوید. کیف پول و خریدهایتان همان‌جاست.`,
    back: "بازگشت به رسید",
    has_account: "شما حساب آنلاین دارید. با ایمیل و رمز عبورتان وارد سایت شوید.",
    no_phone: "شمارهٔ موبایلی برای شما در باشگاه ثبت نیست. از فروشگاه کمک بخواهید.",
    limited: "چند کد پشت سر هم خواسته شد. چند دقیقهٔ دیگر دوباره امتحان کنید.",
    code_wrong: "کد درست نیست، پیش‌تر استفاده شده یا مهلتش گذشته است. کد تازه بخواهید.",
    email_invalid: "ایمیل درست نیست.",
    password_short: "رمز عبور باید دست‌کم ۸ نویسه باشد.",
    email_taken: "با این ایمیل پیش‌تر حسابی ساخته شده است. ایمیل دیگری وارد کنید یا وارد همان حساب شوید.",
  },
  en: {
    title: "Create your online account",
    intro: "To create your account, we text a code to your mobile number in the club:",
    send: "Send the code",
    sent: "Code sent. Enter it with an e-mail and a password of your choice.",
    code: "Code from the SMS",
    email: "E-mail",
    password: "Password (at least 8 characters)",
    create: "Create account",
    resend: "No code? Send it again",
    done_title: "Your account is ready",
    done: (email: string) => `From now on, log in on the website with ${email} and your password. Your wallet and purchases are there.`,
    back: "Back to the receipt",
    has_account: "You already have an online account. Log in on the website with your e-mail and password.",
    no_phone: "The club has no mobile number for you. Ask the shop for help.",
    limited: "Several codes were asked for in a row. Try again in a few minutes.",
    code_wrong: "The code is wrong, used or expired. Ask for a new one.",
    email_invalid: "That e-mail address is not valid.",
    password_short: "The password must be at least 8 characters.",
    email_taken: "An account with this e-mail already exists. Use another e-mail or log in to that account.",
  },
}

export type AccountProblem =
  | "no_phone"
  | "limited"
  | "code_wrong"
  | "email_invalid"
  | "password_short"
  | "email_taken"

export type AccountView = {
  locale: MessageLocale
  store_name: string
  /** `start`: send a code; `code`: code, e-mail and password; `done`; `has_account`. */
  step: "start" | "code" | "done" | "has_account"
  /** The member's phone, shown masked (last four digits). */
  phone: string | null
  email?: string | null
  problem?: AccountProblem | null
  receipt_href: string
  language_href: string
}

/** "•••• 4567" in the page's digits, left to right. */
function maskedPhone(phone: string, locale: MessageLocale) {
  // Digit by digit: a number format would drop the leading zeros of "0005".
  const last = phone.slice(-4).replace(/[0-9]/g, (d) => (locale === "fa" ? "۰۱۲۳۴۵۶۷۸۹"[Number(d)] : d))
  return `<bdi dir="ltr">•••• ${escapeHtml(last)}</bdi>`
}

export function renderAccountPage(view: AccountView): string {
  const t = TEXT[view.locale]
  const problem = view.problem ? `<p class="note bad" role="alert">${escapeHtml(t[view.problem])}</p>` : ""
  const back = `<a class="btn" href="${escapeHtml(view.receipt_href)}">${t.back}</a>`
  let content: string
  if (view.step === "has_account") {
    content = `<p>${t.has_account}</p>${back}`
  } else if (view.step === "done") {
    content = `<p class="note ok" role="status"><b>${t.done_title}</b></p><p>${escapeHtml(t.done(view.email ?? ""))
      .replace(escapeHtml(view.email ?? ""), `<bdi>${escapeHtml(view.email ?? "")}</bdi>`)}</p>${back}`
  } else if (view.step === "code") {
    content = `${problem || `<p class="note ok" role="status">${t.sent}</p>`}
<form method="post" action="">
<input type="hidden" name="step" value="claim">
<label for="code">${t.code}</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="12" dir="ltr" required>
<label for="email">${t.email}</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="254" dir="ltr" value="${escapeHtml(view.email ?? "")}" required>
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="8" maxlength="200" dir="ltr" required>
<button class="btn" type="submit">${t.create}</button>
</form>
<form method="post" action=""><input type="hidden" name="step" value="send"><button class="btn" type="submit" style="background:#fff;color:#18181b;border:1px solid #d4d4d8">${t.resend}</button></form>`
  } else {
    content = `${problem}${
      view.phone
        ? `<p>${t.intro} ${maskedPhone(view.phone, view.locale)}</p>
<form method="post" action=""><input type="hidden" name="step" value="send"><button class="btn" type="submit">${t.send}</button></form>`
        : ""
    }${back}`
  }
  const body = `<header><h1><bdi>${escapeHtml(view.store_name)}</bdi></h1><p class="muted">${t.title}</p></header>
<section class="card">${content}</section>`
  return pageShell(view.locale, `${view.store_name} · ${t.title}`, body, languageFooter(view.language_href, view.locale))
}
