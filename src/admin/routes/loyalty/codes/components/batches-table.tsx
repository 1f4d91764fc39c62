import {
  Button,
  createDataTableColumnHelper,
  DataTable,
  Heading,
  Input,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { FilterSelect } from "../../../../components/filter-select"
import { BatchStatusBadge, IssueProgress, KIND_LABEL } from "../../../../components/codes/batch-status"
import { Data, Ltr } from "../../../../components/ltr"
import { TablePager } from "../../../../components/table-pager"
import { useErrorText } from "../../../../lib/api"
import { BATCH_KINDS, BatchKind, CodeBatch, useCodeBatches } from "../../../../lib/codes"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { AmountLines, BudgetText } from "./batch-figures"

const PAGE_SIZE = 20

const column = createDataTableColumnHelper<CodeBatch>()

function useDebounced(value: string, ms = 300) {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/**
 * The club's code batches, newest first, a page at a time: what each
 * gives, how far its codes are made, how many were used, the revenue of
 * the orders that used them and the campaign budget.
 */
export const BatchesTable = ({ onCreate }: { onCreate: () => void }) => {
  const { t } = useLoyaltyTranslation()
  const { number, percent, date } = useFormat()
  const errorText = useErrorText()
  const [kind, setKind] = useState<BatchKind | "">("")
  const [search, setSearch] = useState("")
  const q = useDebounced(search.trim())
  const [page, setPage] = useState(0)
  useEffect(() => setPage(0), [q])
  const { data, isPending, error } = useCodeBatches({
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
    kind: kind || undefined,
    q: q || undefined,
  })
  const count = data?.count ?? 0

  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: t("codes.list.columns.name"),
        truncateTooltip: false,
        cell: ({ row: { original: b } }) => (
          <div className="flex min-w-[160px] flex-col whitespace-normal py-2" data-testid="batch-name">
            <Link
              to={`/loyalty/codes/${b.id}`}
              className="txt-compact-small-plus text-ui-fg-base hover:text-ui-fg-interactive"
            >
              <Data>{b.name}</Data>
            </Link>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {b.prefix ? (
                <>
                  {t("codes.list.prefix")} <Ltr className="font-mono">{b.prefix}</Ltr>
                  {t("common.separator")}
                </>
              ) : null}
              {date(b.created_at)}
            </Text>
          </div>
        ),
      }),
      column.accessor("kind", {
        header: t("codes.list.columns.kind"),
        cell: ({ row: { original: b } }) => (
          <Text size="small" data-testid="batch-kind" data-kind={b.kind}>
            {t(KIND_LABEL[b.kind])}
          </Text>
        ),
      }),
      column.accessor("status", {
        header: t("codes.list.columns.status"),
        truncateTooltip: false,
        cell: ({ row: { original: b } }) => (
          <div className="flex flex-col items-start gap-y-1 py-2">
            <BatchStatusBadge status={b.status} />
            {b.status === "creating" && <IssueProgress batch={b} />}
          </div>
        ),
      }),
      column.display({
        id: "codes",
        header: t("codes.list.columns.codes"),
        cell: ({ row: { original: b } }) => (
          <Text size="small" data-testid="batch-codes">
            {number(b.stats?.codes ?? b.issued)}
          </Text>
        ),
      }),
      column.display({
        id: "used",
        header: t("codes.list.columns.used"),
        cell: ({ row: { original: b } }) => (
          <Text size="small" data-testid="batch-used">
            {number(b.stats?.used ?? 0)}
          </Text>
        ),
      }),
      column.display({
        id: "rate",
        header: t("codes.list.columns.rate"),
        cell: ({ row: { original: b } }) => (
          <Text size="small" data-testid="batch-rate">
            <Ltr>{percent(b.stats?.redemption_rate ?? "0")}</Ltr>
          </Text>
        ),
      }),
      column.display({
        id: "revenue",
        header: t("codes.list.columns.revenue"),
        cell: ({ row: { original: b } }) => <AmountLines amounts={b.stats?.revenue} testId="batch-revenue" />,
      }),
      column.display({
        id: "budget",
        header: t("codes.list.columns.budget"),
        cell: ({ row: { original: b } }) => (
          <div className="min-w-[120px] whitespace-normal">
            <BudgetText budget={b.campaign?.budget} />
          </div>
        ),
      }),
    ],
    [date, number, percent, t]
  )

  const table = useDataTable({
    data: data?.code_batches ?? [],
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
          <Heading level="h1">{t("codes.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("codes.description")}
          </Text>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          <Input
            size="small"
            type="search"
            className="w-[180px]"
            placeholder={t("codes.list.search")}
            aria-label={t("codes.list.search")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="batches-search"
          />
          <div className="w-[150px]">
            <FilterSelect
              value={kind}
              onChange={(v) => {
                setKind(v)
                setPage(0)
              }}
              anyLabel={t("codes.list.anyKind")}
              options={BATCH_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
              ariaLabel={t("codes.list.kindFilter")}
              testId="batches-kind-filter"
            />
          </div>
          <Button size="small" variant="secondary" onClick={onCreate} data-testid="batch-create">
            {t("codes.create")}
          </Button>
        </div>
      </DataTable.Toolbar>
      {error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
          {errorText(error)}
        </Text>
      ) : (
        <div data-testid={isPending ? undefined : "batches-table"}>
          <DataTable.Table
            emptyState={{
              empty:
                kind || q
                  ? { heading: t("common.states.noMatches"), description: t("codes.list.empty.filtered") }
                  : { heading: t("codes.list.empty.heading"), description: t("codes.list.empty.description") },
            }}
          />
        </div>
      )}
      <TablePager
        count={count}
        countLabel={t("codes.list.count", { count, n: number(count) })}
        pageIndex={page}
        pageCount={Math.max(1, Math.ceil(count / PAGE_SIZE))}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
        testId="batches"
      />
    </DataTable>
  )
}
