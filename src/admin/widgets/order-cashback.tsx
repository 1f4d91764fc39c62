import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import {
  errorMessage,
  formatDate,
  formatMoney,
  OrderCashback,
  OrderCashbackEntry,
  OrderCashbackState,
  sdk,
} from "../lib/client"

const STATE: Record<
  OrderCashbackState,
  {
    label: string
    color: "green" | "red" | "orange" | "grey" | "blue" | "purple"
  }
> = {
  pending: { label: "Pending", color: "orange" },
  available: { label: "Available", color: "green" },
  spent: { label: "Spent", color: "blue" },
  expired: { label: "Expired", color: "grey" },
  partly_reversed: { label: "Partly taken back", color: "purple" },
  reversed: { label: "Taken back", color: "red" },
}

/** When the cashback can be spent: a label and a value. */
function availability(entry: OrderCashbackEntry): [string, string] {
  if (entry.waits_for_fulfilment) {
    return ["Available", "At fulfilment"]
  }
  if (!entry.available_at) {
    return ["Available", "At placement"]
  }
  return new Date(entry.available_at) > new Date()
    ? ["Available from", formatDate(entry.available_at)]
    : ["Available since", formatDate(entry.available_at)]
}

const OrderCashbackWidget = ({
  data: order,
}: DetailWidgetProps<AdminOrder>) => {
  const [data, setData] = useState<OrderCashback | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    sdk.client
      .fetch<OrderCashback>(`/admin/loyalty/orders/${order.id}/cashback`)
      .then(setData)
      .catch((e) => setError(errorMessage(e)))
  }, [order.id])

  const currency = data?.currency_code ?? order.currency_code
  const money = (amount: string) => formatMoney(amount, currency)

  // What the shopper paid for this order with wallet credit.
  const creditPaid =
    data && data.credit_paid && data.credit_paid !== "0" ? (
      <div className="flex items-center justify-between px-6 py-3" data-testid="order-credit-paid">
        <Text size="small" className="text-ui-fg-subtle">
          Paid with wallet credit
        </Text>
        <Text size="small" weight="plus">
          {money(data.credit_paid)}
        </Text>
      </div>
    ) : null

  return (
    <Container className="divide-y p-0" data-testid="order-cashback">
      <div className="px-6 py-4">
        <Heading level="h2">Cashback</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          What this order earned into the customer's wallet.
        </Text>
      </div>
      {error ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            {error}
          </Text>
        </div>
      ) : !data ? (
        <div className="px-6 py-4">
          <Text size="small">Loading…</Text>
        </div>
      ) : data.cashback.length === 0 ? (
        <>
          <div className="px-6 py-4">
            <Text size="small" className="text-ui-fg-subtle">
              No cashback on this order
            </Text>
          </div>
          {creditPaid}
        </>
      ) : (
        <>
          <div
            className="grid grid-cols-2 gap-4 px-6 py-4"
            data-testid="order-cashback-total"
          >
            <div className="flex min-w-0 flex-col">
              <Text size="xsmall" className="text-ui-fg-subtle">
                Earned
              </Text>
              <Text
                size="base"
                weight="plus"
                className="truncate"
                title={money(data.total)}
              >
                {money(data.total)}
              </Text>
            </div>
            <div className="flex min-w-0 flex-col">
              <Text size="xsmall" className="text-ui-fg-subtle">
                Taken back
              </Text>
              <Text
                size="base"
                weight="plus"
                className={`truncate ${data.taken_back === "0" ? "text-ui-fg-muted" : ""}`}
                title={money(data.taken_back)}
              >
                {money(data.taken_back)}
              </Text>
            </div>
          </div>
          {creditPaid}
          {data.cashback.map((entry) => (
            <div
              key={entry.transaction_id}
              className="flex flex-col gap-y-2 px-6 py-4"
              data-testid="order-cashback-entry"
            >
              <div className="flex items-start justify-between gap-x-3">
                <Text
                  size="small"
                  weight="plus"
                  className="min-w-0 break-words"
                >
                  {entry.rule?.name ?? "Cashback"}
                </Text>
                <StatusBadge
                  color={STATE[entry.state]?.color ?? "grey"}
                  className="shrink-0"
                >
                  {STATE[entry.state]?.label ?? entry.state}
                </StatusBadge>
              </div>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <Row label="Amount" value={money(entry.amount)} strong />
                {entry.remaining !== entry.amount && (
                  <Row label="Left in wallet" value={money(entry.remaining)} />
                )}
                {entry.taken_back !== "0" && (
                  <Row label="Taken back" value={money(entry.taken_back)} />
                )}
                <Row
                  label={availability(entry)[0]}
                  value={availability(entry)[1]}
                />
                <Row
                  label="Expires"
                  value={
                    entry.expires_at ? formatDate(entry.expires_at) : "Never"
                  }
                />
              </dl>
            </div>
          ))}
        </>
      )}
    </Container>
  )
}

const Row = ({
  label,
  value,
  strong,
}: {
  label: string
  value: string
  strong?: boolean
}) => (
  <>
    <dt>
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
    </dt>
    <dd className="text-right">
      <Text size="small" weight={strong ? "plus" : "regular"}>
        {value}
      </Text>
    </dd>
  </>
)

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderCashbackWidget
