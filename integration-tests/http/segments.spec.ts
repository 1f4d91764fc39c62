import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCustomerGroupsWorkflow, linkCustomersToCustomerGroupWorkflow } from "@medusajs/medusa/core-flows"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { addShopDays, shopDayStart } from "../../src/utils/sms-messages"
import {
  adminHeaders,
  checkout,
  demoStore,
  failure,
  prepareCart,
  settled,
  shopper,
  shopperWithCredit,
  waitFor,
} from "../helpers"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    // The demo store has customers and orders of its own: every segment here
    // is ANDed with the "Cohort" group (this suite's four shoppers), so its
    // members are exactly known.
    const setup = async () => {
      const container = getContainer()
      const store = await demoStore(container)
      const admin = await adminHeaders(container, api)
      const anna = await shopper(api, store.pk, { email: "anna.segments@example.com", phone: "+989121110001" })
      const bita = await shopper(api, store.pk, { email: "bita.segments@example.com", phone: "+989121110002" })
      const cyrus = await shopper(api, store.pk, { email: "cyrus.segments@example.com" })
      const dara = await shopperWithCredit(api, admin, store.pk, "dara.segments@example.com", "1000")
      await api.post("/admin/customers/" + dara.customer.id, { phone: "+989121110004" }, admin)
      // 500 more that expire in ten days.
      await api.post(
        `/admin/loyalty/wallets/${dara.wallet_id}/credit`,
        { amount: "500", note: "Short gift", expires_at: new Date(Date.now() + 10 * 86400000).toISOString() },
        admin
      )
      const region = store.regions[0].id
      const annaOrder = await checkout(api, anna.headers, region, [store.variant("vacuum-cleaner")])
      const bitaOrders = [
        await checkout(api, bita.headers, region, [store.variant("washing-machine")]),
        await checkout(api, bita.headers, region, [store.variant("washing-machine")]),
      ]
      const { result: groups } = await createCustomerGroupsWorkflow(container).run({
        input: { customersData: [{ name: "Cohort" }, { name: "VIP" }] },
      })
      const [cohort, vip] = groups.map((g: any) => g.id as string)
      await linkCustomersToCustomerGroupWorkflow(container).run({
        input: { id: cohort, add: [anna, bita, cyrus, dara].map((s) => s.customer.id) },
      })
      await linkCustomersToCustomerGroupWorkflow(container).run({ input: { id: vip, add: [cyrus.customer.id] } })
      // Dara opted out of promotions; birthdays in both calendars (1 April is
      // 12 Farvardin).
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(
        `INSERT INTO loyalty_sms_preference (id, customer_id, opted_out, promotions_opted_out, promotions_opted_out_at, opt_out_source)
         VALUES ('lsmp_seg_dara', ?, false, true, now(), 'shopper')`,
        [dara.customer.id]
      )
      await pg.raw(
        `INSERT INTO loyalty_birthday (id, customer_id, calendar, month, day, set_by, changed_at)
         VALUES ('lbday_seg_bita', ?, 'gregorian', 4, 1, 'customer', now()), ('lbday_seg_cyrus', ?, 'jalali', 1, 30, 'customer', now())`,
        [bita.customer.id, cyrus.customer.id]
      )
      return { ...store, admin, anna, bita, cyrus, dara, annaOrder, bitaOrders, cohort, vip }
    }

    let seeded: Awaited<ReturnType<typeof setup>>
    beforeAll(async () => {
      seeded = await settled(getContainer(), setup)
    })

    const inCohort = (...conditions: unknown[]) => ({
      match: "all",
      conditions: [{ field: "customer_group", group_ids: [seeded.cohort] }, ...conditions],
    })

    /** The live count, the saved segment's count and its listed members (names), which must agree. */
    const members = async (conditions: unknown) => {
      const { admin } = seeded
      const { data: live } = await api.post("/admin/loyalty/segments/count", { conditions }, admin)
      const { data: created } = await api.post("/admin/loyalty/segments", { name: "Test", conditions }, admin)
      const { data: page } = await api.get(`/admin/loyalty/segments/${created.segment.id}/customers?limit=100`, admin)
      expect(created.segment.customer_count).toBe(live.count)
      expect(page.count).toBe(live.count)
      expect(page.customers).toHaveLength(live.count)
      return page.customers.map((c: any) => c.first_name).sort()
    }

    describe("Segments", () => {
      it("should count exactly the customers it lists, for each kind of condition, with AND, OR and nesting", async () => {
        const { annaOrder } = seeded
        const spent = String(annaOrder.total)

        expect(await members(inCohort())).toEqual([
          "anna.segments",
          "bita.segments",
          "cyrus.segments",
          "dara.segments",
        ])
        expect(await members(inCohort({ field: "orders", window_days: null, min: 1 }))).toEqual([
          "anna.segments",
          "bita.segments",
        ])
        expect(await members(inCohort({ field: "orders", window_days: 30, min: 2 }))).toEqual(["bita.segments"])
        // Spend up to Anna's order: customers who spent nothing are in too.
        expect(await members(inCohort({ field: "spend", window_days: 30, currency_code: "IRR", max: spent }))).toEqual([
          "anna.segments",
          "cyrus.segments",
          "dara.segments",
        ])
        expect(await members(inCohort({ field: "spend", window_days: null, currency_code: "irr", min: spent, max: spent }))).toEqual([
          "anna.segments",
        ])
        // Customers without orders never match days since the last order.
        expect(await members(inCohort({ field: "days_since_last_order", max: 0 }))).toEqual(["anna.segments", "bita.segments"])
        expect(await members(inCohort({ field: "days_since_last_order", min: 1 }))).toEqual([])
        expect(await members(inCohort({ field: "sms_opted_in", value: true }))).toEqual(["anna.segments", "bita.segments"])
        expect(await members(inCohort({ field: "sms_opted_in", value: false }))).toEqual(["cyrus.segments", "dara.segments"])
        // Available balances as the shopper's wallet shows them (cashback
        // held for days is not available yet).
        const shoppers = [seeded.anna, seeded.bita, seeded.cyrus, seeded.dara]
        const available = new Map<string, bigint>()
        for (const s of shoppers) {
          const { data } = await api.get("/store/loyalty/wallets", s.headers)
          const wallet = data.wallets.find((w: any) => w.currency_code === "irr")
          available.set(s.customer.first_name, BigInt(wallet?.balance.available ?? "0"))
        }
        expect(available.get("dara.segments")).toBe(1500n)
        const holding = (test: (amount: bigint) => boolean) =>
          [...available.entries()].filter(([, amount]) => test(amount)).map(([name]) => name).sort()
        expect(await members(inCohort({ field: "balance", currency_code: "irr", min: "1000" }))).toEqual(holding((a) => a >= 1000n))
        expect(await members(inCohort({ field: "balance", currency_code: "irr", min: "1501" }))).toEqual(holding((a) => a >= 1501n))
        expect(await members(inCohort({ field: "balance", currency_code: "irr", max: "0" }))).toEqual(holding((a) => a <= 0n))
        expect(holding((a) => a <= 0n)).toContain("cyrus.segments")
        // Dara's 500 expires in ten days; the demo's cashback in 15 days or more.
        expect(await members(inCohort({ field: "expiring_credit", within_days: 12 }))).toEqual(["dara.segments"])
        const soon = await members(inCohort({ field: "expiring_credit", within_days: 45, currency_code: "irr", min: "1000" }))
        expect(soon).toContain("anna.segments")
        expect(soon).not.toContain("dara.segments")
        // The demo's tiers place a customer from the first order.
        const service: LoyaltyClubModuleService = getContainer().resolve(LOYALTY_CLUB_MODULE)
        const placed = await service.listCustomerTiers({ customer_id: [seeded.anna.customer.id, seeded.bita.customer.id] })
        const tierIds = Array.from(new Set(placed.map((t: any) => t.tier_id).filter(Boolean))) as string[]
        expect(tierIds.length).toBeGreaterThan(0)
        expect(await members(inCohort({ field: "tier", tier_ids: ["none"] }))).toEqual(["cyrus.segments", "dara.segments"])
        expect(await members(inCohort({ field: "tier", tier_ids: tierIds }))).toEqual(["anna.segments", "bita.segments"])
        expect(await members(inCohort({ field: "tier", tier_ids: [...tierIds, "none"] }))).toHaveLength(4)
        // Farvardin: Cyrus (30 Farvardin) and Bita (1 April = 12 Farvardin).
        expect(await members(inCohort({ field: "birthday_month", months: [1], calendar: "jalali" }))).toEqual([
          "bita.segments",
          "cyrus.segments",
        ])
        // April: Bita, and Cyrus (30 Farvardin is 19 April).
        expect(await members(inCohort({ field: "birthday_month", months: [4], calendar: "gregorian" }))).toEqual([
          "bita.segments",
          "cyrus.segments",
        ])
        expect(await members(inCohort({ field: "birthday_month", months: [2], calendar: "jalali" }))).toEqual([])
        // OR of a group and a nested AND: VIP (Cyrus), or two orders and SMS (Bita).
        expect(
          await members(
            inCohort({
              match: "any",
              conditions: [
                { field: "customer_group", group_ids: [seeded.vip] },
                {
                  match: "all",
                  conditions: [
                    { field: "orders", window_days: 90, min: 2 },
                    { field: "sms_opted_in", value: true },
                  ],
                },
              ],
            })
          )
        ).toEqual(["bita.segments", "cyrus.segments"])
      })

      it("should count a window from the nightly rollup plus its first day and the orders since, as the orders alone give it, in two currencies", async () => {
        const { admin, anna, cyrus, regions } = seeded
        const region = regions[0].id
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const window = (min: number) => inCohort({ field: "orders", window_days: 30, min })
        // Cyrus orders twice: one just inside the window's start, in the
        // window's first shop day (read live: the rollup's days start after
        // it), and one ten minutes before the start.
        const start = Date.now() - 30 * 86400000
        const { time_zone } = await (getContainer().resolve(LOYALTY_CLUB_MODULE) as LoyaltyClubModuleService).retrieveSettings()
        const nextDay = shopDayStart(addShopDays(new Date(start), 1, time_zone), time_zone).getTime()
        const inside = Math.max(Math.min(start + 600000, nextDay - 30000), start + 60000)
        const first = await checkout(api, cyrus.headers, region, [seeded.variant("vacuum-cleaner")])
        const early = await checkout(api, cyrus.headers, region, [seeded.variant("vacuum-cleaner")])
        await pg.raw(`UPDATE "order" SET created_at = ? WHERE id = ?`, [new Date(inside).toISOString(), first.id])
        await pg.raw(`UPDATE "order" SET created_at = ? WHERE id = ?`, [new Date(start - 600000).toISOString(), early.id])
        const before = { one: await members(window(1)), two: await members(window(2)) }
        expect(before).toEqual({
          one: ["anna.segments", "bita.segments", "cyrus.segments"],
          two: ["bita.segments"],
        })
        // The rollup now holds every order: the same members.
        const { data: refreshed } = await api.post("/admin/loyalty/analytics/refresh", {}, admin)
        expect(refreshed.freshness.built_at).toBeTruthy()
        expect({ one: await members(window(1)), two: await members(window(2)) }).toEqual(before)
        // An order after the rollup is read live, once.
        await checkout(api, anna.headers, region, [seeded.variant("vacuum-cleaner")])
        expect(await members(window(2))).toEqual(["anna.segments", "bita.segments"])
        expect(await members(window(3))).toEqual([])
        const spent = (await pg.raw(
          `SELECT sum((s.totals->'raw_current_order_total'->>'value')::numeric)::text AS total FROM "order" o
           JOIN order_summary s ON s.order_id = o.id AND s.version = o.version WHERE o.customer_id = ?`,
          [anna.customer.id]
        )).rows[0].total
        expect(await members(inCohort({ field: "spend", window_days: 30, currency_code: "irr", min: spent, max: spent }))).toEqual([
          "anna.segments",
        ])

        // In two currencies: once scored (the scores tell the store's
        // currency), a window's orders are the IRR rows plus the other
        // currencies' rows; its spend in IRR leaves the euro order out.
        await (getContainer().resolve(LOYALTY_CLUB_MODULE) as LoyaltyClubModuleService).scoreCustomers({})
        const bita = (await pg.raw(
          `SELECT o.id, (s.totals->'raw_current_order_total'->>'value')::numeric::text AS total FROM "order" o
           JOIN order_summary s ON s.order_id = o.id AND s.version = o.version
           JOIN customer c ON c.id = o.customer_id WHERE c.first_name = 'bita.segments' ORDER BY o.created_at`
        )).rows
        expect(bita).toHaveLength(2)
        await pg.raw(`UPDATE "order" SET currency_code = 'eur' WHERE id = ?`, [bita[0].id])
        await api.post("/admin/loyalty/analytics/refresh", {}, admin)
        expect(await members(window(2))).toEqual(["anna.segments", "bita.segments"])
        expect(await members(window(3))).toEqual([])
        expect(
          await members(inCohort({ field: "spend", window_days: 30, currency_code: "irr", min: bita[1].total, max: bita[1].total }))
        ).toEqual(["bita.segments"])
      })

      it("should read RFM segments, scores and channel mix from the last scoring", async () => {
        const service: LoyaltyClubModuleService = getContainer().resolve(LOYALTY_CLUB_MODULE)
        // Before any scoring no one has a segment.
        expect(await members(inCohort({ field: "rfm_segment", segments: ["champions", "loyal", "new", "potential_loyalist", "promising", "need_attention", "about_to_sleep", "at_risk", "cant_lose", "hibernating", "lost"] }))).toEqual([])
        await service.scoreCustomers({})
        const all = ["champions", "loyal", "new", "potential_loyalist", "promising", "need_attention", "about_to_sleep", "at_risk", "cant_lose", "hibernating", "lost"]
        expect(await members(inCohort({ field: "rfm_segment", segments: all }))).toEqual(["anna.segments", "bita.segments"])
        expect(await members(inCohort({ field: "channel_mix", values: ["online"] }))).toEqual(["anna.segments", "bita.segments"])
        expect(await members(inCohort({ field: "r_score", min: 1, max: 5 }))).toEqual(["anna.segments", "bita.segments"])
        // Bita ordered twice, Anna once: Bita's frequency score is higher.
        const { data: scored } = await api.post(
          "/admin/loyalty/segments",
          { name: "Scored", conditions: inCohort({ field: "f_score", min: 1 }) },
          seeded.admin
        )
        const { data: page } = await api.get(`/admin/loyalty/segments/${scored.segment.id}/customers`, seeded.admin)
        const f = Object.fromEntries(page.customers.map((c: any) => [c.first_name, c.f_score]))
        expect(f["bita.segments"]).toBeGreaterThan(f["anna.segments"])
        expect(page.customers.every((c: any) => c.last_order_at && c.segment)).toBe(true)

        // All-time figures are the scores plus what came since: Cyrus's
        // first order, placed after the scoring, counts at once.
        const once = inCohort({ field: "orders", window_days: null, min: 1 })
        expect(await members(once)).toEqual(["anna.segments", "bita.segments"])
        const order = await settled(getContainer(), () =>
          checkout(api, seeded.cyrus.headers, seeded.regions[0].id, [seeded.variant("vacuum-cleaner")])
        )
        expect(await members(once)).toEqual(["anna.segments", "bita.segments", "cyrus.segments"])
        expect(await members(inCohort({ field: "orders", window_days: null, min: 2 }))).toEqual(["bita.segments"])
        expect(
          await members(inCohort({ field: "spend", window_days: null, currency_code: "irr", min: String(order.total), max: String(order.total) }))
        ).toEqual(["anna.segments", "cyrus.segments"])
        expect(await members(inCohort({ field: "days_since_last_order", max: 0 }))).toEqual([
          "anna.segments",
          "bita.segments",
          "cyrus.segments",
        ])
      })

      it("should save, list, read, update and delete a segment, and export its members as CSV", async () => {
        const { admin, anna, bita } = seeded
        const conditions = inCohort({ field: "sms_opted_in", value: true })
        const { data: created } = await api.post(
          "/admin/loyalty/segments",
          { name: "Reachable", description: "Has a phone, takes promotions", conditions },
          admin
        )
        expect(created.segment).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^lseg_/),
            name: "Reachable",
            description: "Has a phone, takes promotions",
            conditions: {
              match: "all",
              conditions: [
                { field: "customer_group", group_ids: [seeded.cohort] },
                { field: "sms_opted_in", value: true },
              ],
            },
            customer_count: 2,
            counted_at: expect.any(String),
          })
        )
        const id = created.segment.id
        await api.post("/admin/loyalty/segments", { name: "Other", conditions: inCohort() }, admin)
        const { data: list } = await api.get("/admin/loyalty/segments?q=reach&limit=10", admin)
        expect([list.count, list.limit, list.offset, list.segments.map((s: any) => s.name)]).toEqual([1, 10, 0, ["Reachable"]])

        const { data: read } = await api.get(`/admin/loyalty/segments/${id}`, admin)
        expect(read.segment.usage).toEqual({ campaigns: 0, rules: 0, batches: 0 })

        const { data: updated } = await api.post(
          `/admin/loyalty/segments/${id}`,
          { conditions: inCohort({ field: "orders", window_days: null, min: 2 }) },
          admin
        )
        expect([updated.segment.name, updated.segment.customer_count, updated.segment.conditions.conditions[1].field]).toEqual([
          "Reachable",
          1,
          "orders",
        ])
        await api.post(`/admin/loyalty/segments/${id}`, { conditions }, admin)

        const csv = await api.get(`/admin/loyalty/segments/${id}/export`, { ...admin, responseType: "arraybuffer" })
        expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
        const text = Buffer.from(csv.data).toString("utf8")
        expect(text.charCodeAt(0)).toBe(0xfeff)
        const lines = text.slice(1).trim().split("\n")
        expect(lines[0]).toBe("id,first_name,last_name,email,phone,segment,r,f,m,l,last_order_at")
        const rows = lines.slice(1).map((l) => l.split(","))
        expect(rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual(
          [anna, bita]
            .map((s) => [s.customer.id, s.customer.first_name, s.customer.email, s.customer.phone])
            .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        )

        const removed = await api.delete(`/admin/loyalty/segments/${id}`, admin)
        expect(removed.data).toEqual({ id, object: "segment", deleted: true })
        const gone = await failure(api.get(`/admin/loyalty/segments/${id}`, admin))
        expect([gone.status, gone.data.code, gone.data.message]).toEqual([
          404,
          "loyalty_segment_not_found",
          `Segment with id: ${id} was not found`,
        ])
      })

      it("should refuse bad conditions with a 400 naming the path", async () => {
        const { admin } = seeded
        const bad = {
          match: "all",
          conditions: [
            { field: "tier", tier_ids: ["none"] },
            { match: "any", conditions: [{ field: "spend", window_days: 30, currency_code: "irr", min: "1e5" }] },
          ],
        }
        for (const request of [
          api.post("/admin/loyalty/segments/count", { conditions: bad }, admin),
          api.post("/admin/loyalty/segments", { name: "Bad", conditions: bad }, admin),
        ]) {
          const res = await failure(request)
          expect(res.status).toBe(400)
          expect(res.data.code).toBe("loyalty_segment_invalid")
          expect(res.data.message).toMatch(/^conditions\[1\]\.conditions\[0\]\.min must be a number, got "1e5"/)
        }
        const deep = await failure(
          api.post("/admin/loyalty/segments/count", { conditions: { match: "all", conditions: [{ field: "r_score", min: 0 }] } }, admin)
        )
        expect([deep.status, deep.data.code, deep.data.message]).toEqual([
          400,
          "loyalty_segment_invalid",
          "conditions[0].min must be a whole number from 1 to 5, got 0",
        ])
        const missing = await failure(api.post("/admin/loyalty/segments/count", {}, admin))
        expect(missing.status).toBe(400)
        const page = await failure(api.get("/admin/loyalty/segments?limit=101", admin))
        expect(page.status).toBe(400)
        const unknown = await failure(api.get("/admin/loyalty/segments/lseg_missing/customers", admin))
        expect([unknown.status, unknown.data.code]).toEqual([404, "loyalty_segment_not_found"])
      })

      it("should offer the editor's choices", async () => {
        const { data } = await api.get("/admin/loyalty/segments/options", seeded.admin)
        expect(data.customer_groups).toEqual(
          expect.arrayContaining([
            { id: seeded.cohort, name: "Cohort" },
            { id: seeded.vip, name: "VIP" },
          ])
        )
        expect(data.rfm_segments[0]).toEqual({ key: "champions", names: { en: "Champions", fa: "قهرمانان" } })
        expect(data.rfm_segments).toHaveLength(11)
        expect(data.currencies).toEqual(expect.arrayContaining(["irr"]))
        expect(Array.isArray(data.tiers) && Array.isArray(data.locations) && Array.isArray(data.categories)).toBe(true)
      })

      it("should pay a segment's cashback rule to its members only, and refuse to delete the segment while the rule uses it", async () => {
        const { admin, anna, cyrus, regions, variant } = seeded
        const { data: seg } = await api.post(
          "/admin/loyalty/segments",
          { name: "VIP", conditions: { match: "all", conditions: [{ field: "customer_group", group_ids: [seeded.vip] }] } },
          admin
        )
        const unknown = await failure(
          api.post(
            "/admin/loyalty/cashback-rules",
            { name: "VIP 5%", type: "percent", value: 5, combination: "stack", segment_ids: ["lseg_missing"] },
            admin
          )
        )
        expect([unknown.status, unknown.data.code, unknown.data.message]).toEqual([
          400,
          "loyalty_segment_ids_invalid",
          "segment_ids has unknown ids: lseg_missing",
        ])
        const { data: rule } = await api.post(
          "/admin/loyalty/cashback-rules",
          { name: "VIP 5%", type: "percent", value: 5, combination: "stack", segment_ids: [seg.segment.id] },
          admin
        )
        expect(rule.cashback_rule.segment_ids).toEqual([seg.segment.id])

        const inUse = await failure(api.delete(`/admin/loyalty/segments/${seg.segment.id}`, admin))
        expect([inUse.status, inUse.data.code, inUse.data.message]).toEqual([
          400,
          "loyalty_segment_in_use",
          `Segment (${seg.segment.id}) is in use: 0 campaigns, 1 cashback rules, 0 code batches`,
        ])

        const cashback = async (who: typeof anna) => {
          await settled(getContainer(), () => checkout(api, who.headers, regions[0].id, [variant("vacuum-cleaner")]))
          const wallet = await waitFor(async () => (await api.get("/store/loyalty/wallets", who.headers)).data.wallets[0])
          const { data } = await api.get(`/store/loyalty/wallets/${wallet.id}/transactions`, who.headers)
          return data.transactions.map((t: any) => t.amount).sort()
        }
        // The demo's 1% on vacuum cleaners for both; the VIP's 5%
        // (9,250,000) for Cyrus only. Anna, on her second order, may earn her
        // tier's cashback too, never the VIP's.
        expect(await cashback(cyrus)).toEqual(["1850000", "9250000"])
        const annas = await cashback(anna)
        expect(annas.filter((a: string) => a === "1850000")).toHaveLength(2)
        expect(annas).not.toContain("9250000")

        await api.delete(`/admin/loyalty/cashback-rules/${rule.cashback_rule.id}`, admin)
        const removed = await api.delete(`/admin/loyalty/segments/${seg.segment.id}`, admin)
        expect(removed.data.deleted).toBe(true)
      })

      it("should refuse a segment's code to a shopper outside it and to a guest at the cart", async () => {
        const { admin, anna, cyrus, regions, variant, pk } = seeded
        const { data: seg } = await api.post(
          "/admin/loyalty/segments",
          { name: "VIP", conditions: { match: "all", conditions: [{ field: "customer_group", group_ids: [seeded.vip] }] } },
          admin
        )
        const unknown = await failure(
          api.post(
            "/admin/loyalty/code-batches",
            { name: "VIP codes", kind: "bulk", discount_type: "percentage", value: "10", quantity: 3, segment_ids: ["lseg_missing"] },
            admin
          )
        )
        expect([unknown.status, unknown.data.code]).toEqual([400, "loyalty_segment_ids_invalid"])
        const { data: created } = await api.post(
          "/admin/loyalty/code-batches",
          { name: "VIP codes", kind: "bulk", discount_type: "percentage", value: "10", quantity: 3, segment_ids: [seg.segment.id] },
          admin
        )
        const batch = await waitFor(async () => {
          const { data } = await api.get(`/admin/loyalty/code-batches/${created.code_batch.id}`, admin)
          return data.code_batch.status === "active" ? data.code_batch : undefined
        }, 60000)
        expect(batch.segment_ids).toEqual([seg.segment.id])
        const { data: codes } = await api.get(`/admin/loyalty/code-batches/${batch.id}/codes?limit=3`, admin)
        const [a, b, c] = codes.codes.map((x: any) => x.code)

        const apply = (cartId: string, h: any, code: string) =>
          api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [code] }, h).then(
            (res: any) => ({ status: res.status, data: res.data }),
            (err: any) => ({ status: err.response.status, data: err.response.data })
          )
        const annaCart = await prepareCart(api, anna.headers, regions[0].id, [variant("vacuum-cleaner")])
        const refused = await apply(annaCart, anna.headers, a)
        expect([refused.status, refused.data.code, refused.data.message]).toEqual([
          400,
          "loyalty_code_not_in_segment",
          `Code ${a} is for certain customers only, and this cart's customer is not one of them`,
        ])
        const guest = { headers: { "x-publishable-api-key": pk } }
        const guestCart = await prepareCart(api, guest, regions[0].id, [variant("vacuum-cleaner")])
        const asGuest = await apply(guestCart, guest, b)
        expect([asGuest.status, asGuest.data.code]).toEqual([400, "loyalty_code_not_in_segment"])

        const cyrusCart = await prepareCart(api, cyrus.headers, regions[0].id, [variant("vacuum-cleaner")])
        const applied = await apply(cyrusCart, cyrus.headers, c)
        expect(applied.status).toBe(200)
        expect(applied.data.cart.promotions.map((p: any) => p.code)).toEqual([c])
        expect(applied.data.cart.discount_total).toBe(18500000)

        const { data: read } = await api.get(`/admin/loyalty/segments/${seg.segment.id}`, admin)
        expect(read.segment.usage).toEqual({ campaigns: 0, rules: 0, batches: 1 })
      })
    })
  },
})
