import { Context } from "@medusajs/framework/types"
import { entityIds } from "../../../utils/ids"
import { messageKindOf, MessageKind } from "../../../utils/sms-messages"
import { MessageResult, QueuedMessageRow, QueueMessageInput } from "../types"
import { boundSql, ledgerTransaction, sql } from "./sql"

/** A message to queue, with what campaigns add: its kind (else the event's) and its campaign. */
export type QueueMessageRowInput = QueueMessageInput & {
  kind?: MessageKind | null
  campaign_id?: string | null
}

/** A customer's SMS choices as the senders read them. */
export type SmsPreferenceView = {
  opted_out: boolean
  promotions_opted_out: boolean
  locale: string | null
}

/** A customer's SMS preference row after a change. */
export type SmsPreferenceRow = {
  customer_id: string
  opted_out: boolean
  opted_out_at: Date | null
  locale: string | null
  promotions_opted_out: boolean
  promotions_opted_out_at: Date | null
  opt_out_source: string | null
}

// Campaign states whose queued messages stay where they are.
const HELD_CAMPAIGN_STATUSES = "('paused', 'canceled')"

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
    messages: QueueMessageRowInput[],
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
      kind: m.kind ?? messageKindOf(m.event),
      campaign_id: m.campaign_id ?? null,
    }))
    const inserted = await boundSql(sharedContext).execute(
      `INSERT INTO loyalty_message (id, customer_id, event, locale, phone, body, gateway_template,
         template_params, idempotency_key, status, reason, send_after, data, kind, campaign_id,
         attempts, created_at, updated_at)
       SELECT id, customer_id, event, locale, phone, body, gateway_template, template_params,
         idempotency_key, status, reason, send_after, data, kind, campaign_id, 0, now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS i(id text, customer_id text, event text, locale text,
         phone text, body text, gateway_template text, template_params jsonb, idempotency_key text,
         status text, reason text, send_after timestamptz, data jsonb, kind text, campaign_id text)
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
   *
   * Campaigns hold their messages: none of a paused or canceled campaign is
   * claimed, and of a campaign with `throttle_per_minute` at most that many
   * less those it sent or claimed in the last minute. Its share is picked
   * apart from the rest, so a large throttled campaign never holds up the
   * service messages queued behind it. The throttled campaigns' rows are
   * locked first: a second run waits for the first to commit and then counts
   * what it claimed, so two runs together stay within the throttle.
   */
  async claimDueMessages(
    options: { at?: Date; limit?: number; stale_after_ms?: number } = {},
    sharedContext: Context
  ): Promise<QueuedMessageRow[]> {
    const at = (options.at ?? new Date()).toISOString()
    const stale = new Date(Date.now() - (options.stale_after_ms ?? 10 * 60 * 1000)).toISOString()
    const limit = options.limit ?? 500
    const due = `m.deleted_at IS NULL AND (
      (m.status = 'queued' AND m.send_after <= ?) OR (m.status = 'sending' AND m.claimed_at < ?))`
    return await ledgerTransaction(sharedContext, async (sql) => {
      const throttled: { id: string }[] = await sql.execute(
        `SELECT id FROM loyalty_campaign
         WHERE deleted_at IS NULL AND throttle_per_minute IS NOT NULL
           AND status NOT IN ${HELD_CAMPAIGN_STATUSES}
         ORDER BY id
         FOR UPDATE`
      )
      const rows = await sql.execute(
        `WITH budget AS (
           SELECT c.id, greatest(c.throttle_per_minute - (
             SELECT count(*)::int FROM loyalty_message r
             WHERE r.campaign_id = c.id AND r.deleted_at IS NULL
               AND ((r.status = 'sent' AND r.sent_at > now() - interval '1 minute')
                 OR (r.status = 'sending' AND r.claimed_at > now() - interval '1 minute'))), 0) AS budget
           FROM loyalty_campaign c
           WHERE c.id IN (SELECT jsonb_array_elements_text(?::jsonb))
         ),
         picked AS (
           (SELECT m.id FROM loyalty_message m
            LEFT JOIN loyalty_campaign c ON c.id = m.campaign_id
            WHERE ${due}
              AND (m.campaign_id IS NULL OR c.id IS NULL
                OR (c.deleted_at IS NULL AND c.status NOT IN ${HELD_CAMPAIGN_STATUSES}
                  AND c.throttle_per_minute IS NULL))
            ORDER BY m.send_after
            LIMIT ?)
           UNION ALL
           SELECT x.id FROM budget b CROSS JOIN LATERAL (
             SELECT m.id FROM loyalty_message m
             WHERE m.campaign_id = b.id AND ${due}
             ORDER BY m.send_after
             LIMIT b.budget) x
         ),
         due AS (
           SELECT m.id FROM loyalty_message m
           WHERE m.id IN (SELECT id FROM picked) AND ${due}
           ORDER BY m.send_after
           LIMIT ?
           FOR UPDATE SKIP LOCKED
         )
         UPDATE loyalty_message m
         SET status = 'sending', claimed_at = now(), attempts = m.attempts + 1, updated_at = now()
         FROM due WHERE m.id = due.id
         RETURNING m.id, m.customer_id, m.event, m.locale, m.phone, m.body, m.gateway_template,
           m.template_params, m.idempotency_key, m.attempts, m.failures, m.kind, m.campaign_id`,
        [
          JSON.stringify(throttled.map((c) => c.id)),
          at,
          stale,
          limit,
          at,
          stale,
          at,
          stale,
          limit,
        ]
      )
      return rows as QueuedMessageRow[]
    })
  }

  /**
   * Withdraws a campaign's messages not sent yet (it was canceled): queued
   * ones are soft-deleted, so no sender run claims them and the campaign's
   * log shows only what went. Returns how many were withdrawn.
   */
  async withdrawCampaignMessages(campaignId: string, sharedContext: Context): Promise<number> {
    const rows = await sql(sharedContext).execute(
      `UPDATE loyalty_message SET deleted_at = now(), updated_at = now()
       WHERE campaign_id = ? AND deleted_at IS NULL AND status = 'queued'
       RETURNING id`,
      [campaignId]
    )
    return rows.length
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

  /**
   * Records how claimed messages ended: sent, failed, skipped, or queued
   * again (a retry); a sent one keeps the gateway's id of it
   * (`gateway_message_id`), which its delivery report names.
   */
  async finishMessages(
    results: (MessageResult & { gateway_message_id?: string | null })[],
    sharedContext: Context
  ): Promise<void> {
    if (!results.length) {
      return
    }
    await sql(sharedContext).execute(
      `UPDATE loyalty_message m
       SET status = i.status, reason = i.reason, notification_id = coalesce(i.notification_id, m.notification_id),
           gateway_message_id = coalesce(i.gateway_message_id, m.gateway_message_id),
           failures = m.failures + CASE WHEN i.status IN ('queued', 'failed') THEN 1 ELSE 0 END,
           sent_at = CASE WHEN i.status = 'sent' THEN now() ELSE m.sent_at END,
           send_after = coalesce(i.send_after, m.send_after), claimed_at = NULL, updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS i(id text, status text, reason text,
         notification_id text, gateway_message_id text, send_after timestamptz)
       WHERE m.id = i.id`,
      [
        JSON.stringify(
          results.map((r) => ({ ...r, send_after: r.send_after?.toISOString() ?? null }))
        ),
      ]
    )
  }

  /** Customers' SMS preferences (opted out of all or of promotions, language); missing ones are absent. */
  async listSmsPreferencesOf(
    customerIds: string[],
    sharedContext: Context
  ): Promise<Record<string, SmsPreferenceView>> {
    if (!customerIds.length) {
      return {}
    }
    const rows = await sql(sharedContext).execute(
      `SELECT customer_id, opted_out, promotions_opted_out, locale FROM loyalty_sms_preference
       WHERE deleted_at IS NULL AND customer_id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(customerIds)]
    )
    return Object.fromEntries(
      rows.map((r: any) => [
        r.customer_id,
        { opted_out: r.opted_out, promotions_opted_out: r.promotions_opted_out ?? false, locale: r.locale },
      ])
    )
  }

  /**
   * Sets a customer's SMS preference (opt out of all or of promotions, or
   * back in; the language); what is not given stays. `source` records who
   * changed an opt-out (`shopper`, `admin`, `sms_reply`).
   */
  async upsertSmsPreference(
    data: {
      customer_id: string
      opted_out?: boolean
      promotions_opted_out?: boolean
      locale?: string | null
      source?: string | null
    },
    sharedContext: Context
  ): Promise<SmsPreferenceRow> {
    return await ledgerTransaction(sharedContext, async (sql) => {
      await sql.execute(
        `INSERT INTO loyalty_sms_preference (id, customer_id, opted_out, created_at, updated_at)
         VALUES (?, ?, false, now(), now())
         ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING`,
        [entityIds("lsmp", 1)[0], data.customer_id]
      )
      const [current] = await sql.execute(
        `SELECT opted_out, opted_out_at, locale, promotions_opted_out, promotions_opted_out_at, opt_out_source
         FROM loyalty_sms_preference
         WHERE customer_id = ? AND deleted_at IS NULL FOR UPDATE`,
        [data.customer_id]
      )
      const optedOut = data.opted_out ?? current.opted_out
      const promotions = data.promotions_opted_out ?? current.promotions_opted_out
      // The moment of opting out is kept while the customer stays out.
      const optedOutAt = !optedOut ? null : current.opted_out ? current.opted_out_at : new Date()
      const promotionsAt = !promotions
        ? null
        : current.promotions_opted_out
          ? current.promotions_opted_out_at
          : new Date()
      const changed = optedOut !== current.opted_out || promotions !== current.promotions_opted_out
      const source = changed ? data.source ?? null : current.opt_out_source
      const locale = data.locale !== undefined ? data.locale : current.locale
      const [row] = await sql.execute(
        `UPDATE loyalty_sms_preference SET opted_out = ?, opted_out_at = ?, locale = ?,
           promotions_opted_out = ?, promotions_opted_out_at = ?, opt_out_source = ?, updated_at = now()
         WHERE customer_id = ? AND deleted_at IS NULL
         RETURNING customer_id, opted_out, opted_out_at, locale, promotions_opted_out,
           promotions_opted_out_at, opt_out_source`,
        [optedOut, optedOutAt, locale, promotions, promotionsAt, source, data.customer_id]
      )
      return row
    })
  }
}
