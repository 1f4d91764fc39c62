import { model } from "@medusajs/framework/utils"

/**
 * Who was in an automation's segment at its last run: a customer found in
 * the segment and not here has entered it. Rows of customers who left are
 * removed, so leaving and coming back is entering again.
 */
const AutomationMember = model
  .define(
    { name: "AutomationMember", tableName: "loyalty_automation_member" },
    {
      id: model.id({ prefix: "laum" }).primaryKey(),
      campaign_id: model.text(),
      customer_id: model.text(),
      since: model.dateTime(),
    }
  )
  .indexes([
    {
      name: "IDX_loyalty_automation_member_unique",
      on: ["campaign_id", "customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default AutomationMember
