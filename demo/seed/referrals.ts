import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { registerPosPurchaseWorkflow, sendDueMessagesWorkflow } from "../../src/workflows"
import { qualifyReferralOrderWorkflow, updateReferralProgramWorkflow } from "../../src/workflows/referrals"
import { DEMO_CUSTOMERS } from "../constants"

const TILL = "Tehran, Valiasr St"

/**
 * Referrals: the programme on (the friend gets 500,000 IRR of credit on a
 * first order of 2,000,000 IRR or more; the referrer 1,000,000 IRR, held 14
 * days, the return window, and 2% of the friend's next 3 orders), and two
 * friends who named a member's code at the till on their first purchase:
 * Nima (Reza's code), whose reward has gone through to Reza's wallet, and
 * Maryam (Sara's code), whose reward waits in Sara's wallet until the hold
 * ends. Nima's purchase was registered while the shop ran with no hold, so
 * the whole path, claim to spendable credit, shows in one seed. The SMS
 * (welcome, pending, rewarded) go through the configured gateway. Keyed by
 * the receipts: a re-run adds nothing.
 */
export async function seedReferrals(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const customers = container.resolve(Modules.CUSTOMER)
  const [sara] = await customers.listCustomers({ email: DEMO_CUSTOMERS[0].email })
  const [reza] = await customers.listCustomers({ email: DEMO_CUSTOMERS[1].email })
  if (!sara || !reza) {
    return
  }
  const program = {
    enabled: true,
    friend_gift_type: "credit" as const,
    friend_credit: { irr: "500000" },
    friend_credit_valid_days: 30,
    min_order_amount: { irr: "2000000" },
    referrer_credit: { irr: "1000000" },
    referrer_credit_valid_days: 90,
    referrer_percent: "2",
    referrer_orders: 3,
  }
  // A friend's first purchase at the till, naming a member's code; its
  // referral decided at once (the subscriber does the same, once).
  const purchase = async (phone: string, code: string, receipt: string, amount: string) => {
    const { result } = await registerPosPurchaseWorkflow(container).run({
      input: { phone, amount, currency_code: "irr", receipt_id: receipt, location: TILL, referral_code: code, note: "Demo: a referred friend's first purchase" },
    })
    await qualifyReferralOrderWorkflow(container).run({ input: { order_id: result.order_id } })
  }
  const rezaCode = (await service.retrieveOrCreateReferralCode(reza.id)).code
  const saraCode = (await service.retrieveOrCreateReferralCode(sara.id)).code
  if (!(await service.listPosPurchases({ receipt_id: "demo-till-ref-1" })).length) {
    await updateReferralProgramWorkflow(container).run({ input: { data: { ...program, hold_days: 0 } } })
    await purchase("+989125550202", rezaCode, "demo-till-ref-1", "4500000")
  }
  await updateReferralProgramWorkflow(container).run({ input: { data: { ...program, hold_days: 14 } } })
  if (!(await service.listPosPurchases({ receipt_id: "demo-till-ref-2" })).length) {
    await purchase("+989125550101", saraCode, "demo-till-ref-2", "3000000")
  }
  await sendDueMessagesWorkflow(container).run({ input: { at: new Date(Date.now() + 86400000) } })
  logger.info(`Demo referrals: Reza (code ${rezaCode}) rewarded for Nima, Sara (code ${saraCode}) pending for Maryam`)
}
