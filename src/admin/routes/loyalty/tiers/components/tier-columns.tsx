// The tiers list's columns: rank, name (the admin's language, with the
// description and the names shoppers read), what qualifies, the window, the
// benefits, the members, and the row's actions.
import { EllipsisHorizontal, PencilSquare, Trash } from "@medusajs/icons"
import {
  createDataTableColumnHelper,
  DropdownMenu,
  IconButton,
  Text,
} from "@medusajs/ui"
import { useMemo } from "react"
import { Data, Ltr } from "../../../../components/ltr"
import { shopperNamesShown } from "../../../../components/shopper-names"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import {
  AdminTier,
  isolate,
  tierName,
  TierText,
  useTierSummary,
} from "../../../../lib/tier-format"

const column = createDataTableColumnHelper<AdminTier>()

const Lines = ({ lines, empty }: { lines: JSX.Element[]; empty: string }) =>
  lines.length ? (
    <div className="flex flex-col py-2">
      {lines.map((line) => (
        <Text key={line.key} size="small" className="truncate">
          {line}
        </Text>
      ))}
    </div>
  ) : (
    <Text size="small" className="text-ui-fg-muted">
      {empty}
    </Text>
  )

export function useTierColumns({
  onEdit,
  onDelete,
}: {
  onEdit: (tier: AdminTier) => void
  onDelete: (tier: AdminTier) => void
}) {
  const { t, language } = useLoyaltyTranslation()
  const { number } = useFormat()
  const summary = useTierSummary()

  return useMemo(
    () => [
      column.accessor("rank", {
        header: t("tiers.list.columns.rank"),
        size: 80,
        cell: ({ getValue }) => (
          <Text size="small" weight="plus">
            <Ltr>{number(getValue())}</Ltr>
          </Text>
        ),
      }),
      column.accessor("name", {
        header: t("tiers.list.columns.name"),
        truncateTooltip: false,
        cell: ({ row }) => {
          const tier = row.original
          const names = shopperNamesShown(tier.names, language)
          return (
            <div className="flex flex-col py-2">
              <button
                type="button"
                data-testid="tier-name"
                className="txt-small-plus text-ui-fg-base hover:text-ui-fg-interactive truncate text-start"
                onClick={(e) => {
                  e.stopPropagation()
                  onEdit(tier)
                }}
              >
                <Data>{tierName(tier, language)}</Data>
              </button>
              {names.length > 0 && (
                <Text size="xsmall" className="text-ui-fg-subtle truncate">
                  <TierText
                    i18nKey="tiers.list.shopperNames"
                    values={{ names: names.join(t("common.separator")) }}
                  />
                </Text>
              )}
              {tier.description && (
                <Text size="xsmall" className="text-ui-fg-subtle truncate">
                  <Data>{tier.description}</Data>
                </Text>
              )}
            </div>
          )
        },
      }),
      column.display({
        id: "qualifies",
        header: t("tiers.list.columns.qualifies"),
        cell: ({ row }) => (
          <Lines lines={summary.thresholds(row.original)} empty={t("common.states.none")} />
        ),
      }),
      column.display({
        id: "window",
        header: t("tiers.list.columns.window"),
        cell: ({ row }) => <Text size="small">{summary.window(row.original)}</Text>,
      }),
      column.display({
        id: "benefits",
        header: t("tiers.list.columns.benefits"),
        cell: ({ row }) => (
          <Lines lines={summary.benefits(row.original)} empty={t("common.states.none")} />
        ),
      }),
      column.accessor("member_count", {
        header: t("tiers.list.columns.members"),
        size: 110,
        cell: ({ getValue }) => (
          <Text
            size="small"
            className={getValue() ? "" : "text-ui-fg-muted"}
            data-testid="tier-members"
          >
            {number(getValue())}
          </Text>
        ),
      }),
      column.display({
        id: "action",
        cell: ({ row }) => (
          <RowActions tier={row.original} onEdit={onEdit} onDelete={onDelete} />
        ),
      }),
    ],
    [language, number, onDelete, onEdit, summary, t]
  )
}

const RowActions = ({
  tier,
  onEdit,
  onDelete,
}: {
  tier: AdminTier
  onEdit: (tier: AdminTier) => void
  onDelete: (tier: AdminTier) => void
}) => {
  const { t, language } = useLoyaltyTranslation()
  // Menu clicks reach the row through React's tree: keep them from opening
  // the tier as a row click would.
  const stop = (e: { stopPropagation: () => void }) => e.stopPropagation()
  return (
    <div onClick={stop}>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <IconButton
            size="small"
            variant="transparent"
            aria-label={t("tiers.list.actionsFor", { name: isolate(tierName(tier, language)) })}
            data-testid="tier-actions"
          >
            <EllipsisHorizontal />
          </IconButton>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end" onClick={stop}>
          <DropdownMenu.Item
            className="flex items-center gap-x-2"
            data-testid="tier-edit"
            onClick={() => onEdit(tier)}
          >
            <PencilSquare className="text-ui-fg-subtle" />
            {t("common.actions.edit")}
          </DropdownMenu.Item>
          <DropdownMenu.Separator />
          <DropdownMenu.Item
            className="flex items-center gap-x-2"
            data-testid="tier-delete"
            onClick={() => onDelete(tier)}
          >
            <Trash className="text-ui-fg-subtle" />
            {t("common.actions.delete")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu>
    </div>
  )
}
