import { model } from "@medusajs/framework/utils"

/**
 * A shop's wording of one message in one language, over the shipped default
 * (src/utils/sms-templates.ts). `gateway_template` names an approved
 * template/pattern at the SMS gateway, for gateways that require them.
 */
const MessageTemplate = model
  .define(
    { name: "MessageTemplate", tableName: "loyalty_message_template" },
    {
      id: model.id({ prefix: "lmtp" }).primaryKey(),
      event: model.text(),
      locale: model.text(),
      /** null: the shipped wording (a row may only name a gateway template). */
      body: model.text().nullable(),
      gateway_template: model.text().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_loyalty_message_template_event_locale",
      on: ["event", "locale"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default MessageTemplate
