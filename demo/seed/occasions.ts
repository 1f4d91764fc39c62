import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { partsOf } from "../../src/utils/occasions"
import { shopDay } from "../../src/utils/sms-messages"
import { sendDueMessagesWorkflow } from "../../src/workflows"
import { runOccasions, updateOccasionWorkflow } from "../../src/workflows/occasions"
import { DEMO_CUSTOMERS } from "../constants"

const YEAR_MS = 365 * 86400000

/**
 * Occasions: birthdays with a code from the "Birthday gift" personal batch
 * (demo/seed/codes.ts; 500,000 IRR of credit when it is not there), Nowruz
 * with 1,000,000 IRR of credit for two weeks, and Sara's birthday today in
 * the Jalali calendar (set a year ago, so the 30-day rule lets it through),
 * celebrated at once: her birthday SMS goes through the configured gateway
 * (the `log` one by default: look for "[sms]"). Keyed by the grant: a
 * re-run gives and sends nothing twice, and a birthday already set stays.
 */
export async function seedOccasions(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const occasions = await service.listOccasionSettings()
  const birthday = occasions.find((o) => o.kind === "birthday")!
  if (!birthday.enabled) {
    const [batch] = await service.listCodeBatches({ name: "Birthday gift", kind: "personal", status: "active" })
    await updateOccasionWorkflow(container).run({
      input: batch
        ? { kind: "birthday", enabled: true, gift_type: "code", batch_id: batch.id }
        : { kind: "birthday", enabled: true, gift_type: "credit", credit_amount: { irr: "500000" }, credit_valid_days: 30 },
    })
  }
  if (!occasions.find((o) => o.kind === "nowruz")!.enabled) {
    await updateOccasionWorkflow(container).run({
      input: { kind: "nowruz", enabled: true, gift_type: "credit", credit_amount: { irr: "1000000" }, credit_valid_days: 14 },
    })
  }

  const customerModule = container.resolve(Modules.CUSTOMER)
  const [sara] = await customerModule.listCustomers({ email: DEMO_CUSTOMERS[0].email })
  if (!sara) {
    return
  }
  const now = new Date()
  if (!(await service.getCustomerBirthday(sara.id))) {
    const { time_zone } = await service.retrieveSettings()
    const { month, day } = partsOf(shopDay(now, time_zone), "jalali")
    await service.restoreCustomerBirthday(sara.id, {
      customer_id: sara.id,
      calendar: "jalali",
      month,
      day,
      set_by: "customer",
      changed_at: new Date(now.getTime() - YEAR_MS),
    })
  }
  const { occasions: ran } = await runOccasions(container, { at: now, kinds: ["birthday"] })
  // The demo sends at once whatever the hour (quiet hours would hold it
  // until the morning).
  await sendDueMessagesWorkflow(container).run({ input: { at: new Date(now.getTime() + 86400000) } })
  const given = ran.find((o) => o.kind === "birthday")?.given ?? 0
  logger.info(`Demo occasions: birthday and Nowruz on; ${given ? `Sara's birthday gift sent (see the [sms] line above)` : "Sara's birthday already celebrated"}`)
}
