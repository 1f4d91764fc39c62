// The customer's tier changes, newest first as the API answers them: when,
// from and to which tier, why and by whom, and the note.
import { Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { TierHistoryEntry } from "../../lib/client"
import { HISTORY_REASONS } from "../../lib/tier-format"
import { Labels } from "./labels"

const dateTime = (value: string) =>
  new Date(value).toLocaleString(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
  })

const tierName = (id: string | null, name: string | null) =>
  id ? (name ?? "Deleted tier") : "No tier"

export const TierHistory = ({
  history,
  labels,
}: {
  history: TierHistoryEntry[]
  labels: Labels
}) => (
  <div className="px-6 py-4">
    <Text size="small" weight="plus" className="mb-2">
      History
    </Text>
    {history.length === 0 ? (
      <Text size="small" className="text-ui-fg-subtle">
        No tier changes yet.
      </Text>
    ) : (
      <Table data-testid="customer-tier-history">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>When</Table.HeaderCell>
            <Table.HeaderCell>Change</Table.HeaderCell>
            <Table.HeaderCell>Reason</Table.HeaderCell>
            <Table.HeaderCell>Note</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {history.map((h) => (
            <Table.Row
              key={h.id}
              data-testid="customer-tier-history-row"
              className="[&_td]:py-2 [&_td]:align-top"
            >
              <Table.Cell className="whitespace-nowrap">
                {dateTime(h.created_at)}
              </Table.Cell>
              <Table.Cell className="whitespace-nowrap">
                <span className={h.from_tier_id ? "" : "text-ui-fg-muted"}>
                  {tierName(h.from_tier_id, h.from_tier_name)}
                </span>
                {" → "}
                <span className={h.to_tier_id ? "" : "text-ui-fg-muted"}>
                  {tierName(h.to_tier_id, h.to_tier_name)}
                </span>
              </Table.Cell>
              <Table.Cell className="whitespace-nowrap">
                <Reason entry={h} labels={labels} />
              </Table.Cell>
              <Table.Cell className="min-w-[160px] whitespace-normal [overflow-wrap:anywhere]">
                {h.note ?? <span className="text-ui-fg-muted">—</span>}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    )}
  </div>
)

const Reason = ({
  entry,
  labels,
}: {
  entry: TierHistoryEntry
  labels: Labels
}) => {
  const by = entry.actor_id ? labels.users.get(entry.actor_id) : undefined
  return (
    <div className="flex flex-col">
      <span>
        {HISTORY_REASONS[entry.reason] ?? entry.reason}
        {entry.order_id && (
          <>
            {" "}
            <Link
              to={`/orders/${entry.order_id}`}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
            >
              {labels.orders.get(entry.order_id) ?? "view order"}
            </Link>
          </>
        )}
      </span>
      {by && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          by {by}
        </Text>
      )}
    </div>
  )
}
