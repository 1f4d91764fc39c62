import { Button, Text } from "@medusajs/ui"
import { useFormat } from "../lib/format"
import { useLoyaltyTranslation } from "../lib/i18n"

/**
 * A list's count and pages in the admin's language and digits (Medusa's
 * DataTable pagination writes Latin digits in English word order); the page
 * buttons only when there is more than one page. Test ids: `${testId}-pager`,
 * `-count`, `-page`, `-previous`, `-next`.
 */
export const TablePager = ({
  count,
  countLabel,
  pageIndex,
  pageCount,
  onPrevious,
  onNext,
  testId,
}: {
  count: number
  /** The count in words, already translated; "N results" when omitted. */
  countLabel?: string
  pageIndex: number
  pageCount: number
  onPrevious: () => void
  onNext: () => void
  testId?: string
}) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const id = (part: string) => (testId ? `${testId}-${part}` : undefined)
  return (
    <div className="flex items-center justify-between gap-x-2 px-6 py-3" data-testid={id("pager")}>
      <Text size="small" className="text-ui-fg-subtle" data-testid={id("count")}>
        {countLabel ?? t("common.table.count", { count, n: number(count) })}
      </Text>
      {pageCount > 1 && (
        <div className="flex items-center gap-x-2">
          <Text size="small" className="text-ui-fg-subtle" data-testid={id("page")}>
            {t("common.table.page", { page: number(pageIndex + 1), pages: number(pageCount) })}
          </Text>
          <Button
            type="button"
            size="small"
            variant="transparent"
            disabled={pageIndex === 0}
            onClick={onPrevious}
            data-testid={id("previous")}
          >
            {t("common.table.previous")}
          </Button>
          <Button
            type="button"
            size="small"
            variant="transparent"
            disabled={pageIndex >= pageCount - 1}
            onClick={onNext}
            data-testid={id("next")}
          >
            {t("common.table.next")}
          </Button>
        </div>
      )}
    </div>
  )
}
