// What the pickers offer: the store's products, categories, customer groups,
// sales channels, tiers and currencies, loaded once per page.
import { sdk } from "../../../../../lib/client"
import { Option } from "../id-multi-select"

export type Options = {
  products: Option[]
  categories: Option[]
  groups: Option[]
  channels: Option[]
  tiers: Option[]
  currencies: string[]
}

export const EMPTY_OPTIONS: Options = {
  products: [],
  categories: [],
  groups: [],
  channels: [],
  tiers: [],
  currencies: [],
}

export async function loadOptions(): Promise<Options> {
  const get = <T>(path: string, query: Record<string, unknown>) =>
    sdk.client.fetch<T>(path, { query }).catch(() => null)
  const [products, categories, groups, channels, tiers, stores] =
    await Promise.all([
      get<{ products: { id: string; title: string }[] }>("/admin/products", {
        limit: 200,
        fields: "id,title",
      }),
      get<{ product_categories: { id: string; name: string }[] }>(
        "/admin/product-categories",
        { limit: 200, fields: "id,name" }
      ),
      get<{ customer_groups: { id: string; name: string }[] }>(
        "/admin/customer-groups",
        {
          limit: 200,
          fields: "id,name",
        }
      ),
      get<{ sales_channels: { id: string; name: string }[] }>(
        "/admin/sales-channels",
        {
          limit: 200,
          fields: "id,name",
        }
      ),
      get<{ tiers: { id: string; name: string; rank: number }[] }>(
        "/admin/loyalty/tiers",
        {}
      ),
      get<{ stores: { supported_currencies?: { currency_code: string }[] }[] }>(
        "/admin/stores",
        { fields: "id,supported_currencies.currency_code" }
      ),
    ])
  const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label)
  return {
    products: (products?.products ?? [])
      .map((p) => ({ value: p.id, label: p.title }))
      .sort(byLabel),
    categories: (categories?.product_categories ?? [])
      .map((c) => ({ value: c.id, label: c.name }))
      .sort(byLabel),
    groups: (groups?.customer_groups ?? [])
      .map((g) => ({ value: g.id, label: g.name }))
      .sort(byLabel),
    channels: (channels?.sales_channels ?? [])
      .map((c) => ({ value: c.id, label: c.name }))
      .sort(byLabel),
    // By rank, as the tiers page lists them.
    tiers: [...(tiers?.tiers ?? [])]
      .sort((a, b) => a.rank - b.rank)
      .map((t) => ({ value: t.id, label: t.name })),
    currencies: Array.from(
      new Set(
        (stores?.stores ?? []).flatMap((s) =>
          (s.supported_currencies ?? []).map((c) =>
            c.currency_code.toLowerCase()
          )
        )
      )
    ).sort(),
  }
}
