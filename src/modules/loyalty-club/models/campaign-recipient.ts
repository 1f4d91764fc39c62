import { model } from "@medusajs/framework/utils"

/**
 * One customer a campaign (or an automation, once per `occurrence`: the shop
 * day they entered) reached or held out. The unique key (campaign,
 * customer, occurrence) makes queuing once-only; `holdout` rows get no
 * message and no gift and are the control group. `entered_at` starts the
 * results window for both groups. `skip_reason`: why a target got no
 * message (`opted_out`, `no_phone`, ...). `gift`: what was given
 * (`{ code_id, code }` or `{ lot_id, amount, currency_code }`).
 */
const CampaignRecipient = model
  .define(
    { name: "CampaignRecipient", tableName: "loyalty_campaign_recipient" },
    {
      id: model.id({ prefix: "lcrc" }).primaryKey(),
      campaign_id: model.text(),
      customer_id: model.text(),
      occurrence: model.text().default("once"),
      holdout: model.boolean().default(false),
      entered_at: model.dateTime(),
      message_id: model.text().nullable(),
      skip_reason: model.text().nullable(),
      gift: model.json().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_loyalty_campaign_recipient_unique",
      on: ["campaign_id", "customer_id", "occurrence"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_loyalty_campaign_recipient_customer", on: ["customer_id", "entered_at"], where: "deleted_at IS NULL" },
  ])

export default CampaignRecipient
