import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createWalletWorkflow,
  creditWalletWorkflow,
  debitWalletWorkflow,
} from "../../src/workflows"
import { DEMO_CUSTOMERS } from "../constants"

const DAY = 86400000

/** Sara's wallet with a little history: cashback, a gift, a till purchase. */
export async function seedWallets({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const customerModule = container.resolve(Modules.CUSTOMER)
  const [sara] = await customerModule.listCustomers({
    email: DEMO_CUSTOMERS[0].email,
  })
  if (!sara) {
    return
  }
  const { result } = await createWalletWorkflow(container).run({
    input: { customer_id: sara.id, currency_code: "irr" },
  })
  const wallet_id = result.wallet.id
  const credit = (reference_id: string, amount: number, note: string, extra = {}) =>
    creditWalletWorkflow(container).run({
      input: { wallet_id, amount, reference: "demo", reference_id, note, ...extra },
    })
  await credit("cashback-1", 2500000, "Cashback on the washing machine", {
    expires_at: new Date(Date.now() + 60 * DAY),
  })
  await credit("welcome", 1000000, "Welcome gift", {
    expires_at: new Date(Date.now() + 5 * DAY),
  })
  await debitWalletWorkflow(container).run({
    input: {
      wallet_id,
      amount: 800000,
      reference: "demo",
      reference_id: "till-1",
      note: "Paid at the till, Tehran shop",
    },
  })
  await credit("cashback-2", 300000, "Cashback on espresso beans (released after the return window)", {
    available_at: new Date(Date.now() + 10 * DAY),
    expires_at: new Date(Date.now() + 40 * DAY),
  })
  logger.info(`Demo wallet ready for ${sara.first_name} (${wallet_id})`)
}
