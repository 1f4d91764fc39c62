import {
  Badge,
  createDataTableColumnHelper,
  DataTable,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import { RatingStars } from "../../../../components/feedback/rating"
import { Data, Ltr } from "../../../../components/ltr"
import { TablePager } from "../../../../components/table-pager"
import { Amount } from "../../../../components/wallet/amount"
import { useErrorText } from "../../../../lib/api"
import { FeedbackFilters, FeedbackRow, useFeedbackList } from "../../../../lib/feedback"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltySettings } from "../../../../lib/query"
import { personName } from "../../../../lib/transfers"

export const FEEDBACK_PAGE_SIZE = 20

const column = createDataTableColumnHelper<FeedbackRow>()

/**
 * The answers the filters pick, newest first, a page at a time: who, which
 * order, where, the rating and comment, when, and the apology gift.
 */
export const FeedbackTable = ({
  filters,
  filtered,
  page,
  onPageChange,
}: {
  filters: FeedbackFilters
  /** Any filter is on: an empty list means nothing matches. */
  filtered: boolean
  page: number
  onPageChange: (page: number) => void
}) => {
  const { t } = useLoyaltyTranslation()
  const { number, dateTime } = useFormat()
  const errorText = useErrorText()
  const { data: settings } = useLoyaltySettings()
  const low = settings?.feedback_low_rating ?? 2
  const { data, isPending, error } = useFeedbackList(
    filters,
    FEEDBACK_PAGE_SIZE,
    page * FEEDBACK_PAGE_SIZE
  )
  const count = data?.count ?? 0

  const columns = useMemo(
    () => [
      column.accessor("customer", {
        header: t("feedback.list.columns.customer"),
        truncateTooltip: false,
        cell: ({ row: { original: f } }) => {
          const name = personName(f.customer)
          return (
            <div className="flex min-w-[140px] flex-col whitespace-normal py-2">
              {f.customer ? (
                <Link
                  to={`/customers/${f.customer.id}`}
                  className="txt-compact-small-plus text-ui-fg-base hover:text-ui-fg-interactive"
                  data-testid="feedback-customer"
                >
                  {name ? <Data>{name}</Data> : t("feedback.list.noName")}
                </Link>
              ) : (
                <Text size="small" className="text-ui-fg-muted">
                  {t("feedback.list.noCustomer")}
                </Text>
              )}
              {f.customer?.phone && (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  <Ltr>{f.customer.phone}</Ltr>
                </Text>
              )}
            </div>
          )
        },
      }),
      column.accessor("order_display_id", {
        header: t("feedback.list.columns.order"),
        truncateTooltip: false,
        cell: ({ row: { original: f } }) => (
          <div className="flex min-w-[110px] flex-col whitespace-normal py-2">
            <Link
              to={`/orders/${f.order_id}`}
              className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
              data-testid="feedback-order"
            >
              {f.order_display_id !== null && f.order_display_id !== undefined
                ? t("feedback.list.orderNumber", { n: number(f.order_display_id) })
                : t("feedback.list.order")}
            </Link>
            <div className="flex flex-wrap items-center gap-1">
              <Badge size="2xsmall" data-testid="feedback-channel" data-channel={f.channel}>
                {f.channel === "till" ? t("feedback.channels.till") : t("feedback.channels.online")}
              </Badge>
              {f.location && (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  <Data>{f.location}</Data>
                </Text>
              )}
            </div>
          </div>
        ),
      }),
      column.accessor("rating", {
        header: t("feedback.list.columns.rating"),
        size: 120,
        cell: ({ row: { original: f } }) => (
          <RatingStars rating={f.rating} low={f.rating <= low} testId="feedback-rating" />
        ),
      }),
      column.accessor("comment", {
        header: t("feedback.list.columns.comment"),
        truncateTooltip: false,
        cell: ({ row: { original: f } }) =>
          f.comment ? (
            <Text
              size="small"
              className="min-w-[200px] max-w-[360px] whitespace-normal py-2 [overflow-wrap:anywhere]"
              data-testid="feedback-comment"
            >
              <Data>{f.comment}</Data>
            </Text>
          ) : (
            <Text size="small" className="text-ui-fg-muted">
              {t("feedback.list.noComment")}
            </Text>
          ),
      }),
      column.accessor("answered_at", {
        header: t("feedback.list.columns.answered"),
        size: 150,
        cell: ({ getValue }) => (
          <Text size="small" className="whitespace-nowrap" data-testid="feedback-date">
            {dateTime(getValue())}
          </Text>
        ),
      }),
      column.accessor("gift", {
        header: t("feedback.list.columns.gift"),
        size: 130,
        cell: ({ row: { original: f } }) =>
          f.gift ? (
            <Text size="small" weight="plus" data-testid="feedback-gift">
              <Amount amount={f.gift.amount} currency={f.gift.currency_code} />
            </Text>
          ) : (
            <Text size="small" className="text-ui-fg-muted">
              —
            </Text>
          ),
      }),
    ],
    [dateTime, low, number, t]
  )

  const table = useDataTable({
    data: data?.feedback ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: count,
    isLoading: isPending,
    pagination: {
      state: { pageIndex: page, pageSize: FEEDBACK_PAGE_SIZE },
      onPaginationChange: (next) => onPageChange(next.pageIndex),
    },
  })

  return (
    <DataTable instance={table} className="[&_th]:text-start">
      {error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
          {errorText(error)}
        </Text>
      ) : (
        <div data-testid={isPending ? undefined : "feedback-table"}>
          <DataTable.Table
            emptyState={{
              empty: filtered
                ? {
                    heading: t("common.states.noMatches"),
                    description: t("feedback.list.empty.filtered"),
                  }
                : {
                    heading: t("feedback.list.empty.heading"),
                    description: t("feedback.list.empty.description"),
                  },
            }}
          />
        </div>
      )}
      <TablePager
        count={count}
        countLabel={t("feedback.list.count", { count, n: number(count) })}
        pageIndex={page}
        pageCount={Math.max(1, Math.ceil(count / FEEDBACK_PAGE_SIZE))}
        onPrevious={() => onPageChange(page - 1)}
        onNext={() => onPageChange(page + 1)}
        testId="feedback"
      />
    </DataTable>
  )
}
