// What the form offers besides the store's records the pickers search:
// the store's currencies, its sales channels and the club's tiers.
import { useQuery } from "@tanstack/react-query"
import type { PickerOption } from "../../../../../components/fields"
import { api } from "../../../../../lib/api"
import { Tier } from "../../../../../lib/client"
import { loyaltyKeys, useStoreCurrencies } from "../../../../../lib/query"

/** The store's currencies, lower case: what a rule or a per-currency setting can name. */
export const useCurrencyCodes = () => useStoreCurrencies().data ?? []

export function useRuleOptions() {
  const currencies = useCurrencyCodes()
  const channels = useQuery({
    queryKey: loyaltyKeys.resources("sales_channel", "all"),
    queryFn: async (): Promise<PickerOption[]> => {
      const { sales_channels } = await api<{ sales_channels: { id: string; name: string }[] }>(
        "/admin/sales-channels",
        { query: { fields: "id,name", limit: 200 } }
      )
      return sales_channels
        .map((c) => ({ value: c.id, label: c.name }))
        .sort((a, b) => a.label.localeCompare(b.label))
    },
    staleTime: 60_000,
  })
  const tiers = useQuery({
    queryKey: [...loyaltyKeys.tiers(), "options"],
    queryFn: async (): Promise<PickerOption[]> => {
      const { tiers } = await api<{ tiers: Pick<Tier, "id" | "name" | "rank">[] }>(
        "/admin/loyalty/tiers"
      )
      // By rank, as the tiers page lists them.
      return [...tiers].sort((a, b) => a.rank - b.rank).map((t) => ({ value: t.id, label: t.name }))
    },
  })
  return {
    currencies,
    channels: channels.data ?? [],
    tiers: tiers.data ?? [],
  }
}
