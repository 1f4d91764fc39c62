import { useQuery } from "@tanstack/react-query"
import { api } from "../../../../lib/api"
import { loyaltyKeys } from "../../../../lib/query"
import { useDisplayName } from "../../pos-keys/components/till-settings/countries"

/**
 * The currencies a purchase can be registered in: those of the store's
 * regions (the API books the purchase in a region of its currency).
 */
export const useRegionCurrencies = () =>
  useQuery({
    queryKey: loyaltyKeys.resources("region", "currencies"),
    queryFn: async () => {
      const { regions } = await api<{ regions: { currency_code: string }[] }>("/admin/regions", {
        query: { fields: "currency_code", limit: 100 },
      })
      return Array.from(new Set(regions.map((r) => r.currency_code.toLowerCase()))).sort()
    },
    staleTime: 60_000,
  })

/** A currency's name in the admin's language ("usd" -> "دلار امریکا" in Persian). */
export const useCurrencyName = () => useDisplayName("currency")
