import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createCodeBatchWorkflow,
  issueCodeBatchWorkflow,
  issuePersonalCodeWorkflow,
} from "../../src/workflows/codes"
import { DEMO_CUSTOMERS } from "../constants"

const DAY_MS = 86400000

/**
 * Discount codes for the demo: "Nowruz", a bulk batch of 50 single-use
 * codes (NOWRUZ-XXXXXXXXX, 20% off capped at 5,000,000 IRR, for baskets of
 * 10,000,000 IRR and more, for 60 days), and "Birthday gift", a personal
 * template (15%, each code valid 30 days) that the birthday occasion gives
 * from, with one code already given to Sara. Batches are found by name and
 * Sara's code by its key, so a re-run adds nothing.
 */
export async function seedCodes(args: ExecArgs | MedusaContainer) {
  const container: MedusaContainer = (args as ExecArgs).container ?? (args as MedusaContainer)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service: any = container.resolve("loyalty_club")
  const batchNamed = async (name: string) => (await service.listCodeBatches({ name }))[0] ?? null

  let nowruz = await batchNamed("Nowruz")
  if (!nowruz) {
    const { result } = await createCodeBatchWorkflow(container).run({
      input: {
        name: "Nowruz",
        kind: "bulk",
        discount_type: "percentage",
        value: "20",
        target: "order",
        max_discount: { irr: "5000000" },
        min_basket: { irr: "10000000" },
        ends_at: new Date(Date.now() + 60 * DAY_MS),
        prefix: "NOWRUZ",
        quantity: 50,
      },
    })
    nowruz = result
  }
  if (nowruz.status === "creating") {
    // The demo waits for its 50 codes (a shop's batch is made in the background).
    await issueCodeBatchWorkflow(container).run({ input: { batch_id: nowruz.id } })
  }

  let birthday = await batchNamed("Birthday gift")
  if (!birthday) {
    const { result } = await createCodeBatchWorkflow(container).run({
      input: {
        name: "Birthday gift",
        kind: "personal",
        discount_type: "percentage",
        value: "15",
        target: "order",
        valid_days: 30,
        prefix: "BDAY",
      },
    })
    birthday = result
  }

  const [sara] = await container.resolve(Modules.CUSTOMER).listCustomers({ email: DEMO_CUSTOMERS[0].email })
  if (sara) {
    const { result } = await issuePersonalCodeWorkflow(container).run({
      input: { batch_id: birthday.id, customer_id: sara.id, source: "admin", source_id: "demo-sara-birthday-gift" },
    })
    if (result.created) {
      logger.info(`Demo codes: batch Nowruz (50 codes) and ${sara.first_name}'s personal code ${result.code.code}`)
    }
  }
  return { nowruz_batch_id: nowruz.id as string, birthday_batch_id: birthday.id as string }
}
