import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import {
  evaluateTiersStep,
  evaluateTiersWorkflow,
  upgradeCustomerTierWorkflow,
} from "../../src/workflows"
import { jalaliYearBounds } from "../../src/utils/jalali"
import {
  adminHeaders,
  checkout,
  demoStore,
  failure,
  shopper,
  waitFor,
} from "../helpers"

jest.setTimeout(240000)

const DAY = 24 * 60 * 60 * 1000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("Tiers", () => {
      it("should refuse inconsistent tiers with a 400 naming the field", async () => {
        const container = getContainer()
        await demoStore(container)
        const admin = await adminHeaders(container, api)
        const { data } = await api.get("/admin/loyalty/tiers", admin)
        // The demo's Silver (150,000,000 IRR), Gold, Platinum, by rank.
        expect(data.tiers.map((t: any) => [t.name, t.rank, t.min_spend, t.min_orders])).toEqual([
          ["Silver", 1, "150000000", null],
          ["Gold", 2, "300000000", 2],
          ["Platinum", 3, "1000000000", 5],
        ])
        const gold = data.tiers[1]

        // Each refusal carries the code the admin translates.
        const cases: [Record<string, unknown>, string, string][] = [
          [{ name: "Bronze", rank: 0, currency_code: "irr", min_spend: -5 }, "min_spend must not be negative, got -5", "loyalty_min_spend_invalid"],
          [{ name: "Bronze", rank: 0, currency_code: "xyz", min_spend: 5 }, "currency_code (xyz) is not a known currency code", "loyalty_currency_unknown"],
          [{ name: "Bronze", rank: 0, currency_code: "usd", min_spend: 5 }, "currency_code of Bronze (rank 0) is USD, the other tiers count spend in IRR", "loyalty_tier_currency_mismatch"],
          [{ name: "Bronze", rank: 0, currency_code: "irr" }, "Tier Bronze: set min_spend or min_orders (above 0) to qualify for it", "loyalty_tier_threshold_required"],
          // Unordered: a lower rank that asks for more than Silver.
          [{ name: "Bronze", rank: 0, currency_code: "irr", min_spend: 200000000 }, "min_spend of Silver (rank 1) must be at least 200000000 IRR, the min_spend of Bronze (rank 0)", "loyalty_tier_min_spend_below_lower"],
          // Overlapping: the same thresholds as Gold.
          [{ name: "Gold+", rank: 4, currency_code: "irr", min_spend: 1000000000, min_orders: 5 }, "The thresholds of Gold+ (rank 4) overlap those of Platinum (rank 3): a higher tier must ask for more", "loyalty_tier_thresholds_overlap"],
          [{ name: "Diamond", rank: 3, currency_code: "irr", min_spend: 2000000000, min_orders: 9 }, "rank 3 is used by both", "loyalty_tier_rank_taken"],
          [{ name: "Diamond", rank: 4, currency_code: "irr", min_spend: 2000000000, qualification_window: "rolling" }, "window_days is required when qualification_window is rolling", "loyalty_window_days_required"],
          [{ name: "Diamond", rank: 4, currency_code: "irr", min_spend: 2000000000, qualification_window: "jalali_year", window_days: 30 }, "window_days is only used when qualification_window is rolling", "loyalty_window_days_not_used"],
          [{ name: "Diamond", rank: 4, currency_code: "irr", min_spend: 2000000000, cashback_rate: 150 }, "cashback_rate must be at most 100, got 150", "loyalty_cashback_rate_invalid"],
          [{ name: "Diamond", rank: 4, currency_code: "irr", min_spend: "1.5" }, "min_spend", "loyalty_min_spend_invalid"],
          [{ name: "Diamond", rank: 4, currency_code: "irr", min_spend: 2000000000, names: { fa: "ا".repeat(101) } }, "names.fa must be at most 100 characters, got 101", "loyalty_tier_names_invalid"],
          [{ name: "Diamond", rank: 4, currency_code: "irr", min_spend: 2000000000, names: { de: "Diamant" } }, "names has no language de (languages: fa, en)", "loyalty_tier_names_invalid"],
          [{ name: "Diamond", rank: 4, currency_code: "irr", min_spend: 2000000000, names: "الماس" }, "names must be an object", "loyalty_tier_names_invalid"],
        ]
        for (const [body, message, code] of cases) {
          const res = await failure(api.post("/admin/loyalty/tiers", body, admin))
          expect([res.status, res.data.message, res.data.code]).toEqual([400, expect.stringContaining(message), code])
        }
        // An update is checked against the others too.
        const res = await failure(api.post(`/admin/loyalty/tiers/${gold.id}`, { min_spend: "100000000" }, admin))
        expect([res.status, res.data.message, res.data.code]).toEqual([
          400,
          "min_spend of Gold (rank 2) must be at least 150000000 IRR, the min_spend of Silver (rank 1)",
          "loyalty_tier_min_spend_below_lower",
        ])
        const gone = await failure(api.post("/admin/loyalty/tiers/ltier_missing", { name: "X" }, admin))
        expect([gone.status, gone.data.code]).toEqual([404, "loyalty_tier_not_found"])
        // Nothing was written by the refused requests.
        const { data: after } = await api.get("/admin/loyalty/tiers", admin)
        expect(after.tiers.map((t: any) => [t.name, t.min_spend])).toEqual([
          ["Silver", "150000000"],
          ["Gold", "300000000"],
          ["Platinum", "1000000000"],
        ])
        // A consistent one is created and ranked; shopper names are trimmed
        // and an empty one is left out.
        const { data: created } = await api.post(
          "/admin/loyalty/tiers",
          {
            name: "Bronze",
            names: { fa: "  برنزی ", en: "  " },
            rank: 0,
            currency_code: "IRR",
            min_orders: 1,
            qualification_window: "jalali_year",
          },
          admin
        )
        expect(created.tier).toEqual(
          expect.objectContaining({
            name: "Bronze",
            names: { fa: "برنزی" },
            qualification_window: "jalali_year",
            window_days: null,
            currency_code: "irr",
            min_orders: 1,
            member_count: 0,
          })
        )
        // The demo's tiers carry their Persian and English names.
        expect(after.tiers.map((t: any) => t.names)).toEqual([
          { fa: "نقره\u200cای", en: "Silver" },
          { fa: "طلایی", en: "Gold" },
          { fa: "پلاتینی", en: "Platinum" },
        ])
        const { data: renamed } = await api.post(
          `/admin/loyalty/tiers/${created.tier.id}`,
          { names: { en: "Bronze member" } },
          admin
        )
        expect(renamed.tier.names).toEqual({ en: "Bronze member" })
        const { data: cleared } = await api.post(`/admin/loyalty/tiers/${created.tier.id}`, { names: null }, admin)
        expect([cleared.tier.name, cleared.tier.names]).toEqual(["Bronze", null])
      })

      it("should lift a shopper on the qualifying order, pay the tier's rate from the next order, keep history and move down after the window and the grace", async () => {
        const container = getContainer()
        const { pk, regions, variant } = await demoStore(container)
        const admin = await adminHeaders(container, api)
        const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
        const events: any[] = []
        const eventBus = container.resolve("event_bus") as any
        for (const name of ["loyalty.tier.upgraded", "loyalty.tier.downgraded"]) {
          eventBus.subscribe(name, async (e: any) => events.push([name, e.data]), {
            subscriberId: `tiers-test-${name}`,
          })
        }
        const { data: { tiers } } = await api.get("/admin/loyalty/tiers", admin)
        const [silver, gold] = tiers

        const buyer = await shopper(api, pk, { email: "tier@example.com" })
        const h = buyer.headers
        // The store names tiers in the shopper's language: English here, the
        // shop's default (Persian) without a locale.
        const en = { headers: { ...h.headers, "x-medusa-locale": "en" } }
        const customerId = buyer.customer.id
        const { data: before } = await api.get("/store/loyalty/tier", en)
        expect(before.customer_tier).toEqual(
          expect.objectContaining({
            tier: null,
            next_tier: expect.objectContaining({
              name: "Silver",
              spend_needed: "150000000",
              orders_needed: null,
              spend: "0",
            }),
          })
        )
        expect(new Date(before.customer_tier.next_tier.window_starts_at).getTime()).toBeLessThan(
          Date.now() - 364 * DAY
        )

        const tierOf = async (name: string | null) =>
          await waitFor(async () => {
            const { data } = await api.get("/store/loyalty/tier", en)
            return (data.customer_tier.tier?.name ?? null) === name ? data.customer_tier : undefined
          })
        // Each rule's cashback is its own credit: wait for all of them.
        const cashbackOf = async (orderId: string, rules: number) =>
          await waitFor(async () => {
            const { data } = await api.get(`/admin/loyalty/orders/${orderId}/cashback`, admin)
            return data.cashback.length === rules
              ? data.cashback.map((c: any) => [c.rule.name, c.amount]).sort()
              : undefined
          })

        // Order 1: 185,500,000 IRR (vacuum cleaner + shipping) passes
        // Silver's 150,000,000. It earns as a non-member: 1% of 185,000,000.
        const first = await checkout(api, h, regions[0].id, [variant("vacuum-cleaner")])
        const afterFirst = await tierOf("Silver")
        expect(afterFirst.next_tier).toEqual(
          expect.objectContaining({
            name: "Gold",
            spend: "185500000",
            orders: 1,
            spend_needed: "114500000",
            orders_needed: 1,
          })
        )
        const { data: persian } = await api.get("/store/loyalty/tier", h)
        expect([persian.customer_tier.tier.name, persian.customer_tier.next_tier.name]).toEqual(["نقره\u200cای", "طلایی"])
        const { data: asked } = await api.get("/store/loyalty/tier?locale=fa-IR", en)
        expect(asked.customer_tier.tier).toEqual({ id: silver.id, name: "نقره\u200cای", rank: 1, cashback_rate: "3", cashback_multiplier: null })
        const firstCashback = await cashbackOf(first.id, 1)
        expect(firstCashback).toEqual([
          ["1% on vacuum cleaners", "1850000"],
        ])

        // Order 2 earns Silver's 3% on top (5,550,000) and lifts to Gold.
        const second = await checkout(api, h, regions[0].id, [variant("vacuum-cleaner")])
        await tierOf("Gold")
        const secondCashback = await cashbackOf(second.id, 2)
        expect(secondCashback).toEqual([
          ["1% on vacuum cleaners", "1850000"],
          ["Club members: their tier's rate on top", "5550000"],
        ])
        // Order 3 earns Gold's 5% (9,250,000).
        const third = await checkout(api, h, regions[0].id, [variant("vacuum-cleaner")])
        const thirdCashback = await cashbackOf(third.id, 2)
        expect(thirdCashback).toEqual([
          ["1% on vacuum cleaners", "1850000"],
          ["Club members: their tier's rate on top", "9250000"],
        ])
        // (The first order's award finished long ago: still its one rule.)
        expect(await cashbackOf(first.id, 1)).toEqual([["1% on vacuum cleaners", "1850000"]])
        await waitFor(async () => (events.length >= 2 ? true : undefined))

        // A repeated order.placed moves nobody again.
        await upgradeCustomerTierWorkflow(container).run({ input: { order_id: second.id } })
        const { data: view } = await api.get(`/admin/loyalty/customers/${customerId}/tier`, admin)
        expect(
          view.customer_tier.history.map((e: any) => [e.from_tier_name, e.to_tier_name, e.reason, e.order_id])
        ).toEqual([
          ["Silver", "Gold", "order", second.id],
          [null, "Silver", "order", first.id],
        ])
        // The admin reads the shop's name, with the shopper names beside it.
        expect(view.customer_tier.tier).toEqual(
          expect.objectContaining({ name: "Gold", names: { fa: "طلایی", en: "Gold" } })
        )
        expect(view.customer_tier.pinned).toBe(false)
        expect(events.filter(([, d]) => d.customer_id === customerId)).toEqual([
          ["loyalty.tier.upgraded", expect.objectContaining({ from_tier_id: null, to_tier_id: silver.id, reason: "order", order_id: first.id })],
          ["loyalty.tier.upgraded", expect.objectContaining({ from_tier_id: silver.id, to_tier_id: gold.id, reason: "order", order_id: second.id })],
        ])
        const { data: counted } = await api.get("/admin/loyalty/tiers", admin)
        const members = Object.fromEntries(counted.tiers.map((t: any) => [t.name, t.member_count]))
        // The shopper in Gold; the demo's Sara in Silver and Reza pinned to Gold.
        expect(members).toEqual({ Silver: 1, Gold: 2, Platinum: 0 })

        // A year and more later the orders have left the window. The first
        // evaluation starts the grace period (10 days), two evaluations at
        // once at its end move the shopper down once, to no tier.
        await api.post("/admin/loyalty/settings", { tier_grace_days: 10 }, admin)
        const later = new Date(Date.now() + 400 * DAY)
        const graced = await evaluateTiersWorkflow(container).run({ input: { now: later } })
        // The shopper and the demo's Sara (Silver) are below their tiers and
        // in their grace; Reza is pinned.
        expect(graced.result.in_grace).toBe(2)
        expect((await service.listCustomerTierStates([customerId]))[0]).toEqual(
          expect.objectContaining({ tier_id: gold.id, below_since: later })
        )
        const still = await evaluateTiersWorkflow(container).run({ input: { now: new Date(later.getTime() + 9 * DAY) } })
        expect([still.result.in_grace, still.result.grace_marks, still.result.changes.length]).toEqual([2, 0, 0])
        expect((await service.listCustomerTierStates([customerId]))[0].tier_id).toBe(gold.id)
        const end = new Date(later.getTime() + 10 * DAY)
        const runs = await Promise.all([
          evaluateTiersWorkflow(container).run({ input: { now: end, customer_ids: [customerId] } }),
          evaluateTiersWorkflow(container).run({ input: { now: end, customer_ids: [customerId] } }),
        ])
        expect(runs.map((r) => r.result.changes.length).sort()).toEqual([0, 1])
        const [state] = await service.listCustomerTierStates([customerId])
        expect(state).toEqual(expect.objectContaining({ tier_id: null, below_since: null }))
        const history = await service.listTierHistories({ customer_id: customerId }, { order: { created_at: "ASC" } })
        expect(history.map((e) => [e.from_tier_id, e.to_tier_id, e.reason])).toEqual([
          [null, silver.id, "order"],
          [silver.id, gold.id, "order"],
          [gold.id, null, "evaluation"],
        ])
        await waitFor(async () =>
          events.some(([name, d]) => name === "loyalty.tier.downgraded" && d.customer_id === customerId)
            ? true
            : undefined
        )
      })

      it("should keep a pinned customer where the admin put them until unpinned", async () => {
        const container = getContainer()
        const { pk } = await demoStore(container)
        const admin = await adminHeaders(container, api)
        const { data: { tiers } } = await api.get("/admin/loyalty/tiers", admin)
        const [silver, gold] = tiers
        const buyer = await shopper(api, pk, { email: "pinned@example.com" })
        const id = buyer.customer.id

        const refused = [
          [{ pinned: true }, "tier_id", "loyalty_invalid_request"],
          [{ pinned: true, tier_id: "ltier_nope" }, "tier_id (ltier_nope) is not a tier of this shop", "loyalty_tier_id_invalid"],
          [{ pinned: "yes", tier_id: gold.id }, "pinned", "loyalty_invalid_request"],
        ] as const
        for (const [body, message, code] of refused) {
          const res = await failure(api.post(`/admin/loyalty/customers/${id}/tier`, body, admin))
          expect([res.status, res.data.message, res.data.code]).toEqual([400, expect.stringContaining(message), code])
        }
        const missing = await failure(
          api.post("/admin/loyalty/customers/cus_nope/tier", { pinned: true, tier_id: gold.id }, admin)
        )
        expect([missing.status, missing.data.code]).toEqual([404, "loyalty_customer_not_found"])

        const { data: pinned } = await api.post(
          `/admin/loyalty/customers/${id}/tier`,
          { pinned: true, tier_id: gold.id, note: "Opening-day customer" },
          admin
        )
        expect(pinned.customer_tier).toEqual(
          expect.objectContaining({ pinned: true, pin_note: "Opening-day customer", tier: expect.objectContaining({ name: "Gold" }) })
        )
        // The evaluation (no orders at all) leaves the pinned customer alone,
        // even long after any grace.
        const container_ = getContainer()
        await evaluateTiersWorkflow(container_).run({ input: { now: new Date(Date.now() + 500 * DAY) } })
        await evaluateTiersWorkflow(container_).run({ input: { now: new Date(Date.now() + 900 * DAY) } })
        const { data: still } = await api.get("/store/loyalty/tier", buyer.headers)
        expect(still.customer_tier).toEqual(
          expect.objectContaining({ pinned: true, tier: expect.objectContaining({ name: "طلایی" }) })
        )
        expect(still.customer_tier.pin_note).toBeUndefined()
        const english = { headers: { ...buyer.headers.headers, "x-medusa-locale": "en" } }
        const { data: stillEn } = await api.get("/store/loyalty/tier", english)
        expect(stillEn.customer_tier.tier.name).toBe("Gold")
        expect(stillEn.customer_tier.tier).not.toHaveProperty("names")
        // The club card too: the shopper's language in the store, the
        // shop's name with the shopper names in the admin.
        const { data: card } = await api.get("/store/loyalty/me", buyer.headers)
        expect(card.club_card.tier).toEqual({ id: gold.id, name: "طلایی" })
        const { data: cardEn } = await api.get("/store/loyalty/me", english)
        expect(cardEn.club_card.tier).toEqual({ id: gold.id, name: "Gold" })
        const { data: adminCard } = await api.get(`/admin/loyalty/customers/${id}/club-card`, admin)
        expect(adminCard.club_card.tier).toEqual({ id: gold.id, name: "Gold", names: { fa: "طلایی", en: "Gold" } })

        // Pin to another tier, then unpin: no orders, so no tier.
        await api.post(`/admin/loyalty/customers/${id}/tier`, { pinned: true, tier_id: silver.id, note: "Agreed with the owner" }, admin)
        const { data: unpinned } = await api.post(`/admin/loyalty/customers/${id}/tier`, { pinned: false, note: "Agreement ended" }, admin)
        expect(unpinned.customer_tier).toEqual(expect.objectContaining({ pinned: false, tier: null }))
        // Unpinning again changes nothing.
        await api.post(`/admin/loyalty/customers/${id}/tier`, { pinned: false }, admin)
        expect(
          unpinned.customer_tier.history.map((e: any) => [e.from_tier_name, e.to_tier_name, e.reason, e.note])
        ).toEqual([
          ["Silver", null, "unpin", "Agreement ended"],
          ["Gold", "Silver", "pin", "Agreed with the owner"],
          [null, "Gold", "pin", "Opening-day customer"],
        ])
        const { data: again } = await api.get(`/admin/loyalty/customers/${id}/tier`, admin)
        expect(again.customer_tier.history).toHaveLength(3)
        const guest = await failure(api.get("/store/loyalty/tier", { headers: { "x-publishable-api-key": pk } }))
        expect(guest.status).toBe(401)
      })

      it("should count a jalali_year tier's orders from Nowruz in the shop's time zone", async () => {
        const container = getContainer()
        const { pk, regions, variant } = await demoStore(container)
        const admin = await adminHeaders(container, api)
        const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
        const { data: { tiers } } = await api.get("/admin/loyalty/tiers", admin)
        const silver = tiers[0]
        const { data: yearly } = await api.post(
          `/admin/loyalty/tiers/${silver.id}`,
          { qualification_window: "jalali_year", window_days: null },
          admin
        )
        expect([yearly.tier.qualification_window, yearly.tier.window_days]).toEqual(["jalali_year", null])
        await api.post("/admin/loyalty/settings", { tier_grace_days: 0 }, admin)

        // Two shoppers, each made Silver by one order (185,500,000 IRR);
        // then one order is dated a minute before this year's Nowruz
        // (00:00 in Tehran, the shop's default time zone), the other a
        // minute after it.
        const now = new Date()
        const { start, end } = jalaliYearBounds(now, "Asia/Tehran")
        const buyers = []
        for (const [email, at] of [
          ["before-nowruz@example.com", new Date(start.getTime() - 60000)],
          ["after-nowruz@example.com", new Date(start.getTime() + 60000)],
        ] as const) {
          const buyer = await shopper(api, pk, { email })
          const order = await checkout(api, buyer.headers, regions[0].id, [variant("vacuum-cleaner")])
          await waitFor(async () => {
            const [state] = await service.listCustomerTierStates([buyer.customer.id])
            return state?.tier_id === silver.id ? state : undefined
          })
          const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
          await pg.raw(`UPDATE "order" SET created_at = ? WHERE id = ?`, [at.toISOString(), order.id])
          buyers.push(buyer)
        }
        const [early, late] = buyers

        // The store shows the window from Nowruz to the next one; only the
        // order after Nowruz counts.
        const progress = async (b: (typeof buyers)[number]) =>
          (await api.get("/store/loyalty/tier", { headers: { ...b.headers.headers, "x-medusa-locale": "en" } })).data
            .customer_tier.current
        expect(await progress(early)).toEqual(
          expect.objectContaining({
            window_starts_at: start.toISOString(),
            window_ends_at: end.toISOString(),
            spend: "0",
            orders: 0,
            spend_needed: "150000000",
          })
        )
        expect(await progress(late)).toEqual(
          expect.objectContaining({ window_starts_at: start.toISOString(), spend: "185500000", orders: 1, spend_needed: "0" })
        )

        // The evaluation (no grace) moves down the shopper whose order came
        // before Nowruz and keeps the other in Silver.
        const { result } = await evaluateTiersWorkflow(container).run({
          input: { now, customer_ids: [early.customer.id, late.customer.id] },
        })
        expect(result.changes.map((c: any) => [c.customer_id, c.to_tier_id])).toEqual([[early.customer.id, null]])
        const states = await service.listCustomerTierStates([early.customer.id, late.customer.id])
        expect(Object.fromEntries(states.map((st) => [st.customer_id, st.tier_id]))).toEqual({
          [early.customer.id]: null,
          [late.customer.id]: silver.id,
        })
      })

      it("should put moved customers back when a later step fails, and move a deleted tier's members at once", async () => {
        const container = getContainer()
        await demoStore(container)
        const admin = await adminHeaders(container, api)
        const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
        const { data: { tiers } } = await api.get("/admin/loyalty/tiers", admin)
        const [silver, gold] = tiers
        // Sara (demo order of 605,000,000 IRR) is Silver; drop her tier so
        // the evaluation has a move to make.
        const [sara] = (await service.listCustomerTierStates()).filter((s) => s.tier_id === silver.id)
        await service.changeCustomerTiers([
          { customer_id: sara.customer_id, from_tier_id: silver.id, to_tier_id: null, reason: "pin", pinned: false },
        ])
        const evaluationRows = async () =>
          (await service.listTierHistories({ customer_id: sara.customer_id, reason: "evaluation" })).length
        const rowsBefore = await evaluationRows()
        const failing = createWorkflow("tiers-test-failing-evaluation", () => {
          const result = evaluateTiersStep({ mode: "evaluation" })
          createStep("tiers-test-boom", async () => {
            throw new Error("injected failure")
          })()
          return new WorkflowResponse(result)
        })
        const { errors } = await failing(container).run({ throwOnError: false })
        expect(errors[0].error.message).toBe("injected failure")
        const [undone] = await service.listCustomerTierStates([sara.customer_id])
        expect(undone.tier_id).toBeNull()
        // The history row of the undone move is struck out.
        expect(await evaluationRows()).toBe(rowsBefore)

        await evaluateTiersWorkflow(container).run({ input: {} })
        expect((await service.listCustomerTierStates([sara.customer_id]))[0].tier_id).toBe(silver.id)

        // Deleting Silver moves Sara at once to what her orders give: none.
        const { data: deleted } = await api.delete(`/admin/loyalty/tiers/${silver.id}`, admin)
        expect(deleted).toEqual({ id: silver.id, object: "tier", deleted: true, moved_customers: 1 })
        expect((await service.listCustomerTierStates([sara.customer_id]))[0].tier_id).toBeNull()
        const { data: view } = await api.get(`/admin/loyalty/customers/${sara.customer_id}/tier`, admin)
        expect(view.customer_tier.history[0]).toEqual(
          expect.objectContaining({ from_tier_name: "Silver", to_tier_name: null, reason: "tier_deleted" })
        )
        // Gold still needs two orders: she does not qualify.
        expect(view.customer_tier.next_tier).toEqual(
          expect.objectContaining({ id: gold.id, orders_needed: 1, spend_needed: "0" })
        )
      })
    })
  },
})
