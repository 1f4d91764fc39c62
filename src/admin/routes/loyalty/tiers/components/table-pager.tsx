import { Button, Text } from "@medusajs/ui"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"

/**
 * The list's count and pages in the admin's language and digits (Medusa's
 * pagination writes its numbers in Latin digits); the page buttons only
 * when there is more than one page.
 */
export const TablePager = ({
  count,
  pageIndex,
  pageCount,
  onPrevious,
  onNext,
}: {
  count: number
  pageIndex: number
  pageCount: number
  onPrevious: () => void
  onNext: () => void
}) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  return (
    <div className="flex items-center justify-between gap-x-2 px-6 py-3">
      <Text size="small" className="text-ui-fg-subtle">
        {t("tiers.list.count", { count, n: number(count) })}
      </Text>
      {pageCount > 1 && (
        <div className="flex items-center gap-x-2">
          <Text size="small" className="text-ui-fg-subtle">
            {t("common.table.page", {
              page: number(pageIndex + 1),
              pages: number(pageCount),
            })}
          </Text>
          <Button
            type="button"
            size="small"
            variant="transparent"
            disabled={pageIndex === 0}
            onClick={onPrevious}
          >
            {t("common.table.previous")}
          </Button>
          <Button
            type="button"
            size="small"
            variant="transparent"
            disabled={pageIndex >= pageCount - 1}
            onClick={onNext}
          >
            {t("common.table.next")}
          </Button>
        </div>
      )}
    </div>
  )
}
