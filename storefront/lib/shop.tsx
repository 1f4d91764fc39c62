"use client"
// The demo's shop state: one js-sdk instance (same origin: /store and /auth
// are passed to Medusa), the shopper, the cart and the language. The club
// comes from the kit's provider, given this same sdk.
import Medusa from "@medusajs/js-sdk"
import type { HttpTypes } from "@medusajs/types"
import { LoyaltyProvider, LoyaltyStyles, Locale } from "medusa-plugin-loyalty-club/storefront"
import Link from "next/link"
import { useRouter } from "next/navigation"
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react"
import { text, TextKey } from "./text"

type Shop = {
  sdk: Medusa
  locale: Locale
  t: (key: TextKey) => string
  customer: HttpTypes.StoreCustomer | null
  customerLoaded: boolean
  reloadCustomer: () => Promise<void>
  region: HttpTypes.StoreRegion | null
  storeDown: boolean
  cart: HttpTypes.StoreCart | null
  setCart: (cart: HttpTypes.StoreCart | null) => void
  reloadCart: () => Promise<void>
  ensureCart: () => Promise<HttpTypes.StoreCart>
  logout: () => Promise<void>
}

const ShopContext = createContext<Shop | null>(null)
export const useShop = () => useContext(ShopContext)!

const CART_KEY = "demo_cart_id"
export const CART_FIELDS =
  "*items,*items.variant,*items.thumbnail,*shipping_methods,*credit_lines,*payment_collection,+total,+subtotal,+item_total,+shipping_total,+credit_line_total,+discount_total,+tax_total,+customer_id"

export function ShopProvider({ publishableKey, locale, children }: { publishableKey: string; locale: Locale; children: ReactNode }) {
  const sdk = useMemo(
    () =>
      new Medusa({
        baseUrl: typeof window === "undefined" ? "http://localhost" : window.location.origin,
        publishableKey,
        auth: { type: "jwt", jwtTokenStorageMethod: "local" },
      }),
    [publishableKey]
  )
  const [customer, setCustomer] = useState<HttpTypes.StoreCustomer | null>(null)
  const [customerLoaded, setCustomerLoaded] = useState(false)
  const [region, setRegion] = useState<HttpTypes.StoreRegion | null>(null)
  const [cart, setCart] = useState<HttpTypes.StoreCart | null>(null)
  const [storeDown, setStoreDown] = useState(false)

  const reloadCustomer = useCallback(async () => {
    const token = await sdk.client.getToken()
    if (!token) {
      setCustomer(null)
      setCustomerLoaded(true)
      return
    }
    try {
      const { customer } = await sdk.store.customer.retrieve()
      setCustomer(customer)
    } catch {
      setCustomer(null)
    }
    setCustomerLoaded(true)
  }, [sdk])

  const reloadCart = useCallback(async () => {
    const id = localStorage.getItem(CART_KEY)
    if (!id) return setCart(null)
    try {
      const { cart } = await sdk.store.cart.retrieve(id, { fields: CART_FIELDS })
      setCart(cart.completed_at ? null : cart)
      if (cart.completed_at) localStorage.removeItem(CART_KEY)
    } catch {
      localStorage.removeItem(CART_KEY)
      setCart(null)
    }
  }, [sdk])

  useEffect(() => {
    // The demo sells in the Iran region (IRR, shown in Toman) in both languages.
    sdk.store.region
      .list({ fields: "id,name,currency_code" })
      .then(({ regions }) => setRegion(regions.find((r) => r.currency_code === "irr") ?? regions[0] ?? null))
      .catch(() => setStoreDown(true))
    reloadCustomer()
    reloadCart()
  }, [sdk, reloadCustomer, reloadCart])

  const ensureCart = useCallback(async () => {
    if (cart) return cart
    const { cart: created } = await sdk.store.cart.create({ region_id: region!.id }, { fields: CART_FIELDS })
    localStorage.setItem(CART_KEY, created.id)
    setCart(created)
    return created
  }, [cart, region, sdk])

  const logout = useCallback(async () => {
    await sdk.auth.logout().catch(() => undefined)
    localStorage.removeItem(CART_KEY)
    setCart(null)
    setCustomer(null)
  }, [sdk])

  const value: Shop = {
    sdk,
    locale,
    t: (key) => text(locale, key),
    customer,
    customerLoaded,
    reloadCustomer,
    region,
    storeDown,
    cart,
    setCart: (c) => setCart(c && !c.completed_at ? c : null),
    reloadCart,
    ensureCart,
    logout,
  }
  return (
    <ShopContext.Provider value={value}>
      <LoyaltyProvider sdk={sdk} locale={locale} moneyDisplay="toman">
        <LoyaltyStyles />
        <Header />
        <main className="page">{storeDown ? <p className="notice">{text(locale, "store_down")}</p> : children}</main>
      </LoyaltyProvider>
    </ShopContext.Provider>
  )
}

function Header() {
  const { t, cart, locale } = useShop()
  const router = useRouter()
  const count = cart?.items?.reduce((n, i) => n + i.quantity, 0) ?? 0
  const switchLanguage = () => {
    document.cookie = `lang=${locale === "fa" ? "en" : "fa"}; path=/; max-age=31536000; samesite=lax`
    router.refresh()
  }
  return (
    <header className="header">
      <Link href="/" className="brand">
        {t("shop")}
      </Link>
      <nav>
        <Link href="/">{t("products")}</Link>
        <Link href="/cart" data-test="nav-cart">
          {t("cart")} {count ? <span className="count">{count.toLocaleString(locale === "fa" ? "fa-IR" : "en-US")}</span> : null}
        </Link>
        <Link href="/account" data-test="nav-account">
          {t("account")}
        </Link>
        <button type="button" className="link" onClick={switchLanguage} data-test="language" lang={locale === "fa" ? "en" : "fa"}>
          {t("language")}
        </button>
      </nav>
    </header>
  )
}
