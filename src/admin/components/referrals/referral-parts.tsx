// The pieces the Referrals page and the customer's referrals widget share:
// a referral's status, its reasons in words, a customer linked by name, the
// referrer's reward and when it can be spent, and amounts per currency.
import { StatusBadge, Text } from "@medusajs/ui"
import { Fragment } from "react"
import { Link } from "react-router-dom"
import { CurrencyAmount } from "../../lib/client"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import {
  CustomerBrief,
  Referral,
  REASON_LABEL,
  ReferralStatus,
  STATUS_COLOR,
  STATUS_LABEL,
} from "../../lib/referrals"
import { personName } from "../../lib/transfers"
import { Data, Ltr } from "../ltr"
import { Amount } from "../wallet/amount"

/** A referral's status in words. */
export const ReferralStatusBadge = ({ status }: { status: ReferralStatus }) => {
  const { t } = useLoyaltyTranslation()
  return (
    <StatusBadge color={STATUS_COLOR[status]} data-testid="referral-status" data-status={status}>
      {t(STATUS_LABEL[status])}
    </StatusBadge>
  )
}

/**
 * Why a referral was refused or held, one reason a line; nothing when none.
 * A held one the shop let through keeps its reasons: a line says it was
 * approved, and when.
 */
export const ReferralReasons = ({
  reasons,
  referral,
}: {
  reasons: string[] | null | undefined
  /** The referral, to tell an approved one (reviewed, not refused or held). */
  referral?: Pick<Referral, "status" | "reviewed_at">
}) => {
  const { t } = useLoyaltyTranslation()
  const { date } = useFormat()
  const approved =
    referral?.reviewed_at && referral.status !== "held" && referral.status !== "refused"
  if (!reasons?.length && !approved) return null
  return (
    <ul className="flex flex-col gap-y-0.5" data-testid="referral-reasons">
      {approved && (
        <li data-testid="referral-approved">
          <Text size="xsmall" className="text-ui-fg-base">
            {t("referrals.list.approvedOn", { date: date(referral.reviewed_at) })}
          </Text>
        </li>
      )}
      {(reasons ?? []).map((reason) => (
        <li key={reason} data-testid="referral-reason" data-reason={reason}>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {REASON_LABEL[reason] ? t(REASON_LABEL[reason]) : <Ltr>{reason}</Ltr>}
          </Text>
        </li>
      ))}
    </ul>
  )
}

/**
 * A customer by name (else e-mail, else phone), linked to their page; the
 * name in its own direction, an e-mail or phone left to right.
 */
export const CustomerName = ({
  customer,
  id,
  testId,
}: {
  customer: CustomerBrief | null
  /** The id when the customer could not be read (deleted). */
  id?: string
  testId?: string
}) => {
  const { t } = useLoyaltyTranslation()
  const name = personName(customer)
  const to = customer?.id ?? id
  const label = name ? (
    <Data>{name}</Data>
  ) : customer?.email || customer?.phone ? (
    <Ltr>{customer.email || customer.phone}</Ltr>
  ) : (
    t("referrals.list.noName")
  )
  return to ? (
    <Link
      to={`/customers/${to}`}
      className="txt-compact-small-plus text-ui-fg-base hover:text-ui-fg-interactive"
      data-testid={testId}
    >
      {label}
    </Link>
  ) : (
    <Text size="small" className="text-ui-fg-muted" data-testid={testId}>
      {label}
    </Text>
  )
}

/**
 * The referrer's reward: its amount, and when it can be spent (pending),
 * since when (rewarded), or when it was taken back; a dash before there is
 * one (nothing with `quiet`). `order` adds the friend's qualifying order,
 * linked; `end` lines it up at the end of the line (a widget's last column).
 */
export const ReferralReward = ({
  referral: r,
  order = false,
  quiet = false,
  end = false,
}: {
  referral: Referral
  order?: boolean
  quiet?: boolean
  end?: boolean
}) => {
  const { t } = useLoyaltyTranslation()
  const { date, money } = useFormat()
  const when =
    r.status === "pending" && r.available_at
      ? t("referrals.reward.from", { date: date(r.available_at) })
      : r.status === "rewarded"
        ? t("referrals.reward.since", { date: date(r.rewarded_at ?? r.available_at) })
        : r.status === "reversed"
          ? t("referrals.reward.takenBack", { date: date(r.reversed_at) })
          : r.status === "held" && r.held_stage === "order"
            ? t("referrals.reward.waitsReview")
            : null
  const amount = r.referrer_amount && r.currency_code && r.status !== "held"
  if (quiet && !amount && !when) return null
  return (
    <div className={`flex flex-col gap-y-0.5 ${end ? "items-end text-end" : ""}`} data-testid="referral-reward">
      {amount ? (
        <Text size="small" weight="plus" data-testid="referral-reward-amount">
          <Amount amount={r.referrer_amount!} currency={r.currency_code!} />
        </Text>
      ) : (
        !when && (
          <Text size="small" className="text-ui-fg-muted">
            —
          </Text>
        )
      )}
      {when && (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="referral-reward-when">
          {when}
        </Text>
      )}
      {order && r.order_id && r.order_total && r.currency_code && (
        <Link
          to={`/orders/${r.order_id}`}
          className="txt-compact-xsmall text-ui-fg-interactive hover:underline"
          data-testid="referral-order"
        >
          {t("referrals.reward.order", { amount: `\u2068${money(r.order_total, r.currency_code)}\u2069` })}
        </Link>
      )}
    </div>
  )
}

/** Amounts in several currencies, each isolated, separated; a dash for none. */
export const MoneyList = ({ amounts, testId }: { amounts: CurrencyAmount[] | null | undefined; testId?: string }) => {
  const { t } = useLoyaltyTranslation()
  const shown = (amounts ?? []).filter((a) => a.amount && !/^-?0*(\.0*)?$/.test(a.amount))
  if (!shown.length) {
    return (
      <span className="text-ui-fg-muted" data-testid={testId}>
        —
      </span>
    )
  }
  return (
    <span data-testid={testId}>
      {shown.map((a, i) => (
        <Fragment key={a.currency_code}>
          {i > 0 && t("common.separator")}
          <Amount amount={a.amount} currency={a.currency_code} />
        </Fragment>
      ))}
    </span>
  )
}
