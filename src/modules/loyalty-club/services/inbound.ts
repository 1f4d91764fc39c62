import { Context } from "@medusajs/framework/types"
import { entityIds } from "../../../utils/ids"
import { replyIntent } from "../../../utils/sms-messages"
import { ledgerTransaction, sql, SqlManager } from "./sql"

/** One thing a gateway told us, as a reader or a push route made it out. */
export type InboundItem = {
  gateway: string
  kind: "reply" | "delivery"
  /** The gateway's id of the reply, or of the sent message a delivery report is about. */
  external_id: string
  /** Delivery reports: the gateway's id of the message sent (default: `external_id`). */
  message_ref?: string | null
  /** Replies: the sender, E.164 (null when it could not be read). */
  phone?: string | null
  body?: string | null
  /** Delivery reports: `delivered`, `undelivered`, or the gateway's own word for anything else. */
  status?: string | null
  received_at: Date
  data?: Record<string, unknown> | null
}

export type InboundResult = {
  /** New rows (a report read before counts once, under `duplicates`). */
  recorded: number
  duplicates: number
  opted_out: number
  opted_in: number
  delivered: number
  undelivered: number
}

// Customer phones are written by hand (spaces, dashes, Persian digits): they
// are compared with these removed and the digits made Latin.
const PHONE_SQL = `translate(regexp_replace(c.phone, '[^0-9+۰-۹٠-٩]', '', 'g'),
  '۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩', '01234567890123456789')`

/** The ways a stored phone may write an E.164 number (Iranian mobiles in all four). */
export function phoneSpellings(e164: string): string[] {
  const digits = e164.replace(/^\+/, "")
  const out = new Set([e164, digits, `00${digits}`])
  if (digits.startsWith("98")) {
    out.add(`0${digits.slice(2)}`)
    out.add(digits.slice(2))
  }
  return Array.from(out)
}

/**
 * The room of what gateways tell us: customers' replies (an opt-out by
 * "لغو۱۱" or STOP, back in by START) and delivery reports. Each is recorded
 * once per gateway, kind and id, and only a new one acts, so a report
 * pulled after it was pushed, or a webhook retried, changes nothing twice.
 */
export class InboundRoom {
  /**
   * Records replies and delivery reports, then acts on the new ones: a
   * reply that opts out (or back in) sets promotions_opted_out for every
   * customer the phone belongs to (`customer.phone` in any spelling, or a
   * proven club phone), with `opt_out_source` `sms_reply`; a delivery report
   * marks the message with that gateway id delivered or undelivered. The
   * row keeps what it did (`action`): the log entry of an opt-out by reply.
   */
  async recordInbound(items: InboundItem[], sharedContext: Context): Promise<InboundResult> {
    const result: InboundResult = { recorded: 0, duplicates: 0, opted_out: 0, opted_in: 0, delivered: 0, undelivered: 0 }
    if (!items.length) {
      return result
    }
    // One row per gateway, kind and id even within a batch (a page that
    // repeats an entry).
    const unique = new Map(items.map((i) => [`${i.gateway}\u0000${i.kind}\u0000${i.external_id}`, i]))
    const ids = entityIds("linb", unique.size)
    const rows = Array.from(unique.values()).map((i, n) => ({
      id: ids[n],
      gateway: i.gateway,
      kind: i.kind,
      external_id: i.external_id,
      phone: i.phone ?? null,
      body: i.body ?? null,
      status: i.status ?? null,
      received_at: i.received_at.toISOString(),
      data: i.data ?? null,
      message_ref: i.message_ref ?? null,
    }))
    const refs = new Map(rows.map((r) => [r.id, r.message_ref ?? r.external_id]))
    return await ledgerTransaction(sharedContext, async (sql) => {
      const inserted: { id: string; kind: string; external_id: string; phone: string | null; body: string | null; status: string | null; received_at: Date }[] =
        await sql.execute(
          `INSERT INTO loyalty_inbound_message (id, gateway, kind, external_id, phone, body, status, received_at, data,
             created_at, updated_at)
           SELECT id, gateway, kind, external_id, phone, body, status, received_at, data, now(), now()
           FROM jsonb_to_recordset(?::jsonb) AS i(id text, gateway text, kind text, external_id text, phone text,
             body text, status text, received_at timestamptz, data jsonb)
           ON CONFLICT (gateway, kind, external_id) WHERE deleted_at IS NULL DO NOTHING
           RETURNING id, kind, external_id, phone, body, status, received_at`,
          [JSON.stringify(rows)]
        )
      result.recorded = inserted.length
      result.duplicates = items.length - inserted.length

      const deliveries = inserted.filter((r) => r.kind === "delivery")
      if (deliveries.length) {
        await this.applyDeliveries_(
          sql,
          deliveries.map((d) => ({ ...d, external_id: refs.get(d.id) ?? d.external_id })),
          result
        )
      }
      // In the order they were sent: "لغو۱۱" then START leaves the customer in.
      const replies = inserted
        .filter((r) => r.kind === "reply")
        .sort((a, b) => new Date(a.received_at).getTime() - new Date(b.received_at).getTime())
      for (const reply of replies) {
        await this.applyReply_(sql, reply, result)
      }
      return result
    })
  }

  // Delivery reports: the message with the gateway's id gets the verdict
  // (the first `delivered` wins over a later `undelivered` for the same
  // message, which some gateways send for a part), set-based.
  protected async applyDeliveries_(
    sql: SqlManager,
    deliveries: { id: string; external_id: string; status: string | null; received_at: Date }[],
    result: InboundResult
  ) {
    const reports = deliveries.map((d) => ({
      id: d.id,
      external_id: d.external_id,
      status: d.status === "delivered" || d.status === "undelivered" ? d.status : null,
      received_at: new Date(d.received_at).toISOString(),
    }))
    const updated: { inbound_id: string; message_id: string; customer_id: string | null; status: string }[] =
      await sql.execute(
        `WITH r AS (
           SELECT * FROM jsonb_to_recordset(?::jsonb) AS i(id text, external_id text, status text, received_at timestamptz)
           WHERE i.status IS NOT NULL
         )
         UPDATE loyalty_message m
         SET delivery_status = r.status,
             delivered_at = CASE WHEN r.status = 'delivered' THEN r.received_at ELSE NULL END,
             updated_at = now()
         FROM r
         WHERE m.gateway_message_id = r.external_id AND m.deleted_at IS NULL
           AND m.delivery_status IS DISTINCT FROM 'delivered'
         RETURNING r.id AS inbound_id, m.id AS message_id, m.customer_id, r.status`,
        [JSON.stringify(reports)]
      )
    for (const u of updated) {
      result[u.status === "delivered" ? "delivered" : "undelivered"]++
    }
    await sql.execute(
      `UPDATE loyalty_inbound_message b
       SET message_id = m.message_id, customer_id = m.customer_id, action = coalesce(m.status, 'none'), updated_at = now()
       FROM (SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(id text, message_id text, customer_id text, status text)) m
       WHERE b.id = m.id`,
      [
        JSON.stringify(
          reports.map((r) => {
            const hit = updated.find((u) => u.inbound_id === r.id)
            return { id: r.id, message_id: hit?.message_id ?? null, customer_id: hit?.customer_id ?? null, status: hit?.status ?? null }
          })
        ),
      ]
    )
  }

  // A reply: its keyword decides; the customers its phone belongs to move
  // out of (or back into) promotions.
  protected async applyReply_(
    sql: SqlManager,
    reply: { id: string; phone: string | null; body: string | null },
    result: InboundResult
  ) {
    const intent = replyIntent(reply.body)
    const customers: { customer_id: string }[] =
      intent && reply.phone
        ? await sql.execute(
            `SELECT c.id AS customer_id FROM customer c
             WHERE c.deleted_at IS NULL AND c.phone IS NOT NULL
               AND ${PHONE_SQL} IN (SELECT jsonb_array_elements_text(?::jsonb))
             UNION
             SELECT p.customer_id FROM loyalty_member_phone p
             WHERE p.phone = ? AND p.deleted_at IS NULL`,
            [JSON.stringify(phoneSpellings(reply.phone)), reply.phone]
          )
        : []
    const optOut = intent === "opt_out"
    if (customers.length) {
      const ids = entityIds("lsmp", customers.length)
      await sql.execute(
        `INSERT INTO loyalty_sms_preference (id, customer_id, opted_out, promotions_opted_out, promotions_opted_out_at,
           opt_out_source, created_at, updated_at)
         SELECT i.id, i.customer_id, false, ?, CASE WHEN ? THEN now() END, 'sms_reply', now(), now()
         FROM jsonb_to_recordset(?::jsonb) AS i(id text, customer_id text)
         ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO UPDATE SET
           promotions_opted_out = EXCLUDED.promotions_opted_out,
           promotions_opted_out_at = CASE
             WHEN NOT EXCLUDED.promotions_opted_out THEN NULL
             ELSE coalesce(loyalty_sms_preference.promotions_opted_out_at, now()) END,
           opt_out_source = 'sms_reply',
           updated_at = now()`,
        [optOut, optOut, JSON.stringify(customers.map((c, n) => ({ id: ids[n], customer_id: c.customer_id })))]
      )
      result[optOut ? "opted_out" : "opted_in"]++
    }
    await sql.execute(
      `UPDATE loyalty_inbound_message SET customer_id = ?, action = ?, data = coalesce(data, '{}'::jsonb) || ?::jsonb,
         updated_at = now()
       WHERE id = ?`,
      [
        customers[0]?.customer_id ?? null,
        customers.length ? (optOut ? "opted_out" : "opted_in") : "none",
        JSON.stringify(customers.length > 1 ? { customer_ids: customers.map((c) => c.customer_id) } : {}),
        reply.id,
      ]
    )
  }

  /** A customer's replies and what they did, newest first (the opt-out log). */
  async listCustomerInbound(
    customerId: string,
    options: { limit?: number; offset?: number },
    sharedContext: Context
  ): Promise<{ id: string; gateway: string; kind: string; phone: string | null; body: string | null; action: string | null; received_at: Date }[]> {
    return await sql(sharedContext).execute(
      `SELECT id, gateway, kind, phone, body, action, received_at FROM loyalty_inbound_message
       WHERE customer_id = ? AND kind = 'reply' AND deleted_at IS NULL
       ORDER BY received_at DESC, id LIMIT ? OFFSET ?`,
      [customerId, options.limit ?? 20, options.offset ?? 0]
    )
  }
}
