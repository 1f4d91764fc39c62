import { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { DEMO_CUSTOMERS } from "../constants"

/**
 * The demo's shoppers are members by phone, as if each had proven their
 * number once: the till and the kiosk know members only from the club's
 * own phone table, never from a phone typed on an account.
 */
export async function seedMembers({ container }: ExecArgs) {
  const service: any = container.resolve("loyalty_club")
  const customerModule = container.resolve(Modules.CUSTOMER)
  for (const demo of DEMO_CUSTOMERS) {
    const [customer] = await customerModule.listCustomers({ email: demo.email })
    if (customer && demo.phone) {
      await service.registerMemberPhone({ phone: demo.phone, customer_id: customer.id, source: "admin" })
    }
  }
}
