import { useQuery } from "@tanstack/react-query"
import { api } from "../../../../../lib/api"
import { loyaltyKeys } from "../../../../../lib/query"

export type Shop = {
  /** The store's currencies, its default first. */
  currencies: string[]
  /** The default region's countries (ISO alpha-2), or null when unknown. */
  regionCountries: string[] | null
}

type StoresBody = {
  stores: {
    default_region_id: string | null
    supported_currencies?: { currency_code: string; is_default: boolean }[]
  }[]
}

async function loadShop(): Promise<Shop> {
  const { stores } = await api<StoresBody>("/admin/stores", {
    query: {
      fields:
        "id,default_region_id,supported_currencies.currency_code,supported_currencies.is_default",
    },
  }).catch(() => ({ stores: [] as StoresBody["stores"] }))
  const store = stores[0]
  const currencies = [...(store?.supported_currencies ?? [])]
    .sort((a, b) => Number(b.is_default) - Number(a.is_default))
    .map((c) => c.currency_code.toLowerCase())
  if (!store) {
    return { currencies, regionCountries: null }
  }
  if (!store.default_region_id) {
    return { currencies, regionCountries: [] }
  }
  const region = await api<{ region: { countries?: { iso_2: string }[] } }>(
    `/admin/regions/${store.default_region_id}`,
    { query: { fields: "id,countries.iso_2" } }
  ).catch(() => null)
  return {
    currencies,
    regionCountries: region
      ? (region.region.countries ?? []).map((c) => c.iso_2.toUpperCase())
      : null,
  }
}

/** The store's currencies and its default region's countries. */
export const useShop = () =>
  useQuery({
    queryKey: loyaltyKeys.resources("store", "currencies-and-region"),
    queryFn: loadShop,
    staleTime: 60_000,
  })

/** The currencies a per-currency setting shows: the store's, then any other stored. */
export const currenciesOf = (shop: Shop, ...stored: (Record<string, string> | null)[]) =>
  Array.from(
    new Set([
      ...shop.currencies,
      ...stored.flatMap((amounts) => Object.keys(amounts ?? {}).sort()),
    ])
  )

/** A per-currency setting as the form holds it: every currency, "" for none. */
export const amountsToValues = (
  stored: Record<string, string> | null,
  currencies: string[]
): Record<string, string> =>
  Object.fromEntries(currencies.map((c) => [c, stored?.[c] ?? ""]))


/**
 * Where a settings panel shows the API's refusal of a per-currency amount:
 * the code's setting, at its first currency's field (the API names the
 * setting, not the currency). `fields` maps each code to its setting.
 */
export const amountFieldOfCode =
  <Field extends string>(currencies: string[], fields: Record<string, Field>) =>
  (code: string): `${Field}.${string}` | undefined =>
    fields[code] && currencies[0] ? `${fields[code]}.${currencies[0]}` : undefined
