import { ArrowDownTray } from "@medusajs/icons"
import { Button, clx, Container, Heading, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { Ltr } from "../../../../components/ltr"
import { useErrorText } from "../../../../lib/api"
import { isolate, useAnalyticsFormat } from "../../../../lib/analytics-format"
import { isDecimal, isZero, percentChange, pointsChange } from "../../../../lib/analytics-numbers"
import { CsvValue, downloadCsv } from "../../../../lib/csv"
import { useLoyaltyTranslation } from "../../../../lib/i18n"

/**
 * One section of the page (Members, Wallet...): its title, what it is
 * about, and its charts once its figures have come (the last figures stay
 * while another period loads, dimmed).
 */
export const Section = ({
  id,
  title,
  description,
  query,
  children,
}: {
  id: string
  title: string
  description: string
  query: { isPending: boolean; isPlaceholderData?: boolean; error: unknown }[]
  children: () => ReactNode
}) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const error = query.find((q) => q.error)?.error
  const pending = query.some((q) => q.isPending)
  const stale = query.some((q) => q.isPlaceholderData)
  return (
    <Container className="divide-y p-0" data-testid={`analytics-section-${id}`} id={`analytics-${id}`}>
      <div className="px-6 py-4">
        <Heading level="h2">{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      </div>
      {error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert" data-testid="analytics-error">
          {errorText(error)}
        </Text>
      ) : pending ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="analytics-loading">
          {t("common.states.loading")}
        </Text>
      ) : (
        <div
          className={clx("divide-y transition-opacity", stale && "opacity-60")}
          aria-busy={stale || undefined}
          data-testid="analytics-section-body"
        >
          {children()}
        </div>
      )}
    </Container>
  )
}

/** The rows a chart's CSV holds: a header line and the rows, as the API gave the figures. */
export type CsvData = { name: string; header: string[]; rows: CsvValue[][] }

/** Saves a chart's data as a CSV file (UTF-8 with BOM: Excel reads Persian). */
export const CsvButton = ({ csv, testId }: { csv: () => CsvData; testId: string }) => {
  const { t } = useLoyaltyTranslation()
  return (
    <Button
      type="button"
      size="small"
      variant="secondary"
      className="shrink-0"
      onClick={() => {
        const { name, header, rows } = csv()
        downloadCsv(name, header, rows)
      }}
      data-testid={testId}
    >
      <ArrowDownTray />
      {t("analytics.csv")}
    </Button>
  )
}

/**
 * One chart (or card row, or table): its title, a line saying what it
 * counts, its CSV button, and the chart or, without data, a sentence that
 * says so.
 */
export const ChartBlock = ({
  id,
  title,
  explanation,
  csv,
  empty,
  emptyText,
  aside,
  children,
}: {
  id: string
  title: string
  explanation: string
  csv: () => CsvData
  empty?: boolean
  emptyText?: string
  /** A line under the explanation (the unit amounts are in). */
  aside?: string
  children: ReactNode
}) => (
  <div className="flex flex-col gap-y-3 px-6 py-4" data-testid={`analytics-chart-${id}`} data-empty={empty ? "true" : "false"}>
    <div className="flex items-start justify-between gap-x-3">
      <div className="flex min-w-0 flex-col">
        <Text size="small" weight="plus" className="text-ui-fg-base">
          {title}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="analytics-explanation">
          {explanation}
        </Text>
        {aside && !empty && (
          <Text size="xsmall" className="text-ui-fg-muted">
            {aside}
          </Text>
        )}
      </div>
      <CsvButton csv={csv} testId={`analytics-csv-${id}`} />
    </div>
    {empty ? (
      <div className="bg-ui-bg-subtle flex min-h-[72px] items-center justify-center rounded-lg border border-dashed px-4 py-4">
        <Text size="small" className="text-ui-fg-muted text-center" data-testid="analytics-empty">
          {emptyText}
        </Text>
      </div>
    ) : (
      children
    )}
  </div>
)

/** Whether a rise is good news (more members), bad news (more expired credit) or neither. */
export type Better = "up" | "down" | "neither"

/**
 * A figure's change against the previous period: in percent of the
 * previous figure, or in percentage points for a share (`points`); "new"
 * when there was nothing before. Green when it is good news.
 */
export const Delta = ({
  current,
  previous,
  points = false,
  better = "up",
  previousText,
}: {
  current: string | number
  previous: string | number
  points?: boolean
  better?: Better
  /** The previous figure as words, for the tooltip. */
  previousText: string
}) => {
  const { t } = useLoyaltyTranslation()
  const { signedPercent, signedPoints } = useAnalyticsFormat()
  let direction = 0
  let text: ReactNode
  if (points) {
    const moved = pointsChange(String(current), String(previous))
    direction = !moved || isZero(moved) ? 0 : moved.startsWith("-") ? -1 : 1
    text =
      moved === null
        ? "—"
        : direction === 0
          ? t("analytics.delta.same")
          : t("analytics.delta.points", { value: isolate(signedPoints(moved)) })
  } else {
    const change = percentChange(current, previous)
    if (change === null) {
      const fromNothing = isDecimal(String(current)) && !isZero(current)
      direction = fromNothing ? 1 : 0
      text = fromNothing ? t("analytics.delta.fromNothing") : t("analytics.delta.same")
    } else {
      direction = Math.sign(change)
      text = change === 0 ? t("analytics.delta.same") : <Ltr>{signedPercent(change)}</Ltr>
    }
  }
  const good = better === "neither" || direction === 0 ? null : (direction > 0) === (better === "up")
  return (
    <span
      className={clx(
        "txt-compact-xsmall-plus inline-flex items-center gap-x-1",
        good === null ? "text-ui-fg-subtle" : good ? "text-ui-tag-green-text" : "text-ui-tag-red-text"
      )}
      title={t("analytics.delta.previous", { value: previousText })}
      data-testid="analytics-delta"
      data-direction={direction}
    >
      {direction !== 0 && <span aria-hidden>{direction > 0 ? "▲" : "▼"}</span>}
      <span>{text}</span>
    </span>
  )
}

/**
 * An amount in the shop's unit, isolated in the admin's direction (as
 * wallet/amount.tsx does): "USD" or a minus sign never turns the pair
 * around in right-to-left text. `round`: an average, to the whole unit.
 */
export const Money = ({ amount, currency, round = false }: { amount: string; currency: string; round?: boolean }) => {
  const { dir } = useLoyaltyTranslation()
  const f = useAnalyticsFormat()
  return <bdi dir={dir}>{f.amount(amount, currency, round)}</bdi>
}

/** A headline figure: its label, its value (isolated: a figure is data), its change and a line under it. */
export const FigureCard = ({
  label,
  value,
  delta,
  hint,
  testId,
}: {
  label: string
  value: string
  delta?: ReactNode
  hint?: string
  testId: string
}) => {
  const { dir } = useLoyaltyTranslation()
  return (
    <div className="bg-ui-bg-subtle flex min-w-0 flex-col gap-y-1 rounded-lg border px-4 py-3" data-testid={testId}>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="large" weight="plus" className="text-ui-fg-base break-words" data-testid="analytics-figure-value">
        <bdi dir={dir}>{value}</bdi>
      </Text>
      {delta}
      {hint && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {hint}
        </Text>
      )}
    </div>
  )
}

/** A row of headline figures. */
export const FigureGrid = ({ children }: { children: ReactNode }) => (
  <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">{children}</div>
)
