import { createDataTableColumnHelper, DataTable, Heading, Text, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { Data, Ltr } from "../../../../components/ltr"
import { TablePager } from "../../../../components/table-pager"
import { useErrorText } from "../../../../lib/api"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { RFM_LABEL, SegmentMember, useSegmentMembers } from "../../../../lib/segments"

const PAGE_SIZE = 20

const column = createDataTableColumnHelper<SegmentMember>()

/** The customers in a segment now, a page at a time, with their scores. */
export const MembersTable = ({ segmentId }: { segmentId: string }) => {
  const { t } = useLoyaltyTranslation()
  const { number, date } = useFormat()
  const errorText = useErrorText()
  const [page, setPage] = useState(0)
  const { data, isPending, error } = useSegmentMembers(segmentId, { limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  const count = data?.count ?? 0

  const columns = useMemo(
    () => [
      column.accessor("first_name", {
        header: t("segments.members.columns.customer"),
        cell: ({ row: { original: c } }) => {
          const name = [c.first_name, c.last_name].filter(Boolean).join(" ")
          return (
            <div className="flex min-w-[160px] flex-col whitespace-normal py-2">
              <Link
                to={`/customers/${c.id}`}
                className="text-ui-fg-interactive txt-compact-small hover:underline"
                data-testid="segment-member"
                onClick={(e) => e.stopPropagation()}
              >
                {name ? <Data>{name}</Data> : <Ltr>{c.email ?? c.id}</Ltr>}
              </Link>
              {(c.phone || c.email) && (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  <Ltr>{c.phone ?? c.email}</Ltr>
                </Text>
              )}
            </div>
          )
        },
      }),
      column.accessor("segment", {
        header: t("segments.members.columns.segment"),
        cell: ({ row: { original: c } }) => (
          <Text size="small">{c.segment ? t(RFM_LABEL[c.segment]) : "—"}</Text>
        ),
      }),
      column.display({
        id: "scores",
        header: t("segments.members.columns.scores"),
        cell: ({ row: { original: c } }) => (
          // In the admin's direction, so the scores line up with the header's R · F · M · L.
          <Text size="small">
            {t("segments.members.scores", {
              r: number(c.r_score ?? 0),
              f: number(c.f_score ?? 0),
              m: number(c.m_score ?? 0),
              l: number(c.l_score ?? 0),
            })}
          </Text>
        ),
      }),
      column.accessor("last_order_at", {
        header: t("segments.members.columns.lastOrder"),
        cell: ({ row: { original: c } }) => <Text size="small">{date(c.last_order_at)}</Text>,
      }),
    ],
    [date, number, t]
  )

  const table = useDataTable({
    data: data?.customers ?? [],
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
      <DataTable.Toolbar className="px-6 py-4">
        <Heading level="h2">{t("segments.members.title")}</Heading>
      </DataTable.Toolbar>
      {error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
          {errorText(error)}
        </Text>
      ) : (
        <div data-testid={isPending ? undefined : "segment-members"}>
          <DataTable.Table
            emptyState={{
              empty: { heading: t("segments.members.emptyHeading"), description: t("segments.members.emptyDescription") },
            }}
          />
        </div>
      )}
      <TablePager
        count={count}
        countLabel={t("segments.form.customers", { count, n: number(count) })}
        pageIndex={page}
        pageCount={Math.max(1, Math.ceil(count / PAGE_SIZE))}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
        testId="segment-members"
      />
    </DataTable>
  )
}
