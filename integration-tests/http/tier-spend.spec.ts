import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { evaluateTiersWorkflow } from "../../src/workflows"
import { loadTiers, loadTierStats } from "../../src/workflows/tiers/tier-stats"
import {
  adminHeaders,
  applyCredit,
  demoStore,
  prepareCart,
  settled,
  shopperWithCredit,
  waitFor,
} from "../helpers"

jest.setTimeout(300000)

const DAY = 24 * 60 * 60 * 1000

// What a customer spent, as the tiers count it, on real orders paid partly
// with wallet credit, then returned or refunded. The demo's tiers: Silver
// from 150,000,000 IRR in a year, Gold from 300,000,000 and 2 orders. A
// vacuum cleaner costs 185,000,000; an order adds 500,000 shipping.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    // Seeding the demo store takes most of a test's time, so it is done
    // once: the runner restores the seeded copy before each test.
    let store: Awaited<ReturnType<typeof demoStore>>
    beforeAll(async () => {
      store = await settled(getContainer(), () => demoStore(getContainer()))
    })

    /** A storefront checkout paying all the wallet's credit first; returns the order. */
    const checkoutWithCredit = async (h: any, lines: (string | { variant_id: string; quantity: number })[]) => {
      const cartId = await prepareCart(api, h, store.regions[0].id, lines)
      await applyCredit(api, cartId, h)
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, h)
      if (data.type !== "order") {
        throw new Error(`Checkout did not complete: ${JSON.stringify(data.error ?? data)}`)
      }
      return data.order
    }

    /** A shopper with `amount` IRR of gift credit, reading the store in English (tier names). */
    const buyerWithCredit = async (admin: any, email: string, amount: string) => {
      const buyer = await shopperWithCredit(api, admin, store.pk, email, amount)
      return { ...buyer, headers: { headers: { ...buyer.headers.headers, "x-medusa-locale": "en" } } }
    }

    /** The shopper's tier view once their tier is `name`. */
    const tierOnceIn = (h: any, name: string) =>
      waitFor(async () => {
        const { data } = await api.get("/store/loyalty/tier", h)
        return data.customer_tier.tier?.name === name ? data.customer_tier : undefined
      })

    const tierView = async (h: any) => (await api.get("/store/loyalty/tier", h)).data.customer_tier
    const cardSpend = async (h: any) => (await api.get("/store/loyalty/me", h)).data.club_card.total_spend

    /**
     * The periodic evaluation's own count of a customer's spend (every
     * customer in one pass), once per distinct amount over the demo's two
     * windows (a year, lifetime), which hold the same orders here.
     */
    const evaluatedSpend = async (customerId: string) => {
      const container = getContainer()
      const tiers = await loadTiers(container)
      const stats = await loadTierStats(container, tiers, new Date())
      return Array.from(new Set(Object.values(stats.get(customerId) ?? {}).map((s) => s.spend)))
    }

    // The admin's order flow (as in cashback-clawback.spec.ts).
    const capture = async (admin: any, orderId: string) => {
      const { data: { order } } = await api.get(`/admin/orders/${orderId}?fields=*payment_collections.payments`, admin)
      const payment = order.payment_collections[0].payments[0]
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      return payment
    }
    const returnItems = async (admin: any, order: any, items: { id: string; quantity: number }[]) => {
      await api.post(
        `/admin/orders/${order.id}/fulfillments`,
        { items: order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) },
        admin
      )
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: locations } = await query.graph({ entity: "stock_location", fields: ["id"] })
      const { data: { return: ret } } = await api.post("/admin/returns", { order_id: order.id, location_id: locations[0].id }, admin)
      await api.post(`/admin/returns/${ret.id}/request-items`, { items }, admin)
      await api.post(`/admin/returns/${ret.id}/request`, {}, admin)
      await api.post(`/admin/returns/${ret.id}/receive`, {}, admin)
      await api.post(`/admin/returns/${ret.id}/receive-items`, { items }, admin)
      await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, admin)
    }

    describe("Tier spend", () => {
      it("should count an order paid partly with wallet credit at its full value", async () => {
        const container = getContainer()
        const admin = await adminHeaders(container, api)
        const nima = await buyerWithCredit(admin, "credit-tier@example.com", "100000000")
        // 185,500,000, of which 100,000,000 paid with credit: the card's
        // 85,500,000 alone would not reach Silver, the order does.
        const order = await checkoutWithCredit(nima.headers, [store.variant("vacuum-cleaner")])
        expect(order.total).toBe(85500000)

        const view = await tierOnceIn(nima.headers, "Silver")
        expect(view.next_tier).toEqual(
          expect.objectContaining({ name: "Gold", spend: "185500000", orders: 1, spend_needed: "114500000" })
        )
        expect(await cardSpend(nima.headers)).toEqual([{ currency_code: "irr", amount: "185500000" }])
        expect(await evaluatedSpend(nima.customer.id)).toEqual(["185500000"])

        // The periodic evaluation agrees: Silver stays, no grace.
        await evaluateTiersWorkflow(container).run({ input: {} })
        const after = await tierView(nima.headers)
        expect([after.tier.name, after.grace_ends_at]).toEqual(["Silver", null])
      })

      it("should lower the spend by exactly the returned items' value on a credit-paid order, never below zero", async () => {
        const container = getContainer()
        const admin = await adminHeaders(container, api)
        const mina = await buyerWithCredit(admin, "credit-return@example.com", "200000000")
        // Two vacuum cleaners, 370,500,000: 200,000,000 paid with credit,
        // 170,500,000 by card.
        const order = await checkoutWithCredit(mina.headers, [
          { variant_id: store.variant("vacuum-cleaner"), quantity: 2 },
        ])
        expect(order.total).toBe(170500000)
        const placed = await tierOnceIn(mina.headers, "Silver")
        expect(placed.next_tier.spend).toBe("370500000")

        // One comes back (185,000,000, more than the card paid): the order
        // is worth 185,500,000, the credit it was paid with still counted.
        await capture(admin, order.id)
        await returnItems(admin, order, [{ id: order.items[0].id, quantity: 1 }])
        const returned = await tierView(mina.headers)
        expect(returned.next_tier).toEqual(
          expect.objectContaining({ name: "Gold", spend: "185500000", orders: 1, spend_needed: "114500000" })
        )
        expect(await cardSpend(mina.headers)).toEqual([{ currency_code: "irr", amount: "185500000" }])
        expect(await evaluatedSpend(mina.customer.id)).toEqual(["185500000"])

        // Still above Silver's 150,000,000: the evaluation keeps her there.
        await evaluateTiersWorkflow(container).run({ input: {} })
        const after = await tierView(mina.headers)
        expect([after.tier.name, after.grace_ends_at, after.current.spend]).toEqual(["Silver", null, "185500000"])
      })

      it("should lower the spend by a refund without a return, and not add it back", async () => {
        const container = getContainer()
        const admin = await adminHeaders(container, api)
        const omid = await buyerWithCredit(admin, "credit-refund@example.com", "10000000")
        // 185,500,000: 10,000,000 with credit, 175,500,000 by card.
        const order = await checkoutWithCredit(omid.headers, [store.variant("vacuum-cleaner")])
        expect(order.total).toBe(175500000)
        const placed = await tierOnceIn(omid.headers, "Silver")
        expect(placed.current.spend).toBe("185500000")

        // 50,000,000 of the card payment is refunded, nothing comes back:
        // 135,500,000, below Silver's 150,000,000.
        const payment = await capture(admin, order.id)
        await api.post(`/admin/payments/${payment.id}/refund`, { amount: 50000000 }, admin)
        const refunded = await tierView(omid.headers)
        expect(refunded.current).toEqual(
          expect.objectContaining({ spend: "135500000", orders: 1, spend_needed: "14500000" })
        )
        expect(await cardSpend(omid.headers)).toEqual([{ currency_code: "irr", amount: "135500000" }])
        expect(await evaluatedSpend(omid.customer.id)).toEqual(["135500000"])

        // The evaluation finds him below Silver: his grace period starts.
        const before = Date.now()
        await evaluateTiersWorkflow(container).run({ input: {} })
        const after = await tierView(omid.headers)
        expect(after.tier.name).toBe("Silver")
        expect(after.qualifies_for).toBeNull()
        const graceEnds = new Date(after.grace_ends_at).getTime()
        expect(graceEnds).toBeGreaterThanOrEqual(before + 30 * DAY - 1000)
        expect(graceEnds).toBeLessThanOrEqual(Date.now() + 30 * DAY)
      })
    })
  },
})
