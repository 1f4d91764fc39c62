import { Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { KIND_LABEL } from "../../../../components/codes/batch-status"
import { TARGET_LABEL, useAmountsNode, useDiscountText } from "../../../../components/codes/discount-text"
import { Ltr } from "../../../../components/ltr"
import { CodeBatch } from "../../../../lib/codes"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { AmountLines, BudgetText } from "./batch-figures"

/** One labelled value of a batch. */
const Row = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <div className="grid grid-cols-1 gap-1 px-6 py-3 sm:grid-cols-[200px_1fr] sm:gap-4" data-testid={testId}>
    <Text size="small" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-small text-ui-fg-base min-w-0">{children}</div>
  </div>
)

const Muted = ({ children }: { children: ReactNode }) => <span className="text-ui-fg-muted">{children}</span>

/** What the batch's codes give and to whom: its template, in words. */
export const BatchTemplate = ({ batch }: { batch: CodeBatch }) => {
  const { t } = useLoyaltyTranslation()
  const { number, date } = useFormat()
  const discountText = useDiscountText()
  const amounts = useAmountsNode()
  const none = <Muted>{t("common.states.none")}</Muted>
  const count = (ids: string[] | null, key: "products" | "categories" | "groups") => {
    const n = ids?.length ?? 0
    if (!n) return null
    switch (key) {
      case "products":
        return t("codes.detail.productsCount", { count: n, n: number(n) })
      case "categories":
        return t("codes.detail.categoriesCount", { count: n, n: number(n) })
      default:
        return t("codes.detail.groupsCount", { count: n, n: number(n) })
    }
  }
  const scope = [count(batch.product_ids, "products"), count(batch.category_ids, "categories")].filter(Boolean)
  return (
    <div className="divide-y" data-testid="batch-template">
      <Row label={t("codes.detail.kind")}>{t(KIND_LABEL[batch.kind])}</Row>
      <Row label={t("codes.detail.discount")} testId="batch-discount-text">
        {discountText(
          {
            discount_type: batch.discount_type,
            value: batch.value,
            currency_code: batch.currency_code,
            max_discount: batch.max_discount,
          },
          batch.target
        )}
      </Row>
      <Row label={t("codes.detail.target")}>{t(TARGET_LABEL[batch.target])}</Row>
      <Row label={t("codes.detail.minBasket")}>{amounts(batch.min_basket) ?? none}</Row>
      <Row label={t("codes.detail.validity")} testId="batch-validity-text">
        {batch.starts_at || batch.ends_at
          ? t("codes.detail.fromTo", {
              from: batch.starts_at ? date(batch.starts_at) : t("codes.detail.now"),
              to: batch.ends_at ? date(batch.ends_at) : t("codes.detail.noEnd"),
            })
          : t("codes.detail.always")}
        {batch.kind === "personal" && batch.valid_days ? (
          <div className="text-ui-fg-subtle">
            {t("codes.detail.validDays", { count: batch.valid_days, n: number(batch.valid_days) })}
          </div>
        ) : null}
      </Row>
      <Row label={t("codes.detail.scope")}>
        {scope.length ? scope.join(t("common.separator")) : t("codes.detail.allProducts")}
        <div className="text-ui-fg-subtle">{count(batch.customer_group_ids, "groups") ?? t("codes.detail.everyCustomer")}</div>
      </Row>
      <Row label={t("codes.detail.prefix")}>{batch.prefix ? <Ltr className="font-mono">{batch.prefix}</Ltr> : none}</Row>
      {batch.kind === "bulk" && <Row label={t("codes.detail.quantity")}>{number(batch.quantity)}</Row>}
      <Row label={t("codes.detail.budget")}>
        <BudgetText budget={batch.campaign?.budget} />
      </Row>
    </div>
  )
}

/** A figure with its label, as Medusa's stat cards. */
const Figure = ({ label, children, testId }: { label: string; children: ReactNode; testId: string }) => (
  <div className="flex min-w-0 flex-col gap-y-1 rounded-lg border px-4 py-3" data-testid={testId}>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-compact-medium-plus text-ui-fg-base">{children}</div>
  </div>
)

/** How the batch did: codes, used, redemption rate, revenue and discount given. */
export const BatchStats = ({ batch }: { batch: CodeBatch }) => {
  const { t } = useLoyaltyTranslation()
  const { number, percent } = useFormat()
  const stats = batch.stats
  return (
    <div className="grid grid-cols-2 gap-3 px-6 py-4 md:grid-cols-5" data-testid="batch-stats">
      <Figure label={t("codes.list.columns.codes")} testId="batch-stat-codes">
        {number(stats?.codes ?? batch.issued)}
      </Figure>
      <Figure label={t("codes.list.columns.used")} testId="batch-stat-used">
        {number(stats?.used ?? 0)}
      </Figure>
      <Figure label={t("codes.list.columns.rate")} testId="batch-stat-rate">
        <Ltr>{percent(stats?.redemption_rate ?? "0")}</Ltr>
      </Figure>
      <Figure label={t("codes.list.columns.revenue")} testId="batch-stat-revenue">
        <AmountLines amounts={stats?.revenue} />
      </Figure>
      <Figure label={t("codes.detail.discountGiven")} testId="batch-stat-discount">
        <AmountLines amounts={stats?.discount} />
      </Figure>
    </div>
  )
}
