import { Context } from "@medusajs/framework/types"
import { SegmentGroup } from "../../../utils/segment-conditions"
import { overPopulation, segmentFactsOf, segmentMembers } from "./segment-facts"
import { segmentMembersSql } from "./segment-sql"
import { boundSql } from "./sql"

/** A member of a segment as the admin's list and the CSV export show them. */
export type SegmentCustomer = {
  id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
  segment: string | null
  r_score: number | null
  f_score: number | null
  m_score: number | null
  l_score: number | null
  last_order_at: Date | null
}

export type SegmentUsage = { campaigns: number; rules: number; batches: number }

/** What the segment editor offers to pick from. */
export type SegmentOptions = {
  tiers: { id: string; name: string }[]
  customer_groups: { id: string; name: string }[]
  locations: string[]
  categories: { id: string; name: string }[]
  currencies: string[]
}

/**
 * The room of saved segments, their counts, members and exports. The
 * conditions are compiled by segment-sql.ts and always evaluated live, so a
 * count and the list it counts come from the same statement.
 */
export class SegmentsRoom {
  /** A page of the members and how many there are in all (the admin's list). */
  async listAndCount(
    conditions: SegmentGroup,
    page: { limit: number; offset: number; at: Date },
    sharedContext: Context
  ): Promise<{ customers: SegmentCustomer[]; count: number }> {
    const customers = await this.listCustomers(conditions, page, sharedContext)
    // A short first page is the whole segment: no second evaluation needed.
    const count =
      page.offset === 0 && customers.length < page.limit
        ? customers.length
        : await this.count(conditions, page.at, sharedContext)
    return { customers, count }
  }

  /** How many customers match the conditions at `at`. */
  async count(conditions: SegmentGroup, at: Date, sharedContext: Context): Promise<number> {
    return await overPopulation(sharedContext, async (manager) => {
      const members = await segmentMembers(manager, conditions, at)
      const [row] = await manager.execute(`SELECT count(*)::int AS count FROM (${members.sql}) m`, members.bindings)
      return row.count
    })
  }

  /**
   * One page of the members, by customer id. `after` pages by key (the
   * export walks 100,000 members in pages of 5,000 without re-reading the
   * pages before); `offset` serves the admin's list.
   */
  async listCustomers(
    conditions: SegmentGroup,
    page: { limit: number; offset?: number; after?: string | null; at: Date },
    sharedContext: Context
  ): Promise<SegmentCustomer[]> {
    const rows = await overPopulation(sharedContext, async (manager) => {
      const members = await segmentMembers(manager, conditions, page.at)
      const after = page.after ? `WHERE m.customer_id > ?` : ""
      return await manager.execute(
        `SELECT c.id, c.first_name, c.last_name, c.email, c.phone, s.segment,
           s.r_score, s.f_score, s.m_score, s.l_score, s.last_order_at
         FROM (${members.sql}) m
         JOIN customer c ON c.id = m.customer_id
         LEFT JOIN loyalty_customer_score s ON s.customer_id = c.id AND s.deleted_at IS NULL
         ${after}
         ORDER BY m.customer_id
         LIMIT ? OFFSET ?`,
        [...members.bindings, ...(page.after ? [page.after] : []), page.limit, page.offset ?? 0]
      )
    })
    return rows.map((r: any) => ({
      id: r.id,
      first_name: r.first_name,
      last_name: r.last_name,
      email: r.email,
      phone: r.phone,
      segment: r.segment ?? null,
      r_score: r.r_score ?? null,
      f_score: r.f_score ?? null,
      m_score: r.m_score ?? null,
      l_score: r.l_score ?? null,
      last_order_at: r.last_order_at ? new Date(r.last_order_at) : null,
    }))
  }

  /**
   * Which of these saved segments (ids) hold the customer now; unknown or
   * deleted ids hold no one. One statement; the customer's id reaches every
   * derived table through the join, so each segment is evaluated for that
   * one customer, not for everyone.
   */
  async customerSegmentIds(
    customerId: string,
    segmentIds: string[],
    at: Date,
    sharedContext: Context
  ): Promise<string[]> {
    if (!segmentIds.length) {
      return []
    }
    const manager = boundSql(sharedContext)
    const segments: { id: string; conditions: SegmentGroup }[] = await manager.execute(
      `SELECT id, conditions FROM loyalty_segment WHERE id IN (${segmentIds.map(() => "?").join(", ")}) AND deleted_at IS NULL`,
      segmentIds
    )
    if (!segments.length) {
      return []
    }
    const facts = await segmentFactsOf(manager)
    const parts = segments.map((segment) => {
      const members = segmentMembersSql(segment.conditions, at, facts)
      return {
        sql: `SELECT ?::text AS segment_id WHERE EXISTS (SELECT 1 FROM (${members.sql}) m WHERE m.customer_id = ?)`,
        bindings: [segment.id, ...members.bindings, customerId],
      }
    })
    const rows = await manager.execute(
      parts.map((p) => p.sql).join("\nUNION ALL\n"),
      parts.flatMap((p) => p.bindings)
    )
    return rows.map((r: any) => r.segment_id)
  }

  /** Where a segment is used: campaigns and automations, cashback rules, code batches (not deleted). */
  async usage(segmentId: string, sharedContext: Context): Promise<SegmentUsage> {
    const ids = JSON.stringify([segmentId])
    const [row] = await boundSql(sharedContext).execute(
      `SELECT
         (SELECT count(*)::int FROM loyalty_campaign WHERE segment_id = ? AND deleted_at IS NULL) AS campaigns,
         (SELECT count(*)::int FROM loyalty_cashback_rule WHERE segment_ids::jsonb @> ?::jsonb AND deleted_at IS NULL) AS rules,
         (SELECT count(*)::int FROM loyalty_code_batch WHERE segment_ids::jsonb @> ?::jsonb AND deleted_at IS NULL) AS batches`,
      [segmentId, ids, ids]
    )
    return { campaigns: row.campaigns, rules: row.rules, batches: row.batches }
  }

  /**
   * The editor's choices: tiers, customer groups, till locations seen on
   * purchases, product categories, and the currencies of the store and the
   * wallets.
   */
  async options(sharedContext: Context): Promise<SegmentOptions> {
    const [row] = await boundSql(sharedContext).execute(
      `SELECT
         (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name) ORDER BY rank, name), '[]'::json)
            FROM loyalty_tier WHERE deleted_at IS NULL) AS tiers,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name) ORDER BY name), '[]'::json)
            FROM customer_group WHERE deleted_at IS NULL) AS customer_groups,
         (SELECT coalesce(json_agg(location ORDER BY location), '[]'::json) FROM (
            SELECT DISTINCT location FROM loyalty_pos_purchase
            WHERE deleted_at IS NULL AND location IS NOT NULL AND location <> '') l) AS locations,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name) ORDER BY name), '[]'::json)
            FROM product_category WHERE deleted_at IS NULL) AS categories,
         (SELECT coalesce(json_agg(code ORDER BY code), '[]'::json) FROM (
            SELECT currency_code AS code FROM store_currency WHERE deleted_at IS NULL
            UNION SELECT currency_code FROM loyalty_wallet WHERE deleted_at IS NULL) x) AS currencies`
    )
    return {
      tiers: row.tiers,
      customer_groups: row.customer_groups,
      locations: row.locations,
      categories: row.categories,
      currencies: row.currencies,
    }
  }
}
