// The cashback widget of an order in the admin's language, on an order of
// the demo store (placed through the storefront API if none earned
// cashback), and a refund of part of it into the customer's wallet. The
// "order cashback" step of `npm run check:admin`.
const { DEMO_MARKER_REGION } = require("../../demo/constants")
const { adminJson, BASE, expect, runAlone, say } = require("./lib")
const { digits, irr, shootWidget } = require("./customer-wallet")

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

/** The label key of each cashback state (src/admin/widgets/order-cashback.tsx). */
const STATE = {
  pending: "orders.cashback.states.pending",
  available: "orders.cashback.states.available",
  spent: "orders.cashback.states.spent",
  expired: "orders.cashback.states.expired",
  partly_reversed: "orders.cashback.states.partlyReversed",
  reversed: "orders.cashback.states.reversed",
}

const squash = (text) => text.replace(/\s+/g, " ").trim()

/**
 * The cashback widget of an order in the admin's language (ctx.lang): its
 * total, entries and states as the API has them; then a refund of 10,000
 * Toman into the customer's wallet by clicks and typing (an empty and a too
 * large amount refused at the field first).
 */
async function checkOrderCashback(page, ctx) {
  const { say, tr } = ctx
  const found = await orderWithCashback(page)
  const { order } = await adminJson(
    page,
    "GET",
    `/admin/orders/${found.id}?fields=id,display_id,customer_id,currency_code,payment_status,payment_collections.payments.id,payment_collections.payments.captured_at`
  )
  const data = await adminJson(page, "GET", `/admin/loyalty/orders/${order.id}/cashback`)
  const settings = ctx.settings ?? (await adminJson(page, "GET", "/admin/loyalty/settings")).settings
  // Medusa's own order summary nests a <div> in a <p> (its CostBreakdown):
  // React warns on every order page; not ours to fix.
  ctx.expectConsoleError(/validateDOMNesting[\s\S]*<div>[\s\S]*at Cost \(/)
  await page.goto(`${BASE}/app/orders/${order.id}`)
  const widget = page.locator('[data-loyalty-widget="order-cashback"]')
  await widget.getByTestId("order-cashback-entry").first().waitFor({ timeout: 60000 })
  await widget.getByRole("heading", { name: tr("orders.cashback.title") }).waitFor()
  const entries = await widget.getByTestId("order-cashback-entry").count()
  expect(entries === data.cashback.length, `${entries} entries shown, the API has ${data.cashback.length}`)
  const total = squash(await widget.getByTestId("order-cashback-total").innerText())
  if (data.currency_code === "irr") {
    const expected = irr(ctx, data.total, settings.money_display)
    expect(total.includes(expected), `The total shows "${total}", expected ${expected}`)
  }
  const firstEntry = squash(await widget.getByTestId("order-cashback-entry").first().innerText())
  const state = tr(STATE[data.cashback[0].state])
  expect(firstEntry.includes(state), `The first entry "${firstEntry}" does not say ${state}`)
  say(`order #${order.display_id} cashback: ${entries} ${entries === 1 ? "entry" : "entries"}, ${total}`)
  await shootWidget(ctx, widget, "order-cashback-widget")
  await ctx.shot("order-cashback")

  if (!order.customer_id) {
    return say("(a guest order: no refund to a wallet)")
  }
  // Only a captured payment can be refunded: capture it first (setup).
  for (const collection of order.payment_collections ?? []) {
    for (const payment of collection.payments ?? []) {
      if (!payment.captured_at) {
        await adminJson(page, "POST", `/admin/payments/${payment.id}/capture`, {})
      }
    }
  }

  await widget.getByTestId("order-refund-to-wallet").click()
  const form = page.getByTestId("order-refund-form")
  await form.getByRole("heading", { name: tr("orders.refund.title") }).waitFor()
  await form.getByTestId("order-refund-form-submit").click()
  await page
    .locator("#order-refund-amount-error")
    .getByText(tr("common.validation.required"))
    .waitFor({ timeout: 10000 })
  // More than the order has left to refund: the API's answer at the field
  // (the browser logs its 400: expected here).
  ctx.expectConsoleError(/status of 400 \(Bad Request\)/)
  const amount = page.locator("#order-refund-amount")
  await amount.pressSequentially(digits(ctx.lang, "999,999,999,999"))
  await form.getByTestId("order-refund-form-submit").click()
  await page
    .locator("#order-refund-amount-error")
    .getByText(tr("errors.loyalty_refund_over_refundable"))
    .waitFor({ timeout: 30000 })
  await page.waitForTimeout(400)
  await ctx.shot("order-refund-error", { fullPage: false })
  say("refund over what is left: refused at the amount field")

  await amount.fill("")
  await amount.pressSequentially(digits(ctx.lang, "10,000"))
  const stamp = new Date().toISOString().slice(11, 19)
  const note = `${ctx.lang === "fa" ? "کالای آسیب‌دیده" : "Damaged item"} (${stamp})`
  await page.locator("#order-refund-note").fill(note)
  const sent = page.waitForRequest((r) => r.method() === "POST" && /refund-to-wallet$/.test(r.url()))
  await form.getByTestId("order-refund-form-submit").click()
  const request = await sent
  expect(!!request.headers()["idempotency-key"], "The refund sent no Idempotency-Key")
  const rial = settings.money_display === "toman" && order.currency_code === "irr" ? "100000" : "10000"
  expect(request.postDataJSON().amount === rial, `Sent ${request.postDataJSON().amount}, expected ${rial}`)
  await page.getByText(tr("orders.refund.toast")).first().waitFor({ timeout: 30000 })
  const { wallets } = await adminJson(
    page,
    "GET",
    `/admin/loyalty/wallets?customer_id=${order.customer_id}&currency_code=${order.currency_code}`
  )
  const { transactions } = await adminJson(page, "GET", `/admin/loyalty/wallets/${wallets[0].id}/transactions?limit=5`)
  const refund = transactions.find((t) => t.reference === "order_refund" && t.note === note)
  expect(refund && refund.amount === rial, `No refund of ${rial} with the note in the wallet`)
  say(`refunded ${digits(ctx.lang, "10,000")} ${tr(`common.units.${settings.money_display}`)} to the customer's wallet`)
  await shootWidget(ctx, widget, "order-cashback-refunded")
}

module.exports = { checkOrderCashback }

if (require.main === module) {
  runAlone(checkOrderCashback, "order cashback")
}
