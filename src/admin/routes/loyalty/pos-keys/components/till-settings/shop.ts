import { sdk } from "../../../../../lib/client"

export type Shop = {
  /** The store's currencies, its default first. */
  currencies: string[]
  /** The default region's countries (ISO alpha-2), or null when unknown. */
  regionCountries: string[] | null
}

export async function loadShop(): Promise<Shop> {
  const { stores } = await sdk.client
    .fetch<{
      stores: {
        default_region_id: string | null
        supported_currencies?: { currency_code: string; is_default: boolean }[]
      }[]
    }>("/admin/stores", {
      query: {
        fields:
          "id,default_region_id,supported_currencies.currency_code,supported_currencies.is_default",
      },
    })
    .catch(() => ({ stores: [] }))
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
  const region = await sdk.client
    .fetch<{ region: { countries?: { iso_2: string }[] } }>(
      `/admin/regions/${store.default_region_id}`,
      { query: { fields: "id,countries.iso_2" } }
    )
    .catch(() => null)
  return {
    currencies,
    regionCountries: region
      ? (region.region.countries ?? []).map((c) => c.iso_2.toUpperCase())
      : null,
  }
}
