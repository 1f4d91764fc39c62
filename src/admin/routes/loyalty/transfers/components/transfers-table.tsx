import {
  Button,
  createDataTableColumnHelper,
  DataTable,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { FilterSelect } from "../../../../components/filter-select"
import { Data, Ltr } from "../../../../components/ltr"
import { TablePager } from "../../../../components/table-pager"
import { STATUS_LABEL, TransferStatusBadge } from "../../../../components/transfers/transfer-status"
import { Amount } from "../../../../components/wallet/amount"
import { useErrorText } from "../../../../lib/api"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import {
  personName,
  Transfer,
  TRANSFER_STATUSES,
  TransferStatus,
  useTransfers,
} from "../../../../lib/transfers"

const PAGE_SIZE = 20

const column = createDataTableColumnHelper<Transfer>()

/** A member, linked to their page, or a line saying there is none. */
const Member = ({ person, none }: { person: Transfer["sender"]; none: string }) => {
  const name = personName(person)
  return person ? (
    <Link
      to={`/customers/${person.id}`}
      className="txt-compact-small-plus text-ui-fg-base hover:text-ui-fg-interactive"
    >
      {name ? <Data>{name}</Data> : none}
    </Link>
  ) : (
    <Text size="small" className="text-ui-fg-muted">
      {none}
    </Text>
  )
}

/**
 * Credit sent to phone numbers, newest first, of one status or all: who
 * sent how much to which number, who claimed it, and by when it must be
 * claimed before it returns to the sender.
 */
export const TransfersTable = ({ onSend }: { onSend: () => void }) => {
  const { t } = useLoyaltyTranslation()
  const { number, date, dateTime } = useFormat()
  const errorText = useErrorText()
  const [status, setStatus] = useState<TransferStatus | "">("")
  const [page, setPage] = useState(0)
  const { data, isPending, error } = useTransfers(status, PAGE_SIZE, page * PAGE_SIZE)
  const count = data?.count ?? 0

  const columns = useMemo(
    () => [
      column.accessor("sender", {
        header: t("transfers.list.columns.sender"),
        truncateTooltip: false,
        cell: ({ row: { original: tr } }) => (
          <div className="flex min-w-[130px] flex-col whitespace-normal py-2" data-testid="transfer-sender">
            <Member person={tr.sender} none={t("transfers.list.noName")} />
            <Text size="xsmall" className="text-ui-fg-subtle">
              {dateTime(tr.created_at)}
            </Text>
          </div>
        ),
      }),
      column.accessor("recipient_phone", {
        header: t("transfers.list.columns.recipient"),
        truncateTooltip: false,
        cell: ({ row: { original: tr } }) => (
          <div className="flex min-w-[130px] flex-col whitespace-normal py-2" data-testid="transfer-recipient">
            <Text size="small">
              <Ltr>{tr.recipient_phone}</Ltr>
            </Text>
            {tr.recipient && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                <Member person={tr.recipient} none={t("transfers.list.noName")} />
              </Text>
            )}
          </div>
        ),
      }),
      column.accessor("amount", {
        header: t("transfers.list.columns.amount"),
        size: 150,
        cell: ({ row: { original: tr } }) => (
          <Text size="small" weight="plus" data-testid="transfer-amount">
            <Amount amount={tr.amount} currency={tr.currency_code} />
          </Text>
        ),
      }),
      column.accessor("status", {
        header: t("transfers.list.columns.status"),
        truncateTooltip: false,
        cell: ({ row: { original: tr } }) => (
          <div className="flex min-w-[150px] flex-col items-start gap-y-0.5 whitespace-normal py-2">
            <TransferStatusBadge status={tr.status} label={t(STATUS_LABEL[tr.status])} />
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="transfer-when">
              {tr.status === "pending"
                ? t("transfers.list.claimBy", { date: dateTime(tr.claim_expires_at) })
                : tr.status === "claimed"
                  ? t("transfers.list.claimedAt", { date: dateTime(tr.claimed_at) })
                  : t("transfers.list.returnedAt", { date: dateTime(tr.returned_at) })}
            </Text>
          </div>
        ),
      }),
      column.accessor("message", {
        header: t("transfers.list.columns.message"),
        truncateTooltip: false,
        cell: ({ row: { original: tr } }) => (
          <div className="flex min-w-[160px] max-w-[280px] flex-col whitespace-normal py-2">
            {tr.message ? (
              <Text size="small" className="[overflow-wrap:anywhere]">
                <Data>{tr.message}</Data>
              </Text>
            ) : (
              <Text size="small" className="text-ui-fg-muted">
                —
              </Text>
            )}
            {tr.credit_expires_at && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t("transfers.list.creditExpires", { date: date(tr.credit_expires_at) })}
              </Text>
            )}
          </div>
        ),
      }),
    ],
    [date, dateTime, t]
  )

  const table = useDataTable({
    data: data?.transfers ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: count,
    isLoading: isPending,
    pagination: {
      state: { pageIndex: page, pageSize: PAGE_SIZE },
      onPaginationChange: (next) => setPage(next.pageIndex),
    },
  })

  return (
    <DataTable instance={table} className="[&_th]:text-start">
      <DataTable.Toolbar className="flex flex-col items-start justify-between gap-3 px-6 py-4 md:flex-row md:items-center">
        <div className="flex flex-col">
          <Heading level="h1">{t("transfers.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("transfers.description")}
          </Text>
        </div>
        <div className="flex shrink-0 items-center gap-x-2">
          <div className="w-[170px]">
            <FilterSelect
              value={status}
              onChange={(v) => {
                setStatus(v)
                setPage(0)
              }}
              anyLabel={t("transfers.list.anyStatus")}
              options={TRANSFER_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABEL[s]) }))}
              ariaLabel={t("transfers.list.statusFilter")}
              testId="transfers-status-filter"
            />
          </div>
          <Button size="small" variant="secondary" onClick={onSend} data-testid="transfer-send">
            {t("transfers.send.open")}
          </Button>
        </div>
      </DataTable.Toolbar>
      {error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
          {errorText(error)}
        </Text>
      ) : (
        <div data-testid={isPending ? undefined : "transfers-table"}>
          <DataTable.Table
            emptyState={{
              empty: status
                ? {
                    heading: t("common.states.noMatches"),
                    description: t("transfers.list.empty.filtered"),
                  }
                : {
                    heading: t("transfers.list.empty.heading"),
                    description: t("transfers.list.empty.description"),
                  },
            }}
          />
        </div>
      )}
      <TablePager
        count={count}
        countLabel={t("transfers.list.count", { count, n: number(count) })}
        pageIndex={page}
        pageCount={Math.max(1, Math.ceil(count / PAGE_SIZE))}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
        testId="transfers"
      />
    </DataTable>
  )
}
