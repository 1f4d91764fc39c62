import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { ReactNode, useState } from "react"
import { Data } from "../components/ltr"
import { Amount, Figure, RefundToWalletForm, WidgetHeader } from "../components/wallet"
import { api, useErrorText } from "../lib/api"
import { OrderCashback, OrderCashbackEntry, OrderCashbackState } from "../lib/client"
import { useFormat } from "../lib/format"
import { useLoyaltyTranslation } from "../lib/i18n"
import { loyaltyKeys } from "../lib/query"

const STATE: Record<
  OrderCashbackState,
  { label: string; color: "green" | "red" | "orange" | "grey" | "blue" | "purple" }
> = {
  pending: { label: "orders.cashback.states.pending", color: "orange" },
  available: { label: "orders.cashback.states.available", color: "green" },
  spent: { label: "orders.cashback.states.spent", color: "blue" },
  expired: { label: "orders.cashback.states.expired", color: "grey" },
  partly_reversed: { label: "orders.cashback.states.partlyReversed", color: "purple" },
  reversed: { label: "orders.cashback.states.reversed", color: "red" },
}

/** The order's cashback, under the order's query key (a refund to the wallet reloads it). */
function useOrderCashback(orderId: string) {
  return useQuery({
    queryKey: loyaltyKeys.order(orderId),
    queryFn: () => api<OrderCashback>(`/admin/loyalty/orders/${orderId}/cashback`),
  })
}

/**
 * What an order earned into the customer's wallet, rule by rule (amount,
 * state, what is left, when it can be spent and expires), what wallet
 * credit paid for it, and a refund of part of it into the wallet.
 */
const OrderCashbackWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const cashback = useOrderCashback(order.id)
  const [refunding, setRefunding] = useState(false)
  const data = cashback.data
  const currency = data?.currency_code ?? order.currency_code
  const customerId = order.customer_id ?? null

  const creditPaid =
    data && data.credit_paid && data.credit_paid !== "0" ? (
      <div className="flex items-center justify-between gap-x-3 px-6 py-3" data-testid="order-credit-paid">
        <Text size="small" className="text-ui-fg-subtle">
          {t("orders.cashback.creditPaid")}
        </Text>
        <Text size="small" weight="plus">
          <Amount amount={data.credit_paid} currency={currency} />
        </Text>
      </div>
    ) : null

  return (
    <Container
      className="divide-y p-0"
      data-loyalty-widget="order-cashback"
      data-testid="order-cashback"
    >
      <WidgetHeader title={t("orders.cashback.title")} description={t("orders.cashback.description")}>
        {customerId && (
          <Button
            size="small"
            variant="secondary"
            onClick={() => setRefunding(true)}
            data-testid="order-refund-to-wallet"
          >
            {t("orders.refund.action")}
          </Button>
        )}
      </WidgetHeader>
      {!customerId && (
        <div className="px-6 py-3">
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("orders.refund.guest")}
          </Text>
        </div>
      )}
      {cashback.isError ? (
        <div className="flex flex-col items-start gap-y-2 px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            {t("orders.cashback.loadError")} {errorText(cashback.error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => cashback.refetch()}>
            {t("common.actions.retry")}
          </Button>
        </div>
      ) : !data ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {t("common.states.loading")}
          </Text>
        </div>
      ) : data.cashback.length === 0 ? (
        <>
          <div className="px-6 py-4">
            <Text size="small" className="text-ui-fg-subtle">
              {t("orders.cashback.empty")}
            </Text>
          </div>
          {creditPaid}
        </>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-4 px-6 py-4" data-testid="order-cashback-total">
            <Figure label={t("orders.cashback.earned")}>
              <Text size="base" weight="plus" className="truncate">
                <Amount amount={data.total} currency={currency} />
              </Text>
            </Figure>
            <Figure label={t("orders.cashback.takenBack")}>
              <Text
                size="base"
                weight="plus"
                className={`truncate ${data.taken_back === "0" ? "text-ui-fg-muted" : ""}`}
              >
                <Amount amount={data.taken_back} currency={currency} />
              </Text>
            </Figure>
          </div>
          {creditPaid}
          {data.cashback.map((entry) => (
            <Entry key={entry.transaction_id} entry={entry} currency={currency} />
          ))}
        </>
      )}
      {customerId && (
        <RefundToWalletForm
          orderId={order.id}
          customerId={customerId}
          currency={currency}
          open={refunding}
          onOpenChange={setRefunding}
        />
      )}
    </Container>
  )
}

const Entry = ({ entry, currency }: { entry: OrderCashbackEntry; currency: string }) => {
  const { t } = useLoyaltyTranslation()
  const { date } = useFormat()
  const state = STATE[entry.state]
  const availability: [string, string] = entry.waits_for_fulfilment
    ? [t("orders.cashback.available"), t("orders.cashback.atFulfilment")]
    : !entry.available_at
      ? [t("orders.cashback.available"), t("orders.cashback.atPlacement")]
      : new Date(entry.available_at) > new Date()
        ? [t("orders.cashback.availableFrom"), date(entry.available_at)]
        : [t("orders.cashback.availableSince"), date(entry.available_at)]
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-cashback-entry">
      <div className="flex items-start justify-between gap-x-3">
        <Text size="small" weight="plus" className="min-w-0 break-words">
          {entry.rule?.name ? <Data>{entry.rule.name}</Data> : t("orders.cashback.rule")}
        </Text>
        <StatusBadge color={state?.color ?? "grey"} className="shrink-0">
          {state ? t(state.label) : <Data>{entry.state}</Data>}
        </StatusBadge>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <Row label={t("orders.cashback.amount")} strong>
          <Amount amount={entry.amount} currency={currency} />
        </Row>
        {entry.remaining !== entry.amount && (
          <Row label={t("orders.cashback.leftInWallet")}>
            <Amount amount={entry.remaining} currency={currency} />
          </Row>
        )}
        {entry.taken_back !== "0" && (
          <Row label={t("orders.cashback.takenBack")}>
            <Amount amount={entry.taken_back} currency={currency} />
          </Row>
        )}
        <Row label={availability[0]}>{availability[1]}</Row>
        <Row label={t("orders.cashback.expires")}>
          {entry.expires_at ? date(entry.expires_at) : t("orders.cashback.never")}
        </Row>
      </dl>
    </div>
  )
}

const Row = ({ label, strong, children }: { label: string; strong?: boolean; children: ReactNode }) => (
  <>
    <dt>
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
    </dt>
    <dd className="text-end">
      <Text size="small" weight={strong ? "plus" : "regular"}>
        {children}
      </Text>
    </dd>
  </>
)

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderCashbackWidget
