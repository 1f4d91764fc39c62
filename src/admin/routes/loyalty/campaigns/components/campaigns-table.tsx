import {
  Button,
  createDataTableColumnHelper,
  DataTable,
  Switch,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { FilterSelect } from "../../../../components/filter-select"
import { Data } from "../../../../components/ltr"
import { TablePager } from "../../../../components/table-pager"
import { useErrorText } from "../../../../lib/api"
import {
  Campaign,
  campaignKeys,
  CampaignKind,
  CAMPAIGN_STATUSES,
  CampaignStatus,
  saveCampaign,
  STATUS_LABEL,
  useCampaigns,
} from "../../../../lib/campaigns"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import { useSegmentChoices } from "../../../../lib/segments"
import { isolate } from "../../cashback-rules/components/sentence"
import { CampaignStatusBadge } from "./campaign-status"

const PAGE_SIZE = 20

const column = createDataTableColumnHelper<Campaign>()

/** An automation on or off, asked for nothing: it only sends to customers entering its segment from now on. */
export const AutomationSwitch = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useLoyaltyTranslation()
  const toggle = useLoyaltyMutation({
    mutationFn: (on: boolean) => saveCampaign(campaign.id, { is_active: on }),
    invalidate: () => [campaignKeys.all()],
    success: (_, on) =>
      on
        ? t("campaigns.toast.automationOn", { name: isolate(campaign.name) })
        : t("campaigns.toast.automationOff", { name: isolate(campaign.name) }),
  })
  return (
    <span dir="ltr" className="flex" onClick={(e) => e.stopPropagation()}>
      <Switch
        checked={campaign.is_active}
        disabled={toggle.isPending}
        onCheckedChange={(on) => toggle.mutate(on)}
        aria-label={t("campaigns.automations.active")}
        data-testid="automation-switch"
      />
    </span>
  )
}

/** Campaigns (or automations) a page at a time, newest first, filtered by status. */
export const CampaignsTable = ({ kind, onCreate }: { kind: CampaignKind; onCreate: () => void }) => {
  const { t } = useLoyaltyTranslation()
  const { number, dateTime } = useFormat()
  const errorText = useErrorText()
  const navigate = useNavigate()
  const [status, setStatus] = useState<CampaignStatus | "">("")
  const [page, setPage] = useState(0)
  const { data, isPending, error } = useCampaigns({
    kind,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
    status: status || undefined,
  })
  const { data: segments } = useSegmentChoices()
  const count = data?.count ?? 0
  const automation = kind === "automation"

  const columns = useMemo(() => {
    const segmentName = (c: Campaign) =>
      c.segment?.name ?? segments?.find((s) => s.id === c.segment_id)?.name ?? "—"
    const name = column.accessor("name", {
      header: t("campaigns.list.columns.name"),
      cell: ({ row: { original: c } }) => (
        <Text size="small" weight="plus" data-testid="campaign-name">
          <Data>{c.name}</Data>
        </Text>
      ),
    })
    const segment = column.accessor("segment_id", {
      header: t("campaigns.list.columns.segment"),
      cell: ({ row: { original: c } }) => (
        <Text size="small">
          <Data>{segmentName(c)}</Data>
        </Text>
      ),
    })
    if (automation) {
      return [
        name,
        segment,
        column.accessor("cooldown_days", {
          header: t("campaigns.list.columns.cooldown"),
          cell: ({ row: { original: c } }) => (
            <Text size="small">{t("campaigns.list.everyDays", { n: number(c.cooldown_days ?? 30) })}</Text>
          ),
        }),
        column.accessor("recipients", {
          header: t("campaigns.list.columns.reached"),
          cell: ({ row: { original: c } }) => <Text size="small">{number(c.recipients)}</Text>,
        }),
        column.accessor("is_active", {
          header: t("campaigns.automations.active"),
          cell: ({ row: { original: c } }) => <AutomationSwitch campaign={c} />,
        }),
      ]
    }
    return [
      name,
      column.accessor("status", {
        header: t("campaigns.list.columns.status"),
        cell: ({ row: { original: c } }) => <CampaignStatusBadge status={c.status} />,
      }),
      segment,
      column.accessor("recipients", {
        header: t("campaigns.list.columns.sent"),
        cell: ({ row: { original: c } }) => (
          <Text size="small" data-testid="campaign-sent">
            {t("campaigns.list.sentOf", { sent: number(c.sent ?? 0), recipients: number(c.recipients) })}
          </Text>
        ),
      }),
      column.accessor("scheduled_at", {
        header: t("campaigns.list.columns.when"),
        cell: ({ row: { original: c } }) => (
          <Text size="small" data-testid="campaign-when">
            {c.scheduled_at ? dateTime(c.scheduled_at) : c.started_at ? dateTime(c.started_at) : "—"}
          </Text>
        ),
      }),
    ]
  }, [automation, dateTime, number, segments, t])

  const table = useDataTable({
    data: data?.campaigns ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: count,
    isLoading: isPending,
    onRowClick: (_, row) => navigate(`/loyalty/campaigns/${row.id}`),
    pagination: {
      state: { pageIndex: page, pageSize: PAGE_SIZE },
      onPaginationChange: (next) => setPage(next.pageIndex),
    },
  })

  return (
    <DataTable instance={table} className="[&_th]:text-start">
      <DataTable.Toolbar className="flex flex-col items-start justify-between gap-3 px-6 py-4 md:flex-row md:items-center">
        <Text size="small" className="text-ui-fg-subtle">
          {automation ? t("campaigns.automations.description") : t("campaigns.list.description")}
        </Text>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          {!automation && (
            <div className="w-[170px]">
              <FilterSelect
                value={status}
                onChange={(next) => {
                  setStatus(next)
                  setPage(0)
                }}
                anyLabel={t("campaigns.list.anyStatus")}
                options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABEL[s]) }))}
                ariaLabel={t("campaigns.list.statusFilter")}
                testId="campaigns-status-filter"
              />
            </div>
          )}
          <Button size="small" variant="secondary" onClick={onCreate} data-testid={automation ? "automation-create" : "campaign-create"}>
            {automation ? t("campaigns.automations.create") : t("campaigns.list.create")}
          </Button>
        </div>
      </DataTable.Toolbar>
      {error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
          {errorText(error)}
        </Text>
      ) : (
        <div data-testid={isPending ? undefined : automation ? "automations-table" : "campaigns-table"}>
          <DataTable.Table
            emptyState={{
              empty: status
                ? { heading: t("common.states.noMatches"), description: t("campaigns.list.emptyFiltered") }
                : automation
                  ? { heading: t("campaigns.automations.emptyHeading"), description: t("campaigns.automations.emptyDescription") }
                  : { heading: t("campaigns.list.emptyHeading"), description: t("campaigns.list.emptyDescription") },
            }}
          />
        </div>
      )}
      <TablePager
        count={count}
        countLabel={
          automation
            ? t("campaigns.automations.count", { count, n: number(count) })
            : t("campaigns.list.count", { count, n: number(count) })
        }
        pageIndex={page}
        pageCount={Math.max(1, Math.ceil(count / PAGE_SIZE))}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
        testId={automation ? "automations" : "campaigns"}
      />
    </DataTable>
  )
}
