// The customer's tier changes, newest first as the API answers them: when,
// from and to which tier, why and by whom, and the note.
import { Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { TierHistoryEntry } from "../../lib/client"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { AdminTier, HISTORY_REASONS, TierText, useTierName } from "../../lib/tier-format"
import { Data, Ltr } from "../ltr"
import { TablePager } from "../table-pager"
import { Labels } from "./labels"

const PAGE_SIZE = 10

export const TierHistory = ({
  history,
  labels,
  tiers,
}: {
  history: TierHistoryEntry[]
  labels: Labels
  tiers: AdminTier[]
}) => {
  const { t, dir } = useLoyaltyTranslation()
  const { dateTime } = useFormat()
  const name = useTierName()
  // Ten moves a page; a new move (newest first) brings back the first page.
  const [page, setPage] = useState(0)
  const newest = history[0]?.id
  useEffect(() => setPage(0), [newest])
  const pages = Math.max(1, Math.ceil(history.length / PAGE_SIZE))
  const shownHistory = history.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)
  // The shop's name for a tier that still exists; the name it had, else.
  const tierName = (id: string | null, saved: string | null) => {
    if (!id) return null
    const tier = tiers.find((x) => x.id === id)
    return tier ? name(tier) : saved
  }
  const side = (id: string | null, saved: string | null) => {
    const shown = tierName(id, saved)
    return shown ? (
      <Data>{shown}</Data>
    ) : (
      <span className="text-ui-fg-muted">
        {id ? t("tiers.customer.history.deletedTier") : t("tiers.customer.noTier")}
      </span>
    )
  }

  return (
    <div className="px-6 py-4">
      <Text size="small" weight="plus" className="mb-2">
        {t("tiers.customer.history.title")}
      </Text>
      {history.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          {t("tiers.customer.history.empty")}
        </Text>
      ) : (
        <Table data-testid="customer-tier-history">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell className="text-start">
                {t("tiers.customer.history.when")}
              </Table.HeaderCell>
              <Table.HeaderCell className="text-start">
                {t("tiers.customer.history.change")}
              </Table.HeaderCell>
              <Table.HeaderCell className="text-start">
                {t("tiers.customer.history.reason.title")}
              </Table.HeaderCell>
              <Table.HeaderCell className="text-start">
                {t("tiers.customer.history.note")}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {shownHistory.map((h) => {
              const by = h.actor_id ? labels.users.get(h.actor_id) : undefined
              return (
                <Table.Row
                  key={h.id}
                  data-testid="customer-tier-history-row"
                  data-reason={h.reason}
                  className="[&_td]:py-2 [&_td]:align-top"
                >
                  <Table.Cell className="whitespace-nowrap">{dateTime(h.created_at)}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap">
                    {side(h.from_tier_id, h.from_tier_name)}
                    <span aria-hidden className="text-ui-fg-muted mx-1">
                      {dir === "rtl" ? "←" : "→"}
                    </span>
                    {side(h.to_tier_id, h.to_tier_name)}
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap">
                    <div className="flex flex-col">
                      <span>
                        {t(HISTORY_REASONS[h.reason])}
                        {h.order_id && (
                          <>
                            {" "}
                            <Link
                              to={`/orders/${h.order_id}`}
                              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                            >
                              {labels.orders.get(h.order_id) ? (
                                <Ltr>{labels.orders.get(h.order_id)}</Ltr>
                              ) : (
                                t("tiers.customer.history.viewOrder")
                              )}
                            </Link>
                          </>
                        )}
                      </span>
                      {by && (
                        <Text size="xsmall" className="text-ui-fg-subtle">
                          <TierText i18nKey="tiers.customer.history.by" values={{ name: by }} />
                        </Text>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell className="min-w-[160px] whitespace-normal [overflow-wrap:anywhere]">
                    {h.note ? <Data>{h.note}</Data> : <span className="text-ui-fg-muted">—</span>}
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}
      {history.length > PAGE_SIZE && (
        <TablePager
          count={history.length}
          pageIndex={page}
          pageCount={pages}
          onPrevious={() => setPage((p) => Math.max(0, p - 1))}
          onNext={() => setPage((p) => Math.min(pages - 1, p + 1))}
          testId="customer-tier-history"
        />
      )}
    </div>
  )
}
