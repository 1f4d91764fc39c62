import { model } from "@medusajs/framework/utils"

/**
 * What a gateway told us: a customer's reply (`reply`) or a delivery report
 * (`delivery`). Unique per gateway, kind and the gateway's id, so a report
 * read twice (a pull after a push, a retried webhook) counts once.
 * `action`: what it did (`opted_out`, `opted_in`, `delivered`,
 * `undelivered`, `none`), the log entry of an opt-out by reply.
 */
const InboundMessage = model
  .define(
    { name: "InboundMessage", tableName: "loyalty_inbound_message" },
    {
      id: model.id({ prefix: "linb" }).primaryKey(),
      gateway: model.text(),
      kind: model.enum(["reply", "delivery"]),
      external_id: model.text(),
      phone: model.text().nullable(),
      body: model.text().nullable(),
      status: model.text().nullable(),
      customer_id: model.text().nullable(),
      message_id: model.text().nullable(),
      action: model.text().nullable(),
      received_at: model.dateTime(),
      data: model.json().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_loyalty_inbound_message_unique",
      on: ["gateway", "kind", "external_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_loyalty_inbound_message_customer", on: ["customer_id"], where: "deleted_at IS NULL" },
  ])

export default InboundMessage
