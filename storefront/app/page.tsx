"use client"
import type { HttpTypes } from "@medusajs/types"
import { Money, ProductCashbackBadge } from "medusa-plugin-loyalty-club/storefront"
import { useEffect, useState } from "react"
import { CART_FIELDS, useShop } from "../lib/shop"

export default function ProductsPage() {
  const { sdk, region, t, locale, ensureCart, setCart } = useShop()
  const [products, setProducts] = useState<HttpTypes.StoreProduct[]>([])
  const [added, setAdded] = useState<string | null>(null)

  useEffect(() => {
    if (!region) return
    sdk.store.product
      .list({ region_id: region.id, limit: 20, fields: "id,title,handle,thumbnail,*variants,*variants.calculated_price" }, { "x-medusa-locale": locale })
      .then(({ products }) => setProducts(products))
  }, [sdk, region, locale])

  const add = async (variantId: string) => {
    const cart = await ensureCart()
    const { cart: updated } = await sdk.store.cart.createLineItem(cart.id, { variant_id: variantId, quantity: 1 }, { fields: CART_FIELDS })
    setCart(updated)
    setAdded(variantId)
  }

  return (
    <>
      <h1>{t("products")}</h1>
      <div className="grid">
        {products.map((p) => {
          const variant = p.variants?.[0]
          const price = variant?.calculated_price?.calculated_amount
          return (
            <article className="product" key={p.id} data-test="product" data-product={p.handle} data-variant={variant?.id}>
              <h2>{p.title}</h2>
              {price != null ? (
                <span className="price">
                  <Money amount={String(price)} currency={region!.currency_code} />
                </span>
              ) : null}
              <ProductCashbackBadge variantId={variant?.id} regionId={region?.id} />
              <button className="button" type="button" onClick={() => variant && add(variant.id)} data-test="add">
                {added === variant?.id ? t("added") : t("add")}
              </button>
            </article>
          )
        })}
      </div>
    </>
  )
}
