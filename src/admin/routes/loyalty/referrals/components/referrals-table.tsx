import {
  createDataTableColumnHelper,
  DataTable,
  Heading,
  Input,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { FilterSelect } from "../../../../components/filter-select"
import { Ltr } from "../../../../components/ltr"
import {
  CustomerName,
  ReferralReasons,
  ReferralReward,
  ReferralStatusBadge,
} from "../../../../components/referrals/referral-parts"
import { TablePager } from "../../../../components/table-pager"
import { useErrorText } from "../../../../lib/api"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import {
  CHANNEL_LABEL,
  Referral,
  REFERRAL_STATUSES,
  ReferralStatus,
  STATUS_LABEL,
  useReferrals,
} from "../../../../lib/referrals"
import { ReviewActions } from "./review-actions"
import { StatusCounts } from "./status-counts"

const PAGE_SIZE = 20

const column = createDataTableColumnHelper<Referral>()

function useDebounced(value: string, ms = 300) {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

const HELD_STAGE = {
  claim: "referrals.list.heldAtClaim",
  order: "referrals.list.heldAtOrder",
} as const

/**
 * Every referral, newest first, of one status or all, searched by code,
 * name, phone or e-mail: who brought whom, by which channel, its status and
 * why a check refused or held it, the referrer's reward and when it can be
 * spent; a held one is approved or refused here.
 */
export const ReferralsTable = () => {
  const { t } = useLoyaltyTranslation()
  const { number, dateTime } = useFormat()
  const errorText = useErrorText()
  const [status, setStatus] = useState<ReferralStatus | "">("")
  const [search, setSearch] = useState("")
  const q = useDebounced(search.trim())
  const [page, setPage] = useState(0)
  useEffect(() => setPage(0), [q])
  const { data, isPending, error } = useReferrals({
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
    status: status || undefined,
    q: q || undefined,
  })
  const count = data?.count ?? 0
  const choose = (next: ReferralStatus | "") => {
    setStatus(next)
    setPage(0)
  }

  const columns = useMemo(
    () => [
      column.accessor("friend", {
        header: t("referrals.list.columns.friend"),
        truncateTooltip: false,
        cell: ({ row: { original: r } }) => (
          <div className="flex min-w-[140px] flex-col whitespace-normal py-2">
            <CustomerName customer={r.friend} id={r.friend_id} testId="referral-friend" />
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="referral-created">
              {dateTime(r.created_at)}
            </Text>
          </div>
        ),
      }),
      column.accessor("referrer", {
        header: t("referrals.list.columns.referrer"),
        truncateTooltip: false,
        cell: ({ row: { original: r } }) => (
          <div className="flex min-w-[140px] flex-col whitespace-normal py-2">
            <CustomerName customer={r.referrer} id={r.referrer_id} testId="referral-referrer" />
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="referral-code">
              <Ltr className="font-mono">{r.code}</Ltr>
            </Text>
          </div>
        ),
      }),
      column.accessor("channel", {
        header: t("referrals.list.columns.channel"),
        cell: ({ row: { original: r } }) => (
          <Text size="small" data-testid="referral-channel" data-channel={r.channel}>
            {t(CHANNEL_LABEL[r.channel])}
          </Text>
        ),
      }),
      column.accessor("status", {
        header: t("referrals.list.columns.status"),
        truncateTooltip: false,
        cell: ({ row: { original: r } }) => (
          <div className="flex min-w-[180px] max-w-[280px] flex-col items-start gap-y-1 whitespace-normal py-2">
            <ReferralStatusBadge status={r.status} />
            {r.status === "held" && r.held_stage && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t(HELD_STAGE[r.held_stage])}
              </Text>
            )}
            <ReferralReasons reasons={r.reasons} referral={r} />
          </div>
        ),
      }),
      column.accessor("referrer_amount", {
        header: t("referrals.list.columns.reward"),
        truncateTooltip: false,
        cell: ({ row: { original: r } }) => (
          <div className="min-w-[140px] whitespace-normal py-2">
            <ReferralReward referral={r} order />
          </div>
        ),
      }),
      column.display({
        id: "review",
        header: t("referrals.list.columns.review"),
        cell: ({ row: { original: r } }) => (r.status === "held" ? <ReviewActions referral={r} /> : null),
      }),
    ],
    [dateTime, t]
  )

  const table = useDataTable({
    data: data?.referrals ?? [],
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
          <Heading level="h1">{t("referrals.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("referrals.description")}
          </Text>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          <Input
            size="small"
            type="search"
            className="w-[260px]"
            placeholder={t("referrals.list.search")}
            aria-label={t("referrals.list.search")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="referrals-search"
          />
          <div className="w-[170px]">
            <FilterSelect
              value={status}
              onChange={choose}
              anyLabel={t("referrals.list.anyStatus")}
              options={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABEL[s]) }))}
              ariaLabel={t("referrals.list.statusFilter")}
              testId="referrals-status-filter"
            />
          </div>
        </div>
      </DataTable.Toolbar>
      <StatusCounts counts={data?.counts} selected={status} onSelect={choose} />
      {error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
          {errorText(error)}
        </Text>
      ) : (
        <div data-testid={isPending ? undefined : "referrals-table"}>
          <DataTable.Table
            emptyState={{
              empty:
                status || q
                  ? { heading: t("common.states.noMatches"), description: t("referrals.list.empty.filtered") }
                  : { heading: t("referrals.list.empty.heading"), description: t("referrals.list.empty.description") },
            }}
          />
        </div>
      )}
      <TablePager
        count={count}
        countLabel={t("referrals.list.count", { count, n: number(count) })}
        pageIndex={page}
        pageCount={Math.max(1, Math.ceil(count / PAGE_SIZE))}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
        testId="referrals"
      />
    </DataTable>
  )
}
