"use client"
import type { HttpTypes } from "@medusajs/types"
import { CashbackBadge, CreditSwitch, Money, useCartCashback } from "medusa-plugin-loyalty-club/storefront"
import Link from "next/link"
import { useRouter } from "next/navigation"
import { useEffect, useRef, useState } from "react"
import { CART_FIELDS, useShop } from "../../lib/shop"

// The demo ships to a fixed address: the journey is about the club.
const ADDRESS = {
  first_name: "Demo",
  last_name: "Shopper",
  address_1: "Valiasr St. 1",
  city: "Tehran",
  postal_code: "1234567890",
  country_code: "ir",
  phone: "+989120000000",
}

// Core answers cart amounts as numbers; IRR amounts are whole, so their
// string is exact.
const amount = (value: unknown) => (value == null ? "0" : String(value))

export default function CartPage() {
  const { sdk, cart, setCart, customer, customerLoaded, t, locale, reloadCart } = useShop()
  const router = useRouter()
  const [placing, setPlacing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [ready, setReady] = useState(false)
  // Once per visit: two runs at once (React's development double run) would
  // change the cart concurrently, which Medusa refuses under its cart lock.
  const preparing = useRef(false)
  const cashback = useCartCashback(cart?.id, cart ? `${cart.total}:${cart.items?.length}` : "")

  // Before the credit switch: the shopper's cart, the address and the
  // cheapest delivery, so the totals the switch explains are the final ones.
  useEffect(() => {
    if (!cart || !customerLoaded || ready || preparing.current) return
    preparing.current = true
    ;(async () => {
      let current: HttpTypes.StoreCart = cart
      if (customer && current.customer_id !== customer.id) {
        current = (await sdk.store.cart.transferCart(current.id, { fields: CART_FIELDS })).cart
      }
      if (customer && (!current.shipping_address || !current.email)) {
        current = (await sdk.store.cart.update(current.id, { email: customer.email, shipping_address: ADDRESS, billing_address: ADDRESS }, { fields: CART_FIELDS })).cart
      }
      if (customer && !current.shipping_methods?.length) {
        const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: current.id })
        if (shipping_options[0]) {
          current = (await sdk.store.cart.addShippingMethod(current.id, { option_id: shipping_options[0].id }, { fields: CART_FIELDS })).cart
        }
      }
      setCart(current)
      setReady(true)
    })().catch((e) => setError((e as Error).message))
  }, [cart, customer, customerLoaded, ready, sdk, setCart])

  if (!cart || !cart.items?.length) {
    return <p className="panel">{t("empty_cart")}</p>
  }
  const currency = cart.currency_code
  // Core's cart type does not list credit lines yet; the API answers them.
  const creditLines = (cart as { credit_lines?: { reference?: string }[] }).credit_lines ?? []
  const creditOn = creditLines.some((c) => c.reference === "loyalty_wallet")
  const creditTotal = (cart as { credit_line_total?: number }).credit_line_total

  const place = async () => {
    setPlacing(true)
    setError(null)
    try {
      let current = (await sdk.store.cart.retrieve(cart.id, { fields: CART_FIELDS })).cart
      if (Number(current.total) > 0) {
        await sdk.store.payment.initiatePaymentSession(current, { provider_id: "pp_system_default" })
      }
      const result = await sdk.store.cart.complete(current.id)
      if (result.type !== "order") {
        throw new Error(result.error?.message ?? "The order was not placed")
      }
      localStorage.removeItem("demo_cart_id")
      await reloadCart()
      router.push(`/order/${result.order.id}`)
    } catch (e) {
      setError((e as Error).message)
      setPlacing(false)
    }
  }

  const row = (label: string, value: unknown, test: string, minus = false) => (
    <div className="line" data-test={test}>
      <span>{label}</span>
      <Money amount={minus && Number(value) > 0 ? `-${amount(value)}` : amount(value)} currency={currency} />
    </div>
  )

  return (
    <div className="two">
      <section className="panel">
        <h1>{t("cart")}</h1>
        {cart.items.map((item) => (
          <div className="line" key={item.id} data-test="item">
            <span>
              {item.product_title ?? item.title} × {item.quantity.toLocaleString(locale === "fa" ? "fa-IR" : "en-US")}
            </span>
            <Money amount={amount(item.total)} currency={currency} />
          </div>
        ))}
        <CashbackBadge preview={cashback.data?.cashback} variant="cart" />
      </section>
      <section className="panel">
        {row(t("subtotal"), cart.item_total, "cart-items")}
        {row(t("shipping"), cart.shipping_total, "cart-shipping")}
        {Number(cart.discount_total) > 0 ? row(t("discount"), cart.discount_total, "cart-discount", true) : null}
        {Number(creditTotal) > 0 ? row(t("credit"), creditTotal, "cart-credit", true) : null}
        <div className="line total" data-test="cart-total">
          <span>{t("total")}</span>
          <Money amount={amount(cart.total)} currency={currency} />
        </div>
        {customer ? (
          ready ? (
            <CreditSwitch<HttpTypes.StoreCart>
              cartId={cart.id}
              currency={currency}
              applied={creditOn}
              cartFields={CART_FIELDS}
              onCart={(c) => setCart(c)}
            />
          ) : null
        ) : (
          <p className="muted">
            <Link href="/account">{t("sign_in_to_pay")}</Link>
          </p>
        )}
        {error ? <p className="notice" role="alert">{error}</p> : null}
        <button className="button" type="button" onClick={place} disabled={!customer || !ready || placing} data-test="place-order">
          {placing ? t("placing") : t("checkout")}
        </button>
      </section>
    </div>
  )
}
