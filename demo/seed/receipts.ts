import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { publicLink, RECEIPT_LINK_KIND } from "../../src/utils/receipt-page-links"
import { queueReceiptMessageWorkflow, submitFeedbackWorkflow } from "../../src/workflows/feedback"
import { DEMO_CUSTOMERS } from "../constants"

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Receipts and feedback: the receipt SMS of Emily's till purchase (queued
 * once) and its link printed in the seed's log, to open in a phone's
 * browser; and Sara's rating of her online order (4 of 5, with a comment),
 * so the admin's feedback page has an answer. Runs after the till's seed.
 */
export async function seedReceipts({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)

  const [purchase] = await service.listPosPurchases({ receipt_id: "demo-till-0001" })
  if (purchase?.order_id) {
    await queueReceiptMessageWorkflow(container).run({ input: { order_id: purchase.order_id, source: "till" } })
    const { receipt_link_days } = await service.retrieveSettings()
    const link = publicLink(container, RECEIPT_LINK_KIND, purchase.order_id, new Date(Date.now() + receipt_link_days * DAY_MS))
    logger.info(`Demo receipt of Emily's till purchase (valid ${receipt_link_days} days): ${link}`)
  }

  const [sara] = await container.resolve(Modules.CUSTOMER).listCustomers({ email: DEMO_CUSTOMERS[0].email })
  if (!sara) {
    return
  }
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { customer_id: sara.id },
    pagination: { take: 1, order: { created_at: "ASC" } },
  })
  const order = orders[0] as any
  if (order && !(await service.listFeedbacks({ order_id: order.id })).length) {
    await submitFeedbackWorkflow(container).run({
      input: { order_id: order.id, customer_id: sara.id, rating: 4, comment: "ارسال سریع بود؛ بسته‌بندی می‌توانست بهتر باشد." },
    })
    logger.info("Demo feedback: Sara rated her order 4 of 5")
  }
}
