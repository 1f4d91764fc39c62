import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { sendCreditTransferWorkflow } from "../../src/workflows/transfers"
import { DEMO_CUSTOMERS } from "../constants"

/**
 * A gift between two demo members: Sara sends Reza 200,000 IRR of her
 * credit, and Reza claims it, so both wallets' histories show a transfer.
 * Keyed: a re-run finds the same transfer and leaves it as it is.
 */
export async function seedTransfers({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const customerModule = container.resolve(Modules.CUSTOMER)
  const service: any = container.resolve("loyalty_club")
  const [sara] = await customerModule.listCustomers({ email: DEMO_CUSTOMERS[0].email })
  const [reza] = await customerModule.listCustomers({ email: DEMO_CUSTOMERS[1].email })
  if (!sara || !reza) {
    return
  }
  const { result } = await sendCreditTransferWorkflow(container).run({
    input: {
      customer_id: sara.id,
      currency_code: "irr",
      amount: "200000",
      phone: DEMO_CUSTOMERS[1].phone,
      message: "Happy birthday, Reza!",
      idempotency_key: "demo-gift-to-reza",
      actor_type: "customer",
      actor_id: sara.id,
    },
  })
  if (result.transfer.status === "pending") {
    // Reza is a member by phone (demo/seed/members.ts): his claim needs no code here.
    await service.claimCreditTransfer({ transfer_id: result.transfer.id, recipient_customer_id: reza.id, at: new Date() })
    logger.info(`Demo transfer claimed: ${sara.first_name} sent ${reza.first_name} 200000 IRR (${result.transfer.id})`)
  }
}
