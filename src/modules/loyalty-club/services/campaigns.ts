import { Context } from "@medusajs/framework/types"
import { entityIds } from "../../../utils/ids"
import { SegmentGroup } from "../../../utils/segment-conditions"
import { boundSql, ledgerTransaction, sql } from "./sql"
import { overPopulation, segmentMembers } from "./segment-facts"

export type CampaignStatus = "draft" | "scheduled" | "queuing" | "sending" | "paused" | "done" | "canceled"
export type CampaignKind = "campaign" | "automation"

export type CampaignGift =
  | { type: "code"; batch_id: string }
  | { type: "credit"; amounts: Record<string, string>; expires_after_days: number }

/** A campaign with every column (see models/campaign.ts). */
export type CampaignRow = {
  id: string
  name: string
  kind: CampaignKind
  segment_id: string
  status: CampaignStatus
  is_active: boolean
  bodies: { fa?: string; en?: string }
  gift: CampaignGift | null
  code_batch_id: string | null
  holdout_percent: number
  throttle_per_minute: number | null
  window_days: number
  cooldown_days: number | null
  scheduled_at: Date | null
  queued_at: Date | null
  started_at: Date | null
  paused_at: Date | null
  finished_at: Date | null
  canceled_at: Date | null
  recipients: number
  holdout: number
  skipped: number
  error: string | null
  created_at: Date
  updated_at: Date
}

/** The columns a status move may set besides the status. */
export type CampaignChanges = Partial<
  Pick<
    CampaignRow,
    | "status"
    | "is_active"
    | "scheduled_at"
    | "queued_at"
    | "started_at"
    | "paused_at"
    | "finished_at"
    | "canceled_at"
    | "error"
  >
>

/** A target waiting for its gift and message. */
export type PendingRecipient = {
  id: string
  customer_id: string
  occurrence: string
  skip_reason: string | null
  gift: Record<string, unknown> | null
}

export type RecipientsWritten = {
  /** Rows written by this call (targets and holdout). */
  inserted: number
  holdout: number
  /** The writing transaction's `now()`: every row it wrote carries it as created_at (the undo's key). */
  stamp: string | null
}

export type AutomationRun = RecipientsWritten & {
  /** The first run after the automation was turned on: members recorded, nobody messaged. */
  baseline: boolean
  entered: number
  /** The automation's last run before this one (restored by the undo). */
  previous_run_at: string | null
}

const COLUMNS = `id, name, kind, segment_id, status, is_active, bodies, gift, code_batch_id, holdout_percent,
  throttle_per_minute, window_days, cooldown_days, scheduled_at, queued_at, started_at, paused_at, finished_at,
  canceled_at, recipients, holdout, skipped, error, created_at, updated_at`

// The columns a campaign is created or edited with.
export type CampaignValuesInput = Partial<
  Omit<CampaignRow, "id" | "created_at" | "updated_at"> & { created_by: string | null }
>

const JSON_COLUMNS = new Set(["bodies", "gift"])
const value = (column: string, v: unknown) =>
  JSON_COLUMNS.has(column) ? (v === null || v === undefined ? null : JSON.stringify(v)) : v instanceof Date ? v.toISOString() : v

const RECIPIENT_ID = `'lcrc_' || upper(replace(gen_random_uuid()::text, '-', ''))`
const MEMBER_ID = `'laum_' || upper(replace(gen_random_uuid()::text, '-', ''))`

// Why a target can get no SMS, as composeMessages writes it on the message:
// opted out of everything or of promotions, or no phone.
export const SKIP_REASON = `CASE WHEN p.opted_out THEN 'opted_out'
  WHEN p.promotions_opted_out THEN 'promotions_opted_out'
  WHEN nullif(btrim(c.phone), '') IS NULL THEN 'no_phone' END`

// A message's idempotency key, as composeMessages writes it for a
// recipient (event "campaign", subject campaign:customer:occurrence).
const MESSAGE_KEY = `'campaign:' || r.campaign_id || ':' || r.customer_id || ':' || r.occurrence || ':once'`

/**
 * The room of SMS campaigns and automations: status moves (conditional, so
 * two workers never both take a step), recipients with their exact holdout
 * (written set-based from the segment's SQL) and automations' member sets.
 * What campaigns achieved is read in campaign-results.ts.
 */
export class CampaignsRoom {
  /** A campaign with every column, or null. */
  async retrieve(id: string, sharedContext: Context): Promise<CampaignRow | null> {
    const [row] = await sql(sharedContext).execute(
      `SELECT ${COLUMNS} FROM loyalty_campaign WHERE id = ? AND deleted_at IS NULL`,
      [id]
    )
    return (row as CampaignRow) ?? null
  }

  /** Creates a campaign; returns it. */
  async create(values: CampaignValuesInput, sharedContext: Context): Promise<CampaignRow> {
    const entries = Object.entries(values)
    const [row] = await sql(sharedContext).execute(
      `INSERT INTO loyalty_campaign (id, ${entries.map(([k]) => k).join(", ")}, created_at, updated_at)
       VALUES (?, ${entries.map(([k]) => (JSON_COLUMNS.has(k) ? "?::jsonb" : "?")).join(", ")}, now(), now())
       RETURNING ${COLUMNS}`,
      [entityIds("lcmp", 1)[0], ...entries.map(([k, v]) => value(k, v))]
    )
    return row as CampaignRow
  }

  /** Saves the columns given; returns the campaign after. */
  async update(id: string, values: CampaignValuesInput, sharedContext: Context): Promise<CampaignRow | null> {
    const entries = Object.entries(values).filter(([, v]) => v !== undefined)
    const [row] = await sql(sharedContext).execute(
      `UPDATE loyalty_campaign SET ${[
        ...entries.map(([k]) => `${k} = ${JSON_COLUMNS.has(k) ? "?::jsonb" : "?"}`),
        "updated_at = now()",
      ].join(", ")}
       WHERE id = ? AND deleted_at IS NULL RETURNING ${COLUMNS}`,
      [...entries.map(([k, v]) => value(k, v)), id]
    )
    return (row as CampaignRow) ?? null
  }

  /** Deletes a campaign (soft), or brings a deleted one back (`restore`: the undo). */
  async setDeleted(id: string, deleted: boolean, sharedContext: Context): Promise<void> {
    await sql(sharedContext).execute(
      `UPDATE loyalty_campaign SET deleted_at = ${deleted ? "now()" : "NULL"}, updated_at = now() WHERE id = ?`,
      [id]
    )
  }

  /** A page of campaigns or automations, newest first, and how many there are. */
  async listAndCount(
    filters: { kind: CampaignKind; status?: CampaignStatus; limit: number; offset: number },
    sharedContext: Context
  ): Promise<{ campaigns: CampaignRow[]; count: number }> {
    const where = `deleted_at IS NULL AND kind = ? ${filters.status ? "AND status = ?" : ""}`
    const params = filters.status ? [filters.kind, filters.status] : [filters.kind]
    const manager = sql(sharedContext)
    const [campaigns, [{ count }]] = await Promise.all([
      manager.execute(
        `SELECT ${COLUMNS} FROM loyalty_campaign WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
        [...params, filters.limit, filters.offset]
      ),
      manager.execute(`SELECT count(*)::int AS count FROM loyalty_campaign WHERE ${where}`, params),
    ])
    return { campaigns: campaigns as CampaignRow[], count }
  }

  /**
   * Moves a campaign only from one of `from` (with `guard`: a scheduled
   * one only when due, a queuing one only when its run went stale), in one
   * transaction under the row's lock: of two workers, one moves it and the
   * other, once the first committed, finds it moved and gets null. Returns
   * the row after and the row before (for an undo).
   */
  async move(
    id: string,
    from: CampaignStatus[],
    changes: CampaignChanges,
    guard: { due_at?: Date; stale_before?: Date } = {},
    sharedContext: Context
  ): Promise<{ campaign: CampaignRow; before: CampaignRow } | null> {
    const sets: string[] = []
    const values: unknown[] = []
    for (const [column, value] of Object.entries(changes)) {
      sets.push(`${column} = ?`)
      values.push(value instanceof Date ? value.toISOString() : value)
    }
    const where: string[] = []
    const params: unknown[] = [id, JSON.stringify(from)]
    if (guard.due_at) {
      where.push(`(c.status <> 'scheduled' OR c.scheduled_at <= ?)`)
      params.push(guard.due_at.toISOString())
    }
    if (guard.stale_before) {
      where.push(`(c.status <> 'queuing' OR c.queued_at < ?)`)
      params.push(guard.stale_before.toISOString())
    }
    return await ledgerTransaction(sharedContext, async (sql) => {
      const [before] = await sql.execute(
        `SELECT ${COLUMNS} FROM loyalty_campaign c
         WHERE c.id = ? AND c.deleted_at IS NULL AND c.status IN (SELECT jsonb_array_elements_text(?::jsonb))
           ${where.map((w) => `AND ${w}`).join(" ")}
         FOR UPDATE`,
        params
      )
      if (!before) {
        return null
      }
      const [campaign] = await sql.execute(
        `UPDATE loyalty_campaign SET ${[...sets, "updated_at = now()"].join(", ")}
         WHERE id = ? RETURNING ${COLUMNS}`,
        [...values, id]
      )
      return { campaign: campaign as CampaignRow, before: before as CampaignRow }
    })
  }

  /** The undo of a move: the status and times as they were (only if nothing moved it since). */
  async restore(before: CampaignRow, after: CampaignStatus, sharedContext: Context): Promise<void> {
    await sql(sharedContext).execute(
      `UPDATE loyalty_campaign SET status = ?, is_active = ?, scheduled_at = ?, queued_at = ?, started_at = ?,
         paused_at = ?, finished_at = ?, canceled_at = ?, updated_at = now()
       WHERE id = ? AND status = ?`,
      [
        before.status,
        before.is_active,
        iso(before.scheduled_at),
        iso(before.queued_at),
        iso(before.started_at),
        iso(before.paused_at),
        iso(before.finished_at),
        iso(before.canceled_at),
        before.id,
        after,
      ]
    )
  }

  /** Campaigns the minute's job has to move: scheduled ones due, queuing ones whose run went stale. */
  async listDue(at: Date, staleBefore: Date, sharedContext: Context): Promise<string[]> {
    const rows = await sql(sharedContext).execute(
      `SELECT id FROM loyalty_campaign
       WHERE deleted_at IS NULL AND kind = 'campaign' AND (
         (status = 'scheduled' AND scheduled_at <= ?) OR (status = 'queuing' AND queued_at < ?))
       ORDER BY coalesce(scheduled_at, queued_at)`,
      [at.toISOString(), staleBefore.toISOString()]
    )
    return rows.map((r: any) => r.id)
  }

  /** Automations that are on (`sending`, active), for a run after the scores are refreshed. */
  async listActiveAutomations(sharedContext: Context): Promise<string[]> {
    const rows = await sql(sharedContext).execute(
      `SELECT id FROM loyalty_campaign
       WHERE deleted_at IS NULL AND kind = 'automation' AND status = 'sending' AND is_active
       ORDER BY created_at`
    )
    return rows.map((r: any) => r.id)
  }

  /**
   * Writes a campaign's recipients from its segment at `at`, in one
   * statement: the members ordered by md5(campaign id || customer id) (a
   * random order no one chooses, and the same on a second try), the first
   * round(n × holdout_percent / 100) the holdout, the rest targets, each
   * target with the reason it can get no SMS (opted out, no phone).
   * Existing rows stay (the unique key): a second call adds nothing.
   */
  async insertRecipients(
    data: { campaign_id: string; conditions: SegmentGroup; holdout_percent: number; at: Date },
    sharedContext: Context
  ): Promise<RecipientsWritten> {
    const [row] = await overPopulation(sharedContext, async (manager) => {
      const segment = await segmentMembers(manager, data.conditions, data.at)
      return await manager.execute(
        `WITH members AS (${segment.sql}),
         ranked AS (
           SELECT m.customer_id, row_number() OVER (ORDER BY md5(?::text || m.customer_id), m.customer_id) AS rn,
             count(*) OVER () AS n
           FROM (SELECT DISTINCT customer_id FROM members) m
         ),
         written AS (
           INSERT INTO loyalty_campaign_recipient
             (id, campaign_id, customer_id, occurrence, holdout, entered_at, skip_reason, created_at, updated_at)
           SELECT ${RECIPIENT_ID}, ?, r.customer_id, 'once', r.rn <= round(r.n * ?::numeric / 100), ?,
             CASE WHEN r.rn > round(r.n * ?::numeric / 100) THEN ${SKIP_REASON} END, now(), now()
           FROM ranked r
           JOIN customer c ON c.id = r.customer_id
           LEFT JOIN loyalty_sms_preference p ON p.customer_id = r.customer_id AND p.deleted_at IS NULL
           ON CONFLICT (campaign_id, customer_id, occurrence) WHERE deleted_at IS NULL DO NOTHING
           RETURNING holdout
         )
         SELECT count(*)::int AS inserted, count(*) FILTER (WHERE holdout)::int AS holdout, now() AS stamp FROM written`,
        [
          ...segment.bindings,
          data.campaign_id,
          data.campaign_id,
          data.holdout_percent,
          data.at.toISOString(),
          data.holdout_percent,
        ]
      )
    })
    return { inserted: row.inserted, holdout: row.holdout, stamp: row.inserted ? iso(row.stamp) : null }
  }

  /** The undo of `insertRecipients` (or of an automation's run): the rows that call wrote. */
  async removeRecipients(campaignId: string, stamp: string, sharedContext: Context): Promise<void> {
    await sql(sharedContext).execute(
      `DELETE FROM loyalty_campaign_recipient WHERE campaign_id = ? AND created_at = ?`,
      [campaignId, stamp]
    )
  }

  /**
   * One run of an automation, in one transaction under the campaign's row
   * lock (two runs at once take turns). The first run after it was turned
   * on records who is in the segment now (the baseline) and messages no
   * one. Later runs: who is in the segment and not in the recorded set has
   * entered it; the set becomes the segment's members (those who left are
   * removed, so leaving and coming back is entering again); those who
   * entered and have no recipient row of this automation within
   * `cooldown_days` become recipients of the day (`occurrence`), with the
   * holdout drawn among them as for a campaign.
   */
  async runAutomation(
    data: { campaign_id: string; conditions: SegmentGroup; occurrence: string; at: Date },
    sharedContext: Context
  ): Promise<AutomationRun | null> {
    return await overPopulation(sharedContext, async (sql) => {
      const segment = await segmentMembers(sql, data.conditions, data.at)
      const [campaign] = await sql.execute(
        `SELECT id, holdout_percent, cooldown_days, queued_at, now() AS stamp FROM loyalty_campaign
         WHERE id = ? AND deleted_at IS NULL AND kind = 'automation' AND status = 'sending' AND is_active
         FOR UPDATE`,
        [data.campaign_id]
      )
      if (!campaign) {
        return null
      }
      const baseline = !campaign.queued_at
      const stamp = iso(campaign.stamp)!
      await sql.execute(
        `CREATE TEMP TABLE IF NOT EXISTS loyalty_automation_now (customer_id text PRIMARY KEY) ON COMMIT DELETE ROWS`
      )
      await sql.execute(`DELETE FROM loyalty_automation_now`)
      await sql.execute(
        `INSERT INTO loyalty_automation_now (customer_id) SELECT DISTINCT customer_id FROM (${segment.sql}) s`,
        segment.bindings
      )
      // Left the segment: removed (soft, stamped, so the undo can put them back).
      await sql.execute(
        `UPDATE loyalty_automation_member am SET deleted_at = ?, updated_at = ?
         WHERE am.campaign_id = ? AND am.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM loyalty_automation_now n WHERE n.customer_id = am.customer_id)`,
        [stamp, stamp, data.campaign_id]
      )
      const [entered] = await sql.execute(
        `WITH entered AS (
           INSERT INTO loyalty_automation_member (id, campaign_id, customer_id, since, created_at, updated_at)
           SELECT ${MEMBER_ID}, ?, n.customer_id, ?, ?, ?
           FROM loyalty_automation_now n
           WHERE NOT EXISTS (SELECT 1 FROM loyalty_automation_member am
             WHERE am.campaign_id = ? AND am.customer_id = n.customer_id AND am.deleted_at IS NULL)
           RETURNING customer_id
         )
         SELECT count(*)::int AS entered FROM entered`,
        [data.campaign_id, data.at.toISOString(), stamp, stamp, data.campaign_id]
      )
      let written = { inserted: 0, holdout: 0 }
      if (!baseline) {
        const cooldownDays = campaign.cooldown_days ?? 30
        const [row] = await sql.execute(
          `WITH eligible AS (
             SELECT am.customer_id FROM loyalty_automation_member am
             WHERE am.campaign_id = ? AND am.created_at = ? AND am.deleted_at IS NULL
               AND NOT EXISTS (
                 SELECT 1 FROM loyalty_campaign_recipient x
                 WHERE x.campaign_id = am.campaign_id AND x.customer_id = am.customer_id AND x.deleted_at IS NULL
                   AND x.entered_at > ?::timestamptz - make_interval(days => ?))
           ),
           ranked AS (
             SELECT customer_id, row_number() OVER (ORDER BY md5(?::text || customer_id), customer_id) AS rn,
               count(*) OVER () AS n
             FROM eligible
           ),
           written AS (
             INSERT INTO loyalty_campaign_recipient
               (id, campaign_id, customer_id, occurrence, holdout, entered_at, skip_reason, created_at, updated_at)
             SELECT ${RECIPIENT_ID}, ?, r.customer_id, ?, r.rn <= round(r.n * ?::numeric / 100), ?,
               CASE WHEN r.rn > round(r.n * ?::numeric / 100) THEN ${SKIP_REASON} END, ?, ?
             FROM ranked r
             JOIN customer c ON c.id = r.customer_id
             LEFT JOIN loyalty_sms_preference p ON p.customer_id = r.customer_id AND p.deleted_at IS NULL
             ON CONFLICT (campaign_id, customer_id, occurrence) WHERE deleted_at IS NULL DO NOTHING
             RETURNING holdout
           )
           SELECT count(*)::int AS inserted, count(*) FILTER (WHERE holdout)::int AS holdout FROM written`,
          [
            data.campaign_id,
            stamp,
            data.at.toISOString(),
            cooldownDays,
            `${data.campaign_id}:${data.occurrence}`,
            data.campaign_id,
            data.occurrence,
            campaign.holdout_percent,
            data.at.toISOString(),
            campaign.holdout_percent,
            stamp,
            stamp,
          ]
        )
        written = row
      }
      await sql.execute(`UPDATE loyalty_campaign SET queued_at = ?, updated_at = now() WHERE id = ?`, [
        data.at.toISOString(),
        data.campaign_id,
      ])
      return {
        baseline,
        entered: entered.entered,
        inserted: written.inserted,
        holdout: written.holdout,
        stamp,
        previous_run_at: iso(campaign.queued_at),
      }
    })
  }

  /** The undo of `runAutomation`: its recipients and member changes, and the last run's time as it was. */
  async undoAutomationRun(
    data: { campaign_id: string; stamp: string; previous_run_at: string | null },
    sharedContext: Context
  ): Promise<void> {
    await ledgerTransaction(sharedContext, async (sql) => {
      await sql.execute(`DELETE FROM loyalty_campaign_recipient WHERE campaign_id = ? AND created_at = ?`, [
        data.campaign_id,
        data.stamp,
      ])
      await sql.execute(
        `DELETE FROM loyalty_automation_member WHERE campaign_id = ? AND created_at = ? AND deleted_at IS NULL`,
        [data.campaign_id, data.stamp]
      )
      await sql.execute(
        `UPDATE loyalty_automation_member SET deleted_at = NULL WHERE campaign_id = ? AND deleted_at = ?`,
        [data.campaign_id, data.stamp]
      )
      await sql.execute(`UPDATE loyalty_campaign SET queued_at = ? WHERE id = ?`, [
        data.previous_run_at,
        data.campaign_id,
      ])
    })
  }

  /** Forgets an automation's member set (turned on again: the next run records a new baseline). */
  async resetAutomation(campaignId: string, sharedContext: Context): Promise<void> {
    await sql(sharedContext).execute(
      `UPDATE loyalty_automation_member SET deleted_at = now(), updated_at = now()
       WHERE campaign_id = ? AND deleted_at IS NULL`,
      [campaignId]
    )
  }

  /** A page of targets with no message yet, in id order after `after`. */
  async listPendingRecipients(
    campaignId: string,
    after: string | null,
    limit: number,
    sharedContext: Context
  ): Promise<PendingRecipient[]> {
    return (await sql(sharedContext).execute(
      `SELECT id, customer_id, occurrence, skip_reason, gift FROM loyalty_campaign_recipient
       WHERE campaign_id = ? AND deleted_at IS NULL AND NOT holdout AND message_id IS NULL AND id > ?
       ORDER BY id LIMIT ?`,
      [campaignId, after ?? "", limit]
    )) as PendingRecipient[]
  }

  /** Records the gift each recipient was given (a code, a credit lot). */
  async recordGifts(records: { id: string; gift: Record<string, unknown> }[], sharedContext: Context): Promise<void> {
    if (!records.length) {
      return
    }
    await boundSql(sharedContext).execute(
      `UPDATE loyalty_campaign_recipient r SET gift = i.gift, updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS i(id text, gift jsonb) WHERE r.id = i.id`,
      [JSON.stringify(records)]
    )
  }

  /**
   * Links recipients to their messages (found by the message's key, so a
   * message an earlier run queued is found too), and takes a skipped
   * message's reason.
   */
  async linkMessages(campaignId: string, recipientIds: string[], sharedContext: Context): Promise<number> {
    if (!recipientIds.length) {
      return 0
    }
    const rows = await boundSql(sharedContext).execute(
      `UPDATE loyalty_campaign_recipient r
       SET message_id = m.id, skip_reason = CASE WHEN m.status = 'skipped' THEN m.reason ELSE r.skip_reason END,
         updated_at = now()
       FROM loyalty_message m
       WHERE r.campaign_id = ? AND r.id IN (SELECT jsonb_array_elements_text(?::jsonb))
         AND m.idempotency_key = ${MESSAGE_KEY} AND m.deleted_at IS NULL
       RETURNING r.id`,
      [campaignId, JSON.stringify(recipientIds)]
    )
    return rows.length
  }

  /** The undo of `linkMessages` for messages withdrawn. */
  async unlinkMessages(messageIds: string[], sharedContext: Context): Promise<void> {
    if (!messageIds.length) {
      return
    }
    await boundSql(sharedContext).execute(
      `UPDATE loyalty_campaign_recipient SET message_id = NULL, updated_at = now()
       WHERE message_id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(messageIds)]
    )
  }

  /**
   * Counts a campaign's recipients onto it (targets messaged, holdout,
   * targets skipped) and moves it from `queuing` to `sending` (a campaign
   * paused or canceled meanwhile keeps its status).
   */
  async finishQueuing(campaignId: string, sharedContext: Context): Promise<CampaignRow | null> {
    const [row] = await sql(sharedContext).execute(
      `WITH counts AS (
         SELECT count(*) FILTER (WHERE NOT holdout AND skip_reason IS NULL)::int AS recipients,
           count(*) FILTER (WHERE holdout)::int AS holdout,
           count(*) FILTER (WHERE NOT holdout AND skip_reason IS NOT NULL)::int AS skipped
         FROM loyalty_campaign_recipient WHERE campaign_id = ? AND deleted_at IS NULL
       )
       UPDATE loyalty_campaign c SET recipients = counts.recipients, holdout = counts.holdout,
         skipped = counts.skipped,
         status = CASE WHEN c.status = 'queuing' THEN 'sending' ELSE c.status END,
         started_at = coalesce(c.started_at, now()), updated_at = now()
       FROM counts WHERE c.id = ? RETURNING ${COLUMNS.split(",").map((c) => `c.${c.trim()}`).join(", ")}`,
      [campaignId, campaignId]
    )
    return (row as CampaignRow) ?? null
  }

  /** Campaigns sending with no message left queued or being sent: `done`. Returns their ids. */
  async finishSent(ids: string[] | null, sharedContext: Context): Promise<string[]> {
    const rows = await sql(sharedContext).execute(
      `UPDATE loyalty_campaign c SET status = 'done', finished_at = now(), updated_at = now()
       WHERE c.deleted_at IS NULL AND c.kind = 'campaign' AND c.status = 'sending'
         ${ids ? "AND c.id IN (SELECT jsonb_array_elements_text(?::jsonb))" : ""}
         AND NOT EXISTS (SELECT 1 FROM loyalty_message m WHERE m.campaign_id = c.id
           AND m.status IN ('queued', 'sending') AND m.deleted_at IS NULL)
       RETURNING c.id`,
      ids ? [JSON.stringify(ids)] : []
    )
    return rows.map((r: any) => r.id)
  }
}

function iso(value: Date | string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null
}
