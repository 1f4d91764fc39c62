import { Context } from "@medusajs/framework/types"
import { entityIds } from "../../../utils/ids"
import { MessageResult, QueuedMessageRow, QueueMessageInput } from "../types"
import { boundSql, ledgerTransaction, sql } from "./sql"

/**
 * The message queue (queue, claim, finish, withdraw), the facts reminders
 * are written from (credit about to expire) and customers' SMS preferences.
 */
export class MessagesRoom {
  /**
   * Queues messages, set-based; a message whose idempotency key is already
   * there (a retried job, a duplicate event) is left out. Returns the ids of
   * the rows written.
   */
  async queueMessages(
    messages: QueueMessageInput[],
    sharedContext: Context
  ): Promise<string[]> {
    if (!messages.length) {
      return []
    }
    const ids = entityIds("lmsg", messages.length)
    const rows = messages.map((m, i) => ({
      id: ids[i],
      customer_id: m.customer_id,
      event: m.event,
      locale: m.locale,
      phone: m.phone ?? null,
      body: m.body,
      gateway_template: m.gateway_template ?? null,
      template_params: m.template_params ?? null,
      idempotency_key: m.idempotency_key,
      status: m.status ?? "queued",
      reason: m.reason ?? null,
      send_after: m.send_after.toISOString(),
      data: m.data ?? null,
    }))
    const inserted = await boundSql(sharedContext).execute(
      `INSERT INTO loyalty_message (id, customer_id, event, locale, phone, body, gateway_template,
         template_params, idempotency_key, status, reason, send_after, data, attempts, created_at, updated_at)
       SELECT id, customer_id, event, locale, phone, body, gateway_template, template_params,
         idempotency_key, status, reason, send_after, data, 0, now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS i(id text, customer_id text, event text, locale text,
         phone text, body text, gateway_template text, template_params jsonb, idempotency_key text,
         status text, reason text, send_after timestamptz, data jsonb)
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [JSON.stringify(rows)]
    )
    return inserted.map((r: any) => r.id)
  }

  /**
   * Claims due messages for one sender run: queued ones whose time has come,
   * and ones a run claimed long ago and never finished (it died). Rows another
   * run is claiming are skipped, so two runs never take the same message.
   */
  async claimDueMessages(
    options: { at?: Date; limit?: number; stale_after_ms?: number } = {},
    sharedContext: Context
  ): Promise<QueuedMessageRow[]> {
    const at = options.at ?? new Date()
    const stale = new Date(Date.now() - (options.stale_after_ms ?? 10 * 60 * 1000))
    return await ledgerTransaction(sharedContext, async (sql) => {
      const rows = await sql.execute(
        `WITH due AS (
           SELECT id FROM loyalty_message
           WHERE deleted_at IS NULL AND (
             (status = 'queued' AND send_after <= ?)
             OR (status = 'sending' AND claimed_at < ?))
           ORDER BY send_after
           LIMIT ?
           FOR UPDATE SKIP LOCKED
         )
         UPDATE loyalty_message m
         SET status = 'sending', claimed_at = now(), attempts = m.attempts + 1, updated_at = now()
         FROM due WHERE m.id = due.id
         RETURNING m.id, m.customer_id, m.event, m.locale, m.phone, m.body, m.gateway_template,
           m.template_params, m.idempotency_key, m.attempts, m.failures`,
        [at.toISOString(), stale.toISOString(), options.limit ?? 500]
      )
      return rows as QueuedMessageRow[]
    })
  }

  /**
   * Spendable credit that expires within the given windows, per wallet: the
   * amount and the earliest expiry. One statement over the open lots.
   */
  async listExpiringCredit(
    windows: { from: Date; to: Date }[],
    at: Date,
    sharedContext: Context
  ): Promise<{ wallet_id: string; customer_id: string; currency_code: string; amount: string; expires_at: Date }[]> {
    if (!windows.length) {
      return []
    }
    const rows = await sql(sharedContext).execute(
      `SELECT w.id AS wallet_id, w.customer_id, w.currency_code,
         sum(l.remaining)::text AS amount, min(l.expires_at) AS expires_at
       FROM loyalty_wallet_lot l
       JOIN loyalty_wallet w ON w.id = l.wallet_id AND w.deleted_at IS NULL AND w.status = 'active'
       JOIN jsonb_to_recordset(?::jsonb) AS win("from" timestamptz, "to" timestamptz)
         ON l.expires_at >= win."from" AND l.expires_at < win."to"
       WHERE l.remaining > 0 AND l.expired_at IS NULL AND l.deleted_at IS NULL
         AND (l.available_at IS NULL OR l.available_at <= ?) AND l.expires_at > ?
       GROUP BY w.id, w.customer_id, w.currency_code`,
      [
        JSON.stringify(windows.map((w) => ({ from: w.from.toISOString(), to: w.to.toISOString() }))),
        at.toISOString(),
        at.toISOString(),
      ]
    )
    return rows.map((r: any) => ({ ...r, expires_at: new Date(r.expires_at) }))
  }

  /** Which of these idempotency keys already have a message. */
  async listExistingMessageKeys(
    keys: string[],
    sharedContext: Context
  ): Promise<Set<string>> {
    if (!keys.length) {
      return new Set()
    }
    const rows = await boundSql(sharedContext).execute(
      `SELECT idempotency_key FROM loyalty_message
       WHERE deleted_at IS NULL AND idempotency_key IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(keys)]
    )
    return new Set(rows.map((r: any) => r.idempotency_key))
  }

  /** Withdraws messages not sent yet (the undo of queueing them). */
  async withdrawQueuedMessages(
    ids: string[],
    sharedContext: Context
  ): Promise<void> {
    await sql(sharedContext).execute(
      `UPDATE loyalty_message SET deleted_at = now(), updated_at = now()
       WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND status IN ('queued', 'skipped')`,
      [JSON.stringify(ids)]
    )
  }

  /** Records how claimed messages ended: sent, failed, skipped, or queued again (a retry). */
  async finishMessages(
    results: MessageResult[],
    sharedContext: Context
  ): Promise<void> {
    if (!results.length) {
      return
    }
    await sql(sharedContext).execute(
      `UPDATE loyalty_message m
       SET status = i.status, reason = i.reason, notification_id = coalesce(i.notification_id, m.notification_id),
           failures = m.failures + CASE WHEN i.status IN ('queued', 'failed') THEN 1 ELSE 0 END,
           sent_at = CASE WHEN i.status = 'sent' THEN now() ELSE m.sent_at END,
           send_after = coalesce(i.send_after, m.send_after), claimed_at = NULL, updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS i(id text, status text, reason text,
         notification_id text, send_after timestamptz)
       WHERE m.id = i.id`,
      [
        JSON.stringify(
          results.map((r) => ({ ...r, send_after: r.send_after?.toISOString() ?? null }))
        ),
      ]
    )
  }

  /** Customers' SMS preferences (opted out, language); missing ones are absent. */
  async listSmsPreferencesOf(
    customerIds: string[],
    sharedContext: Context
  ): Promise<Record<string, { opted_out: boolean; locale: string | null }>> {
    if (!customerIds.length) {
      return {}
    }
    const rows = await sql(sharedContext).execute(
      `SELECT customer_id, opted_out, locale FROM loyalty_sms_preference
       WHERE deleted_at IS NULL AND customer_id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(customerIds)]
    )
    return Object.fromEntries(
      rows.map((r: any) => [r.customer_id, { opted_out: r.opted_out, locale: r.locale }])
    )
  }

  /** Sets a customer's SMS preference (opt out / in, language); what is not given stays. */
  async upsertSmsPreference(
    data: { customer_id: string; opted_out?: boolean; locale?: string | null },
    sharedContext: Context
  ): Promise<{ customer_id: string; opted_out: boolean; opted_out_at: Date | null; locale: string | null }> {
    return await ledgerTransaction(sharedContext, async (sql) => {
      await sql.execute(
        `INSERT INTO loyalty_sms_preference (id, customer_id, opted_out, created_at, updated_at)
         VALUES (?, ?, false, now(), now())
         ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING`,
        [entityIds("lsmp", 1)[0], data.customer_id]
      )
      const [current] = await sql.execute(
        `SELECT opted_out, opted_out_at, locale FROM loyalty_sms_preference
         WHERE customer_id = ? AND deleted_at IS NULL FOR UPDATE`,
        [data.customer_id]
      )
      const optedOut = data.opted_out ?? current.opted_out
      // The moment of opting out is kept while the customer stays out.
      const optedOutAt = !optedOut ? null : current.opted_out ? current.opted_out_at : new Date()
      const locale = data.locale !== undefined ? data.locale : current.locale
      const [row] = await sql.execute(
        `UPDATE loyalty_sms_preference SET opted_out = ?, opted_out_at = ?, locale = ?, updated_at = now()
         WHERE customer_id = ? AND deleted_at IS NULL
         RETURNING customer_id, opted_out, opted_out_at, locale`,
        [optedOut, optedOutAt, locale, data.customer_id]
      )
      return row
    })
  }
}
