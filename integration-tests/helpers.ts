import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createSalesChannelsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"

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
