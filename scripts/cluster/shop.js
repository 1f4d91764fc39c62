// What a storefront, a till and the shop's admin send to the cluster: plain
// HTTP through the public routes (Medusa's store, auth and admin routes and
// the plugin's own), each call timed.
const { DEMO_ADMIN } = require("../../demo/constants")

const PASSWORD = "cluster-test-password"
const IRR = "irr"
const ADDRESS = {
  first_name: "Cluster",
  last_name: "Test",
  address_1: "Valiasr St 1",
  city: "Tehran",
  country_code: "ir",
  postal_code: "1111111111",
}

class HttpError extends Error {
  constructor(method, url, status, body) {
    super(`${method} ${url} answered ${status}: ${JSON.stringify(body).slice(0, 400)}`)
    this.status = status
    this.body = body
  }
}

/**
 * One request; resolves `{status, body, ms}` whatever the status, and rejects
 * only when no answer came (connection refused or reset, timeout): `status`
 * 0 then, with the error.
 */
async function call(base, method, path, { body, token, pk, headers = {}, timeoutMs = 60000 } = {}) {
  const started = Date.now()
  const h = { ...headers }
  if (body !== undefined) h["content-type"] = "application/json"
  if (token) h.authorization = `Bearer ${token}`
  if (pk) h["x-publishable-api-key"] = pk
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await res.text()
    let parsed
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      parsed = text
    }
    return { status: res.status, body: parsed, ms: Date.now() - started }
  } catch (error) {
    return { status: 0, body: { message: error.cause?.code || error.name || String(error) }, ms: Date.now() - started, error }
  }
}

/** `call` that insists on a 2xx answer and returns its body. */
async function ok(base, method, path, options) {
  const res = await call(base, method, path, options)
  if (res.status < 200 || res.status >= 300) {
    throw new HttpError(method, `${base}${path}`, res.status, res.body)
  }
  return res.body
}

/**
 * The demo store as the test needs it: an admin token, the publishable key,
 * the Iran (IRR) region, the espresso beans' variant (3% coffee cashback), a
 * till key allowed to register purchases.
 */
async function prepareShop(base) {
  const { token: admin } = await ok(base, "POST", "/auth/user/emailpass", {
    body: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
  })
  const { api_keys } = await ok(base, "GET", "/admin/api-keys?type=publishable&limit=10", { token: admin })
  const pk = api_keys.find((k) => !k.revoked_at)?.token
  if (!pk) throw new Error("the demo store has no publishable key")
  const { regions } = await ok(base, "GET", "/store/regions?limit=50", { pk })
  const region = regions.find((r) => r.currency_code === IRR)
  if (!region) throw new Error("the demo store has no IRR region")
  const { products } = await ok(base, "GET", `/store/products?handle=espresso-beans&region_id=${region.id}&fields=id,*variants`, { pk })
  const variant = products[0]?.variants?.[0]
  if (!variant) throw new Error("the demo store has no espresso beans")
  const { pos_key } = await ok(base, "POST", "/admin/loyalty/pos-keys", {
    token: admin,
    body: { name: "Cluster test till", location: "Cluster test counter", scopes: ["lookup", "earn"] },
  })
  return { admin, pk, regionId: region.id, variantId: variant.id, tillKey: pos_key.key, shippingOptionId: undefined }
}

/**
 * A shopper who signs up on the storefront (auth register, store customer,
 * login), as a real one would; returns their id and session token.
 */
async function registerShopper(base, shop, email) {
  const { token: registration } = await ok(base, "POST", "/auth/customer/emailpass/register", {
    body: { email, password: PASSWORD },
  })
  const { customer } = await ok(base, "POST", "/store/customers", {
    token: registration,
    pk: shop.pk,
    body: { email, first_name: "Cluster", last_name: "Shopper" },
  })
  const { token } = await ok(base, "POST", "/auth/customer/emailpass", {
    body: { email, password: PASSWORD },
  })
  return { id: customer.id, email, token }
}

/** Opens the shopper's IRR wallet and credits it through the admin route. */
async function creditShopper(base, shop, shopper, amount) {
  const { wallet } = await ok(base, "POST", "/admin/loyalty/wallets", {
    token: shop.admin,
    body: { customer_id: shopper.id, currency_code: IRR },
  })
  await ok(base, "POST", `/admin/loyalty/wallets/${wallet.id}/credit`, {
    token: shop.admin,
    body: { amount, note: "Cluster test credit" },
  })
  shopper.walletId = wallet.id
  return wallet.id
}

/**
 * A cart ready to complete: espresso beans, the address, the shipping option,
 * wallet credit when `credit` is given (applied through the plugin's store
 * route), then the payment session for what is left (the system provider).
 * `pick(step)` chooses the server of each step, so one checkout can cross
 * instances the way a load balancer spreads it.
 */
async function prepareCart(pick, shop, shopper, { credit } = {}) {
  const auth = { token: shopper.token, pk: shop.pk }
  const { cart } = await ok(pick(0), "POST", "/store/carts", {
    ...auth,
    body: {
      region_id: shop.regionId,
      email: shopper.email,
      items: [{ variant_id: shop.variantId, quantity: 1 }],
      shipping_address: ADDRESS,
    },
  })
  if (!shop.shippingOptionId) {
    const { shipping_options } = await ok(pick(1), "GET", `/store/shipping-options?cart_id=${cart.id}`, auth)
    if (!shipping_options?.length) throw new Error("no shipping option for the demo cart")
    shop.shippingOptionId = shipping_options[0].id
  }
  await ok(pick(1), "POST", `/store/carts/${cart.id}/shipping-methods`, {
    ...auth,
    body: { option_id: shop.shippingOptionId },
  })
  let applied = "0"
  if (credit) {
    const { loyalty_credit } = await ok(pick(2), "POST", `/store/carts/${cart.id}/loyalty-credit`, {
      ...auth,
      body: { amount: credit },
    })
    applied = loyalty_credit.applied
  }
  const { payment_collection } = await ok(pick(3), "POST", "/store/payment-collections", {
    ...auth,
    body: { cart_id: cart.id },
  })
  await ok(pick(0), "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    ...auth,
    body: { provider_id: "pp_system_default" },
  })
  return { id: cart.id, shopper, credit: applied }
}

/**
 * Completes a cart: `{status, ms, orderId, error}`. Core answers 200 with
 * `{type: "order"}` on success and 200 `{type: "cart", error}` or an error
 * status otherwise.
 */
async function completeCart(base, shop, cart, options = {}) {
  const res = await call(base, "POST", `/store/carts/${cart.id}/complete`, {
    token: cart.shopper.token,
    pk: shop.pk,
    ...options,
  })
  const orderId = res.body?.type === "order" ? res.body.order?.id : undefined
  return {
    status: res.status,
    ms: res.ms,
    orderId,
    error: orderId ? undefined : res.body?.error?.message || res.body?.message || JSON.stringify(res.body),
  }
}

/** Registers a till purchase: `{status, ms, body}`. */
function tillPurchase(base, shop, purchase) {
  return call(base, "POST", "/pos/loyalty/purchases", {
    headers: { "x-pos-key": shop.tillKey },
    body: { ...purchase, currency_code: IRR },
  })
}

module.exports = {
  HttpError,
  call,
  ok,
  prepareShop,
  registerShopper,
  creditShopper,
  prepareCart,
  completeCart,
  tillPurchase,
}
