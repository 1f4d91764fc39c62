import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { awardOrderCashbackWorkflow } from "../../src/workflows"
import { DEMO_CUSTOMERS, DEMO_MARKER_REGION } from "../constants"

/**
 * An order of Sara's that earned cashback by the demo rules: 1,850,000 IRR
 * spendable now (vacuum cleaner) and 8,400,000 held for 14 days (washing
 * machine), visible on the order page and in her wallet.
 */
export async function seedCashbackOrder({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const customerModule = container.resolve(Modules.CUSTOMER)
  const [sara] = await customerModule.listCustomers({ email: DEMO_CUSTOMERS[0].email })
  if (!sara) {
    return
  }
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { customer_id: sara.id },
  })
  if (orders.length) {
    return
  }
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id"],
    filters: { name: DEMO_MARKER_REGION },
  })
  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: ["id"],
    filters: { name: "Default Sales Channel" },
  })
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["handle", "variants.id"],
    filters: { handle: ["vacuum-cleaner", "washing-machine"] },
  })
  const { result: order } = await createOrderWorkflow(container).run({
    input: {
      region_id: regions[0].id,
      customer_id: sara.id,
      email: sara.email,
      sales_channel_id: channels[0]?.id,
      currency_code: "irr",
      status: "pending" as any,
      items: products.map((p: any) => ({ variant_id: p.variants[0].id, quantity: 1 })),
      shipping_address: {
        first_name: sara.first_name ?? "Sara",
        last_name: sara.last_name ?? "",
        address_1: "Valiasr St",
        city: "Tehran",
        country_code: "ir",
        postal_code: "1234567890",
        phone: sara.phone ?? undefined,
      },
    },
  })
  await awardOrderCashbackWorkflow(container).run({ input: { order_id: order.id } })
  logger.info(`Demo order with cashback placed for ${sara.first_name} (${order.id})`)
}
