import { ReactNode } from "react"
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts"
import { useLoyaltyTranslation } from "../../../../lib/i18n"

/** Colours that read on the light and the dark admin alike. */
export const COLORS = {
  blue: "#3b82f6",
  teal: "#14b8a6",
  amber: "#f59e0b",
  violet: "#8b5cf6",
  rose: "#f43f5e",
  slate: "#94a3b8",
  green: "#22c55e",
  orange: "#f97316",
  cyan: "#06b6d4",
} as const

/** Colours for ranked things (tiers, lowest first): lighter to darker violet. */
export const RANKED = ["#c4b5fd", "#a78bfa", "#8b5cf6", "#7c3aed", "#6d28d9", "#5b21b6", "#4c1d95"]

/** A colour per rank, spread over the ranked palette when there are few. */
export const rankedColor = (index: number, count: number) =>
  RANKED[count <= 1 ? 2 : Math.round((index * (RANKED.length - 1)) / Math.max(count - 1, 1)) % RANKED.length]

export type Series = {
  key: string
  label: string
  color: string
  /** Series with the same stack sit on top of each other. */
  stack?: string
}

/** One category or month of a chart: its label and a number per series. */
export type ChartRow = { key: string; label: string } & Record<string, string | number>

/** The series' names and colours, in the page's direction. */
export const Legend = ({ series }: { series: Series[] }) => (
  <div className="flex flex-wrap gap-x-4 gap-y-1" data-testid="analytics-legend">
    {series.map((s) => (
      <span key={s.key} className="inline-flex items-center gap-x-1.5">
        <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: s.color }} aria-hidden />
        <span className="txt-compact-xsmall text-ui-fg-subtle">{s.label}</span>
      </span>
    ))}
  </div>
)

/**
 * The tooltip, written in the admin's language and direction: the row's
 * label, each series with its exact figure, and extra lines.
 */
const ChartTooltip = ({
  active,
  payload,
  series,
  value,
  extra,
}: {
  active?: boolean
  payload?: ReadonlyArray<{ payload?: unknown }>
  series: Series[]
  value: (row: ChartRow, key: string) => string
  extra?: (row: ChartRow) => ReactNode
}) => {
  const { dir } = useLoyaltyTranslation()
  const row = payload?.[0]?.payload as ChartRow | undefined
  if (!active || !row) return null
  return (
    <div
      dir={dir}
      className="bg-ui-bg-base shadow-elevation-flyout flex min-w-[160px] flex-col gap-y-1 rounded-lg px-3 py-2"
      data-testid="analytics-tooltip"
    >
      <span className="txt-compact-xsmall-plus text-ui-fg-base">{row.label}</span>
      {series.map((s) => (
        <span key={s.key} className="flex items-center gap-x-2">
          <span className="inline-block h-2 w-2 shrink-0 rounded-sm" style={{ backgroundColor: s.color }} aria-hidden />
          <span className="txt-compact-xsmall text-ui-fg-subtle">{s.label}</span>
          <span className="txt-compact-xsmall-plus text-ui-fg-base ms-auto ps-3">
            <bdi dir={dir}>{value(row, s.key)}</bdi>
          </span>
        </span>
      ))}
      {extra?.(row)}
    </div>
  )
}

/**
 * A bar chart (or stacked areas) of rows, in the admin's direction: in
 * Persian and Arabic the categories and months run from the right and the
 * value axis stands on the right. The SVG is laid out left to right (its
 * text anchors are), the axis order is reversed instead. Ticks and
 * tooltips are formatted by the caller (Persian digits, Jalali months).
 */
export const AnalyticsChart = ({
  kind = "bar",
  rows,
  series,
  tick,
  value,
  extra,
  height = 240,
  testId,
  integer = false,
  colorOf,
}: {
  kind?: "bar" | "area"
  rows: ChartRow[]
  series: Series[]
  /** An axis value as a short label ("1.2M"). */
  tick: (value: number) => string
  /** A series' figure in the tooltip, exact. */
  value: (row: ChartRow, key: string) => string
  extra?: (row: ChartRow) => ReactNode
  height?: number
  testId?: string
  /** Counts: no fractions on the value axis. */
  integer?: boolean
  /** A bar of its own colour (a single series: "no expiry" apart from the months). */
  colorOf?: (row: ChartRow) => string | undefined
}) => {
  const { dir } = useLoyaltyTranslation()
  const rtl = dir === "rtl"
  const axisTick = { fill: "currentColor", fontSize: 11 }
  // The value axis as wide as its longest label ("1.2 میلیارد" is wider than "900k").
  const top = Math.max(
    0,
    ...rows.map((row) =>
      series.some((s) => s.stack)
        ? series.reduce((sum, s) => sum + (Number(row[s.key]) || 0), 0)
        : Math.max(0, ...series.map((s) => Number(row[s.key]) || 0))
    )
  )
  const axisWidth = Math.min(
    104,
    Math.max(40, 12 + 6.5 * Math.max(tick(top).length, tick(top / 2).length, tick(top / 4).length))
  )
  const common = {
    data: rows,
    margin: { top: 8, right: 8, bottom: 0, left: 8 },
  }
  const axes = [
    <CartesianGrid key="grid" vertical={false} stroke="currentColor" strokeOpacity={0.12} />,
    <XAxis
      key="x"
      dataKey="label"
      reversed={rtl}
      tick={axisTick}
      tickLine={false}
      axisLine={{ stroke: "currentColor", strokeOpacity: 0.25 }}
      interval="preserveStartEnd"
      minTickGap={12}
      height={28}
      padding={kind === "area" ? { left: 28, right: 28 } : undefined}
    />,
    <YAxis
      key="y"
      orientation={rtl ? "right" : "left"}
      tick={axisTick}
      tickLine={false}
      axisLine={false}
      tickFormatter={(v: number) => tick(v)}
      allowDecimals={!integer}
      width={axisWidth}
    />,
    <Tooltip
      key="tooltip"
      cursor={{ fill: "currentColor", fillOpacity: 0.06 }}
      isAnimationActive={false}
      content={({ active, payload }) => (
        <ChartTooltip active={active} payload={payload} series={series} value={value} extra={extra} />
      )}
    />,
  ]
  return (
    <div className="flex flex-col gap-y-2" data-testid={testId}>
      {series.length > 1 && <Legend series={series} />}
      {/* The SVG's text anchors assume left to right; the axes are reversed for right to left instead. */}
      <div className="text-ui-fg-subtle w-full" style={{ direction: "ltr", height }}>
        <ResponsiveContainer width="100%" height="100%">
          {kind === "area" ? (
            <AreaChart {...common}>
              {axes}
              {series.map((s) => (
                <Area
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  stackId={s.stack}
                  type="linear"
                  stroke={s.color}
                  fill={s.color}
                  fillOpacity={0.35}
                  isAnimationActive={false}
                />
              ))}
            </AreaChart>
          ) : (
            <BarChart {...common} barCategoryGap="24%">
              {axes}
              {/* Side by side, the first series reads first: on the right in right to left. */}
              {(rtl && !series.some((s) => s.stack) ? [...series].reverse() : series).map((s) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  stackId={s.stack}
                  fill={s.color}
                  radius={s.stack ? 0 : [3, 3, 0, 0]}
                  maxBarSize={48}
                  isAnimationActive={false}
                >
                  {colorOf && rows.map((row) => <Cell key={row.key} fill={colorOf(row) ?? s.color} />)}
                </Bar>
              ))}
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
    </div>
  )
}
