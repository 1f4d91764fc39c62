import {
  Button,
  createDataTableColumnHelper,
  DataTable,
  DataTablePaginationState,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo } from "react"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { Amount } from "./amount"
import { LedgerDescription, LedgerTypeBadge } from "./ledger-labels"
import { LedgerEntry, Wallet } from "./types"
import { LEDGER_PAGE_SIZE, useWalletLedger } from "./use-wallet"

const column = createDataTableColumnHelper<LedgerEntry>()

/**
 * Every transaction of a wallet, newest first, a page at a time (the page
 * is the widget's, so a credit can bring it back to the first).
 */
export const WalletLedger = ({
  wallet,
  page,
  onPageChange,
}: {
  wallet: Wallet
  page: number
  onPageChange: (page: number) => void
}) => {
  const { t } = useLoyaltyTranslation()
  const { dateTime } = useFormat()
  const { data, isLoading } = useWalletLedger(wallet.id, page)

  const columns = useMemo(
    () => [
      column.accessor("created_at", {
        header: t("wallet.ledger.date"),
        cell: ({ getValue }) => dateTime(getValue()),
        size: 170,
      }),
      column.accessor("type", {
        header: t("wallet.ledger.type"),
        cell: ({ getValue }) => <LedgerTypeBadge type={getValue()} />,
        size: 110,
      }),
      column.accessor("note", {
        id: "details",
        header: t("wallet.ledger.details"),
        // Wraps instead of widening the table past the widget.
        truncateTooltip: false,
        cell: ({ row }) => (
          <div className="min-w-[160px] whitespace-normal break-words py-2">
            <LedgerDescription entry={row.original} />
          </div>
        ),
      }),
      column.accessor("amount", {
        header: t("wallet.ledger.amount"),
        align: "right",
        size: 150,
        cell: ({ getValue }) => {
          const amount = getValue()
          return (
            <Amount
              amount={amount}
              currency={wallet.currency_code}
              className={amount.startsWith("-") ? "" : "text-ui-tag-green-text"}
            />
          )
        },
      }),
    ],
    [dateTime, t, wallet.currency_code]
  )

  const pagination: DataTablePaginationState = { pageIndex: page, pageSize: LEDGER_PAGE_SIZE }
  const table = useDataTable({
    data: data?.transactions ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: {
      state: pagination,
      onPaginationChange: (next) => onPageChange(next.pageIndex),
    },
  })

  return (
    <div className="flex flex-col" data-testid="wallet-ledger">
      <div className="px-6 py-4">
        <Text size="small" weight="plus">
          {t("wallet.ledger.title")}
        </Text>
      </div>
      {/* Medusa's table pads its outer cells by physical side (pl/pr): in
          right-to-left the leftmost cell would touch the edge. */}
      <DataTable
        instance={table}
        className="rtl:[&_td:last-child]:pl-6 rtl:[&_th:last-child]:pl-6"
      >
        <DataTable.Table
          emptyState={{
            empty: {
              heading: t("wallet.ledger.emptyHeading"),
              description: t("wallet.ledger.emptyDescription"),
            },
          }}
        />
        {(data?.count ?? 0) > 0 && (
          <Pagination
            page={page}
            count={data?.count ?? 0}
            canPrevious={table.getCanPreviousPage()}
            canNext={table.getCanNextPage()}
            onPrevious={table.previousPage}
            onNext={table.nextPage}
          />
        )}
      </DataTable>
    </div>
  )
}

/**
 * DataTable's own pagination writes its numbers in Latin digits and its
 * sentence in English order: this one speaks the admin's language.
 */
const Pagination = ({
  page,
  count,
  canPrevious,
  canNext,
  onPrevious,
  onNext,
}: {
  page: number
  count: number
  canPrevious: boolean
  canNext: boolean
  onPrevious: () => void
  onNext: () => void
}) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const pages = Math.max(1, Math.ceil(count / LEDGER_PAGE_SIZE))
  return (
    <div
      className="text-ui-fg-subtle flex items-center justify-between px-6 py-3"
      data-testid="wallet-ledger-pagination"
    >
      <Text size="small">
        {t("common.table.count", { count, replace: { count: number(count) } })}
      </Text>
      <div className="flex items-center gap-x-2">
        <Text size="small" data-testid="wallet-ledger-page">
          {t("common.table.page", { page: number(page + 1), pages: number(pages) })}
        </Text>
        {[
          { id: "previous", label: t("common.table.previous"), enabled: canPrevious, go: onPrevious },
          { id: "next", label: t("common.table.next"), enabled: canNext, go: onNext },
        ].map((b) => (
          <Button
            key={b.id}
            type="button"
            size="small"
            variant="transparent"
            disabled={!b.enabled}
            onClick={b.go}
            data-testid={`wallet-ledger-${b.id}`}
          >
            {b.label}
          </Button>
        ))}
      </div>
    </div>
  )
}
