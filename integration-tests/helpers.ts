import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createSalesChannelsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import seedDemo from "../demo/seed"

type Api = {
  get: (url: string, config?: any) => Promise<any>
  post: (url: string, body?: any, config?: any) => Promise<any>
  delete: (url: string, config?: any) => Promise<any>
}

/** Creates an admin user and logs in through the real auth route. */
export async function adminHeaders(
  container: MedusaContainer,
  api: Api,
  email = "admin@test.local"
) {
  const password = "admin-password"
  const { result } = await createUsersWorkflow(container).run({
    input: { users: [{ email, first_name: "Test", last_name: "Admin" }] },
  })
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", {
    body: { email, password },
  } as any)
  await auth.updateAuthIdentities({
    id: authIdentity!.id,
    app_metadata: { user_id: result[0].id },
  })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${data.token}` } }
}

/** A publishable key for store routes, on a sales channel. */
export async function publishableKey(container: MedusaContainer) {
  const { result: channels } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Web" }] },
  })
  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: {
      api_keys: [{ title: "Test", type: "publishable", created_by: "" }],
    },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: keys[0].id, add: [channels[0].id] },
  })
  return { key: keys[0].token, sales_channel_id: channels[0].id }
}

/**
 * Registers a shopper through the store auth routes, the way a storefront
 * does, and returns their customer and request headers.
 */
export async function shopper(
  api: Api,
  pk: string,
  { email, phone }: { email: string; phone?: string }
) {
  const password = "shopper-password"
  const base = { "x-publishable-api-key": pk }
  const { data: reg } = await api.post(
    "/auth/customer/emailpass/register",
    { email, password },
    { headers: base }
  )
  const { data } = await api.post(
    "/store/customers",
    { email, phone, first_name: email.split("@")[0] },
    { headers: { ...base, authorization: `Bearer ${reg.token}` } }
  )
  const { data: login } = await api.post(
    "/auth/customer/emailpass",
    { email, password },
    { headers: base }
  )
  return {
    customer: data.customer,
    headers: { headers: { ...base, authorization: `Bearer ${login.token}` } },
  }
}

/** Runs a request and returns the error response instead of throwing. */
export async function failure(promise: Promise<any>) {
  try {
    const res = await promise
    throw new Error(`Expected the request to fail, got ${res.status}`)
  } catch (error: any) {
    if (!error.response) {
      throw error
    }
    return error.response
  }
}

/** Polls until `fn` returns a value (for work done by event subscribers). */
export async function waitFor<T>(fn: () => Promise<T | undefined>, ms = 20000) {
  const until = Date.now() + ms
  for (;;) {
    const value = await fn()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error("Timed out waiting")
    await new Promise((r) => setTimeout(r, 200))
  }
}

/**
 * A storefront cart on the demo store ready to complete: items, address,
 * shipping (500,000 IRR / 8 USD), a payment session. Lines are variant ids
 * (one of each) or { variant_id, quantity }. Returns the cart id.
 */
export async function prepareCart(
  api: Api,
  h: any,
  regionId: string,
  lines: (string | { variant_id: string; quantity: number })[],
  country_code = "ir"
) {
  const { data: { cart } } = await api.post(
    "/store/carts",
    {
      region_id: regionId,
      items: lines.map((l) => (typeof l === "string" ? { variant_id: l, quantity: 1 } : l)),
      shipping_address: {
        first_name: "Sara",
        last_name: "Ahmadi",
        address_1: "Valiasr St",
        city: "Tehran",
        country_code,
        postal_code: "1234567890",
      },
    },
    h
  )
  const { data: { shipping_options } } = await api.get(`/store/shipping-options?cart_id=${cart.id}`, h)
  await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id }, h)
  const { data: { payment_collection } } = await api.post("/store/payment-collections", { cart_id: cart.id }, h)
  await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    h
  )
  return cart.id as string
}

/** A real storefront checkout on the demo store (see prepareCart); returns the order. */
export async function checkout(
  api: Api,
  h: any,
  regionId: string,
  lines: (string | { variant_id: string; quantity: number })[]
) {
  const cartId = await prepareCart(api, h, regionId, lines)
  const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, h)
  if (completed.type !== "order") {
    throw new Error(`Checkout did not complete: ${JSON.stringify(completed.error ?? completed)}`)
  }
  return completed.order
}

/**
 * Seeds the demo store (IRR region, products, shipping, the demo rules: 1%
 * vacuum cleaners capped at 5,000,000; 2% washing machines held 14 days)
 * and returns its publishable key, IRR regions and a variant lookup.
 */
export async function demoStore(container: MedusaContainer) {
  await seedDemo({ container, args: [] } as any)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: keys } = await query.graph({ entity: "api_key", fields: ["token"], filters: { type: "publishable" } })
  const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "irr" } })
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["handle", "variants.id"],
    filters: { handle: ["vacuum-cleaner", "washing-machine"] },
  })
  const variant = (handle: string) => products.find((p: any) => p.handle === handle)!.variants[0].id
  return { pk: keys[0].token as string, regions, variant }
}

/**
 * The demo store with an admin and a till key (lookup, earn, redeem) named
 * `name` at "Tehran, Valiasr": what a suite about till purchases starts from.
 */
export async function tillStore(container: MedusaContainer, api: Api, name = "Till 1") {
  const store = await demoStore(container)
  const admin = await adminHeaders(container, api)
  const { data } = await api.post(
    "/admin/loyalty/pos-keys",
    { name, location: "Tehran, Valiasr", scopes: ["lookup", "earn", "redeem"] },
    admin
  )
  return { ...store, admin, key: data.pos_key.key as string }
}

/**
 * Runs `work`, then waits until every event subscriber it set off (and the
 * ones those set off) has finished. A suite that seeds once in `beforeAll`
 * wraps the seed in it: the runner copies the database into its restore
 * template right after, and that copy ends every open connection, so a
 * subscriber still writing would be cut off and its rows missing from every
 * test. The local event bus drops the promises its listeners return, hence
 * the wrapping of each listener while `work` runs.
 */
export async function settled<T>(
  container: MedusaContainer,
  work: () => Promise<T>,
  { quietMs = 300, timeoutMs = 60000 } = {}
): Promise<T> {
  const emitter = (container.resolve(Modules.EVENT_BUS) as any).eventEmitter_
  if (!emitter) {
    return await work()
  }
  const running = new Set<Promise<unknown>>()
  const track = (listener: any) => {
    const tracked = function (this: unknown, ...args: unknown[]) {
      const result = listener.apply(this, args)
      if (result && typeof result.then === "function") {
        const done: Promise<unknown> = Promise.resolve(result)
          .catch(() => undefined)
          .finally(() => running.delete(done))
        running.add(done)
      }
      return result
    }
    Object.assign(tracked, { subscriberId: listener.subscriberId, __untracked: listener })
    return tracked
  }
  // Swaps every listener of every event in place, keeping their order.
  const swap = (wrap: (listener: any) => any) => {
    for (const name of emitter.eventNames()) {
      const listeners = emitter.listeners(name)
      emitter.removeAllListeners(name)
      listeners.forEach((listener: any) => emitter.on(name, wrap(listener)))
    }
  }
  swap(track)
  try {
    const result = await work()
    const until = Date.now() + timeoutMs
    for (;;) {
      // Events leave a workflow a moment after it resolves.
      await new Promise((r) => setTimeout(r, quietMs))
      if (!running.size) {
        return result
      }
      if (Date.now() > until) {
        throw new Error(`Event subscribers still running after ${timeoutMs} ms`)
      }
      await Promise.allSettled([...running])
    }
  } finally {
    swap((listener) => listener.__untracked ?? listener)
  }
}

/** A registered shopper with `amount` of gift credit in `currency`, credited by an admin. */
export async function shopperWithCredit(
  api: Api,
  admin: any,
  pk: string,
  email: string,
  amount: string,
  currency = "irr"
) {
  const buyer = await shopper(api, pk, { email })
  const { data } = await api.post(
    "/admin/loyalty/wallets",
    { customer_id: buyer.customer.id, currency_code: currency },
    admin
  )
  await api.post(`/admin/loyalty/wallets/${data.wallet.id}/credit`, { amount, note: "Gift" }, admin)
  return { ...buyer, wallet_id: data.wallet.id as string }
}

/**
 * Puts wallet credit on a cart as a storefront does. Applying credit changes
 * the total: the storefront then starts the payment session again, as after
 * any cart change. Returns the credit route's answer.
 */
export async function applyCredit(api: Api, cartId: string, h: any, body: Record<string, unknown> = {}) {
  const { data } = await api.post(`/store/carts/${cartId}/loyalty-credit`, body, h)
  const { data: { payment_collection } } = await api.post("/store/payment-collections", { cart_id: cartId }, h)
  await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    h
  )
  return data
}
