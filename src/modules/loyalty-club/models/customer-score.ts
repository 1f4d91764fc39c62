import { model } from "@medusajs/framework/utils"

/**
 * A customer's scores, rebuilt nightly and set-based over all their counted
 * orders, online and at the till (services/scores.ts).
 *
 * R, F, M and L are 1-5 by quintiles among customers with an order (ties
 * share a score); 0 for a customer without one. `segment` is the named RFM
 * segment (utils/segments.ts), null without orders. `previous_segment` and
 * `segment_since` say when and from what it last changed. `monetary` is in
 * `currency_code` (the store's default currency; orders in other currencies
 * count for recency and frequency only). `interests`: the top three
 * categories by spend, `[{ category_id, name, handle, amount }]`, as of
 * `interests_at` (a scoring reads them again only for customers whose
 * orders changed since, and for everyone once a week).
 */
const CustomerScore = model
  .define(
    { name: "CustomerScore", tableName: "loyalty_customer_score" },
    {
      id: model.id({ prefix: "lcsc" }).primaryKey(),
      customer_id: model.text(),
      currency_code: model.text().nullable(),
      orders: model.number().default(0),
      orders_online: model.number().default(0),
      orders_store: model.number().default(0),
      monetary: model.bigNumber().default(0),
      first_order_at: model.dateTime().nullable(),
      last_order_at: model.dateTime().nullable(),
      recency_days: model.number().nullable(),
      member_days: model.number().default(0),
      r_score: model.number().default(0),
      f_score: model.number().default(0),
      m_score: model.number().default(0),
      l_score: model.number().default(0),
      segment: model.text().nullable(),
      previous_segment: model.text().nullable(),
      segment_since: model.dateTime().nullable(),
      channel_mix: model.enum(["online", "store", "both"]).nullable(),
      interests: model.json().nullable(),
      interests_at: model.dateTime().nullable(),
      scored_at: model.dateTime(),
    }
  )
  .indexes([
    { name: "IDX_loyalty_customer_score_customer", on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_customer_score_segment", on: ["segment"], where: "deleted_at IS NULL" },
  ])

export default CustomerScore
