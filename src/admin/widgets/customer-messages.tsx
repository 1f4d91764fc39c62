import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import {
  Button,
  Container,
  createDataTableColumnHelper,
  DataTable,
  DataTablePaginationState,
  Heading,
  StatusBadge,
  Text,
  toast,
  useDataTable,
} from "@medusajs/ui"
import { ReactNode, useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { Data, Ltr } from "../components/ltr"
import { TablePager } from "../components/table-pager"
import { api, useErrorText } from "../lib/api"
import { LoyaltyMessage } from "../lib/client"
import { useFormat } from "../lib/format"
import { useLoyaltyTranslation } from "../lib/i18n"
import {
  dirOf,
  EVENT_LABEL,
  LOCALE_LABEL,
  REASON_LABEL,
  STATUS_COLOR,
  STATUS_LABEL,
  useCustomerMessages,
} from "../lib/messages"
import { useLoyaltyMutation } from "../lib/mutation"
import { loyaltyKeys, useLoyaltySettings } from "../lib/query"

// The API returns the newest 50; the widget pages through them.
const PAGE_SIZE = 10

const column = createDataTableColumnHelper<LoyaltyMessage>()

type Statement = { queued: boolean; message: LoyaltyMessage | null }

const CustomerMessagesWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useLoyaltyTranslation()
  const { dateTime } = useFormat()
  const log = useCustomerMessages(customer.id)
  const { data: settings } = useLoyaltySettings()
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })

  const statement = useLoyaltyMutation({
    mutationFn: () =>
      api<Statement>(`/admin/loyalty/customers/${customer.id}/balance-statement`, {
        method: "POST",
        body: {},
      }),
    invalidate: () => [loyaltyKeys.customerMessages(customer.id)],
    // The toast says what happened to the message: queued, skipped or already there.
    onSuccess: ({ queued, message }) => {
      if (queued && message?.status === "skipped") {
        toast.warning(t("messages.customer.statementSkipped", {
            reason: message.reason && REASON_LABEL[message.reason] ? t(REASON_LABEL[message.reason]) : message.reason ?? "",
          }))
      } else if (queued) {
        toast.success(
          message && new Date(message.send_after) > new Date()
            ? t("messages.customer.statementQueuedLater", { time: dateTime(message.send_after) })
            : t("messages.customer.statementQueued")
        )
      } else {
        toast.info(
          message?.status === "sent"
            ? t("messages.customer.statementSentToday")
            : t("messages.customer.statementQueuedToday")
        )
      }
      setPagination((p) => ({ ...p, pageIndex: 0 }))
    },
  })

  const columns = useMemo(
    () => [
      column.accessor("event", {
        header: t("messages.customer.columns.event"),
        size: 130,
        truncateTooltip: false,
        cell: ({ row: { original: m } }) => (
          <div className="flex flex-col gap-y-0.5 whitespace-normal py-2.5">
            <Text size="small" weight="plus">
              {t(EVENT_LABEL[m.event])}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="customer-message-time">
              {dateTime(m.created_at)}
            </Text>
          </div>
        ),
      }),
      column.accessor("body", {
        header: t("messages.customer.columns.text"),
        truncateTooltip: false,
        cell: ({ row: { original: m } }) => (
          <div className="flex min-w-[240px] flex-col gap-y-0.5 whitespace-normal py-2.5">
            <Text
              size="small"
              dir={dirOf(m.locale)}
              lang={m.locale}
              className="text-start leading-6 [overflow-wrap:anywhere]"
              data-testid="customer-message-body"
            >
              <bdi dir={dirOf(m.locale)}>{m.body}</bdi>
            </Text>
            {m.phone && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t("messages.customer.to")} <Ltr>{m.phone}</Ltr>
              </Text>
            )}
          </div>
        ),
      }),
      column.accessor("status", {
        header: t("messages.customer.columns.status"),
        size: 140,
        truncateTooltip: false,
        cell: ({ row: { original: m } }) => <Status message={m} />,
      }),
    ],
    [dateTime, t]
  )

  const messages = log.data?.messages ?? []
  const { pageIndex, pageSize } = pagination
  const table = useDataTable({
    data: messages.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize),
    columns,
    getRowId: (m) => m.id,
    rowCount: messages.length,
    isLoading: log.isPending,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  const preference = log.data?.sms_preference
  const language = preference?.locale ?? settings?.default_locale
  const pages = Math.max(1, Math.ceil(messages.length / pageSize))

  return (
    <Container className="divide-y p-0" data-testid="customer-messages" data-loyalty-widget="customer-messages">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Heading level="h2">{t("messages.customer.title")}</Heading>
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="customer-messages-preference">
            {preference?.opted_out && (
              <StatusBadge color="orange" data-testid="customer-messages-opted-out">
                {t("messages.customer.optedOut")}
              </StatusBadge>
            )}
            {language && (
              <Text size="small" className="text-ui-fg-subtle">
                {preference?.locale
                  ? t("messages.customer.language", { language: t(LOCALE_LABEL[language]) })
                  : t("messages.customer.languageDefault", { language: t(LOCALE_LABEL[language]) })}
              </Text>
            )}
          </div>
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={() => statement.mutate(undefined)}
          isLoading={statement.isPending}
          disabled={!log.data}
          data-testid="customer-messages-statement"
        >
          {t("messages.customer.statement")}
        </Button>
      </div>

      {log.isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          <ErrorText error={log.error} />
        </Text>
      ) : (
        <DataTable instance={table} className="[&_th]:text-start">
          <DataTable.Table
            emptyState={{
              empty: {
                custom: (
                  <div className="flex flex-col items-center gap-y-1 text-center" data-testid="customer-messages-empty">
                    <Text size="small" weight="plus">
                      {t("messages.customer.empty")}
                    </Text>
                    <Text size="small" className="text-ui-fg-subtle">
                      {t("messages.customer.emptyHint")}
                    </Text>
                    <Link
                      to="/loyalty/messages"
                      className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                    >
                      {t("messages.customer.emptyLink")}
                    </Link>
                  </div>
                ),
              },
            }}
          />
          {messages.length > pageSize && (
            <TablePager
              count={messages.length}
              pageIndex={pageIndex}
              pageCount={pages}
              onPrevious={() => table.previousPage()}
              onNext={() => table.nextPage()}
              testId="customer-messages"
            />
          )}
        </DataTable>
      )}
    </Container>
  )
}

const ErrorText = ({ error }: { error: unknown }) => {
  const errorText = useErrorText()
  return <>{errorText(error)}</>
}

/** The status, and when it went (or goes), or why it did not. */
const Status = ({ message: m }: { message: LoyaltyMessage }) => {
  const { t } = useLoyaltyTranslation()
  const { dateTime, number } = useFormat()
  let detail: ReactNode = null
  if (m.status === "sent" && m.sent_at) {
    detail = dateTime(m.sent_at)
  } else if ((m.status === "queued" || m.status === "sending") && new Date(m.send_after) > new Date()) {
    detail = t("messages.customer.after", { time: dateTime(m.send_after) })
  } else if ((m.status === "skipped" || m.status === "failed") && m.reason) {
    // A gateway's own error comes as the gateway wrote it.
    detail = REASON_LABEL[m.reason] ? t(REASON_LABEL[m.reason]) : <Data>{m.reason}</Data>
  }
  return (
    <div className="flex flex-col items-start gap-y-0.5 whitespace-normal py-2.5">
      <StatusBadge color={STATUS_COLOR[m.status]} data-testid="customer-message-status" data-status={m.status}>
        {t(STATUS_LABEL[m.status])}
      </StatusBadge>
      {detail && (
        <Text size="xsmall" className="text-ui-fg-subtle [overflow-wrap:anywhere]" data-testid="customer-message-status-detail">
          {detail}
        </Text>
      )}
      {m.status === "failed" && m.attempts > 1 && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("messages.customer.attempts", { n: number(m.attempts) })}
        </Text>
      )}
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerMessagesWidget
