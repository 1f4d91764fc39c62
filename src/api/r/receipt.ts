import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import { LoyaltyErrorCode } from "../../utils/error-codes"
import { readPublicLink, RECEIPT_LINK_KIND } from "../../utils/receipt-page-links"
import { NoticeKind, renderNoticePage, ReceiptView } from "../../utils/receipt-page"
import { MessageFormat, MessageLocale } from "../../utils/sms-messages"
import { shopperTierName } from "../../utils/tiers"
import { shopName } from "../../workflows/messages/compose-messages"
import { fetchOrderCashback } from "../utils/order-cashback"
import { shopperLanguage } from "../utils/locale"

// What every public page answers with: no caching (balances change, the
// token is in the address), no referrer (the token would leave with a tapped
// link), nothing from outside, and no framing.
const HEADERS: Record<string, string> = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
}

export function sendHtml(res: MedusaResponse, status: number, html: string) {
  res.status(status).set(HEADERS).send(html)
}

/** The order a receipt page shows, with what the page needs to know of it. */
export type ReceiptOrder = {
  id: string
  customer_id: string
  has_account: boolean
  locale: MessageLocale
  format: MessageFormat
  store_name: string
}

// A genuine link whose receipt is no more (expired, the purchase canceled)
// is 410 Gone; an altered link or one to no order we know is 404.
const NOTICE_STATUS: Record<NoticeKind, number> = { expired: 410, canceled: 410, invalid: 404, gone: 404 }

/** Answers a receipt link with the friendly page saying why it shows no receipt. */
export async function sendReceiptNotice(
  req: MedusaRequest,
  res: MedusaResponse,
  kind: NoticeKind,
  customerId?: string | null
) {
  const container = req.scope
  const lang = typeof req.query.lang === "string" ? req.query.lang : null
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const [locale, settings] = await Promise.all([
    shopperLanguage(container, lang, customerId ?? undefined),
    service.retrieveSettings(),
  ])
  sendHtml(res, NOTICE_STATUS[kind], renderNoticePage(locale, kind, await shopName(container, settings)))
}

/**
 * Opens a receipt link: the token's order (not canceled, with a customer)
 * in the page's language (`?lang=`, else the customer's SMS language, else
 * the shop's). An altered, expired or unknown link, or a canceled purchase
 * (a voided till purchase is one), has already been answered with a
 * friendly page (410 for a genuine link whose receipt is no more, else
 * 404) when this returns null: no receipt is shown and no rating taken.
 */
export async function openReceipt(req: MedusaRequest, res: MedusaResponse): Promise<ReceiptOrder | null> {
  const container = req.scope
  const lang = typeof req.query.lang === "string" ? req.query.lang : null
  const link = readPublicLink(container, RECEIPT_LINK_KIND, req.params.token)
  if (!link.ok) {
    await sendReceiptNotice(req, res, link.reason === "expired" ? "expired" : "invalid")
    return null
  }
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: orders }, settings] = await Promise.all([
    query.graph({
      entity: "order",
      fields: ["id", "customer_id", "status", "customer.has_account"],
      filters: { id: link.id },
    }),
    service.retrieveSettings(),
  ])
  const order: any = orders[0]
  if (!order?.customer_id) {
    await sendReceiptNotice(req, res, "gone")
    return null
  }
  if (order.status === "canceled") {
    await sendReceiptNotice(req, res, "canceled", order.customer_id)
    return null
  }
  const locale = await shopperLanguage(container, lang, order.customer_id)
  return {
    id: order.id,
    customer_id: order.customer_id,
    has_account: !!order.customer?.has_account,
    locale,
    format: { locale, money_display: settings.money_display, time_zone: settings.time_zone },
    store_name: await shopName(container, settings),
  }
}

/** The address of a page of this receipt, in a language (`path` after the token). */
export function receiptHref(req: MedusaRequest, path: string, locale?: MessageLocale) {
  return `/r/${encodeURIComponent(req.params.token)}${path}${locale ? `?lang=${locale}` : ""}`
}

/** What the receipt page shows of the order: items and total, cashback, balance, tier, the answer. */
export async function receiptView(
  container: MedusaContainer,
  receipt: ReceiptOrder
): Promise<Omit<ReceiptView, "claim_href" | "language_href">> {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: orders }, cashback, wallets, [tierState], [feedback]] = await Promise.all([
    query.graph({
      entity: "order",
      fields: [
        "id", "display_id", "created_at", "currency_code", "total",
        "items.id", "items.title", "items.product_title", "items.variant_title", "items.quantity", "items.total",
      ],
      filters: { id: receipt.id },
    }),
    fetchOrderCashback(container, receipt.id, receipt.locale),
    service.listWallets({ customer_id: receipt.customer_id }, { select: ["id", "currency_code"] }),
    service.listCustomerTierStates([receipt.customer_id]),
    service.listFeedbacks({ order_id: receipt.id }, { select: ["rating", "comment"] }),
  ])
  const order: any = orders[0]
  const wallet = wallets.find((w) => w.currency_code === order.currency_code)
  const [balances, tiers] = await Promise.all([
    wallet ? service.getBalances([wallet.id]) : Promise.resolve({} as Record<string, any>),
    tierState?.tier_id ? service.listTiers({ id: tierState.tier_id }) : Promise.resolve([]),
  ])
  const live = cashback.cashback.filter((c) => c.state !== "reversed")
  const earned = MathBN.sum(0, ...live.map((c) => c.amount))
  // When the whole of it can be spent: the latest date among the parts.
  const dates = live.map((c) => c.available_at).filter((d): d is Date => !!d)
  return {
    format: receipt.format,
    store_name: receipt.store_name,
    order: {
      display_id: order.display_id ?? null,
      created_at: new Date(order.created_at),
      currency_code: order.currency_code,
      total: MathBN.convert(order.total ?? 0).toFixed(),
      items: (order.items ?? []).map((i: any) => ({
        title: i.title || i.product_title || "",
        quantity: Number(i.quantity),
        total: MathBN.convert(i.total ?? 0).toFixed(),
      })),
    },
    cashback: MathBN.gt(earned, 0)
      ? {
          total: earned.toFixed(),
          available_at: dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null,
          waits_for_fulfilment: live.some((c) => c.waits_for_fulfilment),
        }
      : null,
    balance: wallet && balances[wallet.id]
      ? { available: balances[wallet.id].available, pending: balances[wallet.id].pending }
      : null,
    tier: tiers[0] ? shopperTierName(tiers[0] as any, receipt.locale) : null,
    feedback: feedback ? { rating: feedback.rating, comment: feedback.comment ?? null } : null,
  }
}

const PROBLEMS: Record<string, Record<MessageLocale, string>> = {
  [LoyaltyErrorCode.RATING_INVALID]: {
    fa: "یک امتیاز از ۱ تا ۵ انتخاب کنید.",
    en: "Choose a rating from 1 to 5.",
  },
  [LoyaltyErrorCode.COMMENT_TOO_LONG]: {
    fa: "نظر طولانی است: حداکثر ۱٬۰۰۰ نویسه.",
    en: "The comment is too long: at most 1,000 characters.",
  },
}

/** The words for an answer the workflow refused (a 400), or null for any other error. */
export function answerProblem(error: any, locale: MessageLocale): string | null {
  if (error?.type !== "invalid_data") {
    return null
  }
  return (PROBLEMS[error.code] ?? PROBLEMS[LoyaltyErrorCode.RATING_INVALID])[locale]
}
