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
import { useNavigate } from "react-router-dom"
import { Data } from "../../../../components/ltr"
import { TablePager } from "../../../../components/table-pager"
import { useErrorText } from "../../../../lib/api"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { Segment, useDebounced, useSegments } from "../../../../lib/segments"

const PAGE_SIZE = 20

const column = createDataTableColumnHelper<Segment>()

/** What uses a segment, in words: "2 campaigns · 1 cashback rule", or "Not used". */
export const UsedBy = ({ usage }: { usage?: Segment["usage"] }) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  if (!usage) return <Text size="small" className="text-ui-fg-muted">—</Text>
  const parts = [
    usage.campaigns ? t("segments.usage.campaigns", { count: usage.campaigns, n: number(usage.campaigns) }) : null,
    usage.rules ? t("segments.usage.rules", { count: usage.rules, n: number(usage.rules) }) : null,
    usage.batches ? t("segments.usage.batches", { count: usage.batches, n: number(usage.batches) }) : null,
  ].filter(Boolean)
  return (
    <Text size="small" className={parts.length ? "" : "text-ui-fg-muted"} data-testid="segment-used-by">
      {parts.length ? parts.join(t("common.separator")) : t("segments.usage.none")}
    </Text>
  )
}

/** The saved segments, searched by name: their last count and what uses them. */
export const SegmentsTable = ({ onCreate }: { onCreate: () => void }) => {
  const { t } = useLoyaltyTranslation()
  const { number, dateTime } = useFormat()
  const errorText = useErrorText()
  const navigate = useNavigate()
  const [search, setSearch] = useState("")
  const q = useDebounced(search.trim(), 300)
  const [page, setPage] = useState(0)
  useEffect(() => setPage(0), [q])
  const { data, isPending, error } = useSegments({
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
    q: q || undefined,
  })
  const count = data?.count ?? 0

  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: t("segments.list.columns.name"),
        cell: ({ row: { original: s } }) => (
          <div className="flex min-w-[160px] flex-col whitespace-normal py-2">
            <Text size="small" weight="plus" data-testid="segment-name">
              <Data>{s.name}</Data>
            </Text>
            {s.description && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                <Data>{s.description}</Data>
              </Text>
            )}
          </div>
        ),
      }),
      column.accessor("customer_count", {
        header: t("segments.list.columns.count"),
        cell: ({ row: { original: s } }) => (
          <div className="flex flex-col py-2" data-testid="segment-count" data-count={s.customer_count ?? undefined}>
            <Text size="small">
              {s.customer_count == null
                ? "—"
                : t("segments.form.customers", { count: s.customer_count, n: number(s.customer_count) })}
            </Text>
            {s.counted_at && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t("segments.list.countedAt", { date: dateTime(s.counted_at) })}
              </Text>
            )}
          </div>
        ),
      }),
      column.display({
        id: "usage",
        header: t("segments.list.columns.usedBy"),
        cell: ({ row: { original: s } }) => <UsedBy usage={s.usage} />,
      }),
    ],
    [dateTime, number, t]
  )

  const table = useDataTable({
    data: data?.segments ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: count,
    isLoading: isPending,
    onRowClick: (_, row) => navigate(`/loyalty/segments/${row.id}`),
    pagination: {
      state: { pageIndex: page, pageSize: PAGE_SIZE },
      onPaginationChange: (next) => setPage(next.pageIndex),
    },
  })

  return (
    <DataTable instance={table} className="[&_th]:text-start">
      <DataTable.Toolbar className="flex flex-col items-start justify-between gap-3 px-6 py-4 md:flex-row md:items-center">
        <div className="flex flex-col">
          <Heading level="h1">{t("segments.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("segments.description")}
          </Text>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          <Input
            size="small"
            type="search"
            className="w-[220px]"
            placeholder={t("segments.list.search")}
            aria-label={t("segments.list.search")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="segments-search"
          />
          <Button size="small" variant="secondary" onClick={onCreate} data-testid="segment-create">
            {t("segments.list.create")}
          </Button>
        </div>
      </DataTable.Toolbar>
      {error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
          {errorText(error)}
        </Text>
      ) : (
        <div data-testid={isPending ? undefined : "segments-table"}>
          <DataTable.Table
            emptyState={{
              empty: q
                ? { heading: t("common.states.noMatches"), description: t("segments.list.emptyFiltered") }
                : { heading: t("segments.list.emptyHeading"), description: t("segments.list.emptyDescription") },
            }}
          />
        </div>
      )}
      <TablePager
        count={count}
        countLabel={t("segments.list.count", { count, n: number(count) })}
        pageIndex={page}
        pageCount={Math.max(1, Math.ceil(count / PAGE_SIZE))}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
        testId="segments"
      />
    </DataTable>
  )
}
