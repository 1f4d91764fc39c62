import {
  createDataTableColumnHelper,
  DataTable,
  Heading,
  Input,
  StatusBadge,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { Data } from "../../../../components/ltr"
import { TablePager } from "../../../../components/table-pager"
import { useErrorText } from "../../../../lib/api"
import { BatchCode, CodeBatch, useBatchCodes, useCustomerNames } from "../../../../lib/codes"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { CodeText } from "./batch-figures"

const PAGE_SIZE = 20

const column = createDataTableColumnHelper<BatchCode>()

type CodeState = "available" | "used" | "disabled"

const stateOf = (code: BatchCode): CodeState =>
  code.used ? "used" : code.disabled_at ? "disabled" : "available"

const STATE = {
  available: { label: "codes.codeStates.available", color: "green" },
  used: { label: "codes.codeStates.used", color: "blue" },
  disabled: { label: "codes.codeStates.disabled", color: "grey" },
} as const satisfies Record<CodeState, { label: string; color: "green" | "blue" | "grey" }>

/** A batch's codes, a page at a time, searched by code. */
export const BatchCodesTable = ({ batch }: { batch: CodeBatch }) => {
  const { t } = useLoyaltyTranslation()
  const { number, date } = useFormat()
  const errorText = useErrorText()
  const [search, setSearch] = useState("")
  const [q, setQ] = useState("")
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300)
    return () => clearTimeout(timer)
  }, [search])
  const [page, setPage] = useState(0)
  useEffect(() => setPage(0), [q])
  const { data, isPending, error } = useBatchCodes(
    batch.id,
    { limit: PAGE_SIZE, offset: page * PAGE_SIZE, q: q || undefined },
    batch.status === "creating"
  )
  const count = data?.count ?? 0
  const personal = batch.kind === "personal"
  const names = useCustomerNames(
    personal ? (data?.codes ?? []).flatMap((c) => (c.customer_id ? [c.customer_id] : [])) : []
  )

  const columns = useMemo(
    () => [
      column.accessor("code", {
        header: t("codes.detail.columns.code"),
        cell: ({ row: { original: c } }) => (
          <span data-testid="batch-code">
            <CodeText code={c.code} />
          </span>
        ),
      }),
      ...(personal
        ? [
            column.accessor("customer_id", {
              header: t("codes.detail.columns.customer"),
              cell: ({ row: { original: c } }) =>
                c.customer_id ? (
                  <Link
                    to={`/customers/${c.customer_id}`}
                    className="txt-compact-small-plus text-ui-fg-base hover:text-ui-fg-interactive"
                  >
                    {names.data?.get(c.customer_id) ? (
                      <Data>{names.data.get(c.customer_id)}</Data>
                    ) : (
                      t("codes.detail.customer")
                    )}
                  </Link>
                ) : (
                  <Text size="small" className="text-ui-fg-muted">
                    —
                  </Text>
                ),
            }),
          ]
        : []),
      column.accessor("expires_at", {
        header: t("codes.detail.columns.expires"),
        cell: ({ row: { original: c } }) => (
          <Text size="small">{date(c.expires_at ?? batch.ends_at)}</Text>
        ),
      }),
      column.accessor("used", {
        header: t("codes.detail.columns.state"),
        cell: ({ row: { original: c } }) => {
          const state = stateOf(c)
          return (
            <div className="flex items-center gap-x-2">
              <StatusBadge color={STATE[state].color} data-testid="code-state" data-state={state}>
                {t(STATE[state].label)}
              </StatusBadge>
              {c.order_id && (
                <Link
                  to={`/orders/${c.order_id}`}
                  className="txt-compact-small text-ui-fg-interactive hover:underline"
                >
                  {t("codes.detail.order")}
                </Link>
              )}
            </div>
          )
        },
      }),
    ],
    [batch.ends_at, date, names.data, personal, t]
  )

  const table = useDataTable({
    data: data?.codes ?? [],
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
        <Heading level="h2">{t("codes.detail.codesTitle")}</Heading>
        <Input
          size="small"
          type="search"
          className="w-[220px]"
          placeholder={t("codes.detail.search")}
          aria-label={t("codes.detail.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="batch-codes-search"
        />
      </DataTable.Toolbar>
      {error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
          {errorText(error)}
        </Text>
      ) : (
        <div data-testid={isPending ? undefined : "batch-codes-table"}>
          <DataTable.Table
            emptyState={{
              empty: q
                ? { heading: t("common.states.noMatches"), description: t("codes.detail.empty.filtered") }
                : personal
                  ? { heading: t("codes.detail.empty.heading"), description: t("codes.detail.empty.personal") }
                  : { heading: t("codes.detail.empty.heading"), description: t("codes.detail.empty.bulk") },
            }}
          />
        </div>
      )}
      <TablePager
        count={count}
        countLabel={t("codes.detail.count", { count, n: number(count) })}
        pageIndex={page}
        pageCount={Math.max(1, Math.ceil(count / PAGE_SIZE))}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
        testId="batch-codes"
      />
    </DataTable>
  )
}
