import { model } from "@medusajs/framework/utils"

/**
 * An SMS campaign to a segment, or an automation (`kind`), which sends to
 * customers as they enter its segment, at most once per customer per
 * `cooldown_days`.
 *
 * status (campaigns): `draft` -> `scheduled` (at `scheduled_at`) ->
 * `queuing` (recipients and messages being written) -> `sending` ->
 * `done`; `paused` stops its queued messages from being claimed until
 * resumed; `canceled` withdraws what was not sent. Automations are
 * `draft` until turned on (`is_active`), then `sending`.
 *
 * `bodies`: the wording per language (`{ fa, en }`, variables as in the
 * Messages page). `gift`: null, `{ type: "code", ... }` (a personal code
 * per recipient from the personal batch `code_batch_id`) or
 * `{ type: "credit", amounts: { irr: "..." }, expires_after_days }`.
 * `holdout_percent` of the segment, picked at random, gets nothing: the
 * control group the results compare against over `window_days`.
 */
const Campaign = model
  .define(
    { name: "LoyaltyCampaign", tableName: "loyalty_campaign" },
    {
      id: model.id({ prefix: "lcmp" }).primaryKey(),
      name: model.text(),
      kind: model.enum(["campaign", "automation"]).default("campaign"),
      segment_id: model.text(),
      status: model
        .enum(["draft", "scheduled", "queuing", "sending", "paused", "done", "canceled"])
        .default("draft"),
      is_active: model.boolean().default(false),
      bodies: model.json(),
      gift: model.json().nullable(),
      code_batch_id: model.text().nullable(),
      holdout_percent: model.number().default(10),
      throttle_per_minute: model.number().nullable(),
      window_days: model.number().default(14),
      cooldown_days: model.number().nullable(),
      scheduled_at: model.dateTime().nullable(),
      queued_at: model.dateTime().nullable(),
      started_at: model.dateTime().nullable(),
      paused_at: model.dateTime().nullable(),
      finished_at: model.dateTime().nullable(),
      canceled_at: model.dateTime().nullable(),
      recipients: model.number().default(0),
      holdout: model.number().default(0),
      skipped: model.number().default(0),
      estimate: model.json().nullable(),
      error: model.text().nullable(),
      created_by: model.text().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { name: "IDX_loyalty_campaign_status", on: ["kind", "status"], where: "deleted_at IS NULL" },
    { name: "IDX_loyalty_campaign_segment", on: ["segment_id"], where: "deleted_at IS NULL" },
  ])

export default Campaign
