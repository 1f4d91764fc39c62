import { Badge } from "@medusajs/ui"
import { Data } from "../ltr"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { LedgerEntry, LedgerType } from "./types"

const TYPE = {
  credit: "wallet.ledger.types.credit",
  debit: "wallet.ledger.types.debit",
  expiry: "wallet.ledger.types.expiry",
  reversal: "wallet.ledger.types.reversal",
  adjustment: "wallet.ledger.types.adjustment",
} as const

const TYPE_COLOR: Record<LedgerType, "green" | "blue" | "orange" | "grey"> = {
  credit: "green",
  debit: "blue",
  expiry: "orange",
  reversal: "grey",
  adjustment: "grey",
}

/**
 * What wrote an entry (its `reference`), in the admin's words. The ledger's
 * own notes of system entries are English ("Paid at checkout"), so the
 * description comes from the reference; a note staff wrote is shown as
 * written.
 */
const REFERENCE = {
  order: "wallet.ledger.references.order",
  clawback: "wallet.ledger.references.clawback",
  transaction: "wallet.ledger.references.transaction",
  debit_give_back: "wallet.ledger.references.giveBack",
  cart: "wallet.ledger.references.cart",
  order_refund: "wallet.ledger.references.orderRefund",
  pos_receipt: "wallet.ledger.references.posReceipt",
  signup: "wallet.ledger.references.signup",
  lot: "wallet.ledger.references.expiry",
  admin: "wallet.ledger.references.admin",
  feedback_apology: "wallet.ledger.references.feedbackApology",
} as const

/** Credit sent to a phone: out of the sender's wallet, into the recipient's. */
const TRANSFER = {
  debit: "wallet.ledger.references.transferSent",
  credit: "wallet.ledger.references.transferReceived",
} as const

/** The rule an order's cashback came from: the ledger writes "Cashback: <rule name>". */
const CASHBACK_NOTE = /^Cashback: (.+)$/
/** The note a refund to the wallet gets when staff wrote none. */
const DEFAULT_REFUND_NOTE = /^Refund of order \S+ into the wallet$/

export const LedgerTypeBadge = ({ type }: { type: LedgerType }) => {
  const { t } = useLoyaltyTranslation()
  return (
    <Badge size="2xsmall" color={TYPE_COLOR[type] ?? "grey"}>
      {type in TYPE ? t(TYPE[type]) : <Data>{type}</Data>}
    </Badge>
  )
}

/** One entry's description: what wrote it, and the note staff or a rule gave it. */
export const LedgerDescription = ({ entry }: { entry: LedgerEntry }) => {
  const { t } = useLoyaltyTranslation()
  const transfer = entry.reference === "transfer" ? (entry.type === "debit" ? TRANSFER.debit : TRANSFER.credit) : null
  const known = entry.reference in REFERENCE || !!transfer
  const label = transfer
    ? t(transfer)
    : known
      ? t(REFERENCE[entry.reference as keyof typeof REFERENCE])
      : null
  let detail: string | null = null
  if (entry.reference === "admin") {
    detail = entry.note
  } else if (entry.reference === "order") {
    detail = entry.note?.match(CASHBACK_NOTE)?.[1] ?? null
  } else if (entry.reference === "order_refund") {
    detail = entry.note && !DEFAULT_REFUND_NOTE.test(entry.note) ? entry.note : null
  } else if (!known) {
    detail = entry.note
  }
  if (entry.reference === "admin" && detail) {
    return <Data>{detail}</Data>
  }
  return (
    <span>
      {label}
      {label && detail && <span className="text-ui-fg-muted">{t("common.separator")}</span>}
      {detail && <Data>{detail}</Data>}
      {!label && !detail && <span className="text-ui-fg-muted">—</span>}
    </span>
  )
}
