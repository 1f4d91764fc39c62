import { model } from "@medusajs/framework/utils"

/**
 * One SMS to one customer: the per-customer message log the admin shows, and
 * the queue the sender job works through. `idempotency_key` (event +
 * subject + the shop day for reminders and statements, `once` for one-time
 * facts such as a tier move) is unique, so a retried job or a duplicate
 * event queues nothing new; the same key goes to the notification module, which sends a key once.
 */
const Message = model
  .define(
    { name: "Message", tableName: "loyalty_message" },
    {
      id: model.id({ prefix: "lmsg" }).primaryKey(),
      /** Null for a phone that is not a member yet (credit sent to it). */
      customer_id: model.text().nullable(),
      event: model.text(),
      locale: model.text(),
      /** E.164; null when the customer has no usable number (status `skipped`). */
      phone: model.text().nullable(),
      body: model.text(),
      /** Approved gateway template and its values, for gateways that use them. */
      gateway_template: model.text().nullable(),
      template_params: model.json().nullable(),
      idempotency_key: model.text(),
      /** `sending`: claimed by a sender run (`claimed_at`); a run that died leaves it to be claimed again. */
      status: model.enum(["queued", "sending", "sent", "failed", "skipped"]).default("queued"),
      claimed_at: model.dateTime().nullable(),
      /** Why it was skipped or failed: `opted_out`, `no_phone`, `disabled`, or the gateway's error. */
      reason: model.text().nullable(),
      /** Not before this moment (quiet hours push it to the morning). */
      send_after: model.dateTime(),
      attempts: model.number().default(0),
      /**
       * Sends the gateway refused. Each retry after a refusal goes to the
       * notification module under a new key (`<key>#<failures>`): it does
       * not resend a key it recorded as failed reliably. A run that died
       * mid-send is retried under the same key, which it will not send twice.
       */
      failures: model.number().default(0),
      notification_id: model.text().nullable(),
      sent_at: model.dateTime().nullable(),
      data: model.json().nullable(),
      /**
       * `promotional` (campaigns, occasions, win-back): ends with the shop's
       * opt-out line and goes only to customers who did not opt out of
       * promotions; `service` (balance, receipts, codes): neither.
       */
      kind: model.enum(["service", "promotional"]).default("service"),
      /** The campaign or automation that sent it; its pause and throttle hold it. */
      campaign_id: model.text().nullable(),
      /** The gateway's id of the sent message, to match its delivery report. */
      gateway_message_id: model.text().nullable(),
      /** From the gateway's delivery report: `delivered` or `undelivered` (and when). */
      delivery_status: model.text().nullable(),
      delivered_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_loyalty_message_idempotency_key",
      on: ["idempotency_key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_loyalty_message_customer",
      on: ["customer_id", "created_at"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_loyalty_message_campaign",
      on: ["campaign_id", "status"],
      where: "campaign_id IS NOT NULL AND deleted_at IS NULL",
    },
    {
      name: "IDX_loyalty_message_gateway_id",
      on: ["gateway_message_id"],
      where: "gateway_message_id IS NOT NULL AND deleted_at IS NULL",
    },
    {
      name: "IDX_loyalty_message_due",
      on: ["send_after"],
      where: "status = 'queued' AND deleted_at IS NULL",
    },
  ])

export default Message
