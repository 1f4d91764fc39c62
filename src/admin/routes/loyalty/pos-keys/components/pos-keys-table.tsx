import { EllipsisHorizontal } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  createDataTableColumnHelper,
  DataTable,
  DataTablePaginationState,
  DropdownMenu,
  Heading,
  IconButton,
  StatusBadge,
  Text,
  useDataTable,
  usePrompt,
} from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useMemo, useRef, useState } from "react"
import { Data, Ltr } from "../../../../components/ltr"
import { api, useErrorText } from "../../../../lib/api"
import { PosKey } from "../../../../lib/client"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import { loyaltyKeys } from "../../../../lib/query"
import { isolate } from "./isolate"
import { SCOPES, SCOPE_SHORT } from "./scopes"

const PAGE_SIZE = 20
const columnHelper = createDataTableColumnHelper<PosKey>()

/** The till keys with their scopes, status and use; revoke from the row's menu. */
export const PosKeysTable = ({ onCreate }: { onCreate: () => void }) => {
  const { t } = useLoyaltyTranslation()
  const { date, dateTime } = useFormat()
  const errorText = useErrorText()
  const prompt = usePrompt()
  const [search, setSearch] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })

  const { data, isPending, error } = useQuery({
    queryKey: loyaltyKeys.posKeys(),
    queryFn: () => api<{ pos_keys: PosKey[] }>("/admin/loyalty/pos-keys"),
    select: (body) => body.pos_keys,
  })

  const revoke = useLoyaltyMutation({
    mutationFn: (key: PosKey) =>
      api(`/admin/loyalty/pos-keys/${key.id}/revoke`, { method: "POST", body: {} }),
    invalidate: () => [loyaltyKeys.posKeys()],
    success: (_, key) => t("till.keys.revoke.toast", { name: isolate(key.name) }),
  })

  const confirmRevoke = async (key: PosKey) => {
    const confirmed = await prompt({
      title: t("till.keys.revoke.title", { name: key.name }),
      description: t("till.keys.revoke.description", { location: isolate(key.location) }),
      confirmText: t("till.keys.revoke.confirm"),
      cancelText: t("common.actions.cancel"),
    })
    if (confirmed) revoke.mutate(key)
  }

  // The API answers every key at once (a shop has a handful of tills):
  // searched and paged here.
  const found = useMemo(() => {
    const term = search.trim().toLowerCase()
    return (data ?? []).filter(
      (k) =>
        !term ||
        [k.name, k.location, k.key_prefix].some((v) => v.toLowerCase().includes(term))
    )
  }, [data, search])
  const page = found.slice(
    pagination.pageIndex * pagination.pageSize,
    (pagination.pageIndex + 1) * pagination.pageSize
  )

  // The row menu calls the latest confirmRevoke; the columns stay the same.
  const onRevoke = useRef(confirmRevoke)
  onRevoke.current = confirmRevoke

  const columns = useMemo(
    () => [
      columnHelper.accessor("name", {
        header: t("till.keys.columns.name"),
        cell: ({ row }) => (
          <div className="flex flex-col py-1" data-testid="pos-key-name" data-name={row.original.name}>
            <Text size="small" weight="plus" className="truncate">
              <Data>{row.original.name}</Data>
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle truncate">
              <Data>{row.original.location}</Data>
            </Text>
          </div>
        ),
      }),
      columnHelper.accessor("key_prefix", {
        header: t("till.keys.columns.key"),
        cell: ({ getValue }) => (
          <Ltr className="txt-compact-small text-ui-fg-subtle font-mono">{getValue()}…</Ltr>
        ),
      }),
      columnHelper.accessor("scopes", {
        header: t("till.keys.columns.scopes"),
        cell: ({ getValue }) => (
          <div className="flex flex-wrap gap-1">
            {SCOPES.filter((s) => getValue().includes(s)).map((s) => (
              <Badge key={s} size="2xsmall">
                {t(SCOPE_SHORT[s])}
              </Badge>
            ))}
          </div>
        ),
      }),
      columnHelper.accessor("revoked_at", {
        header: t("till.keys.columns.status"),
        cell: ({ getValue }) => {
          const revokedAt = getValue()
          return revokedAt ? (
            <StatusBadge
              color="red"
              title={t("till.keys.status.revokedAt", { date: dateTime(revokedAt) })}
              data-testid="pos-key-status"
              data-status="revoked"
            >
              {t("till.keys.status.revoked")}
            </StatusBadge>
          ) : (
            <StatusBadge color="green" data-testid="pos-key-status" data-status="active">
              {t("till.keys.status.active")}
            </StatusBadge>
          )
        },
      }),
      columnHelper.accessor("last_used_at", {
        header: t("till.keys.columns.lastUsed"),
        cell: ({ getValue }) => {
          const used = getValue()
          return used ? (
            dateTime(used)
          ) : (
            <span className="text-ui-fg-muted">{t("till.keys.never")}</span>
          )
        },
      }),
      columnHelper.accessor("created_at", {
        header: t("till.keys.columns.created"),
        cell: ({ getValue }) => date(getValue()),
      }),
      columnHelper.display({
        id: "action",
        cell: ({ row }) =>
          row.original.revoked_at ? null : (
            <DropdownMenu>
              <DropdownMenu.Trigger asChild>
                <IconButton
                  size="small"
                  variant="transparent"
                  aria-label={t("till.keys.actionsFor", { name: isolate(row.original.name) })}
                  data-testid="pos-key-actions"
                >
                  <EllipsisHorizontal />
                </IconButton>
              </DropdownMenu.Trigger>
              <DropdownMenu.Content align="end">
                <DropdownMenu.Item
                  className="text-ui-fg-error"
                  data-testid="pos-key-revoke"
                  onClick={() => onRevoke.current(row.original)}
                >
                  {t("till.keys.revoke.action")}
                </DropdownMenu.Item>
              </DropdownMenu.Content>
            </DropdownMenu>
          ),
      }),
    ],
    [t, date, dateTime]
  )

  const table = useDataTable({
    columns,
    data: page,
    getRowId: (k) => k.id,
    rowCount: found.length,
    isLoading: isPending,
    search: {
      state: search,
      onSearchChange: (value) => {
        setSearch(value)
        setPagination((p) => ({ ...p, pageIndex: 0 }))
      },
    },
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  return (
    <Container className="divide-y p-0" data-testid="pos-keys">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-3 md:flex-row md:items-center">
          <div className="flex flex-col">
            <Heading level="h1">{t("till.keys.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("till.keys.description")}
            </Text>
          </div>
          <div className="flex shrink-0 items-center gap-x-2">
            <DataTable.Search placeholder={t("till.keys.search")} />
            <Button size="small" variant="secondary" onClick={onCreate} data-testid="pos-key-create">
              {t("till.keys.create")}
            </Button>
          </div>
        </DataTable.Toolbar>
        {error ? (
          <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
            {errorText(error)}
          </Text>
        ) : (
          <div data-testid="pos-keys-table">
            <DataTable.Table
              emptyState={{
                empty: {
                  heading: t("till.keys.empty.heading"),
                  description: t("till.keys.empty.description"),
                },
                filtered: {
                  heading: t("till.keys.filtered.heading"),
                  description: t("till.keys.filtered.description"),
                },
              }}
            />
          </div>
        )}
        <DataTable.Pagination
          translations={{
            of: t("till.keys.pagination.of"),
            results: t("till.keys.pagination.results"),
            pages: t("till.keys.pagination.pages"),
            prev: t("till.keys.pagination.prev"),
            next: t("till.keys.pagination.next"),
          }}
        />
      </DataTable>
    </Container>
  )
}
