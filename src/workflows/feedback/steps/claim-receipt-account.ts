import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const checkAccountClaimStepId = "loyalty-check-account-claim"

/** Why an online account cannot be claimed, as the receipt page explains it. */
export type AccountClaimProblem = "has_account" | "email_invalid" | "password_short" | "email_taken"

const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,255}\.[^\s@<>"]{2,63}$/

/**
 * Whether a till-only member (a customer without an online account) can
 * take `email` and `password`: a plausible e-mail nobody's account or login
 * uses yet, a password of at least 8 characters. Null when they can.
 */
export async function accountClaimProblem(
  container: any,
  data: { customer_id: string; email: string; password: string }
): Promise<AccountClaimProblem | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "has_account"],
    filters: { id: data.customer_id },
  })
  if (!customers[0] || (customers[0] as any).has_account) {
    return "has_account"
  }
  if (!EMAIL.test(data.email) || data.email.length > 254) {
    return "email_invalid"
  }
  if (data.password.length < 8 || data.password.length > 200) {
    return "password_short"
  }
  const [identities, { data: holders }] = await Promise.all([
    container.resolve(Modules.AUTH).listProviderIdentities({ entity_id: data.email, provider: "emailpass" }),
    query.graph({ entity: "customer", fields: ["id"], filters: { email: data.email, has_account: true } }),
  ])
  return identities.length || holders.length ? "email_taken" : null
}

/** Refuses a claim `accountClaimProblem` finds a problem with (the page checks first; this is the last word). */
export const checkAccountClaimStep = createStep(
  checkAccountClaimStepId,
  async (input: { customer_id: string; email: string; password: string }, { container }) => {
    const problem = await accountClaimProblem(container, input)
    if (problem) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The account cannot be claimed: ${problem}`)
    }
    return new StepResponse(void 0)
  }
)

export const createEmailpassIdentityStepId = "loyalty-create-emailpass-identity"

/**
 * A login with e-mail and password through Medusa's auth module (the
 * `emailpass` provider hashes the password). The undo deletes it.
 */
export const createEmailpassIdentityStep = createStep(
  createEmailpassIdentityStepId,
  async (input: { email: string; password: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const { success, authIdentity, error } = await auth.register("emailpass", {
      body: { email: input.email, password: input.password },
    } as any)
    if (!success || !authIdentity) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The account cannot be claimed: ${error ?? "email_taken"}`)
    }
    return new StepResponse({ auth_identity_id: authIdentity.id }, authIdentity.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve(Modules.AUTH).deleteAuthIdentities([id])
  }
)
