import { segmentMembersSql } from "../../modules/loyalty-club/services/segment-sql"
import { segmentLeaves, validateSegmentConditions } from "../segment-conditions"

const reject = (input: unknown) => {
  try {
    validateSegmentConditions(input)
  } catch (error: any) {
    return { message: error.message as string, code: error.code as string, type: error.type as string }
  }
  throw new Error("expected the conditions to be refused")
}

describe("segment conditions", () => {
  describe("validateSegmentConditions", () => {
    it("should accept every kind of condition and return them in their stored shape", () => {
      const out = validateSegmentConditions({
        match: "all",
        conditions: [
          { field: "tier", tier_ids: ["ltier_1", "none", "ltier_1"] },
          { field: "balance", currency_code: "IRR", min: 100000 },
          { field: "expiring_credit", within_days: 7, currency_code: "irr", min: "5000" },
          { field: "spend", window_days: null, currency_code: "usd", min: "10.50", max: "99" },
          { field: "orders", window_days: 90, min: 2 },
          { field: "days_since_last_order", max: 30 },
          { field: "rfm_segment", segments: ["champions", "at_risk"] },
          { field: "r_score", min: 4 },
          { field: "channel_mix", values: ["both"] },
          { field: "till_location", locations: ["Tehran"] },
          { field: "interest", category_ids: ["pcat_1"] },
          { field: "birthday_month", months: [7, 1], calendar: "jalali" },
          {
            match: "any",
            conditions: [
              { field: "customer_group", group_ids: ["cusgroup_1"] },
              { match: "all", conditions: [{ field: "sms_opted_in", value: true }] },
            ],
          },
        ],
      })
      expect(segmentLeaves(out)).toHaveLength(14)
      expect(out.conditions[0]).toEqual({ field: "tier", tier_ids: ["ltier_1", "none"] })
      expect(out.conditions[1]).toEqual({ field: "balance", currency_code: "irr", min: "100000" })
      expect(out.conditions[3]).toEqual({ field: "spend", window_days: null, currency_code: "usd", min: "10.50", max: "99" })
      expect(out.conditions[11]).toEqual({ field: "birthday_month", months: [1, 7], calendar: "jalali" })
    })

    it("should name the path of a bad value with loyalty_segment_invalid", () => {
      const error = reject({
        match: "all",
        conditions: [
          { field: "tier", tier_ids: ["ltier_1"] },
          { match: "any", conditions: [{ field: "orders", window_days: 30, min: -1 }] },
        ],
      })
      expect(error).toEqual({
        message: "conditions[1].conditions[0].min must be a whole number from 0 to 1000000, got -1",
        code: "loyalty_segment_invalid",
        type: "invalid_data",
      })
    })

    it("should refuse amounts that are not plain decimals, ranges upside down and unknown keys", () => {
      expect(reject({ match: "all", conditions: [{ field: "balance", currency_code: "irr", min: "1e9" }] }).message).toMatch(
        /^conditions\[0\]\.min must be a number, got "1e9"/
      )
      expect(reject({ match: "all", conditions: [{ field: "spend", window_days: 30, currency_code: "irr", min: "5", max: "4" }] }).message).toBe(
        "conditions[0].min must not be greater than conditions[0].max"
      )
      expect(reject({ match: "all", conditions: [{ field: "orders", window_days: 30, mn: 1 }] }).message).toBe(
        "conditions[0].mn is not a setting of a orders condition"
      )
      expect(reject({ match: "all", conditions: [{ field: "orders", window_days: 30 }] }).message).toBe(
        "conditions[0] needs min or max"
      )
      expect(reject({ match: "all", conditions: [{ field: "expiring_credit", within_days: 7, min: "1" }] }).message).toBe(
        "conditions[0].currency_code is needed with conditions[0].min"
      )
    })

    it("should refuse unknown fields, segments, scores out of 1-5 and bad groups", () => {
      expect(reject({ match: "all", conditions: [{ field: "age" }] }).message).toMatch(/^conditions\[0\]\.field must be one of tier, /)
      expect(reject({ match: "all", conditions: [{ field: "rfm_segment", segments: ["vip"] }] }).message).toMatch(
        /^conditions\[0\]\.segments\[0\] must be one of champions, /
      )
      expect(reject({ match: "all", conditions: [{ field: "f_score", max: 6 }] }).message).toBe(
        "conditions[0].max must be a whole number from 1 to 5, got 6"
      )
      expect(reject({ match: "both", conditions: [] }).message).toBe('match must be all or any, got "both"')
      expect(reject({ match: "all", conditions: [] }).message).toBe("conditions must be a list of at least one condition")
      expect(reject("x").message).toMatch(/^conditions must be a group/)
      expect(reject({ match: "all", conditions: [{ match: "any", conditions: [{ match: "all", conditions: [] }] }] }).message).toBe(
        "conditions[0].conditions[0].conditions must be a list of at least one condition"
      )
    })

    it("should refuse groups nested deeper than three levels and more than 30 conditions", () => {
      const leaf = { field: "sms_opted_in", value: true }
      expect(
        reject({ match: "all", conditions: [{ match: "any", conditions: [{ match: "all", conditions: [{ match: "any", conditions: [leaf] }] }] }] })
          .message
      ).toBe("conditions[0].conditions[0].conditions[0] nests groups deeper than 3 levels")
      expect(reject({ match: "all", conditions: Array.from({ length: 31 }, () => leaf) }).message).toBe(
        "conditions[30]: a segment holds at most 30 conditions"
      )
    })
  })

  describe("segmentMembersSql", () => {
    const at = new Date("2026-06-01T00:00:00.000Z")
    const live = { scored_at: null, scored_currency: null, rollup: null }

    it("should bind one value per placeholder and select the customer id", () => {
      const conditions = validateSegmentConditions({
        match: "any",
        conditions: [
          { field: "orders", window_days: 30, min: 2 },
          { field: "spend", window_days: null, currency_code: "irr", min: "1000" },
          { field: "balance", currency_code: "irr", max: "0" },
          { field: "tier", tier_ids: ["none"] },
          { match: "all", conditions: [{ field: "customer_group", group_ids: ["g1", "g2"] }, { field: "sms_opted_in", value: false }] },
        ],
      })
      const { sql, bindings } = segmentMembersSql(conditions, at, live)
      expect(sql.startsWith("SELECT c.id AS customer_id FROM customer c\nLEFT JOIN loyalty_customer_score sc")).toBe(true)
      expect(sql.match(/\?/g)).toHaveLength(bindings.length)
      // One pass over the orders for both order conditions.
      expect(sql.match(/FROM "order" o/g)).toHaveLength(1)
      expect(bindings).toContain("2026-05-02T00:00:00.000Z")
    })

    it("should read a window from the rollup's whole days and only the edges live", () => {
      const conditions = validateSegmentConditions({
        match: "all",
        conditions: [
          { field: "orders", window_days: 30, min: 2 },
          { field: "spend", window_days: 90, currency_code: "irr", min: "1000" },
          { field: "orders", window_days: null, min: 1 },
        ],
      })
      const facts = {
        scored_at: new Date("2026-05-31T21:00:00.000Z"),
        scored_currency: "irr",
        rollup: { orders_as_of: new Date("2026-05-31T20:15:00.000Z"), time_zone: "Asia/Tehran" },
      }
      const { sql, bindings } = segmentMembersSql(conditions, at, facts)
      expect(sql.match(/\?/g)).toHaveLength(bindings.length)
      // The rollup: one row per customer in the store's currency (IRR, the
      // scores'), for the orders and the spend, plus the rows of the other
      // currencies summed for the orders; each figure the total less the
      // figure through the window's first day, found by binary search.
      const figure = (kind: string) => `r.${kind} - coalesce(r.${kind}_through[width_bucket(?::date, r.order_days)], 0)`
      expect(sql.match(/FROM loyalty_analytics_customer r/g)).toHaveLength(2)
      expect(sql).toContain(`SELECT r.customer_id, (${figure("orders")}) AS r1, (${figure("revenue")}) AS r2
  FROM loyalty_analytics_customer r
  WHERE r.currency_code = ? AND r.last_order_day > ?::date
)`)
      expect(sql).toContain(`SELECT r.customer_id, sum(${figure("orders")}) AS r1
  FROM loyalty_analytics_customer r
  WHERE r.currency_code <> ? AND r.last_order_day > ?::date
  GROUP BY r.customer_id`)
      expect(sql).toContain("(coalesce(ra1.r1, 0) + coalesce(ra2.r1, 0))")
      // Never scored (no currency known): every row summed.
      const unscored = segmentMembersSql(conditions, at, { ...facts, scored_at: null, scored_currency: null }).sql
      expect(unscored).toContain(`SELECT r.customer_id, sum(${figure("orders")}) AS r1
  FROM loyalty_analytics_customer r
  WHERE r.last_order_day > ?::date
  GROUP BY r.customer_id`)
      expect(sql.match(/FROM "order" o/g)).toHaveLength(1)
      // The live pass reads the windows' first days, the days since the
      // rollup and the orders since the scoring: index ranges, not the window.
      const live = sql.slice(sql.indexOf('FROM "order" o'))
      expect(live).toContain("(o.created_at > ?::timestamptz AND o.created_at < ?::timestamptz) OR o.created_at > ?::timestamptz")
      // The windows start at 03:30 Tehran time on 2 May and 3 March: the
      // rollup's days after those, the rest of those days live (until
      // 00:00 Tehran, 20:30 UTC), and the orders since the rollup and the
      // scoring.
      expect(bindings).toEqual(expect.arrayContaining(["2026-05-02", "2026-03-03", "2026-05-02T00:00:00.000Z",
        "2026-05-02T20:30:00.000Z", "2026-03-03T00:00:00.000Z", "2026-03-03T20:30:00.000Z",
        "2026-05-31T20:15:00.000Z", "2026-05-31T21:00:00.000Z"]))
      // A rollup built after the segment's date is not read.
      const before = segmentMembersSql(conditions, new Date("2026-05-31T20:00:00.000Z"), facts)
      expect(before.sql).not.toContain("loyalty_analytics_customer")
    })

    it("should match a birthday given in the other calendar by its day", () => {
      const { sql, bindings } = segmentMembersSql(
        validateSegmentConditions({ match: "all", conditions: [{ field: "birthday_month", months: [1], calendar: "jalali" }] }),
        at,
        live
      )
      // Farvardin runs from 21 March to 20 April.
      expect(bindings).toEqual(["jalali", 1, "gregorian", 3, 21, 4, 20])
      expect(sql).toContain("bd.calendar = ?")
      const gregorian = segmentMembersSql(
        validateSegmentConditions({ match: "all", conditions: [{ field: "birthday_month", months: [3], calendar: "gregorian" }] }),
        at,
        live
      )
      // March 2025 runs from 11 Esfand to 11 Farvardin; 30 Esfand falls in it.
      expect(gregorian.bindings).toEqual(["gregorian", 3, "jalali", 12, 11, 1, 11])
    })
  })
})
