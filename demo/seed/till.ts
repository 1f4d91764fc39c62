import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createCashbackRulesWorkflow,
  createPosKeyWorkflow,
  registerPosPurchaseWorkflow,
} from "../../src/workflows"
import { DEMO_CUSTOMERS } from "../constants"

/**
 * A till: a key for the demo shop's counter (printed once, at the first
 * seed), a rule paying 2% on in-store purchases, and one purchase of Emily's
 * registered at the till, so the In-store channel has an order with cashback.
 */
export async function seedPointOfSale({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: any = container.resolve("loyalty_club")
  const [existing] = await service.listPosKeys({ name: "Demo till" })
  if (!existing) {
    const { result } = await createPosKeyWorkflow(container).run({
      input: { name: "Demo till", location: "Tehran, Valiasr St", scopes: ["lookup", "earn", "redeem"] },
    })
    logger.info(`Demo till key (shown once): ${result.key}`)
  }
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { name: "In-store" } })
  const rules = await service.listCashbackRules({ name: "2% at the till" })
  if (channels.length && !rules.length) {
    await createCashbackRulesWorkflow(container).run({
      input: {
        rules: [
          {
            name: "2% at the till",
            names: { fa: "۲٪ کش‌بک خرید حضوری", en: "2% cashback on in-store purchases" },
            type: "percent",
            value: "2",
            currency_code: "irr",
            expires_after_days: 90,
            sales_channel_ids: [channels[0].id],
            combination: "stack",
          },
        ],
      },
    })
  }
  await registerPosPurchaseWorkflow(container).run({
    input: {
      phone: DEMO_CUSTOMERS[2].phone,
      amount: "12000000",
      currency_code: "irr",
      receipt_id: "demo-till-0001",
      location: "Tehran, Valiasr St",
      note: "Demo purchase at the till",
    },
  })
  logger.info("Demo in-store purchase registered for Emily (receipt demo-till-0001)")
}
