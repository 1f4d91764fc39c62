import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import { WalletTransactionRow } from "../../modules/loyalty-club/types"
import { FEEDBACK_APOLOGY_REFERENCE } from "../../workflows/feedback/steps/gift-feedback-apology"
import { fetchWalletLedgerPage } from "./wallets"

/** What a ledger row means to the shopper: a stable code a storefront can translate. */
export type ShopperLedgerKind =
  | "cashback"
  | "cashback_taken_back"
  | "order_payment"
  | "order_credit_returned"
  | "checkout_credit_returned"
  | "order_refund"
  | "store_payment"
  | "welcome_bonus"
  | "shop_credit"
  | "shop_debit"
  | "expired"
  | "correction"
  | "transfer_sent"
  | "transfer_received"
  | "transfer_returned"
  | "feedback_gift"

const DESCRIPTIONS: Record<"en" | "fa", Record<ShopperLedgerKind, (order: string) => string>> = {
  en: {
    cashback: (o) => (o ? `Cashback for order ${o}` : "Cashback"),
    cashback_taken_back: (o) => (o ? `Cashback of order ${o} taken back` : "Cashback taken back"),
    order_payment: (o) => (o ? `Paid for order ${o}` : "Paid for an order"),
    order_credit_returned: (o) => (o ? `Credit returned from order ${o}` : "Credit returned"),
    checkout_credit_returned: () => "Credit returned from a checkout that did not complete",
    order_refund: (o) => (o ? `Refund of order ${o}` : "Refund"),
    store_payment: () => "Paid in store",
    welcome_bonus: () => "Welcome bonus",
    shop_credit: () => "Credit from the shop",
    shop_debit: () => "Deducted by the shop",
    expired: () => "Expired",
    correction: () => "Correction",
    transfer_sent: (phone) => (phone ? `Credit sent to ${phone}` : "Credit sent"),
    transfer_received: (name) => (name ? `Credit received from ${name}` : "Credit received from a club member"),
    transfer_returned: (phone) =>
      phone ? `Credit sent to ${phone} came back: not claimed in time` : "Unclaimed credit came back",
    feedback_gift: (o) => (o ? `A gift for your feedback on order ${o}` : "A gift for your feedback"),
  },
  fa: {
    cashback: (o) => (o ? `بازگشت وجه خرید ${o}` : "بازگشت وجه خرید"),
    cashback_taken_back: (o) => (o ? `لغو بازگشت وجه خرید ${o}` : "لغو بازگشت وجه"),
    order_payment: (o) => (o ? `پرداخت سفارش ${o}` : "پرداخت سفارش"),
    order_credit_returned: (o) => (o ? `بازگشت اعتبار از سفارش ${o}` : "بازگشت اعتبار"),
    checkout_credit_returned: () => "بازگشت اعتبار از خریدی که تکمیل نشد",
    order_refund: (o) => (o ? `بازپرداخت سفارش ${o}` : "بازپرداخت"),
    store_payment: () => "پرداخت در فروشگاه",
    welcome_bonus: () => "هدیهٔ عضویت",
    shop_credit: () => "اعتبار هدیهٔ فروشگاه",
    shop_debit: () => "کسر شده توسط فروشگاه",
    expired: () => "منقضی شد",
    correction: () => "اصلاح",
    transfer_sent: (phone) => (phone ? `ارسال اعتبار به ${phone}` : "ارسال اعتبار"),
    transfer_received: (name) => (name ? `دریافت اعتبار از ${name}` : "دریافت اعتبار از یکی از اعضای باشگاه"),
    transfer_returned: (phone) =>
      phone ? `بازگشت اعتباری که به ${phone} فرستاده شد و در مهلت دریافت نشد` : "بازگشت اعتبار دریافت‌نشده",
    feedback_gift: (o) => (o ? `هدیه به پاس نظر شما دربارهٔ سفارش ${o}` : "هدیه به پاس نظر شما"),
  },
}

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
const persianDigits = (text: string) => text.replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)])

/** "+989121234567" -> "0912***4567" (a foreign number: "+1201***0123"), in the language's digits, isolated left to right. */
function maskedPhone(phone: string, locale: "en" | "fa") {
  const local = phone.startsWith("+98") ? `0${phone.slice(3)}` : phone
  const masked = `${local.slice(0, local.length - 7)}***${local.slice(-4)}`
  return locale === "fa" ? `\u2066${persianDigits(masked)}\u2069` : masked
}

function kindOf(t: WalletTransactionRow, reversed?: WalletTransactionRow): ShopperLedgerKind {
  if (t.type === "expiry") {
    return "expired"
  }
  if (t.type === "reversal") {
    if (reversed?.reference === "transfer") {
      // A transfer nobody claimed in time (or one withdrawn before it left).
      return "transfer_returned"
    }
    if (t.reference === "clawback" || reversed?.reference === "order") {
      return "cashback_taken_back"
    }
    if (reversed?.reference === "cart") {
      // The reconciliation gave back a checkout whose process died: no order.
      return t.metadata?.reason === "checkout_not_completed" ? "checkout_credit_returned" : "order_credit_returned"
    }
    return "correction"
  }
  switch (t.reference) {
    case "order":
      return "cashback"
    case "cart":
      return "order_payment"
    case "debit_give_back":
      return "order_credit_returned"
    case "order_refund":
      return "order_refund"
    case "pos_receipt":
      return "store_payment"
    case "signup":
      return "welcome_bonus"
    case "transfer":
      return t.type === "debit" ? "transfer_sent" : "transfer_received"
    case FEEDBACK_APOLOGY_REFERENCE:
      return "feedback_gift"
    default:
      return t.type === "debit" ? "shop_debit" : "shop_credit"
  }
}

/** The order a row is about, when it is about one. */
function orderIdOf(t: WalletTransactionRow): string | null {
  const fromMetadata = (t.metadata as any)?.order_id
  if (typeof fromMetadata === "string") {
    return fromMetadata
  }
  if (t.type === "credit" && t.reference === "order") {
    return t.reference_id.split(":")[0]
  }
  if (t.type === "credit" && t.reference === FEEDBACK_APOLOGY_REFERENCE) {
    return t.reference_id
  }
  return null
}

/**
 * A page of the shopper's own ledger, in words meant for them: what each
 * row was (`kind`, and `description` in their language), the amount, the
 * date, and for credit when it becomes spendable and expires. Admin notes,
 * who acted and the internal keys stay out.
 */
export async function fetchShopperLedgerPage(
  container: MedusaContainer,
  walletId: string,
  pagination: { skip?: number; take?: number },
  customerId: string,
  locale: "en" | "fa"
) {
  const page = await fetchWalletLedgerPage(container, walletId, pagination, { customer_id: customerId })
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const rows = page.transactions

  // Reversals name the row they undo: read the ones not on this page.
  const byId = new Map(rows.map((t) => [t.id, t]))
  const missing = [...new Set(rows.map((t) => t.reverses_id).filter((id) => id && !byId.has(id)))] as string[]
  if (missing.length) {
    const reversed = await service.listWalletTransactions({ id: missing, wallet_id: walletId })
    for (const t of reversed as any[]) {
      byId.set(t.id, { ...t, amount: String(t.amount) })
    }
  }
  const orderIds = new Set<string>()
  const cartIds = new Set<string>()
  for (const t of rows) {
    const subject = t.reverses_id ? byId.get(t.reverses_id) ?? t : t
    const orderId = orderIdOf(t) ?? orderIdOf(subject)
    if (orderId) {
      orderIds.add(orderId)
    } else if (subject.reference === "cart") {
      cartIds.add(subject.reference_id.split("#")[0])
    }
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const cartOrders = new Map<string, string>()
  if (cartIds.size) {
    const { data } = await query.graph({
      entity: "order_cart",
      fields: ["cart_id", "order_id"],
      filters: { cart_id: [...cartIds] },
    })
    for (const link of data as any[]) {
      cartOrders.set(link.cart_id, link.order_id)
      orderIds.add(link.order_id)
    }
  }
  const displayIds = new Map<string, number>()
  if (orderIds.size) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "display_id"],
      filters: { id: [...orderIds], customer_id: customerId },
    })
    for (const o of data as any[]) {
      displayIds.set(o.id, o.display_id)
    }
  }
  // Transfers name who the credit went to (the phone, masked) or came from
  // (the sender's first name).
  const transferIds = [
    ...new Set(
      rows.map((t) => (t.reverses_id ? byId.get(t.reverses_id) ?? t : t)).filter((s) => s.reference === "transfer").map((s) => s.reference_id)
    ),
  ]
  const transfers = new Map<string, { phone: string; sender_name: string | null }>()
  if (transferIds.length) {
    const found = await service.listCreditTransfers({ id: transferIds }, { select: ["id", "recipient_phone", "sender_customer_id"] })
    const { data: senders } = await query.graph({
      entity: "customer",
      fields: ["id", "first_name"],
      filters: { id: [...new Set(found.map((t: any) => t.sender_customer_id))] },
    })
    const nameOf = new Map((senders as any[]).map((c) => [c.id, c.first_name ?? null]))
    for (const t of found as any[]) {
      transfers.set(t.id, { phone: t.recipient_phone, sender_name: nameOf.get(t.sender_customer_id) ?? null })
    }
  }
  const dates = await service.listCreditDates(
    rows.filter((t) => !t.amount.startsWith("-")).map((t) => t.id)
  )

  const transactions = rows.map((t) => {
    const reversed = t.reverses_id ? byId.get(t.reverses_id) : undefined
    const subject = reversed ?? t
    const kind = kindOf(t, reversed)
    const orderId =
      orderIdOf(t) ??
      orderIdOf(subject) ??
      (subject.reference === "cart" ? cartOrders.get(subject.reference_id.split("#")[0]) ?? null : null)
    const displayId = orderId ? displayIds.get(orderId) : undefined
    const number =
      displayId === undefined
        ? ""
        : locale === "fa"
          ? `#${persianDigits(String(displayId))}`
          : `#${displayId}`
    const transfer = subject.reference === "transfer" ? transfers.get(subject.reference_id) : undefined
    const subjectText =
      kind === "transfer_received"
        ? transfer?.sender_name?.trim() ?? ""
        : transfer && (kind === "transfer_sent" || kind === "transfer_returned")
          ? maskedPhone(transfer.phone, locale)
          : number
    const credit = dates[t.id]
    return {
      id: t.id,
      kind,
      description: DESCRIPTIONS[locale][kind](subjectText),
      amount: t.amount,
      order_display_id: displayId ?? null,
      created_at: t.created_at,
      // Credit that waits for fulfilment has a far-future date: null here.
      available_at: credit?.available_at && credit.available_at.getUTCFullYear() < 9999 ? credit.available_at : null,
      waits_for_fulfilment: !!credit?.available_at && credit.available_at.getUTCFullYear() >= 9999,
      expires_at: credit?.expires_at ?? null,
    }
  })
  return { ...page, transactions }
}
