import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Trophy } from "@medusajs/icons"
import {
  Button,
  Container,
  DataTable,
  DataTablePaginationState,
  Heading,
  Text,
  useDataTable,
  usePrompt,
} from "@medusajs/ui"
import { useCallback, useMemo, useState } from "react"
import { api, useErrorText } from "../../../lib/api"
import { useFormat } from "../../../lib/format"
import { useLoyaltyTranslation } from "../../../lib/i18n"
import { useLoyaltyMutation } from "../../../lib/mutation"
import { loyaltyKeys, useStoreCurrencies } from "../../../lib/query"
import { AdminTier, isolate, tierName, useTiers } from "../../../lib/tier-format"
import { TablePager } from "../../../components/table-pager"
import { useTierColumns } from "./components/tier-columns"
import { TierForm } from "./components/tier-form"
import { TierSettings } from "./components/tier-settings"

type Evaluation = {
  evaluated: number
  upgraded: number
  downgraded: number
  in_grace: number
}

const PAGE_SIZE = 20

const TiersPage = () => {
  const { t, language } = useLoyaltyTranslation()
  const { number, money } = useFormat()
  const prompt = usePrompt()
  const errorText = useErrorText()
  const { data: tiers = [], isPending, error } = useTiers()
  const { data: currencies = [] } = useStoreCurrencies()
  const [search, setSearch] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })
  // Each opening mounts a fresh form holding the tier from its first render.
  const [form, setForm] = useState<{ open: boolean; tier: AdminTier | null; key: number }>({
    open: false,
    tier: null,
    key: 0,
  })

  const openForm = useCallback(
    (tier: AdminTier | null) => setForm((f) => ({ open: true, tier, key: f.key + 1 })),
    []
  )

  const evaluate = useLoyaltyMutation({
    mutationFn: () =>
      api<Evaluation>("/admin/loyalty/tiers/evaluate", { method: "POST", body: {} }),
    // The evaluation moves customers: their tier, the club card, the counts.
    invalidate: () => [loyaltyKeys.all],
    success: (r) =>
      t("tiers.toast.evaluated", {
        count: r.evaluated,
        n: number(r.evaluated),
        up: number(r.upgraded),
        down: number(r.downgraded),
        grace: number(r.in_grace),
      }),
  })

  const remove = useLoyaltyMutation({
    mutationFn: (tier: AdminTier) =>
      api<{ moved_customers: number }>(`/admin/loyalty/tiers/${tier.id}`, {
        method: "DELETE",
      }),
    invalidate: () => [loyaltyKeys.all],
    success: (r, tier) =>
      t("tiers.toast.deleted", {
        count: r.moved_customers,
        n: number(r.moved_customers),
        name: isolate(tierName(tier, language)),
      }),
  })

  const askDelete = useCallback(
    async (tier: AdminTier) => {
      const name = isolate(tierName(tier, language))
      const confirmed = await prompt({
        title: t("tiers.delete.title", { name }),
        description: tier.member_count
          ? t("tiers.delete.withMembers", {
              count: tier.member_count,
              n: number(tier.member_count),
            })
          : t("tiers.delete.empty"),
        confirmText: t("common.actions.delete"),
        cancelText: t("common.actions.cancel"),
      })
      if (confirmed) {
        remove.mutate(tier)
      }
    },
    [language, number, prompt, remove, t]
  )

  const columns = useTierColumns({ onEdit: openForm, onDelete: askDelete })

  const found = useMemo(() => {
    const term = search.trim().toLowerCase()
    if (!term) return tiers
    return tiers.filter((tier) =>
      [tier.name, tier.names?.fa, tier.names?.en, tier.description]
        .filter(Boolean)
        .some((text) => text!.toLowerCase().includes(term))
    )
  }, [search, tiers])
  const pageRows = useMemo(
    () =>
      found.slice(
        pagination.pageIndex * pagination.pageSize,
        (pagination.pageIndex + 1) * pagination.pageSize
      ),
    [found, pagination]
  )

  const table = useDataTable({
    data: pageRows,
    columns,
    getRowId: (tier) => tier.id,
    rowCount: found.length,
    isLoading: isPending,
    search: { state: search, onSearchChange: setSearch },
    pagination: { state: pagination, onPaginationChange: setPagination },
    // Medusa's DataTable hands over its row, not the typed record.
    onRowClick: (_, row) =>
      openForm((row as unknown as { original?: AdminTier }).original ?? row),
  })

  return (
    <div className="flex flex-col gap-y-3" data-loyalty-page="tiers">
      <Container className="divide-y p-0">
        <DataTable instance={table}>
          <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
            <div>
              <Heading level="h1">{t("tiers.title")}</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {t("tiers.description")}
              </Text>
            </div>
            <div className="flex shrink-0 items-center gap-x-2">
              <DataTable.Search placeholder={t("tiers.list.search")} />
              <Button
                size="small"
                variant="secondary"
                onClick={() => evaluate.mutate(undefined)}
                isLoading={evaluate.isPending}
                disabled={!tiers.length}
                data-testid="tiers-evaluate"
              >
                {t("tiers.actions.evaluate")}
              </Button>
              <Button
                size="small"
                variant="secondary"
                onClick={() => openForm(null)}
                data-testid="tiers-create"
              >
                {t("tiers.actions.create")}
              </Button>
            </div>
          </DataTable.Toolbar>
          {error ? (
            <Text size="small" className="text-ui-fg-error px-6 py-4">
              {errorText(error)}
            </Text>
          ) : (
            <div data-testid="tiers-table">
              <DataTable.Table
                emptyState={{
                  empty: {
                    heading: t("tiers.list.empty.title"),
                    description: t("tiers.list.empty.description", {
                      amount: money("150000000", "irr"),
                    }),
                  },
                  filtered: {
                    heading: t("common.states.noMatches"),
                  },
                }}
              />
            </div>
          )}
          <TablePager
            count={found.length}
            countLabel={t("tiers.list.count", { count: found.length, n: number(found.length) })}
            testId="tiers"
            pageIndex={pagination.pageIndex}
            pageCount={Math.ceil(found.length / pagination.pageSize)}
            onPrevious={() => table.previousPage()}
            onNext={() => table.nextPage()}
          />
        </DataTable>
        {tiers.length > 1 && (
          <Text size="xsmall" className="text-ui-fg-subtle px-6 py-3">
            {t("tiers.list.rankNote")}
          </Text>
        )}
      </Container>

      <TierSettings />

      <TierForm
        key={form.key}
        open={form.open}
        onOpenChange={(open) => setForm((f) => ({ ...f, open }))}
        tier={form.tier}
        tiers={tiers}
        currencies={currencies}
      />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "common.nav.tiers",
  translationNs: "loyalty",
  icon: Trophy,
  rank: 2,
})

export default TiersPage
