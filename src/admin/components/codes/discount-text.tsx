// A code's discount in the admin's words ("20% off items, up to 50,000
// Toman"): one translated sentence per part, its values in bidi-isolated
// slots, so a percentage or an amount never scrambles a Persian line.
import { Fragment, ReactNode, useCallback } from "react"
import { fill, slot } from "../../routes/loyalty/cashback-rules/components/sentence"
import { Amounts, DiscountSummary, DiscountTarget } from "../../lib/codes"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { Data, Ltr } from "../ltr"

export const TARGET_LABEL = {
  items: "codes.targets.items",
  order: "codes.targets.order",
  shipping: "codes.targets.shipping",
} as const satisfies Record<DiscountTarget, string>

const TARGET_PHRASE = {
  items: "codes.discount.onItems",
  order: "codes.discount.onOrder",
  shipping: "codes.discount.onShipping",
} as const satisfies Record<DiscountTarget, string>

/** Amounts per currency, each isolated, in the currencies' order. */
export function useAmountsNode() {
  const { t } = useLoyaltyTranslation()
  const { money } = useFormat()
  return useCallback(
    (amounts: Amounts | null | undefined): ReactNode => {
      const entries = Object.entries(amounts ?? {}).sort(([a], [b]) => a.localeCompare(b))
      if (!entries.length) return null
      return entries.map(([currency, amount], i) => (
        <Fragment key={currency}>
          {i > 0 && t("common.separator")}
          <Data>{money(amount, currency)}</Data>
        </Fragment>
      ))
    },
    [money, t]
  )
}

/** `(summary, target?) => node`: "20% off items, up to 50,000 Toman". */
export function useDiscountText() {
  const { t } = useLoyaltyTranslation()
  const { money, percent } = useFormat()
  const amountsNode = useAmountsNode()
  return useCallback(
    (summary: DiscountSummary, target?: DiscountTarget): ReactNode => {
      const value =
        summary.discount_type === "percentage" ? (
          <Ltr>{percent(summary.value)}</Ltr>
        ) : summary.currency_code ? (
          <Data>{money(summary.value, summary.currency_code)}</Data>
        ) : (
          <Ltr>{summary.value}</Ltr>
        )
      const off = fill(
        summary.discount_type === "percentage"
          ? t("codes.discount.percent", { value: slot("value") })
          : t("codes.discount.fixed", { amount: slot("value") }),
        { value }
      )
      const on = target ? fill(t(TARGET_PHRASE[target], { discount: slot("off") }), { off }) : off
      const cap = summary.discount_type === "percentage" ? amountsNode(summary.max_discount) : null
      return cap ? fill(t("codes.discount.capped", { discount: slot("on"), cap: slot("cap") }), { on, cap }) : on
    },
    [amountsNode, money, percent, t]
  )
}
