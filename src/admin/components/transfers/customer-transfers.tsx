import { AdminCustomer } from "@medusajs/framework/types"
import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { useErrorText } from "../../lib/api"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { personName, Transfer, useCustomerTransfers } from "../../lib/transfers"
import { Data, Ltr } from "../ltr"
import { Amount } from "../wallet/amount"
import { SendTransferForm } from "./send-transfer-form"
import { STATUS_LABEL, TransferStatusBadge } from "./transfer-status"

// The club card shows the newest few; the Transfers page has them all.
const LATEST = 5

/** Sent to a number, or received from a member: one line of the card. */
const TransferLine = ({ transfer, customerId }: { transfer: Transfer; customerId: string }) => {
  const { t } = useLoyaltyTranslation()
  const { date } = useFormat()
  const sent = transfer.sender?.id === customerId
  const from = personName(transfer.sender)
  return (
    <li className="flex items-start justify-between gap-x-3" data-testid="customer-transfer" data-direction={sent ? "sent" : "received"}>
      <div className="flex min-w-0 flex-col gap-y-0.5">
        <Text size="small">
          {sent ? (
            <>
              {t("transfers.customer.sentTo")} <Ltr>{transfer.recipient_phone}</Ltr>
            </>
          ) : (
            <>
              {t("transfers.customer.receivedFrom")}{" "}
              {from ? <Data>{from}</Data> : t("transfers.list.noName")}
            </>
          )}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {date(transfer.created_at)}
        </Text>
      </div>
      <div className="flex shrink-0 flex-col items-end gap-y-0.5">
        <Text size="small" weight="plus">
          <Amount amount={transfer.amount} currency={transfer.currency_code} />
        </Text>
        <TransferStatusBadge status={transfer.status} label={t(STATUS_LABEL[transfer.status])} />
      </div>
    </li>
  )
}

/**
 * A customer's transfers on their club card, sent and received, and
 * sending credit on their behalf.
 */
export const CustomerTransfers = ({ customer }: { customer: AdminCustomer }) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const errorText = useErrorText()
  const { data, error } = useCustomerTransfers(customer.id)
  const [open, setOpen] = useState(false)
  const sent = (data ?? []).filter((tr) => tr.sender?.id === customer.id).length
  const received = (data ?? []).length - sent

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="customer-transfers">
      <div className="flex items-start justify-between gap-x-3">
        <div className="flex flex-col">
          <Text size="small" weight="plus">
            {t("transfers.customer.title")}
          </Text>
          {data && (
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="customer-transfers-counts">
              {t("transfers.customer.counts", {
                sent: t("transfers.customer.sent", { count: sent, n: number(sent) }),
                received: t("transfers.customer.received", { count: received, n: number(received) }),
              })}
            </Text>
          )}
        </div>
        <Button size="small" variant="secondary" onClick={() => setOpen(true)} data-testid="customer-transfer-send">
          {t("transfers.send.open")}
        </Button>
      </div>
      {error ? (
        <Text size="small" className="text-ui-fg-error">
          {errorText(error)}
        </Text>
      ) : data && data.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted">
          {t("transfers.customer.none")}
        </Text>
      ) : (
        <ul className="flex flex-col gap-y-2">
          {(data ?? []).slice(0, LATEST).map((transfer) => (
            <TransferLine key={transfer.id} transfer={transfer} customerId={customer.id} />
          ))}
        </ul>
      )}
      <SendTransferForm
        open={open}
        onOpenChange={setOpen}
        customer={{
          id: customer.id,
          first_name: customer.first_name ?? null,
          last_name: customer.last_name ?? null,
          email: customer.email ?? null,
          phone: customer.phone ?? null,
        }}
      />
    </div>
  )
}
