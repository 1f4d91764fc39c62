// A rule in the admin's words: its summary ("5% on Coffee, min 1,000,000
// Toman, cap 200,000 Toman"), who earns, when it runs, when the cashback
// can be spent, what it paid. Every sentence is one translated template
// with its values in bidi-isolated slots, never words glued together.
import { ReactNode, useCallback } from "react"
import { Data, Ltr } from "../../../../components/ltr"
import { CashbackRule } from "../../../../lib/client"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { ScopeKind, ScopeRef, scopeRef } from "./rule-format"
import { fill, slot } from "./sentence"
import { ScopeNames } from "./use-scope-names"

export function useRuleText(names: ScopeNames) {
  const { t } = useLoyaltyTranslation()
  const { money, number, percent, date } = useFormat()

  /** "3 categories", when the first one's name is not known (yet). */
  const kindCount = useCallback(
    (kind: ScopeKind, count: number) => {
      const n = number(count)
      switch (kind) {
        case "product":
          return t("rules.scope.products", { count, n })
        case "category":
          return t("rules.scope.categories", { count, n })
        case "collection":
          return t("rules.scope.collections", { count, n })
        case "type":
          return t("rules.scope.types", { count, n })
        default:
          return t("rules.scope.tags", { count, n })
      }
    },
    [number, t]
  )

  /** "Coffee", "Coffee and 2 more" or "3 categories". */
  const scopeNode = useCallback(
    (ref: ScopeRef): ReactNode => {
      const name = names(ref.kind, ref.id)
      if (!name) {
        return kindCount(ref.kind, ref.count)
      }
      if (ref.count === 1) {
        return <Data>{name}</Data>
      }
      const more = ref.count - 1
      return fill(
        t("rules.summary.andMore", { count: more, n: number(more), name: slot("name") }),
        { name: <Data>{name}</Data> }
      )
    },
    [kindCount, names, number, t]
  )

  /** The rate or amount: "5%", "200,000 Toman". */
  const amount = useCallback(
    (rule: Pick<CashbackRule, "type" | "value" | "currency_code">) =>
      rule.type === "percent" ? (
        <Ltr>{percent(rule.value)}</Ltr>
      ) : rule.currency_code ? (
        <Data>{money(rule.value, rule.currency_code)}</Data>
      ) : (
        <Ltr>{number(rule.value)}</Ltr>
      ),
    [money, number, percent]
  )

  /** "5% on Coffee, min 1,000,000 Toman, cap 200,000 Toman". */
  const summary = useCallback(
    (rule: CashbackRule): ReactNode => {
      const on = scopeRef(rule.scope, false)
      const parts: ReactNode[] = []
      const value = amount(rule)
      if (rule.type === "percent") {
        parts.push(
          on
            ? fill(t("rules.summary.percentOn", { rate: slot("rate"), scope: slot("scope") }), {
                rate: value,
                scope: scopeNode(on),
              })
            : fill(t("rules.summary.percentAll", { rate: slot("rate") }), { rate: value })
        )
      } else {
        parts.push(
          on
            ? fill(t("rules.summary.fixedOn", { amount: slot("amount"), scope: slot("scope") }), {
                amount: value,
                scope: scopeNode(on),
              })
            : fill(t("rules.summary.fixedAll", { amount: slot("amount") }), { amount: value })
        )
      }
      if (rule.min_subtotal && rule.currency_code) {
        parts.push(
          fill(t("rules.summary.min", { amount: slot("amount") }), {
            amount: <Data>{money(rule.min_subtotal, rule.currency_code)}</Data>,
          })
        )
      }
      if (rule.max_amount && rule.currency_code) {
        parts.push(
          fill(t("rules.summary.cap", { amount: slot("amount") }), {
            amount: <Data>{money(rule.max_amount, rule.currency_code)}</Data>,
          })
        )
      }
      const separator = t("rules.summary.separator")
      return parts.map((part, i) => (
        <span key={i}>
          {i > 0 && separator}
          {part}
        </span>
      ))
    },
    [amount, money, scopeNode, t]
  )

  /** "Always", "From 1 Farvardin 1406", "Until …", "… to …". */
  const period = useCallback(
    (from?: string | null, to?: string | null): ReactNode => {
      const a = <Data>{date(from)}</Data>
      const b = <Data>{date(to)}</Data>
      if (from && to) {
        return fill(t("rules.window.between", { from: slot("from"), to: slot("to") }), {
          from: a,
          to: b,
        })
      }
      if (from) {
        return fill(t("rules.window.from", { date: slot("date") }), { date: a })
      }
      if (to) {
        return fill(t("rules.window.until", { date: slot("date") }), { date: b })
      }
      return t("rules.window.always")
    },
    [date, t]
  )

  /** The smaller lines under the summary: currency, tier, multiplier, exclusions. */
  const details = useCallback(
    (rule: CashbackRule): ReactNode[] => {
      const lines: ReactNode[] = []
      if (rule.type === "percent" && rule.currency_code) {
        lines.push(
          fill(t("rules.summary.currencyOnly", { currency: slot("currency") }), {
            currency: <Ltr>{rule.currency_code.toUpperCase()}</Ltr>,
          })
        )
      }
      if (rule.starts_at || rule.ends_at) {
        lines.push(
          fill(t("rules.summary.runs", { window: slot("window") }), {
            window: period(rule.starts_at, rule.ends_at),
          })
        )
      }
      const except = scopeRef(rule.scope, true)
      if (except) {
        lines.push(fill(t("rules.summary.except", { scope: slot("scope") }), { scope: scopeNode(except) }))
      }
      if (rule.use_tier_rate && rule.type === "percent") {
        lines.push(t("rules.summary.tierRate"))
      }
      if (rule.multiplier) {
        const { value, starts_at, ends_at } = rule.multiplier
        lines.push(
          fill(t("rules.summary.multiplier", { value: slot("value"), window: slot("window") }), {
            value: <Ltr>{number(String(value))}</Ltr>,
            window: period(starts_at, ends_at),
          })
        )
      }
      if (rule.use_tier_multiplier) {
        lines.push(t("rules.summary.tierMultiplier"))
      }
      return lines
    },
    [number, period, scopeNode, t]
  )

  /** Who earns: "Everyone", or "2 customer groups · 1 tier · after 1 earlier order". */
  const who = useCallback(
    (rule: CashbackRule): string => {
      const parts: string[] = []
      const groups = rule.customer_group_ids?.length ?? 0
      const tiers = rule.tier_ids?.length ?? 0
      const channels = rule.sales_channel_ids?.length ?? 0
      const orders = rule.min_previous_orders ?? 0
      if (groups) parts.push(t("rules.who.groups", { count: groups, n: number(groups) }))
      if (tiers) parts.push(t("rules.who.tiers", { count: tiers, n: number(tiers) }))
      if (channels) parts.push(t("rules.who.channels", { count: channels, n: number(channels) }))
      if (orders) parts.push(t("rules.who.afterOrders", { count: orders, n: number(orders) }))
      return parts.length ? parts.join(t("common.separator")) : t("rules.who.everyone")
    },
    [number, t]
  )

  /** When the cashback can be spent: "Right away", "14 days after the order"… */
  const release = useCallback(
    (rule: Pick<CashbackRule, "release" | "hold_days">) => {
      switch (rule.release) {
        case "fulfilled":
          return t("rules.release.fulfilledShort")
        case "hold": {
          const days = rule.hold_days ?? 0
          return t("rules.release.holdShort", { count: days, n: number(days) })
        }
        default:
          return t("rules.release.placedShort")
      }
    },
    [number, t]
  )

  /** "Expires after 30 days" or "Never expires". */
  const expiry = useCallback(
    (rule: Pick<CashbackRule, "expires_after_days">) => {
      const days = rule.expires_after_days
      return days
        ? t("rules.expiry.after", { count: days, n: number(days) })
        : t("rules.expiry.never")
    },
    [number, t]
  )

  /** What the rule paid: "3 orders", the amounts, what was taken back. */
  const usage = useCallback(
    (rule: CashbackRule) => {
      const u = rule.usage
      if (!u || !u.orders) {
        return { orders: t("rules.usage.none"), amounts: [] as ReactNode[], takenBack: [] as ReactNode[] }
      }
      return {
        orders: t("rules.usage.orders", { count: u.orders, n: number(u.orders) }),
        amounts: u.amounts.map((a) => <Data key={a.currency_code}>{money(a.awarded, a.currency_code)}</Data>),
        takenBack: u.amounts
          .filter((a) => a.taken_back !== "0")
          .map((a) =>
            fill(t("rules.usage.takenBack", { amount: slot("amount") }), {
              amount: <Data>{money(a.taken_back, a.currency_code)}</Data>,
            })
          ),
      }
    },
    [money, number, t]
  )

  return { summary, details, period, who, release, expiry, usage, amount }
}
