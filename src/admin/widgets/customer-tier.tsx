import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import {
  Badge,
  Button,
  Container,
  Heading,
  Label,
  Select,
  Table,
  Text,
  Textarea,
  toast,
} from "@medusajs/ui"
import { FormEvent, ReactNode, useCallback, useEffect, useState } from "react"
import { Link } from "react-router-dom"
import {
  CustomerTier,
  errorMessage,
  formatDate,
  formatMoney,
  sdk,
  Tier,
  TierHistoryEntry,
  TierProgress,
} from "../lib/client"
import {
  HISTORY_REASONS,
  percentOf,
  tierBenefits,
  windowSpan,
} from "../lib/tier-format"

type Labels = {
  orders: Map<string, string>
  users: Map<string, string>
}

/** "#12" for orders and names for the admins the history points at. */
async function loadLabels(history: TierHistoryEntry[]): Promise<Labels> {
  const orderIds = Array.from(
    new Set(history.map((h) => h.order_id).filter(Boolean))
  ) as string[]
  const userIds = Array.from(
    new Set(history.map((h) => h.actor_id).filter(Boolean))
  ) as string[]
  const [orders, users] = await Promise.all([
    orderIds.length
      ? sdk.client
          .fetch<{ orders: { id: string; display_id: number }[] }>(
            "/admin/orders",
            { query: { id: orderIds, fields: "id,display_id", limit: 50 } }
          )
          .then((r) => r.orders)
          .catch(() => [])
      : [],
    userIds.length
      ? sdk.client
          .fetch<{
            users: {
              id: string
              email: string
              first_name: string | null
              last_name: string | null
            }[]
          }>("/admin/users", {
            query: { id: userIds, fields: "id,email,first_name,last_name" },
          })
          .then((r) => r.users)
          .catch(() => [])
      : [],
  ])
  return {
    orders: new Map(orders.map((o) => [o.id, `#${o.display_id}`])),
    users: new Map(
      users.map((u) => [
        u.id,
        [u.first_name, u.last_name].filter(Boolean).join(" ") || u.email,
      ])
    ),
  }
}

const dateTime = (value: string) =>
  new Date(value).toLocaleString(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
  })

const CustomerTierWidget = ({
  data: customer,
}: DetailWidgetProps<AdminCustomer>) => {
  const [view, setView] = useState<CustomerTier | null>(null)
  const [tiers, setTiers] = useState<Tier[]>([])
  const [labels, setLabels] = useState<Labels>({
    orders: new Map(),
    users: new Map(),
  })
  const [error, setError] = useState<string | null>(null)
  const [panel, setPanel] = useState<"pin" | "unpin" | null>(null)
  const [pinTier, setPinTier] = useState("")
  const [note, setNote] = useState("")
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const show = useCallback(async (next: CustomerTier) => {
    setView(next)
    setLabels(await loadLabels(next.history))
  }, [])

  const load = useCallback(async () => {
    const [{ customer_tier }, { tiers }] = await Promise.all([
      sdk.client.fetch<{ customer_tier: CustomerTier }>(
        `/admin/loyalty/customers/${customer.id}/tier`
      ),
      sdk.client.fetch<{ tiers: Tier[] }>("/admin/loyalty/tiers"),
    ])
    setTiers([...tiers].sort((a, b) => a.rank - b.rank))
    await show(customer_tier)
  }, [customer.id, show])

  useEffect(() => {
    load().catch((e) => setError(errorMessage(e)))
  }, [load])

  const who = customer.first_name || customer.email

  const openPanel = (which: "pin" | "unpin") => {
    setPanel(which)
    setNote("")
    setFormError(null)
    setPinTier(view?.tier?.id ?? "")
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setFormError(null)
    const pinned = panel === "pin"
    if (pinned && !pinTier) {
      setFormError("Choose the tier to pin the customer to.")
      return
    }
    setBusy(true)
    try {
      const { customer_tier } = await sdk.client.fetch<{
        customer_tier: CustomerTier
      }>(`/admin/loyalty/customers/${customer.id}/tier`, {
        method: "POST",
        body: pinned
          ? { pinned, tier_id: pinTier, note: note.trim() || null }
          : { pinned, note: note.trim() || null },
      })
      await show(customer_tier)
      setPanel(null)
      toast.success(
        pinned
          ? `Pinned ${who} to ${customer_tier.tier?.name ?? "the tier"}`
          : `Unpinned ${who}: now ${customer_tier.tier?.name ?? "no tier"}`
      )
    } catch (e) {
      setFormError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const currency = view?.currency_code ?? tiers[0]?.currency_code ?? null
  const money = (amount: string) =>
    currency ? formatMoney(amount, currency) : amount
  const tierById = new Map(tiers.map((t) => [t.id, t]))
  const current = view?.tier ? tierById.get(view.tier.id) : undefined
  const next = view?.next_tier ? tierById.get(view.next_tier.id) : undefined
  const belowCurrent =
    !!view?.current &&
    ((view.current.spend_needed != null && view.current.spend_needed !== "0") ||
      (view.current.orders_needed ?? 0) > 0)

  return (
    <Container className="divide-y p-0" data-testid="customer-tier">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Loyalty tier</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The club level this customer's orders reach, and how it changed.
          </Text>
        </div>
        {view && tiers.length > 0 && (
          <div className="flex shrink-0 items-center gap-x-2">
            {view.pinned && (
              <Button
                size="small"
                variant="secondary"
                onClick={() => openPanel("unpin")}
              >
                Unpin
              </Button>
            )}
            <Button
              size="small"
              variant="secondary"
              onClick={() => openPanel("pin")}
            >
              {view.pinned ? "Change pin" : "Pin to tier"}
            </Button>
          </div>
        )}
      </div>

      {!view ? (
        <div className="px-6 py-4">
          <Text
            size="small"
            className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"}
          >
            {error ?? "Loading…"}
          </Text>
        </div>
      ) : (
        <>
          <div
            className="grid grid-cols-3 gap-4 px-6 py-4"
            data-testid="customer-tier-current"
          >
            <div className="flex flex-col gap-y-1">
              <Text size="xsmall" className="text-ui-fg-subtle">
                Tier
              </Text>
              <div className="flex flex-wrap items-center gap-2">
                <Text
                  size="large"
                  weight="plus"
                  className={view.tier ? "" : "text-ui-fg-muted"}
                  data-testid="customer-tier-name"
                >
                  {view.tier?.name ?? "No tier"}
                </Text>
                {view.pinned && (
                  <Badge
                    size="2xsmall"
                    color="blue"
                    data-testid="customer-tier-pinned"
                  >
                    Pinned
                  </Badge>
                )}
                {view.grace_ends_at && (
                  <Badge size="2xsmall" color="orange">
                    In grace
                  </Badge>
                )}
              </div>
              {view.tier && (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {[
                    view.achieved_at
                      ? `Since ${formatDate(view.achieved_at)}`
                      : null,
                    ...tierBenefits(view.tier),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
              )}
            </div>
            <div className="flex flex-col gap-y-1">
              <Text size="xsmall" className="text-ui-fg-subtle">
                Orders reach
              </Text>
              <Text
                size="large"
                weight="plus"
                className={view.qualifies_for ? "" : "text-ui-fg-muted"}
              >
                {view.qualifies_for?.name ?? "No tier"}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {tiers.length === 0
                  ? "The shop has no tiers yet."
                  : view.pinned
                    ? "Pinned: orders do not move this customer."
                    : !view.qualifies_for && !view.tier
                      ? "Not enough orders for a tier yet."
                      : view.qualifies_for?.id === view.tier?.id
                        ? "Matches the tier."
                        : belowCurrent
                          ? `Below ${view.tier?.name}'s thresholds.`
                          : "Applied at the next order or evaluation."}
              </Text>
            </div>
            {view.current && current ? (
              <Counted
                progress={view.current}
                window={current.qualification_window}
                money={money}
              />
            ) : view.next_tier && next ? (
              <Counted
                progress={view.next_tier}
                window={next.qualification_window}
                money={money}
              />
            ) : (
              <div />
            )}
          </div>

          {(view.pinned || view.grace_ends_at) && (
            <div className="flex flex-col gap-y-1 px-6 py-3">
              {view.pinned && (
                <Text size="small" data-testid="customer-tier-pin-note">
                  <span className="text-ui-fg-subtle">Pinned to {view.tier?.name}: </span>
                  {view.pin_note || "no note"}
                </Text>
              )}
              {view.grace_ends_at && (
                <Text size="small" data-testid="customer-tier-grace">
                  <span className="text-ui-fg-subtle">Grace period: </span>
                  keeps {view.tier?.name} until{" "}
                  {formatDate(view.grace_ends_at)}.{" "}
                  {stillNeeded(view.current, money)
                    ? `Needs ${stillNeeded(view.current, money)} to stay; otherwise`
                    : "Then"}{" "}
                  moves to {view.qualifies_for?.name ?? "no tier"}.
                </Text>
              )}
            </div>
          )}

          {view.next_tier && next ? (
            <NextTier
              progress={view.next_tier}
              tier={next}
              money={money}
            />
          ) : view.tier ? (
            <div className="px-6 py-4">
              <Text size="small" className="text-ui-fg-subtle">
                {view.tier.name} is the highest tier.
              </Text>
            </div>
          ) : null}

          {panel && (
            <form
              className="flex flex-col gap-y-3 px-6 py-4"
              onSubmit={submit}
              data-testid="customer-tier-form"
            >
              {panel === "pin" ? (
                <div className="grid grid-cols-3 gap-3">
                  <div className="flex flex-col gap-y-1">
                    <Label size="small" weight="plus" htmlFor="tier-pin-tier">
                      Pin to
                    </Label>
                    <Select value={pinTier} onValueChange={setPinTier}>
                      <Select.Trigger id="tier-pin-tier">
                        <Select.Value placeholder="Choose a tier" />
                      </Select.Trigger>
                      <Select.Content>
                        {tiers.map((t) => (
                          <Select.Item key={t.id} value={t.id}>
                            {t.name}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      Kept there, whatever the orders, until unpinned.
                    </Text>
                  </div>
                  <div className="col-span-2 flex flex-col gap-y-1">
                    <Label size="small" weight="plus" htmlFor="tier-pin-note">
                      Note
                    </Label>
                    <Textarea
                      id="tier-pin-note"
                      rows={2}
                      value={note}
                      onChange={(e) => setNote(e.target.value)}
                      placeholder="Why, e.g. wholesale customer: Gold by agreement"
                    />
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      Shown here and in the history; not to the customer.
                    </Text>
                  </div>
                </div>
              ) : (
                <div className="flex flex-col gap-y-1">
                  <Text size="small">
                    {who} moves at once to the tier the orders reach:{" "}
                    <span className="font-medium">
                      {view.qualifies_for?.name ?? "no tier"}
                    </span>
                    .
                  </Text>
                  <Label size="small" weight="plus" htmlFor="tier-unpin-note">
                    Note (optional)
                  </Label>
                  <Textarea
                    id="tier-unpin-note"
                    rows={2}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                    placeholder="Why, e.g. the agreement ended"
                  />
                </div>
              )}
              {formError && (
                <Text
                  size="small"
                  className="text-ui-fg-error"
                  data-testid="customer-tier-error"
                >
                  {formError}
                </Text>
              )}
              <div className="flex justify-end gap-x-2">
                <Button
                  size="small"
                  variant="secondary"
                  type="button"
                  onClick={() => setPanel(null)}
                >
                  Cancel
                </Button>
                <Button
                  size="small"
                  type="submit"
                  isLoading={busy}
                  data-testid="customer-tier-submit"
                >
                  {panel === "pin"
                    ? `Pin to ${tierById.get(pinTier)?.name ?? "tier"}`
                    : "Unpin"}
                </Button>
              </div>
            </form>
          )}

          <div className="px-6 py-4">
            <Text size="small" weight="plus" className="mb-2">
              History
            </Text>
            {view.history.length === 0 ? (
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
                  {view.history.map((h) => (
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
        </>
      )}
    </Container>
  )
}

/** "IRR 95,000,000 more spend and 1 more order", or "" when reached. */
function stillNeeded(
  progress: TierProgress | null,
  money: (amount: string) => string
) {
  if (!progress) {
    return ""
  }
  const parts: string[] = []
  if (progress.spend_needed != null && progress.spend_needed !== "0") {
    parts.push(`${money(progress.spend_needed)} more spend`)
  }
  if (progress.orders_needed) {
    parts.push(
      `${progress.orders_needed} more ${progress.orders_needed === 1 ? "order" : "orders"}`
    )
  }
  return parts.join(" and ")
}

const tierName = (id: string | null, name: string | null) =>
  id ? name ?? "Deleted tier" : "No tier"

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

/** What counts now: spend and orders in a tier's window. */
const Counted = ({
  progress,
  window,
  money,
}: {
  progress: TierProgress
  window: Tier["qualification_window"]
  money: (amount: string) => string
}) => (
  <div className="flex flex-col gap-y-1" data-testid="customer-tier-counted">
    <Text size="xsmall" className="text-ui-fg-subtle">
      Counted
    </Text>
    <Text size="large" weight="plus">
      {money(progress.spend)}
    </Text>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {progress.orders.toLocaleString()}{" "}
      {progress.orders === 1 ? "order" : "orders"}{" "}
      {windowSpan(window, progress.window_starts_at)}
    </Text>
  </div>
)

/** How far the next tier is: a bar per threshold and when the window moves. */
const NextTier = ({
  progress,
  tier,
  money,
}: {
  progress: TierProgress & { name: string }
  tier: Tier
  money: (amount: string) => string
}) => {
  const rows: ReactNode[] = []
  if (tier.min_spend != null && progress.spend_needed != null) {
    rows.push(
      <Bar
        key="spend"
        label="Spend"
        percent={percentOf(progress.spend, tier.min_spend)}
        value={`${money(progress.spend)} of ${money(tier.min_spend)}`}
        needed={
          progress.spend_needed === "0"
            ? null
            : `${money(progress.spend_needed)} more`
        }
      />
    )
  }
  if (tier.min_orders != null && progress.orders_needed != null) {
    rows.push(
      <Bar
        key="orders"
        label="Orders"
        percent={
          tier.min_orders > 0
            ? Math.min(100, Math.floor((progress.orders * 100) / tier.min_orders))
            : 100
        }
        value={`${progress.orders.toLocaleString()} of ${tier.min_orders.toLocaleString()}`}
        needed={
          progress.orders_needed === 0
            ? null
            : `${progress.orders_needed.toLocaleString()} more ${progress.orders_needed === 1 ? "order" : "orders"}`
        }
      />
    )
  }
  return (
    <div
      className="flex flex-col gap-y-3 px-6 py-4"
      data-testid="customer-tier-next"
    >
      <div>
        <Text size="small" weight="plus">
          Next: {progress.name}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {windowText(tier, progress)}
        </Text>
      </div>
      <div className="grid grid-cols-2 gap-4">{rows}</div>
    </div>
  )
}

function windowText(tier: Tier, progress: TierProgress) {
  const benefits = tierBenefits(tier)
  const gives = benefits.length ? ` Gives ${benefits.join(" and ")}.` : ""
  switch (tier.qualification_window) {
    case "rolling": {
      const drops = progress.window_ends_at
        ? `; the oldest drops out on ${formatDate(progress.window_ends_at)}`
        : ""
      return `Orders of the last ${tier.window_days} days count (${windowSpan("rolling", progress.window_starts_at)})${drops}.${gives}`
    }
    case "calendar_year":
      return `Orders ${windowSpan("calendar_year", progress.window_starts_at)} count; the count starts again on ${formatDate(progress.window_ends_at)}.${gives}`
    default:
      return `Every order ever placed counts.${gives}`
  }
}

const Bar = ({
  label,
  percent,
  value,
  needed,
}: {
  label: string
  percent: number
  value: string
  needed: string | null
}) => (
  <div className="flex flex-col gap-y-1.5">
    <div className="flex items-baseline justify-between gap-x-2">
      <Text size="xsmall" weight="plus">
        {label}
      </Text>
      <Text
        size="xsmall"
        className={needed ? "text-ui-fg-subtle" : "text-ui-tag-green-text"}
      >
        {needed ?? "Reached"}
      </Text>
    </div>
    <div
      className="bg-ui-bg-component h-1.5 overflow-hidden rounded-full"
      role="progressbar"
      aria-label={label}
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <div
        className={`h-full rounded-full ${needed ? "bg-ui-fg-interactive" : "bg-ui-tag-green-icon"}`}
        style={{ width: `${percent}%` }}
      />
    </div>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {value}
    </Text>
  </div>
)

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerTierWidget
