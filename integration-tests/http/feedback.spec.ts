import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { fetchShopperLedgerPage } from "../../src/api/utils/shopper-ledger"
import { submitFeedbackWorkflow } from "../../src/workflows/feedback"
import { checkout, failure, shopper, tillStore } from "../helpers"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)
    const till = (key: string) => ({ headers: { "x-pos-key": key } })
    const feed = async () =>
      (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })).filter(
        (n: any) => n.template === "admin-ui" && n.data?.feedback_id
      )
    const apologies = async (customerId: string) => {
      const pg: any = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows } = await pg.raw(
        `SELECT t.amount::text AS amount, t.reference_id FROM loyalty_wallet_transaction t
         JOIN loyalty_wallet w ON w.id = t.wallet_id
         WHERE w.customer_id = ? AND t.reference = 'feedback_apology'`,
        [customerId]
      )
      return rows
    }

    const setup = async () => {
      const store = await tillStore(getContainer(), api)
      const { admin } = store
      const { data: shiraz } = await api.post(
        "/admin/loyalty/pos-keys",
        { name: "Till 2", location: "Shiraz", scopes: ["earn"] },
        admin
      )
      return { ...store, shirazKey: shiraz.pos_key.key as string }
    }
    const buyAtTill = async (key: string, phone: string, receipt_id: string) => {
      const { data } = await api.post(
        "/pos/loyalty/purchases",
        { phone, amount: "1000000", currency_code: "irr", receipt_id },
        till(key)
      )
      return { order_id: data.purchase.order_id as string, customer_id: data.member.customer_id as string }
    }

    describe("Feedback", () => {
      it("should record a shopper's answer about their own order, edit it, and refuse bad input by name", async () => {
        const { pk, regions, variant, admin } = await setup()
        const sara = await shopper(api, pk, { email: "sara@example.com" })
        const order = await checkout(api, sara.headers, regions[0].id, [variant("vacuum-cleaner")])
        const url = `/store/loyalty/orders/${order.id}/feedback`

        expect((await api.get(url, sara.headers)).data).toEqual({ feedback: null })
        const { data: first } = await api.post(url, { rating: 4, comment: "  Fast delivery  " }, sara.headers)
        expect(first.feedback).toEqual({ order_id: order.id, rating: 4, comment: "Fast delivery", answered_at: expect.any(String) })
        const { data: second } = await api.post(url, { rating: "5" }, sara.headers)
        expect([second.feedback.rating, second.feedback.comment]).toEqual([5, null])
        expect(new Date(second.feedback.answered_at) >= new Date(first.feedback.answered_at)).toBe(true)
        expect((await api.get(url, sara.headers)).data.feedback.rating).toBe(5)
        const rows = await service().listFeedbacks({ order_id: order.id })
        expect(rows.map((r) => [r.rating, r.channel, r.location, r.customer_id])).toEqual([[5, "online", null, sara.customer.id]])

        const bad = async (body: any) => {
          const res = await failure(api.post(url, body, sara.headers))
          return [res.status, res.data.code, res.data.message]
        }
        expect(await bad({ rating: 6 })).toEqual([400, "loyalty_rating_invalid", "rating must be a whole number from 1 to 5, got 6"])
        expect(await bad({ rating: 2.5 })).toEqual([400, "loyalty_rating_invalid", "rating must be a whole number from 1 to 5, got 2.5"])
        expect(await bad({ rating: "x" })).toEqual([400, "loyalty_rating_invalid", 'rating must be a whole number from 1 to 5, got "x"'])
        expect(await bad({ rating: 3, comment: "y".repeat(1001) })).toEqual([
          400,
          "loyalty_comment_too_long",
          "comment must be at most 1000 characters, got 1001",
        ])
        const missing = await bad({ comment: "no rating" })
        expect(missing.slice(0, 2)).toEqual([400, "loyalty_invalid_request"])
        expect(missing[2]).toContain("rating")
        // 1,000 characters (an emoji is one) are fine.
        const { data: full } = await api.post(url, { rating: 3, comment: "🙂".repeat(1000) }, sara.headers)
        expect(Array.from(full.feedback.comment)).toHaveLength(1000)

        // Another shopper's order, or none, is a 404; a guest is a 401.
        const omid = await shopper(api, pk, { email: "omid@example.com" })
        for (const res of [
          await failure(api.post(url, { rating: 1 }, omid.headers)),
          await failure(api.get(url, omid.headers)),
          await failure(api.post(`/store/loyalty/orders/order_missing/feedback`, { rating: 1 }, omid.headers)),
        ]) {
          expect([res.status, res.data.code]).toEqual([404, "loyalty_order_not_found"])
        }
        expect((await failure(api.post(url, { rating: 1 }, { headers: { "x-publishable-api-key": pk } }))).status).toBe(401)
        expect((await service().listFeedbacks({ order_id: order.id }))[0].rating).toBe(3)

        // A canceled order takes no answer, and its earlier one stays as it was.
        await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
        const canceled = await failure(api.post(url, { rating: 1 }, sara.headers))
        expect([canceled.status, canceled.data.code]).toEqual([400, "loyalty_order_canceled"])
        expect(canceled.data.message).toBe(`Order (${order.id}) was canceled and can no longer be rated`)
        expect((await service().listFeedbacks({ order_id: order.id }))[0].rating).toBe(3)
      })

      it("should notify once and give the apology once for a low rating, even sent twice at once", async () => {
        const { key, admin } = await setup()
        await api.post("/admin/loyalty/settings", { feedback_apology_credit: { irr: "100000" } }, admin)
        const { order_id, customer_id } = await buyAtTill(key, "09121240001", "f-1")
        const [wallet] = await service().listWallets({ customer_id })
        const before = (await service().getBalances([wallet.id]))[wallet.id].available

        const answer = (rating: number, comment?: string) =>
          submitFeedbackWorkflow(getContainer()).run({ input: { order_id, customer_id, rating, comment } })
        await Promise.all([answer(1, "Rude cashier"), answer(1, "Rude cashier")])
        expect(await apologies(customer_id)).toEqual([{ amount: "100000", reference_id: order_id }])
        const after = (await service().getBalances([wallet.id]))[wallet.id].available
        expect(BigInt(after) - BigInt(before)).toBe(100000n)
        const notices = await feed()
        expect(notices).toHaveLength(1)
        expect(notices[0].data).toEqual(
          expect.objectContaining({
            title: expect.stringMatching(/^امتیاز پایین: ۱ از ۵ برای سفارش [۰-۹]+$/),
            description: expect.stringContaining("(Tehran, Valiasr) «Rude cashier». هدیهٔ عذرخواهی: ۱۰٬۰۰۰ تومان"),
            order_id,
            rating: 1,
          })
        )
        // Raised, lowered again: the gift stays, nothing new is sent or given.
        await answer(5)
        await answer(2)
        expect(await feed()).toHaveLength(1)
        expect(await apologies(customer_id)).toHaveLength(1)
        const [row] = await service().listFeedbacks({ order_id })
        expect(row.gift_transaction_id).toEqual(expect.stringMatching(/^lwtx_/))

        // The shopper's ledger names the gift for what it is, with its order.
        const [{ display_id }] = (
          await getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({
            entity: "order",
            fields: ["display_id"],
            filters: { id: order_id },
          })
        ).data as any[]
        const gift = async (locale: "en" | "fa") =>
          (await fetchShopperLedgerPage(getContainer(), wallet.id, { skip: 0, take: 20 }, customer_id, locale)).transactions
            .filter((t: any) => t.id === row.gift_transaction_id)
            .map((t: any) => [t.kind, t.amount, t.description])
        expect(await gift("en")).toEqual([["feedback_gift", "100000", `A gift for your feedback on order #${display_id}`]])
        const persianNumber = String(display_id).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)])
        expect(await gift("fa")).toEqual([["feedback_gift", "100000", `هدیه به پاس نظر شما دربارهٔ سفارش #${persianNumber}`]])

        // An apology credit the shop cannot take is refused by its own name.
        for (const credit of [{ irr: "-5" }, { irr: "abc" }, { xyz: "5" }, { usd: "1.234" }]) {
          const refused = await failure(api.post("/admin/loyalty/settings", { feedback_apology_credit: credit }, admin))
          expect([refused.status, refused.data.code]).toEqual([400, "loyalty_feedback_apology_credit_invalid"])
          expect(refused.data.message).toContain("feedback_apology_credit")
        }

        // High first, low later: notified then (English shop, no credit in USD).
        await api.post("/admin/loyalty/settings", { default_locale: "en", feedback_apology_credit: { usd: "5" } }, admin)
        const other = await buyAtTill(key, "09121240002", "f-2")
        await submitFeedbackWorkflow(getContainer()).run({ input: { order_id: other.order_id, rating: 4 } })
        expect(await feed()).toHaveLength(1)
        await submitFeedbackWorkflow(getContainer()).run({ input: { order_id: other.order_id, rating: 2 } })
        const later = (await feed()).find((n: any) => n.data.order_id === other.order_id)
        expect(later?.data.title).toMatch(/^Low rating: 2\/5 for order #\d+$/)
        expect(later?.data.description).not.toContain("Apology")
        expect(await apologies(other.customer_id)).toEqual([])
      })

      it("should list, filter and count answers for the admin, by week and month in the shop's time zone", async () => {
        const { key, shirazKey, admin, pk, regions, variant } = await setup()
        const a = await buyAtTill(key, "09121250001", "s-1")
        const b = await buyAtTill(key, "09121250002", "s-2")
        const c = await buyAtTill(shirazKey, "09121250003", "s-3")
        const online = await shopper(api, pk, { email: "rater@example.com" })
        const order = await checkout(api, online.headers, regions[0].id, [variant("vacuum-cleaner")])
        const answers: [string, number, string][] = [
          [a.order_id, 5, "2026-01-03T21:00:00Z"], // Sunday 4 January, 00:30 in Tehran
          [b.order_id, 1, "2026-01-04T19:00:00Z"], // Sunday 4 January, 22:30 in Tehran
          [c.order_id, 3, "2026-01-04T21:00:00Z"], // Monday 5 January, 00:30 in Tehran
          [order.id, 5, "2026-02-10T08:00:00Z"],
        ]
        for (const [order_id, rating] of answers) {
          await submitFeedbackWorkflow(getContainer()).run({ input: { order_id, rating, comment: `r${rating}` } })
        }
        const pg: any = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        for (const [order_id, , at] of answers) {
          await pg.raw(`UPDATE loyalty_feedback SET answered_at = ? WHERE order_id = ?`, [at, order_id])
        }

        // The answers of these weeks only (the demo data has its own, today).
        const period = "from=2025-12-01T00:00:00Z&to=2026-03-01T00:00:00Z"
        const { data: all } = await api.get(`/admin/loyalty/feedback?${period}`, admin)
        expect([all.count, all.limit, all.offset]).toEqual([4, 20, 0])
        expect(all.feedback.map((f: any) => [f.order_id, f.rating, f.channel, f.location])).toEqual([
          [order.id, 5, "online", null],
          [c.order_id, 3, "till", "Shiraz"],
          [b.order_id, 1, "till", "Tehran, Valiasr"],
          [a.order_id, 5, "till", "Tehran, Valiasr"],
        ])
        expect(all.feedback[2]).toEqual({
          id: expect.stringMatching(/^lfb_/),
          order_id: b.order_id,
          order_display_id: expect.any(Number),
          customer: { id: b.customer_id, first_name: null, last_name: null, phone: "+989121250002" },
          channel: "till",
          location: "Tehran, Valiasr",
          rating: 1,
          comment: "r1",
          answered_at: "2026-01-04T19:00:00.000Z",
          gift: null,
        })
        const ids = async (query: string) =>
          (await api.get(`/admin/loyalty/feedback?${period}&${query}`, admin)).data.feedback.map((f: any) => f.order_id)
        expect(await ids("rating=1,3")).toEqual([c.order_id, b.order_id])
        expect(await ids("channel=online")).toEqual([order.id])
        expect(await ids("location=Shiraz")).toEqual([c.order_id])
        const day = "from=2026-01-04T00:00:00Z&to=2026-01-04T20:00:00Z"
        expect((await api.get(`/admin/loyalty/feedback?${day}`, admin)).data.feedback.map((f: any) => f.order_id)).toEqual([b.order_id])
        expect(await ids("limit=1&offset=1")).toEqual([c.order_id])

        for (const [query, field] of [
          ["limit=201", "limit"],
          ["rating=6", "rating"],
          ["channel=phone", "channel"],
          ["from=yesterday", "from"],
        ]) {
          const res = await failure(api.get(`/admin/loyalty/feedback?${query}`, admin))
          expect([res.status, res.data.code]).toEqual([400, "loyalty_invalid_request"])
          expect(res.data.message).toContain(field)
        }

        const { data: weeks } = await api.get(`/admin/loyalty/feedback/stats?interval=week&calendar=gregorian&${period}`, admin)
        expect([weeks.interval, weeks.calendar, weeks.time_zone]).toEqual(["week", "gregorian", "Asia/Tehran"])
        expect(weeks.summary).toEqual({
          count: 4,
          average: 3.5,
          promoters_share: 50,
          detractors_share: 50,
          low_count: 1,
          score: 0,
        })
        expect(weeks.series).toEqual([
          // Monday 29 December 2025, 00:00 in Tehran
          { period_start: "2025-12-28T20:30:00.000Z", period_end: "2026-01-04T20:30:00.000Z", count: 2, average: 3, promoters_share: 50, detractors_share: 50, score: 0 },
          { period_start: "2026-01-04T20:30:00.000Z", period_end: "2026-01-11T20:30:00.000Z", count: 1, average: 3, promoters_share: 0, detractors_share: 100, score: -100 },
          { period_start: "2026-02-08T20:30:00.000Z", period_end: "2026-02-15T20:30:00.000Z", count: 1, average: 5, promoters_share: 100, detractors_share: 0, score: 100 },
        ])
        const { data: months } = await api.get(`/admin/loyalty/feedback/stats?interval=month&calendar=gregorian&channel=till&${period}`, admin)
        expect(months.summary).toEqual({
          count: 3,
          average: 3,
          promoters_share: 33.3,
          detractors_share: 66.7,
          low_count: 1,
          score: -33.3,
        })
        expect(months.series).toEqual([
          { period_start: "2025-12-31T20:30:00.000Z", period_end: "2026-01-31T20:30:00.000Z", count: 3, average: 3, promoters_share: 33.3, detractors_share: 66.7, score: -33.3 },
        ])
        for (const [query, field] of [
          ["interval=day", "interval"],
          ["calendar=julian", "calendar"],
        ]) {
          const bad = await failure(api.get(`/admin/loyalty/feedback/stats?${query}`, admin))
          expect([bad.status, bad.data.code, bad.data.message.includes(field)]).toEqual([400, "loyalty_invalid_request", true])
        }

        const { data: card } = await api.get(`/admin/loyalty/customers/${b.customer_id}/feedback`, admin)
        expect(card.summary).toEqual({ count: 1, average: 1 })
        expect(card.feedback.map((f: any) => [f.order_id, f.rating])).toEqual([[b.order_id, 1]])
        expect((await api.get(`/admin/loyalty/customers/cus_none/feedback`, admin)).data).toEqual({
          feedback: [],
          summary: { count: 0, average: null },
        })
      })

      it("should count Jalali months and weeks from Saturday for a Persian shop, Gregorian ones when asked", async () => {
        const { key, admin } = await setup()
        const a = await buyAtTill(key, "09121260001", "j-1")
        const b = await buyAtTill(key, "09121260002", "j-2")
        const c = await buyAtTill(key, "09121260003", "j-3")
        const answers: [string, number, string][] = [
          [c.order_id, 4, "2026-11-20T19:00:00Z"], // Friday 29 Aban 1405 (20 November), 22:30 in Tehran
          [a.order_id, 5, "2026-11-21T20:00:00Z"], // Saturday 30 Aban 1405 (21 November), 23:30 in Tehran
          [b.order_id, 1, "2026-11-21T21:00:00Z"], // Sunday 1 Azar 1405 (22 November), 00:30 in Tehran
        ]
        const pg: any = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        for (const [order_id, rating, at] of answers) {
          await submitFeedbackWorkflow(getContainer()).run({ input: { order_id, rating } })
          await pg.raw(`UPDATE loyalty_feedback SET answered_at = ? WHERE order_id = ?`, [at, order_id])
        }
        // These days only (the demo's own answer is from the day it was seeded).
        const period = "from=2026-11-01T00:00:00Z&to=2026-11-25T00:00:00Z"
        const stats = async (query: string) =>
          (await api.get(`/admin/loyalty/feedback/stats?${period}&${query}`, admin)).data

        // The shop speaks Persian: Jalali months unless asked otherwise.
        const aban = {
          period_start: "2026-10-22T20:30:00.000Z", // 1 Aban 1405, 00:00 in Tehran
          period_end: "2026-11-21T20:30:00.000Z", // 1 Azar 1405
          count: 2,
          average: 4.5,
          promoters_share: 50,
          detractors_share: 0,
          score: 50,
        }
        const azar = {
          period_start: "2026-11-21T20:30:00.000Z",
          period_end: "2026-12-21T20:30:00.000Z", // 1 Dey 1405
          count: 1,
          average: 1,
          promoters_share: 0,
          detractors_share: 100,
          score: -100,
        }
        const months = await stats("interval=month")
        expect([months.calendar, months.series]).toEqual(["persian", [aban, azar]])
        expect((await stats("interval=month&calendar=persian")).series).toEqual([aban, azar])
        expect(months.summary).toEqual(expect.objectContaining({ count: 3, average: 3.33 }))

        // Persian weeks run Saturday to Friday: Friday's answer is the week before.
        const weeks = await stats("interval=week")
        expect([weeks.calendar, weeks.series]).toEqual([
          "persian",
          [
            // Saturday 23 Aban (14 November), 00:00 in Tehran
            { period_start: "2026-11-13T20:30:00.000Z", period_end: "2026-11-20T20:30:00.000Z", count: 1, average: 4, promoters_share: 0, detractors_share: 0, score: 0 },
            // Saturday 30 Aban (21 November)
            { period_start: "2026-11-20T20:30:00.000Z", period_end: "2026-11-27T20:30:00.000Z", count: 2, average: 3, promoters_share: 50, detractors_share: 50, score: 0 },
          ],
        ])

        // Gregorian: all three in November and in the week from Monday 16 November.
        const gregorian = { count: 3, average: 3.33, promoters_share: 33.3, detractors_share: 33.3, score: 0 }
        expect((await stats("interval=month&calendar=gregorian")).series).toEqual([
          { period_start: "2026-10-31T20:30:00.000Z", period_end: "2026-11-30T20:30:00.000Z", ...gregorian },
        ])
        expect((await stats("interval=week&calendar=gregorian")).series).toEqual([
          { period_start: "2026-11-15T20:30:00.000Z", period_end: "2026-11-22T20:30:00.000Z", ...gregorian },
        ])

        // An English-speaking shop's default is Gregorian.
        await api.post("/admin/loyalty/settings", { default_locale: "en" }, admin)
        const english = await stats("interval=month")
        expect([english.calendar, english.series.length]).toEqual(["gregorian", 1])
        // No answers in the period: no rows.
        expect((await api.get("/admin/loyalty/feedback/stats?interval=month&calendar=persian&from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z", admin)).data.series).toEqual([])
      })
    })
  },
})
