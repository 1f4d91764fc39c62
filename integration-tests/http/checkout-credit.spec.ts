import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import {
  adminHeaders,
  applyCredit as sharedApplyCredit,
  demoStore,
  failure,
  prepareCart,
  settled,
  shopperWithCredit as sharedShopperWithCredit,
  waitFor,
} from "../helpers"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)

    const shopperWithCredit = (admin: any, pk: string, email: string, amount: string, currency = "irr") =>
      sharedShopperWithCredit(api, admin, pk, email, amount, currency)

    const balance = async (walletId: string) =>
      (await service().getBalances([walletId]))[walletId].available

    const ledgerSum = async (walletId: string) => (await service().getLedgerTotals([walletId]))[walletId]

    // Completes a cart the way a storefront does, returning the answer
    // whether it succeeded or not.
    const complete = (cartId: string, h: any) =>
      api.post(`/store/carts/${cartId}/complete`, {}, h).then(
        (res: any) => ({ status: res.status, data: res.data }),
        (err: any) => ({ status: err.response.status, data: err.response.data })
      )

    const applyCredit = (cartId: string, h: any, body: Record<string, unknown> = {}) =>
      sharedApplyCredit(api, cartId, h, body)

    const setup = async () => {
      const container = getContainer()
      const store = await demoStore(container)
      const admin = await adminHeaders(container, api)
      // Cashback would land in the same wallets: these tests are about
      // spending, so the demo rules are switched off.
      const { data: { cashback_rules } } = await api.get("/admin/loyalty/cashback-rules", admin)
      for (const rule of cashback_rules) {
        await api.post(`/admin/loyalty/cashback-rules/${rule.id}`, { is_active: false }, admin)
      }
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: usd } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "usd" } })
      const { data: beans } = await query.graph({
        entity: "product",
        fields: ["variants.id"],
        filters: { handle: "espresso-beans" },
      })
      return { ...store, admin, usdRegion: usd[0].id, beans: beans[0].variants[0].id }
    }

    // Seeding the demo store takes most of a test's time, so it is done once:
    // the runner copies the database into its template before the first test
    // and restores that copy before each one, so every test still starts from
    // a freshly seeded store (same ids, same admin login).
    let seeded: Awaited<ReturnType<typeof setup>>
    beforeAll(async () => {
      seeded = await settled(getContainer(), setup)
    })

    describe("Paying with wallet credit", () => {
      it("should apply the most allowed credit, say which limit applied, and take it off", async () => {
        const { pk, regions, variant, admin } = seeded
        const sara = await shopperWithCredit(admin, pk, "apply@example.com", "1000000")
        const cartId = await prepareCart(api, sara.headers, regions[0].id, [variant("vacuum-cleaner")])

        const { data: all } = await api.post(`/store/carts/${cartId}/loyalty-credit`, {}, sara.headers)
        expect(all.loyalty_credit).toEqual({
          applied: "1000000",
          requested: null,
          available: "1000000",
          limit: "balance",
          currency_code: "irr",
        })
        // 185,000,000 + 500,000 shipping, minus the credit.
        expect(all.cart.total).toBe(184500000)
        expect(all.cart.credit_line_total).toBe(1000000)

        const { data: part } = await api.post(`/store/carts/${cartId}/loyalty-credit`, { amount: "400000" }, sara.headers)
        expect(part.loyalty_credit).toEqual(expect.objectContaining({ applied: "400000", limit: null }))
        expect(part.cart.credit_lines).toHaveLength(1)
        expect(part.cart.total).toBe(185100000)

        const { data: removed } = await api.delete(`/store/carts/${cartId}/loyalty-credit`, sara.headers)
        expect(removed.loyalty_credit.applied).toBe("0")
        expect(removed.cart.credit_lines).toHaveLength(0)
        expect(removed.cart.total).toBe(185500000)
        // Nothing is debited before the cart completes.
        expect(await balance(sara.wallet_id)).toBe("1000000")

        const bad = await failure(api.post(`/store/carts/${cartId}/loyalty-credit`, { amount: "12.5" }, sara.headers))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("amount")
        const guest = await failure(
          api.post(`/store/carts/${cartId}/loyalty-credit`, {}, { headers: { "x-publishable-api-key": pk } })
        )
        expect(guest.status).toBe(401)
        const other = await shopperWithCredit(admin, pk, "other@example.com", "1000000")
        const foreign = await failure(api.post(`/store/carts/${cartId}/loyalty-credit`, {}, other.headers))
        expect(foreign.status).toBe(403)
        expect(foreign.data.message).toContain("belongs to another customer")
        expect((await api.get(`/store/carts/${cartId}`, sara.headers)).data.cart.credit_lines).toHaveLength(0)
      })

      it("should clamp credit by the shop's limits", async () => {
        const { pk, regions, variant, admin } = seeded
        const rich = await shopperWithCredit(admin, pk, "rich@example.com", "500000000")
        const cartId = await prepareCart(api, rich.headers, regions[0].id, [variant("vacuum-cleaner")])
        const apply = async () =>
          (await api.post(`/store/carts/${cartId}/loyalty-credit`, {}, rich.headers)).data

        const whole = await apply()
        expect(whole.loyalty_credit).toEqual(expect.objectContaining({ applied: "185500000", limit: "cart_total" }))
        expect(whole.cart.total).toBe(0)

        await api.post("/admin/loyalty/settings", { credit_pays_shipping: false }, admin)
        const items = await apply()
        expect(items.loyalty_credit).toEqual(expect.objectContaining({ applied: "185000000", limit: "items_only" }))
        expect(items.cart.total).toBe(500000)

        await api.post("/admin/loyalty/settings", { max_credit_share: 50 }, admin)
        const half = await apply()
        expect(half.loyalty_credit).toEqual(expect.objectContaining({ applied: "92750000", limit: "max_share" }))

        await api.post("/admin/loyalty/settings", { min_redeem_balance: { irr: "600000000" } }, admin)
        const none = await apply()
        expect(none.loyalty_credit).toEqual(expect.objectContaining({ applied: "0", limit: "min_balance" }))
        expect(none.cart.credit_lines).toHaveLength(0)

        const badShare = await failure(api.post("/admin/loyalty/settings", { max_credit_share: 150 }, admin))
        expect(badShare.status).toBe(400)
        expect(badShare.data.message).toContain("max_credit_share")
        const badMin = await failure(api.post("/admin/loyalty/settings", { min_redeem_balance: { irr: "-5" } }, admin))
        expect(badMin.status).toBe(400)
        expect(badMin.data.message).toContain("min_redeem_balance.irr")
      })

      it("should debit once at completion, and the order, its payment and the ledger agree in IRR and USD", async () => {
        const { pk, regions, variant, admin, usdRegion, beans } = seeded
        for (const [currency, region, line, credit, expectedTotal] of [
          ["irr", regions[0].id, variant("vacuum-cleaner"), "1000000", 184500000],
          ["usd", usdRegion, beans, "12.34", 20.16],
        ] as const) {
          const buyer = await shopperWithCredit(admin, pk, `paid-${currency}@example.com`, credit, currency)
          const cartId = await prepareCart(api, buyer.headers, region, [line], currency === "irr" ? "ir" : "us")
          await applyCredit(cartId, buyer.headers)
          const { data: completed } = await complete(cartId, buyer.headers)
          expect(completed).toEqual(expect.objectContaining({ type: "order" }))
          const { data: again } = await api.post(`/store/carts/${cartId}/complete`, {}, buyer.headers)
          expect(again.order.id).toBe(completed.order.id)

          const { data: { order } } = await api.get(
            `/admin/orders/${completed.order.id}?fields=total,credit_line_total,*credit_lines,*payment_collections`,
            admin
          )
          expect(order.total).toBe(expectedTotal)
          expect(order.payment_collections[0].amount).toBe(expectedTotal)
          expect(String(order.credit_line_total)).toBe(credit)
          expect(order.credit_lines[0].reference).toBe("loyalty_wallet")
          // The admin order widget's view of it.
          const { data: view } = await api.get(`/admin/loyalty/orders/${order.id}/cashback`, admin)
          expect(view.credit_paid).toBe(credit)
          const debits = await service().listWalletTransactions({ wallet_id: buyer.wallet_id, type: "debit" })
          expect(debits.map((d: any) => [d.reference, d.reference_id])).toEqual([["cart", cartId]])
          expect(String(debits[0].amount)).toBe(`-${credit}`)
          expect(await balance(buyer.wallet_id)).toBe("0")
          expect(await ledgerSum(buyer.wallet_id)).toBe("0")
        }
      })

      it("should let only one of two carts spend the same balance when they complete at once", async () => {
        const { pk, regions, variant, admin } = seeded
        const buyer = await shopperWithCredit(admin, pk, "twice@example.com", "1000000")
        const carts = [
          await prepareCart(api, buyer.headers, regions[0].id, [variant("vacuum-cleaner")]),
          await prepareCart(api, buyer.headers, regions[0].id, [variant("vacuum-cleaner")]),
        ]
        for (const cartId of carts) {
          const data = await applyCredit(cartId, buyer.headers)
          expect(data.loyalty_credit.applied).toBe("1000000")
        }
        const results = await Promise.all(carts.map((cartId) => complete(cartId, buyer.headers)))
        const orders = results.filter((r) => r.status === 200 && r.data.type === "order")
        const refused = results.filter((r) => r.status === 400)
        expect(orders).toHaveLength(1)
        expect(refused).toHaveLength(1)
        expect(refused[0].data.message).toContain("insufficient balance: 0 IRR available, 1000000 requested")
        expect(await balance(buyer.wallet_id)).toBe("0")
        expect(await ledgerSum(buyer.wallet_id)).toBe("0")
      })

      it("should give the credit back when completion fails after the debit, and debit once on the retry", async () => {
        const container = getContainer()
        const { pk, regions, variant, admin } = seeded
        const buyer = await shopperWithCredit(admin, pk, "fail@example.com", "1000000")
        const cartId = await prepareCart(api, buyer.headers, regions[0].id, [variant("vacuum-cleaner")])
        await applyCredit(cartId, buyer.headers)

        // Out of stock after the cart was made: the reservation, which comes
        // after the debit, fails and the completion is undone.
        const inventory = container.resolve(Modules.INVENTORY)
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: [item] } = await query.graph({
          entity: "product_variant",
          fields: ["inventory_items.inventory_item_id"],
          filters: { id: variant("vacuum-cleaner") },
        })
        const inventoryItemId = (item as any).inventory_items[0].inventory_item_id
        const [level] = await inventory.listInventoryLevels({ inventory_item_id: inventoryItemId })
        await inventory.updateInventoryLevels([
          { inventory_item_id: inventoryItemId, location_id: level.location_id, stocked_quantity: 0 },
        ])
        const failed = await complete(cartId, buyer.headers)
        expect(failed.status).toBe(400)
        expect(failed.data.message).toContain("Not enough stock available")
        expect(await balance(buyer.wallet_id)).toBe("1000000")
        const ledger = await service().listWalletTransactions({ wallet_id: buyer.wallet_id }, { order: { created_at: "ASC" } })
        expect(ledger.map((t: any) => [t.type, String(t.amount)])).toEqual([
          ["credit", "1000000"],
          ["debit", "-1000000"],
          ["reversal", "1000000"],
        ])

        // Back in stock: the retry pays once, under the cart's next key.
        await inventory.updateInventoryLevels([
          { inventory_item_id: inventoryItemId, location_id: level.location_id, stocked_quantity: 1000 },
        ])
        const { data: completed } = await complete(cartId, buyer.headers)
        expect(completed).toEqual(expect.objectContaining({ type: "order" }))
        expect(await balance(buyer.wallet_id)).toBe("0")
        const debits = await service().listWalletTransactions({ wallet_id: buyer.wallet_id, type: "debit" })
        expect(debits.map((d: any) => d.reference_id).sort()).toEqual([cartId, `${cartId}#2`])

        // Canceling the order gives the credit back to the lot it came from.
        await api.post(`/admin/orders/${completed.order.id}/cancel`, {}, admin)
        await waitFor(async () => ((await balance(buyer.wallet_id)) === "1000000" ? true : undefined))
        const lots = await service().listWalletLots({ wallet_id: buyer.wallet_id })
        expect(lots.map((l: any) => String(l.remaining))).toEqual(["1000000"])
        expect(await ledgerSum(buyer.wallet_id)).toBe("1000000")
      })

      it("should follow cart changes and apply credit by itself when the shop says so", async () => {
        const { pk, regions, variant, admin } = seeded
        const rich = await shopperWithCredit(admin, pk, "changes@example.com", "500000000")
        const cartId = await prepareCart(api, rich.headers, regions[0].id, [
          { variant_id: variant("washing-machine"), quantity: 2 },
        ])
        const { data: first } = await api.post(`/store/carts/${cartId}/loyalty-credit`, {}, rich.headers)
        expect(first.loyalty_credit).toEqual(expect.objectContaining({ applied: "500000000", limit: "balance" }))
        expect(first.cart.total).toBe(340500000)

        const cartNow = async () => (await api.get(`/store/carts/${cartId}`, rich.headers)).data.cart
        // One machine out: the credit shrinks to what is left to pay.
        const line = (await cartNow()).items[0]
        await api.post(`/store/carts/${cartId}/line-items/${line.id}`, { quantity: 1 }, rich.headers)
        const shrunk = await waitFor(async () => {
          const cart = await cartNow()
          return cart.credit_line_total === 420500000 ? cart : undefined
        })
        expect(shrunk.total).toBe(0)

        // An amount the shopper chose stays as long as it fits.
        await api.post(`/store/carts/${cartId}/loyalty-credit`, { amount: 100000000 }, rich.headers)
        await api.post(`/store/carts/${cartId}/line-items/${line.id}`, { quantity: 2 }, rich.headers)
        const grown = await waitFor(async () => {
          const cart = await cartNow()
          return cart.total === 740500000 ? cart : undefined
        })
        expect(grown.credit_line_total).toBe(100000000)

        // auto_apply: a logged-in shopper's new cart gets the most allowed.
        await api.post("/admin/loyalty/settings", { auto_apply: true }, admin)
        const saver = await shopperWithCredit(admin, pk, "auto@example.com", "1000000")
        const autoCart = await prepareCart(api, saver.headers, regions[0].id, [variant("vacuum-cleaner")])
        const applied = await waitFor(async () => {
          const { data } = await api.get(`/store/carts/${autoCart}`, saver.headers)
          return data.cart.credit_line_total === 1000000 ? data.cart : undefined
        })
        expect(applied.total).toBe(184500000)
      })

      it("should give back the wallet-paid share of returned items, and refund into the wallet on request", async () => {
        const { pk, regions, variant, admin } = seeded
        const buyer = await shopperWithCredit(admin, pk, "returns@example.com", "1000000")
        const cartId = await prepareCart(api, buyer.headers, regions[0].id, [
          { variant_id: variant("vacuum-cleaner"), quantity: 2 },
        ])
        await applyCredit(cartId, buyer.headers)
        const { data: completed } = await complete(cartId, buyer.headers)
        const order = completed.order
        expect(await balance(buyer.wallet_id)).toBe("0")
        // The shop captures the card payment (only captured money can be
        // refunded, to the card or to the wallet).
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: [placed] } = await query.graph({
          entity: "order",
          fields: ["payment_collections.payments.id"],
          filters: { id: order.id },
        })
        await api.post(`/admin/payments/${(placed as any).payment_collections[0].payments[0].id}/capture`, {}, admin)

        // Fulfil, then one of the two vacuum cleaners comes back.
        await api.post(
          `/admin/orders/${order.id}/fulfillments`,
          { items: order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) },
          admin
        )
        const { data: locations } = await query.graph({ entity: "stock_location", fields: ["id"] })
        const { data: { return: ret } } = await api.post(
          "/admin/returns",
          { order_id: order.id, location_id: locations[0].id },
          admin
        )
        const items = [{ id: order.items[0].id, quantity: 1 }]
        await api.post(`/admin/returns/${ret.id}/request-items`, { items }, admin)
        await api.post(`/admin/returns/${ret.id}/request`, {}, admin)
        await api.post(`/admin/returns/${ret.id}/receive`, {}, admin)
        await api.post(`/admin/returns/${ret.id}/receive-items`, { items }, admin)
        await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, admin)

        // 1,000,000 paid 370,500,000; the returned machine is 185,000,000 of
        // it: 1,000,000 x 185,000,000 / 370,500,000, rounded down.
        await waitFor(async () => ((await balance(buyer.wallet_id)) !== "0" ? true : undefined))
        expect(await balance(buyer.wallet_id)).toBe("499325")
        const giveBacks = await service().listWalletTransactions({ wallet_id: buyer.wallet_id, reference: "debit_give_back" })
        expect(giveBacks.map((t: any) => [String(t.amount), t.note])).toEqual([
          ["499325", "Items returned: credit given back"],
        ])

        // The admin refunds part of the card payment into the wallet instead.
        const key = { headers: { ...admin.headers, "Idempotency-Key": "refund-1" } }
        const first = await api.post(`/admin/loyalty/orders/${order.id}/refund-to-wallet`, { amount: "2000000" }, key)
        expect(first.status).toBe(201)
        const again = await api.post(`/admin/loyalty/orders/${order.id}/refund-to-wallet`, { amount: "2000000" }, key)
        expect(again.status).toBe(200)
        expect(again.data.transaction.id).toBe(first.data.transaction.id)
        expect(await balance(buyer.wallet_id)).toBe("2499325")
        const tooMuch = await failure(
          api.post(`/admin/loyalty/orders/${order.id}/refund-to-wallet`, { amount: "400000000" }, admin)
        )
        expect(tooMuch.status).toBe(400)
        expect(tooMuch.data.message).toBe("amount 400000000 is more than what is left to refund: 367500000 IRR")
        expect(tooMuch.data.code).toBe("loyalty_refund_over_refundable")
        const badAmount = await failure(
          api.post(`/admin/loyalty/orders/${order.id}/refund-to-wallet`, { amount: "1.5" }, admin)
        )
        expect(badAmount.status).toBe(400)
        expect(badAmount.data.message).toContain("amount")
        expect(badAmount.data.code).toBe("loyalty_amount_invalid")
        expect(await balance(buyer.wallet_id)).toBe("2499325")
        expect(await ledgerSum(buyer.wallet_id)).toBe("2499325")
      })

      it("should complete a cart that credit covers in full without a payment provider", async () => {
        const { pk, regions, variant, admin } = seeded
        const rich = await shopperWithCredit(admin, pk, "covered@example.com", "200000000")
        const { data: { cart } } = await api.post(
          "/store/carts",
          {
            region_id: regions[0].id,
            items: [{ variant_id: variant("vacuum-cleaner"), quantity: 1 }],
            shipping_address: { first_name: "Sara", address_1: "Valiasr St", city: "Tehran", country_code: "ir", postal_code: "1234567890" },
          },
          rich.headers
        )
        const { data: { shipping_options } } = await api.get(`/store/shipping-options?cart_id=${cart.id}`, rich.headers)
        await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id }, rich.headers)
        const { data } = await api.post(`/store/carts/${cart.id}/loyalty-credit`, {}, rich.headers)
        expect(data.cart.total).toBe(0)
        const { data: completed } = await complete(cart.id, rich.headers)
        expect(completed).toEqual(expect.objectContaining({ type: "order" }))
        expect(await balance(rich.wallet_id)).toBe("14500000")
      })

      it("should refuse credit in another currency than the cart's", async () => {
        const { pk, regions, variant, admin, usdRegion } = seeded
        const buyer = await shopperWithCredit(admin, pk, "currency@example.com", "1000000")
        const cartId = await prepareCart(api, buyer.headers, regions[0].id, [variant("vacuum-cleaner")])
        const { data } = await api.post(`/store/carts/${cartId}/loyalty-credit`, {}, buyer.headers)
        expect(data.loyalty_credit.applied).toBe("1000000")

        // The cart moves to USD: the IRR wallet cannot pay it, so the credit
        // comes off, and there is no USD balance to apply.
        await api.post(`/store/carts/${cartId}`, { region_id: usdRegion }, buyer.headers)
        const moved = await waitFor(async () => {
          const { data } = await api.get(`/store/carts/${cartId}`, buyer.headers)
          return data.cart.currency_code === "usd" && data.cart.credit_lines.length === 0 ? data.cart : undefined
        })
        expect(moved.credit_line_total).toBe(0)
        const { data: again } = await api.post(`/store/carts/${cartId}/loyalty-credit`, {}, buyer.headers)
        expect(again.loyalty_credit).toEqual(
          expect.objectContaining({ applied: "0", available: "0", limit: "balance", currency_code: "usd" })
        )
        expect(await balance(buyer.wallet_id)).toBe("1000000")
      })
    })
  },
})
