import { model } from "@medusajs/framework/utils"

/**
 * A saved audience: conditions joined with AND/OR (utils/segments.ts,
 * `SegmentGroup`), evaluated live in SQL (services/segment-sql.ts). Used by
 * campaigns and automations, by cashback rules and code batches as an
 * eligibility condition (their `segment_ids`). `customer_count` and
 * `counted_at`: the last count, for the list.
 */
const Segment = model
  .define(
    { name: "Segment", tableName: "loyalty_segment" },
    {
      id: model.id({ prefix: "lseg" }).primaryKey(),
      name: model.text(),
      description: model.text().nullable(),
      conditions: model.json(),
      customer_count: model.number().nullable(),
      counted_at: model.dateTime().nullable(),
      created_by: model.text().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([{ name: "IDX_loyalty_segment_name", on: ["name"], where: "deleted_at IS NULL" }])

export default Segment
