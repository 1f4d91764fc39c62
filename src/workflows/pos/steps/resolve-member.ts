import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { normalizePhone } from "../../../utils/phone"

export const resolveMemberStepId = "loyalty-resolve-member"

/**
 * The member whose phone this is, from the club's own phone table (written
 * only after a one-time code, or by a till or staff for a new number), or
 * undefined. `customer.phone` is never read: any shopper can set any number
 * on their account.
 */
export async function findMemberByPhone(container: MedusaContainer, phone: string) {
  const e164 = normalizePhone(phone)
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const member = await service.retrieveMemberByPhone(e164)
  return { e164, customer: member ? { id: member.customer_id } : undefined }
}

export type ResolveMemberInput = {
  phone: string
  /** Make a new member when the phone has none: `pos`/`admin` (a purchase) or `code` (sign-up). */
  create?: "pos" | "admin" | "code" | null
  /**
   * Sign-up by a logged-in shopper: with the phone proven by a code and no
   * member yet, the phone becomes theirs instead of a new customer's.
   */
  customer_id?: string | null
}

/**
 * Makes a member for a phone: under a lock on the phone (Medusa's locking
 * module, Redis-backed in a cluster) the phone table is read again and a
 * customer created only when it has no member; the unique phone index is
 * the last word should two instances race without a shared lock, and the
 * customer the losing request made (known to nobody else) is removed.
 */
async function createMember(container: MedusaContainer, e164: string, input: ResolveMemberInput) {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const customers = container.resolve(Modules.CUSTOMER)
  const locking = container.resolve(Modules.LOCKING)
  return await locking.execute(
    `loyalty-member-phone:${e164}`,
    async () => {
      const existing = await service.retrieveMemberByPhone(e164)
      if (existing) {
        return { customer_id: existing.customer_id, created: false }
      }
      if (input.customer_id) {
        const won = await service.registerMemberPhone({ phone: e164, customer_id: input.customer_id, source: "code" })
        return { customer_id: won.customer_id, created: won.created }
      }
      const customer = await customers.createCustomers({
        phone: e164,
        has_account: false,
        metadata: { loyalty_joined_via: input.create === "code" ? "kiosk" : "pos" },
      })
      try {
        const won = await service.registerMemberPhone({
          phone: e164,
          customer_id: customer.id,
          source: input.create!,
        })
        if (won.customer_id !== customer.id) {
          await customers.deleteCustomers([customer.id])
        }
        return { customer_id: won.customer_id, created: won.customer_id === customer.id }
      } catch (error) {
        await customers.deleteCustomers([customer.id]).catch(() => undefined)
        throw error
      }
    },
    { timeout: 10 }
  )
}

/**
 * Finds the member for a phone, or (with `create`) makes one: the till knows
 * shoppers by number. Only the club's phone table counts, never a phone a
 * shopper typed on their account.
 *
 * No undo: a member, once written, stays. Another request for the same
 * phone may already have found it and be using the customer, so deleting
 * it when this workflow fails later could pull it from under that request;
 * a retry finds the member again. Bad input is refused before this step,
 * so a refused purchase makes no member.
 */
export const resolveMemberStep = createStep(
  resolveMemberStepId,
  async (input: ResolveMemberInput, { container }) => {
    const { e164, customer } = await findMemberByPhone(container, input.phone)
    if (customer) {
      return new StepResponse({ customer_id: customer.id as string, created: false, phone: e164 })
    }
    if (!input.create) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No club member has the phone ${e164}`)
    }
    const member = await createMember(container, e164, input)
    return new StepResponse({ ...member, phone: e164 })
  }
)
