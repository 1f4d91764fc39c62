import { createContext, useContext } from "react"
import { AnalyticsQuery } from "../../../../lib/analytics"

/** What every section reads: the query the period bar made, and the CSV files' name stem. */
export type AnalyticsPageState = {
  /** null while the settings load or the custom period is not valid. */
  query: AnalyticsQuery | null
  /** "2026-11-01_2026-11-30": the shop days of the period, for file names. */
  stem: string
}

export const AnalyticsPageContext = createContext<AnalyticsPageState>({ query: null, stem: "" })

export const useAnalyticsPage = () => useContext(AnalyticsPageContext)

/** A CSV file's name: the club, the chart and the period's days. */
export const csvName = (chart: string, stem: string) =>
  ["loyalty", chart, stem].filter(Boolean).join("-")
