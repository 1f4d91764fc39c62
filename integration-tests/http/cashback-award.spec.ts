import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import {
  awardOrderCashbackWorkflow,
  reverseOrderCashbackWorkflow,
} from "../../src/workflows"
import {
  adminHeaders,
  checkout as checkout_,
  demoStore as demoStore_,
  failure,
  settled,
  shopper,
  waitFor,
} from "../helpers"

jest.setTimeout(180000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {

    const checkout = (h: any, regionId: string, lines: any[]) =>
      checkout_(api, h, regionId, lines)
    const demoStore = () => demoStore_(getContainer())

    // Seeding the demo store takes most of a test's time, so it is done once:
    // the runner copies the database into its template before the first test
    // and restores that copy before each one, so every test still starts from
    // a freshly seeded store (same ids).
    let store: Awaited<ReturnType<typeof demoStore>>
    beforeAll(async () => {
      store = await settled(getContainer(), demoStore)
    })

    describe("Cashback on placed orders", () => {
      it("should credit each rule's cashback once, pending by the rule's release, and take it back on cancel", async () => {
        const container = getContainer()
        const { pk, regions, variant } = store

        const sara = await shopper(api, pk, { email: "shopper@example.com", phone: "+989121110000" })
        const h = sara.headers
        const order = await checkout(h, regions[0].id, [variant("vacuum-cleaner"), variant("washing-machine")])

        const wallet = await waitFor(async () => {
          const { data } = await api.get("/store/loyalty/wallets", h)
          const w = data.wallets[0]
          return w && w.balance.pending !== "0" && w.balance.available !== "0" ? w : undefined
        })
        expect(wallet.currency_code).toBe("irr")
        expect(wallet.balance).toEqual(
          expect.objectContaining({ available: "1850000", pending: "8400000" })
        )

        // The shopper reads what each row was, not the shop's internal notes and keys.
        const { data: ledger } = await api.get(`/store/loyalty/wallets/${wallet.id}/transactions?locale=en`, h)
        expect(ledger.transactions.map((t: any) => [t.kind, t.amount, t.description]).sort()).toEqual([
          ["cashback", "1850000", `Cashback for order #${order.display_id}`],
          ["cashback", "8400000", `Cashback for order #${order.display_id}`],
        ])
        expect(ledger.transactions.some((t: any) => "note" in t || "reference" in t || "actor_id" in t)).toBe(false)
        const held = ledger.transactions.find((t: any) => t.amount === "8400000")
        expect(new Date(held.available_at).getTime() - new Date(order.created_at).getTime()).toBe(14 * 86400000)

        // A repeated order.placed pays nothing more.
        await awardOrderCashbackWorkflow(container).run({ input: { order_id: order.id } })
        const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
        const [, count] = await service.listAndCountWalletTransactions({ wallet_id: wallet.id })
        expect(count).toBe(2)
        const lots = await service.listWalletLots({ wallet_id: wallet.id }, { order: { amount: "ASC" } })
        const placed = new Date(order.created_at).getTime()
        // The held cashback becomes spendable 14 days after the order, and
        // each lot expires 30 days after it becomes available.
        expect(new Date(lots[1].available_at!).getTime() - placed).toBe(14 * 86400000)
        expect(new Date(lots[1].expires_at!).getTime() - placed).toBe(44 * 86400000)
        expect(lots[0].available_at).toBeNull()
        expect(new Date(lots[0].expires_at!).getTime() - placed).toBe(30 * 86400000)

        // The shopper spends 1,000,000 of the available cashback, then the
        // order is canceled: the rest comes back, the spent part is recorded.
        const admin = await adminHeaders(container, api)
        await api.post(`/admin/loyalty/wallets/${wallet.id}/debit`, { amount: 1000000, note: "Till" }, admin)
        await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
        const after = await waitFor(async () => {
          const { data } = await api.get(`/admin/loyalty/wallets/${wallet.id}`, admin)
          const { pending, available } = data.wallet.balance
          return pending === "0" && available === "0" ? data.wallet : undefined
        })
        expect(after.balance).toEqual(expect.objectContaining({ available: "0", pending: "0" }))
        const { data: final } = await api.get(`/admin/loyalty/wallets/${wallet.id}/transactions`, admin)
        const reversals = final.transactions
          .filter((t: any) => t.type === "reversal")
          .map((t: any) => [t.amount, t.note, t.metadata.shortfall])
          .sort()
        expect(reversals).toEqual([
          ["-8400000", "Order canceled", "0"],
          ["-850000", "Order canceled", "1000000"],
        ])
        // A repeated order.canceled takes nothing more.
        await reverseOrderCashbackWorkflow(container).run({
          input: { order_id: order.id, reason: "canceled" },
        })
        const [, total] = await service.listAndCountWalletTransactions({ wallet_id: wallet.id })
        expect(total).toBe(5)
        expect((await service.getLedgerTotals([wallet.id]))[wallet.id]).toBe("0")
      })

      it("should keep cashback of a fulfilment rule pending until the order is fulfilled", async () => {
        const container = getContainer()
        const { pk, regions, variant } = store
        const admin = await adminHeaders(container, api)
        await api.post(
          "/admin/loyalty/cashback-rules",
          { name: "5% once delivered", type: "percent", value: 5, release: "fulfilled", expires_after_days: 10 },
          admin
        )
        const reza = await shopper(api, pk, { email: "reza-shop@example.com", phone: "+989351110000" })
        const order = await checkout(reza.headers, regions[0].id, [variant("vacuum-cleaner")])

        const pending = await waitFor(async () => {
          const { data } = await api.get("/store/loyalty/wallets", reza.headers)
          return data.wallets[0]?.balance.pending !== "0" ? data.wallets[0] : undefined
        })
        // 5% beats the 1% vacuum rule on the item: only the 5% pays.
        expect(pending.balance).toEqual(expect.objectContaining({ available: "0", pending: "9250000" }))

        await api.post(
          `/admin/orders/${order.id}/fulfillments`,
          { items: order.items.map((i: any) => ({ id: i.id, quantity: 1 })) },
          admin
        )
        const released = await waitFor(async () => {
          const { data } = await api.get("/store/loyalty/wallets", reza.headers)
          return data.wallets[0].balance.available !== "0" ? data.wallets[0] : undefined
        })
        expect(released.balance).toEqual(
          expect.objectContaining({ available: "9250000", pending: "0", expiring_soon: "0" })
        )
        const expiresIn = new Date(released.balance.next_expiry_at).getTime() - Date.now()
        expect(expiresIn).toBeGreaterThan(9.9 * 86400000)
        expect(expiresIn).toBeLessThanOrEqual(10 * 86400000)
      })

      it("should preview what a product page or a cart would earn", async () => {
        const { pk, regions, variant } = store
        const anon = { headers: { "x-publishable-api-key": pk } }
        const page = await api.get(
          `/store/loyalty/cashback-preview?variant_id=${variant("washing-machine")}&quantity=2&region_id=${regions[0].id}`,
          anon
        )
        expect(page.data.cashback).toEqual({
          currency_code: "irr",
          total: "16800000",
          rules: [
            // An anonymous shopper reads the shop's language: Persian.
            expect.objectContaining({
              name: "۲٪ کش‌بک ماشین لباسشویی",
              amount: "16800000",
              release: "hold",
              hold_days: 14,
              expires_after_days: 30,
            }),
          ],
        })

        const buyer = await shopper(api, pk, { email: "preview@example.com" })
        const { data: { cart } } = await api.post(
          "/store/carts",
          { region_id: regions[0].id, items: [{ variant_id: variant("vacuum-cleaner"), quantity: 1 }] },
          buyer.headers
        )
        const forCart = await api.get(`/store/loyalty/cashback-preview?cart_id=${cart.id}`, buyer.headers)
        expect(forCart.data.cashback.total).toBe("1850000")

        const both = await failure(
          api.get(`/store/loyalty/cashback-preview?cart_id=${cart.id}&variant_id=x`, anon)
        )
        expect(both.status).toBe(400)
        expect(both.data.message).toContain("Give either cart_id or variant_id")
        const noRegion = await failure(
          api.get(`/store/loyalty/cashback-preview?variant_id=${variant("vacuum-cleaner")}`, anon)
        )
        expect(noRegion.status).toBe(400)
        expect(noRegion.data.message).toContain("region_id or currency_code is required")
        const unknown = await failure(
          api.get(`/store/loyalty/cashback-preview?variant_id=variant_missing&currency_code=irr`, anon)
        )
        expect(unknown.status).toBe(404)
        expect(unknown.data.message).toBe("variant_id: Variant with id: variant_missing was not found")
      })
    })
  },
})
