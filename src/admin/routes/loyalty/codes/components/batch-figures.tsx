import { Text } from "@medusajs/ui"
import { Fragment } from "react"
import { Data, Ltr } from "../../../../components/ltr"
import { CampaignBudget } from "../../../../lib/codes"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"

/** Amounts per currency, one a line; a dash for none. */
export const AmountLines = ({ amounts, testId }: { amounts: Record<string, string> | null | undefined; testId?: string }) => {
  const { money } = useFormat()
  const entries = Object.entries(amounts ?? {}).sort(([a], [b]) => a.localeCompare(b))
  if (!entries.length) {
    return (
      <Text size="small" className="text-ui-fg-muted" data-testid={testId}>
        —
      </Text>
    )
  }
  return (
    <div className="flex flex-col" data-testid={testId}>
      {entries.map(([currency, amount]) => (
        <Fragment key={currency}>
          <Text size="small">
            <Data>{money(amount, currency)}</Data>
          </Text>
        </Fragment>
      ))}
    </div>
  )
}

/** A campaign budget: "12 of 100 uses" or "1,000,000 of 5,000,000 Toman spent". */
export const BudgetText = ({ budget }: { budget: CampaignBudget | null | undefined }) => {
  const { t } = useLoyaltyTranslation()
  const { money, number } = useFormat()
  if (!budget) {
    return (
      <Text size="small" className="text-ui-fg-muted" data-testid="batch-budget">
        {t("codes.budget.none")}
      </Text>
    )
  }
  const used = String(budget.used ?? 0)
  const limit = String(budget.limit)
  return (
    <Text size="small" data-testid="batch-budget" data-type={budget.type}>
      {budget.type === "usage" || !budget.currency_code
        ? t("codes.budget.usage", { used: number(used), limit: number(limit) })
        : t("codes.budget.spend", {
            used: `\u2068${money(used, budget.currency_code)}\u2069`,
            limit: `\u2068${money(limit, budget.currency_code)}\u2069`,
          })}
    </Text>
  )
}

/** A code as staff read it out: left to right, in a fixed-width face. */
export const CodeText = ({ code }: { code: string }) => (
  <Ltr className="font-mono txt-compact-small-plus">{code}</Ltr>
)
