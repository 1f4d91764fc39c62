// The cashback widget of an order, on an order of the demo store (placed
// through the storefront API if none earned cashback). The "order
// cashback" step of `npm run check:admin`.
const path = require("path")
const { DEMO_MARKER_REGION } = require("../../demo/constants")
const { adminJson, BASE, OUT, say } = require("./lib")

/**
 * An order of the demo store with cashback; places one if there is none (or
 * always, with CHECK_ADMIN_NEW_ORDER=1).
 */
async function orderWithCashback(page) {
  if (process.env.CHECK_ADMIN_NEW_ORDER) {
    return awaitCashback(page, await placeOrder(page))
  }
  const { orders } = await adminJson(
    page,
    "GET",
    "/admin/orders?fields=id,display_id&limit=50&order=-created_at"
  )
  for (const order of orders) {
    const { cashback } = await adminJson(
      page,
      "GET",
      `/admin/loyalty/orders/${order.id}/cashback`
    )
    if (cashback.length) {
      return order
    }
  }
  return awaitCashback(page, await placeOrder(page))
}

/** Cashback is awarded by a subscriber to order.placed: wait for it. */
async function awaitCashback(page, order) {
  const until = Date.now() + 30000
  while (Date.now() < until) {
    const { cashback } = await adminJson(
      page,
      "GET",
      `/admin/loyalty/orders/${order.id}/cashback`
    )
    if (cashback.length) {
      return order
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`Order ${order.id} earned no cashback`)
}

/** A storefront checkout of the vacuum cleaner (1% cashback) by a new shopper. */
async function placeOrder(page) {
  const { api_keys } = await adminJson(
    page,
    "GET",
    "/admin/api-keys?type=publishable&limit=1"
  )
  const { regions } = await adminJson(
    page,
    "GET",
    `/admin/regions?name=${encodeURIComponent(DEMO_MARKER_REGION)}`
  )
  const { products } = await adminJson(
    page,
    "GET",
    "/admin/products?handle=vacuum-cleaner&fields=id,variants.id"
  )
  const headers = {
    "content-type": "application/json",
    "x-publishable-api-key": api_keys[0].token,
  }
  const store = async (method, url, body, token) => {
    const res = await fetch(`${BASE}${url}`, {
      method,
      headers: token
        ? { ...headers, authorization: `Bearer ${token}` }
        : headers,
      body: body ? JSON.stringify(body) : undefined,
    })
    const json = await res.json()
    if (!res.ok)
      throw new Error(
        `${method} ${url} answered ${res.status}: ${json.message}`
      )
    return json
  }
  const email = `check-admin-${Date.now()}@example.com`
  const password = "check-admin-password"
  const { token: registration } = await store(
    "POST",
    "/auth/customer/emailpass/register",
    { email, password }
  )
  await store(
    "POST",
    "/store/customers",
    { email, first_name: "Check" },
    registration
  )
  const { token } = await store("POST", "/auth/customer/emailpass", {
    email,
    password,
  })
  const { cart } = await store(
    "POST",
    "/store/carts",
    {
      region_id: regions[0].id,
      items: [{ variant_id: products[0].variants[0].id, quantity: 1 }],
      shipping_address: {
        first_name: "Check",
        last_name: "Admin",
        address_1: "Valiasr St",
        city: "Tehran",
        country_code: "ir",
        postal_code: "1234567890",
      },
    },
    token
  )
  const { shipping_options } = await store(
    "GET",
    `/store/shipping-options?cart_id=${cart.id}`,
    null,
    token
  )
  await store(
    "POST",
    `/store/carts/${cart.id}/shipping-methods`,
    { option_id: shipping_options[0].id },
    token
  )
  const { payment_collection } = await store(
    "POST",
    "/store/payment-collections",
    { cart_id: cart.id },
    token
  )
  await store(
    "POST",
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    token
  )
  const completed = await store(
    "POST",
    `/store/carts/${cart.id}/complete`,
    {},
    token
  )
  if (completed.type !== "order") {
    throw new Error(
      `Checkout did not complete: ${JSON.stringify(completed.error ?? completed)}`
    )
  }
  say(`placed order #${completed.order.display_id} for the widget check`)
  return completed.order
}

async function checkOrderCashback(page) {
  const order = await orderWithCashback(page)
  await page.goto(`${BASE}/app/orders/${order.id}`)
  const widget = page.getByTestId("order-cashback")
  await widget
    .getByTestId("order-cashback-entry")
    .first()
    .waitFor({ timeout: 60000 })
  const entries = await widget.getByTestId("order-cashback-entry").count()
  const total = (
    await widget.getByTestId("order-cashback-total").innerText()
  ).replace(/\s+/g, " ")
  say(
    `order #${order.display_id} cashback: ${entries} ${entries === 1 ? "entry" : "entries"}, ${total}`
  )
  await widget.screenshot({ path: path.join(OUT, "order-cashback-widget.png") })
  await page.screenshot({
    path: path.join(OUT, "order-cashback.png"),
    fullPage: true,
  })
}

module.exports = { checkOrderCashback }
