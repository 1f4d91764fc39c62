import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedCatalog } from "../../demo/seed/catalog"
import { seedStore } from "../../demo/seed/store"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { RFM_SEGMENT_NAMES, RFM_SEGMENTS } from "../../src/utils/segments"
import { scoreCustomersWorkflow } from "../../src/workflows/scores"
import { adminHeaders, failure, settled, shopper } from "../helpers"

jest.setTimeout(300000)

const DAY = 86400000
// The instant the suite scores at; every order and customer is dated
// before it, so each day count is known whatever day the suite runs.
const NOW = new Date("2026-06-01T09:00:00.000Z")
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)
    const pg = (): any => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const till = (key: string) => ({ headers: { "x-pos-key": key } })

    async function buildShop() {
      const container = getContainer()
      // The demo's store and catalog only: no demo customers or orders.
      const demo = (await seedStore({ container } as any))!
      await seedCatalog({ container } as any, demo)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({ entity: "product", fields: ["id", "handle", "variants.id"] })
      const product = (handle: string) => (products as any[]).find((p) => p.handle === handle)
      // Prices (IRR, no tax): V 185,000,000 and W 420,000,000 (Home
      // appliances), G 64,000,000 and B 28,500,000 (Coffee); an online
      // order adds 500,000 shipping. The grinder is in Gifts too.
      const V = product("vacuum-cleaner").variants[0].id
      const W = product("washing-machine").variants[0].id
      const G = product("hand-grinder").variants[0].id
      const B = product("espresso-beans").variants[0].id
      const pk = demo.apiKey.token
      const admin = await adminHeaders(container, api)
      const { data: gifts } = await api.post(
        "/admin/product-categories",
        { name: "Gifts", handle: "gifts", is_active: true },
        admin
      )
      await api.post(`/admin/product-categories/${gifts.product_category.id}/products`, { add: [product("hand-grinder").id] }, admin)
      const { data: categories } = await query.graph({ entity: "product_category", fields: ["id", "handle", "name"] })
      const category = (handle: string) => (categories as any[]).find((c) => c.handle === handle)
      const { data: key } = await api.post(
        "/admin/loyalty/pos-keys",
        { name: "Valiasr", location: "Tehran, Valiasr", scopes: ["lookup", "earn", "redeem"] },
        admin
      )

      const order = async (h: any, items: string[]) => {
        const { data: { cart } } = await api.post(
          "/store/carts",
          {
            region_id: demo.iran.id,
            items: items.map((variant_id) => ({ variant_id, quantity: 1 })),
            shipping_address: {
              first_name: "Sara",
              last_name: "Ahmadi",
              address_1: "Valiasr St",
              city: "Tehran",
              country_code: "ir",
              postal_code: "1234567890",
            },
          },
          h
        )
        const { data: { shipping_options } } = await api.get(`/store/shipping-options?cart_id=${cart.id}`, h)
        await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id }, h)
        const { data: { payment_collection } } = await api.post("/store/payment-collections", { cart_id: cart.id }, h)
        await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, h)
        const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
        if (data.type !== "order") {
          throw new Error(`Checkout did not complete: ${JSON.stringify(data.error ?? data)}`)
        }
        return data.order.id as string
      }
      const tillOrder = async (phone: string, amount: string, receipt: string) => {
        const { data } = await api.post(
          "/pos/loyalty/purchases",
          { phone, amount, currency_code: "irr", receipt_id: receipt },
          till(key.pos_key.key)
        )
        return data.purchase.order_id as string
      }
      const dateOrder = (id: string, days: number) =>
        pg().raw(`UPDATE "order" SET created_at = ? WHERE id = ?`, [daysBefore(days).toISOString(), id])
      const dateCustomer = (id: string, days: number) =>
        pg().raw(`UPDATE customer SET created_at = ? WHERE id = ?`, [daysBefore(days).toISOString(), id])

      const people: Record<string, any> = {}
      for (const name of ["ali", "bita", "cyrus", "dara", "eli", "farid", "gita"]) {
        people[name] = await shopper(api, pk, { email: `${name}@example.com` })
      }
      const id = (name: string) => people[name].customer.id as string
      const orders: Record<string, string> = {}
      await settled(container, async () => {
        // Ali: three online orders, 699,000,000 in all.
        orders.ali1 = await order(people.ali.headers, [W]) // 420,500,000, 10 days ago
        orders.ali2 = await order(people.ali.headers, [V]) // 185,500,000, 40 days ago
        orders.ali3 = await order(people.ali.headers, [B, G]) // 93,000,000, 100 days ago
        // Bita: online 185,500,000 five days ago, at the till 102,000,000 sixty days ago.
        orders.bita1 = await order(people.bita.headers, [V])
        await service().registerMemberPhone({ phone: "+989121110002", customer_id: id("bita"), source: "admin" })
        orders.bita2 = await tillOrder("09121110002", "102000000", "v-0001")
        // Cyrus: only at the till, 56,000,000, 200 days ago (before his account: 150 days).
        await service().registerMemberPhone({ phone: "+989121110003", customer_id: id("cyrus"), source: "admin" })
        orders.cyrus1 = await tillOrder("09121110003", "56000000", "v-0002")
        // Dara: beans and a grinder online, 93,000,000, 30 days ago; a
        // vacuum cleaner two days ago, canceled: it counts nowhere.
        orders.dara1 = await order(people.dara.headers, [B, G])
        orders.dara2 = await order(people.dara.headers, [V])
        await api.post(`/admin/orders/${orders.dara2}/cancel`, {}, admin)
        // Eli: beans, 29,000,000, 300 days ago.
        orders.eli1 = await order(people.eli.headers, [B])
        // Farid: a washing machine yesterday, 420,500,000.
        orders.farid1 = await order(people.farid.headers, [W])
        // Gita: no order.
      })
      const dates: [string, number][] = [
        ["ali1", 10], ["ali2", 40], ["ali3", 100], ["bita1", 5], ["bita2", 60], ["cyrus1", 200],
        ["dara1", 30], ["dara2", 2], ["eli1", 300], ["farid1", 1],
      ]
      for (const [name, days] of dates) {
        await dateOrder(orders[name], days)
      }
      const joined: [string, number][] = [
        ["ali", 400], ["bita", 380], ["cyrus", 150], ["dara", 35], ["eli", 500], ["farid", 2], ["gita", 50],
      ]
      for (const [name, days] of joined) {
        await dateCustomer(id(name), days)
      }
      return { admin, pk, people, id, orders, order, dateOrder, category, W, key: key.pos_key.key }
    }

    let shop: Awaited<ReturnType<typeof buildShop>>
    beforeAll(async () => {
      shop = await buildShop()
    })

    const scoreOf = async (name: string) =>
      (await api.get(`/admin/loyalty/customers/${shop.id(name)}/scores`, shop.admin)).data.score
    const interest = (handle: string, amount: string) => ({
      category_id: shop.category(handle).id,
      name: shop.category(handle).name,
      handle,
      amount,
    })

    describe("Customer scores", () => {
      it("should score known orders exactly: R, F, M, L, segment, channel mix and interests", async () => {
        const { admin } = shop
        // Before any scoring: no score, an empty summary.
        expect((await api.get(`/admin/loyalty/customers/${shop.id("ali")}/scores`, admin)).data).toEqual({ score: null })
        const { data: empty } = await api.get("/admin/loyalty/scores/summary", admin)
        expect(empty.scored_at).toBeNull()
        expect(empty.segments.every((s: any) => s.customers === 0)).toBe(true)

        const { result } = await scoreCustomersWorkflow(getContainer()).run({ input: { now: NOW } })
        expect(result).toEqual({ scored: 7, duration_ms: expect.any(Number), scored_at: NOW.toISOString() })

        // Six buyers rank 1..6 where values differ: 1, 2, 3, 3, 4, 5
        // (percentile rank (below + equal / 2) / 6 in fifths). Four share
        // one order: F2 for them, 4 for Bita's two, 5 for Ali's three.
        //            days  R  orders F  monetary      M  member days L  FM segment
        //   Ali        10  3  3      5  699,000,000   5  400         4  5  loyal
        //   Bita        5  4  2      4  287,500,000   3  380         3  4  loyal
        //   Cyrus     200  2  1      2   56,000,000   2  200         3  2  hibernating
        //   Dara       30  3  1      2   93,000,000   3   35         2  3  need_attention
        //   Eli       300  1  1      2   29,000,000   1  500         5  2  lost
        //   Farid       1  5  1      2  420,500,000   4    2         1  3  potential_loyalist
        const ali = await scoreOf("ali")
        expect(ali).toEqual({
          id: expect.stringMatching(/^lcsc_/),
          customer_id: shop.id("ali"),
          currency_code: "irr",
          orders: 3,
          orders_online: 3,
          orders_store: 0,
          monetary: "699000000",
          first_order_at: daysBefore(100).toISOString(),
          last_order_at: daysBefore(10).toISOString(),
          recency_days: 10,
          member_days: 400,
          r_score: 3,
          f_score: 5,
          m_score: 5,
          l_score: 4,
          segment: "loyal",
          segment_names: { en: "Loyal", fa: "وفاداران" },
          previous_segment: null,
          previous_segment_names: null,
          segment_since: NOW.toISOString(),
          channel_mix: "online",
          // Line spend before shipping: W + V in Home appliances, B + G in Coffee, G in Gifts.
          interests: [
            interest("home-appliances", "605000000"),
            interest("coffee", "92500000"),
            interest("gifts", "64000000"),
          ],
          scored_at: NOW.toISOString(),
        })
        const brief = async (name: string) => {
          const s = await scoreOf(name)
          return [s.orders, s.orders_store, s.monetary, s.recency_days, s.member_days, s.r_score, s.f_score, s.m_score, s.l_score, s.segment, s.channel_mix]
        }
        // A till order counts as in store; Bita buys both ways.
        expect(await brief("bita")).toEqual([2, 1, "287500000", 5, 380, 4, 4, 3, 3, "loyal", "both"])
        // Cyrus's membership counts from his first order, before his account.
        expect(await brief("cyrus")).toEqual([1, 1, "56000000", 200, 200, 2, 2, 2, 3, "hibernating", "store"])
        // Dara's canceled order counts nowhere: not in orders, spend, recency nor interests.
        expect(await brief("dara")).toEqual([1, 0, "93000000", 30, 35, 3, 2, 3, 2, "need_attention", "online"])
        expect(await brief("eli")).toEqual([1, 0, "29000000", 300, 500, 1, 2, 1, 5, "lost", "online"])
        expect(await brief("farid")).toEqual([1, 0, "420500000", 1, 2, 5, 2, 4, 1, "potential_loyalist", "online"])
        expect((await scoreOf("dara")).interests).toEqual([interest("coffee", "92500000"), interest("gifts", "64000000")])
        // A till purchase has no product: it earns Bita no interest.
        expect((await scoreOf("bita")).interests).toEqual([interest("home-appliances", "185000000")])
        // No order: zero scores, no segment, membership counted.
        expect(await scoreOf("gita")).toMatchObject({
          orders: 0,
          monetary: "0",
          first_order_at: null,
          last_order_at: null,
          recency_days: null,
          member_days: 50,
          r_score: 0,
          f_score: 0,
          m_score: 0,
          l_score: 0,
          segment: null,
          segment_names: null,
          segment_since: null,
          channel_mix: null,
          interests: [],
        })

        const { data: summary } = await api.get("/admin/loyalty/scores/summary", admin)
        const counts: Record<string, number> = { loyal: 2, hibernating: 1, need_attention: 1, lost: 1, potential_loyalist: 1 }
        expect(summary).toEqual({
          segments: [
            ...RFM_SEGMENTS.map((segment) => ({ segment, names: RFM_SEGMENT_NAMES[segment], customers: counts[segment] ?? 0 })),
            { segment: null, names: null, customers: 1 },
          ],
          scored_at: NOW.toISOString(),
        })
      })

      it("should move a changed segment to previous_segment on the next run and keep an unchanged one's date", async () => {
        await scoreCustomersWorkflow(getContainer()).run({ input: { now: NOW } })
        // Eli buys a washing machine three days before the next run.
        let eliOrder = ""
        await settled(getContainer(), async () => {
          eliOrder = await shop.order(shop.people.eli.headers, [shop.W])
        })
        await shop.dateOrder(eliOrder, 3)
        const later = new Date(NOW.getTime() + 3600000)
        await scoreCustomersWorkflow(getContainer()).run({ input: { now: later } })
        // Eli: R4 (3 days), F4 (two orders, tied with Bita), M4 (449,500,000): loyal, from lost.
        expect(await scoreOf("eli")).toMatchObject({
          orders: 2,
          monetary: "449500000",
          recency_days: 3,
          r_score: 4,
          f_score: 4,
          m_score: 4,
          segment: "loyal",
          previous_segment: "lost",
          previous_segment_names: { en: "Lost", fa: "از دست رفته" },
          segment_since: later.toISOString(),
          scored_at: later.toISOString(),
        })
        // Cyrus drops to R1 F2 M1: lost, from hibernating.
        expect(await scoreOf("cyrus")).toMatchObject({ segment: "lost", previous_segment: "hibernating", segment_since: later.toISOString() })
        // Ali stays loyal: his segment's date is the first run's.
        expect(await scoreOf("ali")).toMatchObject({ segment: "loyal", previous_segment: null, segment_since: NOW.toISOString() })
      })

      it("should read interests again where orders changed since the last run and keep the others'", async () => {
        await scoreCustomersWorkflow(getContainer()).run({ input: { now: NOW } })
        const farid = (await scoreOf("farid")).interests
        expect(farid).toEqual([interest("home-appliances", "420000000")])
        // Eli buys a washing machine; Dara's remaining order is canceled.
        await settled(getContainer(), async () => {
          await shop.order(shop.people.eli.headers, [shop.W])
          await api.post(`/admin/orders/${shop.orders.dara1}/cancel`, {}, shop.admin)
        })
        await scoreCustomersWorkflow(getContainer()).run({ input: { now: new Date(NOW.getTime() + 3600000) } })
        expect((await scoreOf("eli")).interests).toEqual([interest("home-appliances", "420000000"), interest("coffee", "28500000")])
        expect(await scoreOf("dara")).toMatchObject({ orders: 0, segment: null, previous_segment: "need_attention", interests: [] })
        // Farid's orders did not change: his interests are the first run's.
        expect((await scoreOf("farid")).interests).toEqual(farid)
      })

      it("should score from the admin route, drop deleted customers, and give 404 for an unknown one", async () => {
        const { admin } = shop
        await pg().raw(`UPDATE customer SET deleted_at = now() WHERE id = ?`, [shop.id("gita")])
        const { data } = await api.post("/admin/loyalty/scores/refresh", {}, admin)
        expect(data).toEqual({ scored: 6, duration_ms: expect.any(Number), scored_at: expect.any(String) })
        const rows = (await pg().raw(`SELECT customer_id FROM loyalty_customer_score WHERE deleted_at IS NULL`)).rows
        expect(rows.map((r: any) => r.customer_id).sort()).toEqual(
          ["ali", "bita", "cyrus", "dara", "eli", "farid"].map(shop.id).sort()
        )
        const { data: summary } = await api.get("/admin/loyalty/scores/summary", admin)
        expect(summary.scored_at).toBe(data.scored_at)

        const missing = await failure(api.get("/admin/loyalty/customers/cus_missing/scores", admin))
        expect([missing.status, missing.data.code]).toEqual([404, "loyalty_customer_not_found"])
        const extra = await failure(api.post("/admin/loyalty/scores/refresh", { now: "2026-01-01" }, admin))
        expect([extra.status, extra.data.code]).toEqual([400, "loyalty_invalid_request"])
        const unauthenticated = await failure(api.get("/admin/loyalty/scores/summary"))
        expect(unauthenticated.status).toBe(401)
      })

      it("should give a shopper their own interests only, and nothing without a login", async () => {
        await scoreCustomersWorkflow(getContainer()).run({ input: { now: NOW } })
        const { data } = await api.get("/store/loyalty/interests", shop.people.ali.headers)
        const named = (handle: string) => ({ category_id: shop.category(handle).id, handle, name: shop.category(handle).name })
        // No amounts, scores or segment reach the shopper.
        expect(data).toEqual({ interests: [named("home-appliances"), named("coffee"), named("gifts")] })
        expect((await api.get("/store/loyalty/interests", shop.people.dara.headers)).data).toEqual({
          interests: [named("coffee"), named("gifts")],
        })
        // A query cannot ask for someone else's.
        const other = await failure(api.get(`/store/loyalty/interests?customer_id=${shop.id("ali")}`, shop.people.eli.headers))
        expect(other.status).toBe(400)
        expect((await api.get("/store/loyalty/interests", shop.people.gita.headers)).data).toEqual({ interests: [] })
        // A category the store hides no longer shows.
        await api.post(`/admin/product-categories/${shop.category("gifts").id}`, { is_active: false }, shop.admin)
        expect((await api.get("/store/loyalty/interests", shop.people.dara.headers)).data).toEqual({ interests: [named("coffee")] })
        const anonymous = await failure(api.get("/store/loyalty/interests", { headers: { "x-publishable-api-key": shop.pk } }))
        expect(anonymous.status).toBe(401)
      })
    })
  },
})
