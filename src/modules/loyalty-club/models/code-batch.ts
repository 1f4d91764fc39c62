import { model } from "@medusajs/framework/utils"

/**
 * A batch of discount codes made from one template, grouped under one Medusa
 * campaign (its budget and dates). `bulk` batches hold `quantity` anonymous
 * single-use codes made in the background (`issued` counts them);
 * `personal` batches are templates that codes bound to one customer are
 * issued from one at a time (occasion gifts, an admin's gift, referrals).
 * A code becomes a Medusa promotion (code, limit 1, rules) the first time a
 * cart applies it, so a batch of 100,000 codes costs one insert, not 100,000
 * promotions.
 */
const CodeBatch = model
  .define(
    { name: "CodeBatch", tableName: "loyalty_code_batch" },
    {
      id: model.id({ prefix: "lcb" }).primaryKey(),
      name: model.text(),
      kind: model.enum(["bulk", "personal"]).default("bulk"),
      status: model.enum(["creating", "active", "disabled", "failed"]).default("active"),
      /** The Medusa campaign the batch's promotions belong to. */
      campaign_id: model.text().nullable(),
      discount_type: model.enum(["percentage", "fixed"]),
      target: model.enum(["items", "order", "shipping"]).default("order"),
      /** Percent (0-100] for `percentage`, an amount in `currency_code` for `fixed`. */
      value: model.bigNumber(),
      /** Required for `fixed`: the only currency the code works in. */
      currency_code: model.text().nullable(),
      /** Cap on a percent discount, per currency (e.g. `{ "irr": "5000000" }`). */
      max_discount: model.json().nullable(),
      /** Minimum item subtotal per currency; a currency left out has none. */
      min_basket: model.json().nullable(),
      starts_at: model.dateTime().nullable(),
      ends_at: model.dateTime().nullable(),
      /** Personal codes: days a code is valid after it is issued (null: the batch's end). */
      valid_days: model.number().nullable(),
      product_ids: model.json().nullable(),
      category_ids: model.json().nullable(),
      customer_group_ids: model.json().nullable(),
      /** Only customers in one of these saved segments may use its codes (checked at the cart). */
      segment_ids: model.json().nullable(),
      prefix: model.text().nullable(),
      /** Bulk: the number of codes asked for; `issued` grows to it. */
      quantity: model.number().default(0),
      issued: model.number().default(0),
      /** Why the background issue failed, when `status` is `failed`. */
      error: model.text().nullable(),
      created_by: model.text().nullable(),
      disabled_at: model.dateTime().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { name: "IDX_loyalty_code_batch_status", on: ["status"], where: "deleted_at IS NULL" },
  ])

export default CodeBatch
