// This store also runs Medusa's own `@medusajs/loyalty-plugin` (store credit,
// gift cards), whose hooks on the core checkout workflows take their one
// handler each; ours uses other hooks. Set before the runner reads the config.
process.env.LOYALTY_WITH_OFFICIAL_PLUGIN = "true"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { adminHeaders, demoStore, prepareCart, shopper } from "../helpers"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("With @medusajs/loyalty-plugin in the same store", () => {
      it("should pay one cart with both plugins' credit, each debited once", async () => {
        const container = getContainer()
        const { pk, regions, variant } = await demoStore(container)
        const admin = await adminHeaders(container, api)
        const { data: { cashback_rules } } = await api.get("/admin/loyalty/cashback-rules", admin)
        for (const rule of cashback_rules) {
          await api.post(`/admin/loyalty/cashback-rules/${rule.id}`, { is_active: false }, admin)
        }
        const buyer = await shopper(api, pk, { email: "both@example.com" })

        // Our wallet: 1,000,000 IRR.
        const { data: opened } = await api.post(
          "/admin/loyalty/wallets",
          { customer_id: buyer.customer.id, currency_code: "irr" },
          admin
        )
        await api.post(`/admin/loyalty/wallets/${opened.wallet.id}/credit`, { amount: 1000000, note: "Gift" }, admin)
        // Their store credit account: 2,000,000 IRR.
        const { data: account } = await api.post(
          "/admin/store-credit-accounts",
          { currency_code: "irr", customer_id: buyer.customer.id },
          admin
        )
        const accountId = account.store_credit_account.id
        await api.post(`/admin/store-credit-accounts/${accountId}/credit`, { amount: 2000000 }, admin)

        const cartId = await prepareCart(api, buyer.headers, regions[0].id, [variant("vacuum-cleaner")])
        await api.post(`/store/carts/${cartId}/store-credits`, { amount: 2000000 }, buyer.headers)
        const { data: ours } = await api.post(`/store/carts/${cartId}/loyalty-credit`, {}, buyer.headers)
        expect(ours.loyalty_credit).toEqual(expect.objectContaining({ applied: "1000000", limit: "balance" }))
        // 185,000,000 + 500,000 shipping - 2,000,000 - 1,000,000
        expect(ours.cart.total).toBe(182500000)
        expect(ours.cart.credit_lines.map((l: any) => [l.reference, l.amount]).sort()).toEqual([
          ["loyalty_wallet", 1000000],
          ["store-credit", 2000000],
        ])

        const { data: { payment_collection } } = await api.post("/store/payment-collections", { cart_id: cartId }, buyer.headers)
        await api.post(
          `/store/payment-collections/${payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          buyer.headers
        )
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, buyer.headers)
        expect(completed.type).toBe("order")
        const { data: { order } } = await api.get(
          `/admin/orders/${completed.order.id}?fields=total,credit_line_total,*payment_collections`,
          admin
        )
        expect(order.total).toBe(182500000)
        expect(order.payment_collections[0].amount).toBe(182500000)

        const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
        const debits = await service.listWalletTransactions({ wallet_id: opened.wallet.id, type: "debit" })
        expect(debits.map((d: any) => [d.reference, String(d.amount)])).toEqual([["cart", "-1000000"]])
        expect((await service.getBalances([opened.wallet.id]))[opened.wallet.id].available).toBe("0")
        const { data: theirs } = await api.get(`/admin/store-credit-accounts/${accountId}`, admin)
        expect(Number(theirs.store_credit_account.balance)).toBe(0)
      })
    })
  },
})
