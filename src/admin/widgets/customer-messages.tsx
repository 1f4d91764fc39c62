import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import {
  Button,
  Container,
  Heading,
  StatusBadge,
  Table,
  Text,
  toast,
} from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { Link } from "react-router-dom"
import {
  errorMessage,
  LoyaltyMessage,
  LoyaltySettings,
  sdk,
  SmsPreference,
} from "../lib/client"
import {
  dirOf,
  EVENT_LABELS,
  LOCALE_LABELS,
  reasonLabel,
  smsEvents,
  STATUS_COLORS,
  STATUS_LABELS,
} from "../lib/messages"

type Log = { messages: LoyaltyMessage[]; sms_preference: SmsPreference }

// The log shows this many until "Show all".
const FIRST = 10

const dateTime = (value: string) =>
  new Date(value).toLocaleString(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
  })

const CustomerMessagesWidget = ({
  data: customer,
}: DetailWidgetProps<AdminCustomer>) => {
  const [log, setLog] = useState<Log | null>(null)
  const [settings, setSettings] = useState<LoyaltySettings | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [all, setAll] = useState(false)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    setLog(
      await sdk.client.fetch<Log>(
        `/admin/loyalty/customers/${customer.id}/messages`
      )
    )
    setError(null)
  }, [customer.id])

  useEffect(() => {
    load().catch((e) => setError(errorMessage(e)))
    sdk.client
      .fetch<{ settings: LoyaltySettings }>("/admin/loyalty/settings")
      .then(({ settings }) => setSettings(settings))
      .catch(() => {})
  }, [load])

  const who =
    [customer.first_name, customer.last_name].filter(Boolean).join(" ") ||
    customer.email

  const sendStatement = async () => {
    setBusy(true)
    try {
      const { queued, message } = await sdk.client.fetch<{
        queued: boolean
        message: LoyaltyMessage | null
      }>(`/admin/loyalty/customers/${customer.id}/balance-statement`, {
        method: "POST",
        body: {},
      })
      if (queued && message?.status === "skipped") {
        toast.warning(
          `Balance statement not sent: ${reasonLabel(message.reason ?? "")}`
        )
      } else if (queued) {
        toast.success(
          message && new Date(message.send_after) > new Date()
            ? `Balance statement queued: it goes after ${dateTime(message.send_after)} (quiet hours)`
            : "Balance statement queued: it goes out within a minute"
        )
      } else if (settings && !smsEvents(settings).balance_statement) {
        toast.warning(
          "Balance statements are turned off in the Loyalty messages settings"
        )
      } else {
        toast.info(
          message?.status === "sent"
            ? "A balance statement was already sent today"
            : "A balance statement is already queued today"
        )
      }
      await load()
    } catch (e) {
      // "Customer cus_123 has no wallet": name the customer, not the id.
      toast.error(errorMessage(e).split(customer.id).join(who))
    } finally {
      setBusy(false)
    }
  }

  const preference = log?.sms_preference
  const locale = preference?.locale ?? settings?.default_locale ?? null
  const messages = log?.messages ?? []
  const shown = all ? messages : messages.slice(0, FIRST)

  return (
    <Container className="divide-y p-0" data-testid="customer-messages">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="min-w-0">
          <Heading level="h2">Loyalty messages</Heading>
          <div
            className="flex flex-wrap items-center gap-x-2 gap-y-1"
            data-testid="customer-messages-preference"
          >
            {preference?.opted_out && (
              <StatusBadge color="orange" data-testid="customer-messages-opted-out">
                Opted out of SMS
              </StatusBadge>
            )}
            <Text size="small" className="text-ui-fg-subtle">
              {locale
                ? `Language: ${LOCALE_LABELS[locale] ?? locale}${preference?.locale ? "" : " (the store's default)"}`
                : "SMS the loyalty club sent this customer."}
            </Text>
          </div>
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={sendStatement}
          isLoading={busy}
          disabled={!log}
          data-testid="customer-messages-statement"
        >
          Send balance statement
        </Button>
      </div>

      {error ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            {error}
          </Text>
        </div>
      ) : !log ? (
        <div className="px-6 py-4">
          <Text size="small">Loading…</Text>
        </div>
      ) : messages.length === 0 ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            No messages yet. They are written in{" "}
            <Link
              to="/loyalty/messages"
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
            >
              Loyalty messages
            </Link>
            .
          </Text>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <Table data-testid="customer-messages-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>When</Table.HeaderCell>
                <Table.HeaderCell>Message</Table.HeaderCell>
                <Table.HeaderCell>Text</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {shown.map((m) => (
                <Table.Row
                  key={m.id}
                  data-testid="customer-message-row"
                  data-status={m.status}
                  className="[&_td]:py-2.5 [&_td]:align-top"
                >
                  <Table.Cell className="whitespace-nowrap">
                    {dateTime(m.created_at)}
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap">
                    {EVENT_LABELS[m.event] ?? m.event}
                  </Table.Cell>
                  <Table.Cell className="min-w-[240px] max-w-[420px] whitespace-normal">
                    <Text
                      size="small"
                      dir={dirOf(m.locale)}
                      lang={m.locale}
                      className="leading-6 [overflow-wrap:anywhere]"
                      data-testid="customer-message-body"
                    >
                      {m.body}
                    </Text>
                    {m.phone && (
                      <Text
                        size="xsmall"
                        dir="ltr"
                        className={`text-ui-fg-subtle ${dirOf(m.locale) === "rtl" ? "text-right" : ""}`}
                      >
                        To {m.phone}
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell className="min-w-[140px] max-w-[220px] whitespace-normal">
                    <Status message={m} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {messages.length > FIRST && (
            <div className="px-6 py-3">
              <Button
                size="small"
                variant="transparent"
                onClick={() => setAll(!all)}
              >
                {all ? "Show fewer" : `Show all ${messages.length}`}
              </Button>
            </div>
          )}
        </div>
      )}
    </Container>
  )
}

const Status = ({ message: m }: { message: LoyaltyMessage }) => {
  let detail: string | null = null
  if (m.status === "sent" && m.sent_at) {
    detail = dateTime(m.sent_at)
  } else if (
    (m.status === "queued" || m.status === "sending") &&
    new Date(m.send_after) > new Date()
  ) {
    detail = `After ${dateTime(m.send_after)}`
  } else if ((m.status === "skipped" || m.status === "failed") && m.reason) {
    detail = reasonLabel(m.reason)
  }
  return (
    <div className="flex flex-col items-start gap-y-0.5">
      <StatusBadge color={STATUS_COLORS[m.status]} data-testid="customer-message-status">
        {STATUS_LABELS[m.status] ?? m.status}
      </StatusBadge>
      {detail && (
        <Text
          size="xsmall"
          className="text-ui-fg-subtle [overflow-wrap:anywhere]"
          data-testid="customer-message-status-detail"
        >
          {detail}
        </Text>
      )}
      {m.status === "failed" && m.attempts > 1 && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {m.attempts} attempts
        </Text>
      )}
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerMessagesWidget
