import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import {
  createProductCategoriesWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import {
  awardOrderCashbackWorkflow,
  createCashbackRulesWorkflow,
} from "../../src/workflows"
import { backfillCashback } from "../../src/scripts/backfill-cashback"
import {
  adminHeaders,
  checkout,
  demoStore,
  failure,
  prepareCart,
  settled,
  shopper,
  waitFor,
} from "../helpers"

jest.setTimeout(240000)

const LINES = 40
// Line i (1..40) costs 1,000,000 + i x 1,000 IRR: 40,820,000 in all, so
// 1% is 408,200 and 2% is 816,400; a line in the wrong set shows.
const priceOf = (i: number) => 1000000 + i * 1000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)

    // The demo store plus 40 products in a "Kitchen" category and the rule
    // "1% on kitchen", seeded once: the runner restores this database
    // before each test.
    let store: Awaited<ReturnType<typeof demoStore>> & { lines: string[] }
    beforeAll(async () => {
      const container = getContainer()
      store = await settled(container, async () => {
        const demo = await demoStore(container)
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: [vacuum] } = await query.graph({
          entity: "product",
          fields: ["id", "shipping_profile.id", "sales_channels.id"],
          filters: { handle: "vacuum-cleaner" },
        })
        const { result: [kitchen] } = await createProductCategoriesWorkflow(container).run({
          input: { product_categories: [{ name: "Kitchen", handle: "kitchen", is_active: true }] },
        })
        const { result: products } = await createProductsWorkflow(container).run({
          input: {
            products: Array.from({ length: LINES }, (_, n) => ({
              title: `Kitchen thing ${n + 1}`,
              handle: `kitchen-thing-${n + 1}`,
              status: ProductStatus.PUBLISHED,
              category_ids: [kitchen.id],
              shipping_profile_id: (vacuum as any).shipping_profile.id,
              sales_channels: (vacuum as any).sales_channels.map((c: any) => ({ id: c.id })),
              options: [{ title: "Default", values: ["Default"] }],
              variants: [
                {
                  title: "Default",
                  manage_inventory: false,
                  options: { Default: "Default" },
                  prices: [{ currency_code: "irr", amount: priceOf(n + 1) }],
                },
              ],
            })),
          },
        })
        await createCashbackRulesWorkflow(container).run({
          input: {
            rules: [
              {
                name: "1% on kitchen",
                type: "percent",
                value: "1",
                currency_code: "irr",
                scope: { category_ids: [kitchen.id] },
              },
            ],
          },
        })
        return { ...demo, lines: products.map((p) => p.variants[0].id) }
      })
    })

    const balanceOf = async (h: any) => {
      const { data } = await api.get("/store/loyalty/wallets", h)
      return data.wallets[0]?.balance
    }

    describe("Orders of more than 30 lines", () => {
      it("should preview and award an order of 40 lines through checkout and order.placed", async () => {
        const { pk, regions, lines } = store
        const sara = await shopper(api, pk, { email: "lines@example.com" })
        const cartId = await prepareCart(api, sara.headers, regions[0].id, lines)

        // The preview of the cart answers, with every line counted.
        const { data: preview } = await api.get(`/store/loyalty/cashback-preview?cart_id=${cartId}`, sara.headers)
        expect(preview.cashback).toEqual({
          currency_code: "irr",
          total: "408200",
          rules: [expect.objectContaining({ name: "1% on kitchen", amount: "408200" })],
        })

        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, sara.headers)
        expect(completed.type).toBe("order")
        expect(completed.order.items).toHaveLength(LINES)
        const balance = await waitFor(async () => {
          const b = await balanceOf(sara.headers)
          return b && b.available !== "0" ? b : undefined
        })
        expect(balance.available).toBe("408200")
        const credits = await service().listOrderCashback(completed.order.id)
        expect(credits.map((c) => [c.note, c.amount])).toEqual([["Cashback: 1% on kitchen", "408200"]])
        // Each line's share is kept for partial returns, the last lines'
        // included: 1% of 1,040,000 on line 40.
        const [credit] = await service().listWalletTransactions({ id: credits[0].transaction_id })
        const shares = credit.metadata!.items as Record<string, string>
        expect(Object.keys(shares)).toHaveLength(LINES)
        const last = completed.order.items.find((i: any) => i.variant_id === lines[LINES - 1])
        expect(shares[last.id]).toBe("10400")
      })

      it("should award a till purchase of 40 items", async () => {
        const container = getContainer()
        const admin = await adminHeaders(container, api)
        const { data: created } = await api.post(
          "/admin/loyalty/pos-keys",
          { name: "Till 1", location: "Tehran, Valiasr", scopes: ["lookup", "earn", "redeem"] },
          admin
        )
        const items = Array.from({ length: LINES }, (_, n) => ({ title: `Line ${n + 1}`, amount: String(priceOf(n + 1)) }))
        const bought = await api.post(
          "/pos/loyalty/purchases",
          { phone: "+989121234040", amount: "40820000", currency_code: "irr", receipt_id: "till-40-lines", items },
          { headers: { "x-pos-key": created.pos_key.key } }
        )
        expect(bought.status).toBe(201)
        // The demo's "2% at the till" on the In-store channel: 2% of 40,820,000.
        expect(bought.data.cashback).toEqual(
          expect.arrayContaining([expect.objectContaining({ note: "Cashback: 2% at the till", amount: "816400" })])
        )
      })
    })

    describe("An order's cashback is decided once", () => {
      it("should pay nothing on a replay or a backfill after rules were changed and added", async () => {
        const container = getContainer()
        const { pk, regions, variant } = store
        const admin = await adminHeaders(container, api)
        const reza = await shopper(api, pk, { email: "once@example.com" })
        const order = await checkout(api, reza.headers, regions[0].id, [variant("vacuum-cleaner")])
        const first = await waitFor(async () => {
          const b = await balanceOf(reza.headers)
          return b && b.available !== "0" ? b : undefined
        })
        // 1% on the vacuum cleaner (185,000,000).
        expect(first.available).toBe("1850000")
        const { data: { wallets } } = await api.get("/store/loyalty/wallets", reza.headers)
        const walletId = wallets[0].id
        const [, before] = await service().listAndCountWalletTransactions({ wallet_id: walletId })

        // The vacuum rule now pays 3%, and a new rule pays 5% on top.
        const { data: { cashback_rules } } = await api.get("/admin/loyalty/cashback-rules?limit=50", admin)
        const vacuumRule = cashback_rules.find((r: any) => r.name === "1% on vacuum cleaners")
        await api.post(`/admin/loyalty/cashback-rules/${vacuumRule.id}`, { value: 3, max_amount: null }, admin)
        await api.post(
          "/admin/loyalty/cashback-rules",
          { name: "5% on everything", type: "percent", value: 5, combination: "stack" },
          admin
        )
        // Today's rules would pay more: 3% and 5% of 185,000,000, as the
        // preview of the same item says.
        const { data: preview } = await api.get(
          `/store/loyalty/cashback-preview?variant_id=${variant("vacuum-cleaner")}&region_id=${regions[0].id}`,
          { headers: { "x-publishable-api-key": pk } }
        )
        expect(preview.cashback.total).toBe("14800000")

        // A replayed order.placed pays nothing.
        const { result: replay } = await awardOrderCashbackWorkflow(container).run({ input: { order_id: order.id } })
        expect(replay.credits ?? []).toEqual([])
        // Nor does a backfill over the same day.
        const backfill = await backfillCashback(container, { since: new Date(Date.now() - 86400000) })
        expect(backfill.credited).toEqual({})

        const after = await balanceOf(reza.headers)
        expect([after.available, after.pending]).toEqual([first.available, first.pending])
        const [, count] = await service().listAndCountWalletTransactions({ wallet_id: walletId })
        expect(count).toBe(before)
        const credits = await service().listOrderCashback(order.id)
        expect(credits.map((c) => [c.note, c.amount])).toEqual([["Cashback: 1% on vacuum cleaners", "1850000"]])
      })
    })

    describe("Cashback preview errors", () => {
      it("should name currency_code when it is unknown or the shop does not sell in it", async () => {
        const { pk, variant } = store
        const anon = { headers: { "x-publishable-api-key": pk } }
        const url = (currency: string) =>
          `/store/loyalty/cashback-preview?variant_id=${variant("vacuum-cleaner")}&currency_code=${currency}`

        const unknown = await failure(api.get(url("zzz"), anon))
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toBe("Invalid request: currency_code: ZZZ is not a known currency code")

        const unsold = await failure(api.get(url("eur"), anon))
        expect(unsold.status).toBe(400)
        expect(unsold.data.message).toBe("currency_code: the store does not sell in EUR")

        // A currency the shop sells still previews.
        const { data } = await api.get(url("USD"), anon)
        expect(data.cashback.currency_code).toBe("usd")
      })
    })
  },
})
