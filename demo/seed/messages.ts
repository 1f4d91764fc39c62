import { ExecArgs } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MathBN,
  Modules,
} from "@medusajs/framework/utils"
import {
  queueMessagesWorkflow,
  sendDueMessagesWorkflow,
  updateLoyaltySettingsWorkflow,
} from "../../src/workflows"
import { DEMO_CUSTOMERS } from "../constants"

/**
 * SMS: the shop's name for messages, Emily reading them in English, and
 * Sara's cashback message and balance statement sent through the configured
 * gateway (the `log` gateway by default: look for "[sms]" in the output).
 * `medusa exec` loads no subscribers, so the messages the demo's events
 * would queue are queued here.
 */
export async function seedMessages({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: any = container.resolve("loyalty_club")
  // Every step is idempotent (the settings, the preference, the messages'
  // keys), so a seed that stopped half way fills in the rest.
  if (!(await service.retrieveSettings()).store_name) {
    await updateLoyaltySettingsWorkflow(container).run({ input: { store_name: "Loyalty Club Demo" } })
  }
  const customerModule = container.resolve(Modules.CUSTOMER)
  const [sara] = await customerModule.listCustomers({ email: DEMO_CUSTOMERS[0].email })
  const [emily] = await customerModule.listCustomers({ email: DEMO_CUSTOMERS[2].email })
  if (emily) {
    await service.upsertSmsPreference({ customer_id: emily.id, locale: "en" })
  }
  if (!sara) {
    return
  }
  const { data: orders } = await query.graph({ entity: "order", fields: ["id"], filters: { customer_id: sara.id } })
  const awarded = orders.length ? await service.listOrderCashback(orders[0].id) : []
  if (orders.length && awarded.length) {
    const total = MathBN.sum(0, ...awarded.map((c: any) => c.amount))
    await queueMessagesWorkflow(container).run({
      input: {
        event: "cashback_credited",
        items: [
          {
            customer_id: sara.id,
            subject: orders[0].id,
            currency_code: "irr",
            amount: { amount: total.toFixed(), currency_code: "irr" },
          },
        ],
      },
    })
  }
  const [wallet] = await service.listWallets({ customer_id: sara.id, currency_code: "irr" })
  if (wallet) {
    await queueMessagesWorkflow(container).run({
      input: {
        event: "balance_statement",
        items: [{ customer_id: sara.id, subject: wallet.id, currency_code: "irr" }],
      },
    })
  }
  // The demo sends at once whatever the hour (quiet hours would hold these
  // until the morning).
  await sendDueMessagesWorkflow(container).run({ input: { at: new Date(Date.now() + 86400000) } })
  logger.info("Demo SMS sent (see the [sms] lines above)")
}
