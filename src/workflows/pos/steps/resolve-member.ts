import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatForGateway, normalizePhone } from "../../../utils/phone"

export const resolveMemberStepId = "loyalty-resolve-member"

/** The ways a number may have been stored on a customer. */
export function phoneForms(e164: string) {
  return Array.from(
    new Set([e164, e164.slice(1), formatForGateway(e164, "ir_local"), formatForGateway(e164, "ir_98")])
  )
}

/** The customer whose phone this is (any stored form), or undefined. */
export async function findMemberByPhone(container: any, phone: string) {
  const e164 = normalizePhone(phone)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name", "last_name", "phone", "email"],
    filters: { phone: phoneForms(e164) },
    pagination: { order: { created_at: "ASC" }, take: 1, skip: 0 },
  })
  return { e164, customer: data[0] as any }
}

/**
 * Finds the customer by phone, or (with `create`) makes them a club member
 * with that phone: the till knows shoppers by number. The undo removes a
 * customer it created.
 */
export const resolveMemberStep = createStep(
  resolveMemberStepId,
  async (input: { phone: string; create?: boolean }, { container }) => {
    const { e164, customer } = await findMemberByPhone(container, input.phone)
    if (customer) {
      return new StepResponse({ customer_id: customer.id as string, created: false }, undefined as string | undefined)
    }
    if (!input.create) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No club member has the phone ${e164}`)
    }
    const customers = container.resolve(Modules.CUSTOMER)
    const created = await customers.createCustomers({
      phone: e164,
      has_account: false,
      metadata: { loyalty_joined_via: "pos" },
    })
    return new StepResponse({ customer_id: created.id as string, created: true }, created.id as string | undefined)
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    await container.resolve(Modules.CUSTOMER).deleteCustomers([createdId])
  }
)
