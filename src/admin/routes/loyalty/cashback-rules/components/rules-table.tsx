import { EllipsisHorizontal } from "@medusajs/icons"
import {
  Button,
  createDataTableColumnHelper,
  DataTable,
  DataTablePaginationState,
  DropdownMenu,
  Heading,
  IconButton,
  StatusBadge,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Fragment, useMemo, useState } from "react"
import { Data } from "../../../../components/ltr"
import { shopperNamesShown } from "../../../../components/shopper-names"
import { TablePager } from "../../../../components/table-pager"
import { api, useErrorText } from "../../../../lib/api"
import { CashbackRule } from "../../../../lib/client"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { loyaltyKeys } from "../../../../lib/query"
import { fill, slot } from "./sentence"
import { useRuleActions } from "./use-rule-actions"
import { useRuleText } from "./rule-text"
import { useScopeNames } from "./use-scope-names"

const PAGE_SIZE = 20
// The API's largest page: the club's rules are read whole, so the search
// finds any of them by name and the order stays as created.
const API_PAGE = 200

async function fetchAllRules() {
  const rules: CashbackRule[] = []
  for (let offset = 0; ; offset += API_PAGE) {
    const page = await api<{ cashback_rules: CashbackRule[]; count: number }>(
      "/admin/loyalty/cashback-rules",
      { query: { limit: API_PAGE, offset } }
    )
    rules.push(...page.cashback_rules)
    if (!page.cashback_rules.length || rules.length >= page.count) {
      break
    }
  }
  // Oldest first, so a row does not move after an edit.
  return rules.sort(
    (a, b) => a.created_at.localeCompare(b.created_at) || a.name.localeCompare(b.name)
  )
}

const column = createDataTableColumnHelper<CashbackRule>()

/** Under the rule's name: the names shoppers read, each isolated. */
const ShopperNamesLine = ({ names }: { names: string[] }) => {
  const { t } = useLoyaltyTranslation()
  if (!names.length) {
    return null
  }
  return (
    <Text size="xsmall" className="text-ui-fg-subtle" data-testid="cashback-rule-shopper-names">
      {fill(t("rules.list.shopperNames", { names: slot("names") }), {
        names: names.map((name, i) => (
          <Fragment key={i}>
            {i > 0 && t("common.separator")}
            <Data>{name}</Data>
          </Fragment>
        )),
      })}
    </Text>
  )
}

/** The rules as Medusa lists records: searched by name, a page at a time. */
export const RulesTable = ({
  onCreate,
  onEdit,
}: {
  onCreate: () => void
  onEdit: (rule: CashbackRule) => void
}) => {
  const { t, language } = useLoyaltyTranslation()
  const { number } = useFormat()
  const errorText = useErrorText()
  const actions = useRuleActions()
  const [search, setSearch] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })

  const { data: rules, isPending, error } = useQuery({
    queryKey: loyaltyKeys.rules(),
    queryFn: fetchAllRules,
  })

  const found = useMemo(() => {
    const term = search.trim().toLocaleLowerCase()
    // By any of its names: the shop's or one shoppers read.
    return (rules ?? []).filter(
      (r) =>
        !term ||
        [r.name, r.names?.fa, r.names?.en].some((n) => n?.toLocaleLowerCase().includes(term))
    )
  }, [rules, search])
  // A page emptied by a delete or a search shows the last page there is.
  const pages = Math.max(1, Math.ceil(found.length / pagination.pageSize))
  const pageIndex = Math.min(pagination.pageIndex, pages - 1)
  const shown = useMemo(
    () => found.slice(pageIndex * pagination.pageSize, (pageIndex + 1) * pagination.pageSize),
    [found, pageIndex, pagination.pageSize]
  )

  const names = useScopeNames(shown)
  const text = useRuleText(names)

  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: t("rules.list.columns.name"),
        truncateTooltip: false,
        cell: ({ row: { original: rule } }) => (
          <div className="flex min-w-[150px] max-w-[240px] flex-col whitespace-normal py-2">
            <button
              type="button"
              data-testid="cashback-rule-name"
              className="txt-compact-small-plus text-ui-fg-base hover:text-ui-fg-interactive text-start [overflow-wrap:anywhere]"
              onClick={() => onEdit(rule)}
            >
              <Data>{rule.name}</Data>
            </button>
            <ShopperNamesLine names={shopperNamesShown(rule.names, language)} />
            <Text size="xsmall" className="text-ui-fg-subtle">
              {rule.combination === "stack" ? t("rules.list.stacks") : t("rules.list.bestWins")}
              {rule.priority
                ? `${t("common.separator")}${t("rules.list.priority", { n: number(rule.priority) })}`
                : ""}
            </Text>
          </div>
        ),
      }),
      column.accessor("value", {
        id: "cashback",
        header: t("rules.list.columns.cashback"),
        truncateTooltip: false,
        cell: ({ row: { original: rule } }) => (
          <div className="flex min-w-[220px] max-w-[340px] flex-col whitespace-normal py-2">
            <Text size="small" weight="plus" data-testid="cashback-rule-summary">
              {text.summary(rule)}
            </Text>
            {text.details(rule).map((line, i) => (
              <Text key={i} size="xsmall" className="text-ui-fg-subtle">
                {line}
              </Text>
            ))}
          </div>
        ),
      }),
      column.accessor("customer_group_ids", {
        id: "who",
        header: t("rules.list.columns.who"),
        truncateTooltip: false,
        cell: ({ row: { original: rule } }) => (
          <Text size="small" className="min-w-[120px] whitespace-normal">
            {text.who(rule)}
          </Text>
        ),
      }),
      column.accessor("release", {
        id: "spendable",
        header: t("rules.list.columns.spendable"),
        truncateTooltip: false,
        cell: ({ row: { original: rule } }) => (
          <div className="flex min-w-[140px] flex-col whitespace-normal">
            <Text size="small" data-testid="cashback-rule-release">
              {text.release(rule)}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="cashback-rule-expiry">
              {text.expiry(rule)}
            </Text>
          </div>
        ),
      }),
      column.accessor("usage", {
        id: "usage",
        header: t("rules.list.columns.usage"),
        truncateTooltip: false,
        cell: ({ row: { original: rule } }) => {
          const usage = text.usage(rule)
          return (
            <div className="flex min-w-[120px] flex-col whitespace-normal">
              <Text size="small" className={rule.usage?.orders ? "" : "text-ui-fg-muted"}>
                {usage.orders}
              </Text>
              {usage.amounts.map((amount, i) => (
                <Text key={i} size="xsmall" className="text-ui-fg-subtle">
                  {amount}
                </Text>
              ))}
              {usage.takenBack.map((line, i) => (
                <Text key={`b${i}`} size="xsmall" className="text-ui-fg-subtle">
                  {line}
                </Text>
              ))}
            </div>
          )
        },
      }),
      column.accessor("is_active", {
        id: "status",
        header: t("rules.list.columns.status"),
        cell: ({ row: { original: rule } }) => (
          <StatusBadge color={rule.is_active ? "green" : "grey"} data-testid="cashback-rule-status">
            {rule.is_active ? t("common.states.active") : t("common.states.inactive")}
          </StatusBadge>
        ),
      }),
      column.display({
        id: "action",
        cell: ({ row: { original: rule } }) => (
          <DropdownMenu>
            <DropdownMenu.Trigger asChild>
              <IconButton
                size="small"
                variant="transparent"
                aria-label={t("rules.list.actionsFor", { name: rule.name })}
                data-testid="rule-actions"
              >
                <EllipsisHorizontal />
              </IconButton>
            </DropdownMenu.Trigger>
            <DropdownMenu.Content align="end">
              <DropdownMenu.Item onClick={() => onEdit(rule)} data-testid="rule-action-edit">
                {t("common.actions.edit")}
              </DropdownMenu.Item>
              <DropdownMenu.Item onClick={() => actions.duplicate(rule)} data-testid="rule-action-duplicate">
                {t("common.actions.duplicate")}
              </DropdownMenu.Item>
              <DropdownMenu.Item onClick={() => actions.toggle(rule)} data-testid="rule-action-toggle">
                {rule.is_active ? t("rules.list.disable") : t("rules.list.enable")}
              </DropdownMenu.Item>
              <DropdownMenu.Separator />
              <DropdownMenu.Item
                onClick={() => actions.remove(rule)}
                className="text-ui-fg-error"
                data-testid="rule-action-delete"
              >
                {t("common.actions.delete")}
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu>
        ),
      }),
    ],
    [actions, language, number, onEdit, t, text]
  )

  const table = useDataTable({
    data: shown,
    columns,
    getRowId: (rule) => rule.id,
    rowCount: found.length,
    isLoading: isPending,
    search: { state: search, onSearchChange: setSearch },
    pagination: { state: { ...pagination, pageIndex }, onPaginationChange: setPagination },
  })

  return (
    <DataTable instance={table}>
      <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
        <div>
          <Heading level="h1">{t("rules.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("rules.description")}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <DataTable.Search placeholder={t("rules.list.search")} data-testid="cashback-rules-search" />
          <Button size="small" variant="secondary" onClick={onCreate} data-testid="cashback-rule-create">
            {t("rules.create")}
          </Button>
        </div>
      </DataTable.Toolbar>
      {error ? (
        <Text size="small" className="text-ui-fg-error border-t px-6 py-4">
          {errorText(error)}
        </Text>
      ) : (
        <div data-testid={isPending ? undefined : "cashback-rules-table"}>
          <DataTable.Table
            emptyState={{
              empty: {
                heading: t("rules.list.empty.title"),
                description: t("rules.list.empty.description"),
              },
              filtered: {
                heading: t("common.states.noMatches"),
                description: t("rules.list.noMatches"),
              },
            }}
          />
        </div>
      )}
      <TablePager
        count={found.length}
        countLabel={t("rules.list.count", { count: found.length, n: number(found.length) })}
        pageIndex={pageIndex}
        pageCount={pages}
        onPrevious={() => setPagination({ ...pagination, pageIndex: pageIndex - 1 })}
        onNext={() => setPagination({ ...pagination, pageIndex: pageIndex + 1 })}
        testId="cashback-rules"
      />
    </DataTable>
  )
}
