import {
  createDataTableColumnHelper,
  DataTable,
  DataTablePaginationState,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo } from "react"
import { useFormat } from "../../lib/format"
import { TablePager } from "../table-pager"
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
          <TablePager
            count={data?.count ?? 0}
            pageIndex={page}
            pageCount={Math.max(1, Math.ceil((data?.count ?? 0) / LEDGER_PAGE_SIZE))}
            onPrevious={table.previousPage}
            onNext={table.nextPage}
            testId="wallet-ledger"
          />
        )}
      </DataTable>
    </div>
  )
}
