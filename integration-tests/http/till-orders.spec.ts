import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { failure, settled, tillStore } from "../helpers"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)
    const till = (key: string) => ({ headers: { "x-pos-key": key } })

    const setup = () => tillStore(getContainer(), api, "Till 9")

    /** What the admin's order page reads: statuses, payments, fulfillments. */
    const adminOrder = async (admin: any, id: string) => {
      const { data } = await api.get(`/admin/orders/${id}`, admin)
      const order = data.order
      return {
        status: order.status,
        payment_status: order.payment_status,
        fulfillment_status: order.fulfillment_status,
        payment_collections: order.payment_collections.map((pc: any) => ({
          status: pc.status,
          amount: pc.amount,
          payments: pc.payments.map((p: any) => ({
            provider_id: p.provider_id,
            amount: p.amount,
            captures: p.captures.map((c: any) => c.amount),
            refunds: (p.refunds ?? []).map((r: any) => r.amount),
          })),
        })),
        fulfillments: order.fulfillments.map((f: any) => ({
          requires_shipping: f.requires_shipping,
          shipped: !!f.shipped_at,
          delivered: !!f.delivered_at,
          canceled: !!f.canceled_at,
          location_id: f.location_id,
        })),
      }
    }

    /** The admin's order list, as its Payment and Fulfillment columns read it. */
    const listed = async (admin: any, id: string) => {
      const { data } = await api.get(`/admin/orders?limit=100`, admin)
      const order = data.orders.find((o: any) => o.id === id)
      return [order.payment_status, order.fulfillment_status]
    }

    const ledger = async (admin: any, customerId: string) => {
      const [wallet] = await service().listWallets({ customer_id: customerId })
      const { data } = await api.get(`/admin/loyalty/wallets/${wallet.id}/transactions`, admin)
      return data.transactions.map((t: any) => [t.type, t.amount])
    }

    describe("In-store orders in Medusa's admin", () => {
      it("should show a till purchase and a staff-registered one as captured and delivered, once however often sent", async () => {
        const { admin, key } = await setup()
        // Cashback that waits for fulfilment: at the till the goods leave
        // with the shopper, so it is spendable at once, released once.
        const { data: rules } = await api.get("/admin/loyalty/cashback-rules?limit=100", admin)
        const tillRule = rules.cashback_rules.find((r: any) => r.name === "2% at the till")
        await api.post(`/admin/loyalty/cashback-rules/${tillRule.id}`, { release: "fulfilled" }, admin)

        const body = { phone: "0935 777 1001", amount: "200000000", currency_code: "irr", receipt_id: "till-9-0001" }
        const first = await api.post("/pos/loyalty/purchases", body, till(key))
        expect(first.status).toBe(201)
        expect(first.data.member.balances).toEqual([{ currency_code: "irr", available: "4000000", status: "active" }])
        const orderId = first.data.purchase.order_id

        const paidAndHandedOver = {
          status: "pending",
          payment_status: "captured",
          fulfillment_status: "delivered",
          payment_collections: [
            {
              status: "completed",
              amount: 200000000,
              payments: [{ provider_id: "pp_system_default", amount: 200000000, captures: [200000000], refunds: [] }],
            },
          ],
          fulfillments: [
            { requires_shipping: false, shipped: false, delivered: true, canceled: false, location_id: expect.stringMatching(/^sloc_/) },
          ],
        }
        expect(await adminOrder(admin, orderId)).toEqual(paidAndHandedOver)
        expect(await listed(admin, orderId)).toEqual(["captured", "delivered"])

        // The till sends it again (a lost answer): nothing is added.
        const again = await settled(getContainer(), () => api.post("/pos/loyalty/purchases", body, till(key)))
        expect([again.status, again.data.purchase.order_id]).toEqual([200, orderId])
        expect(await adminOrder(admin, orderId)).toEqual(paidAndHandedOver)
        expect(again.data.member.balances[0].available).toBe("4000000")
        expect(await ledger(admin, first.data.purchase.customer_id)).toEqual([["credit", "4000000"]])

        // Staff register a purchase in the admin (a shop without a till):
        // the same record, and a retried request adds nothing. This shop's
        // In-store channel has no stock location: the handover is recorded
        // at one named "In-store", made once and linked to the channel.
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: [channel] } = await query.graph({
          entity: "sales_channel",
          fields: ["id", "stock_locations.id"],
          filters: { name: "In-store" },
        })
        await getContainer().resolve(ContainerRegistrationKeys.LINK).dismiss(
          (channel as any).stock_locations.map((l: any) => ({
            [Modules.SALES_CHANNEL]: { sales_channel_id: channel.id },
            [Modules.STOCK_LOCATION]: { stock_location_id: l.id },
          }))
        )
        const staff = { headers: { ...admin.headers, "idempotency-key": "counter-42" } }
        const purchase = { phone: "09357771002", amount: "30000000", currency_code: "irr" }
        const byStaff = await api.post("/admin/loyalty/purchases", purchase, staff)
        const retried = await api.post("/admin/loyalty/purchases", purchase, staff)
        expect([byStaff.status, retried.status]).toEqual([201, 200])
        expect(retried.data.purchase.order_id).toBe(byStaff.data.purchase.order_id)
        // Staff read each rule by the shop's name, the shoppers' names beside it.
        expect(byStaff.data.cashback.map((c: any) => c.rule.name)).toEqual(["2% at the till"])
        expect(byStaff.data.cashback[0].rule.names).toEqual({
          fa: "۲٪ کش‌بک خرید حضوری",
          en: "2% cashback on in-store purchases",
        })
        // The same key with another amount is a clash the admin can translate.
        const clash = await failure(api.post("/admin/loyalty/purchases", { ...purchase, amount: "31000000" }, staff))
        expect([clash.status, clash.data.code, clash.data.message]).toEqual([
          409,
          "loyalty_receipt_mismatch",
          "Receipt admin:counter-42 at Admin was registered with a different amount (registered: 30000000 IRR)",
        ])
        const badPhone = await failure(api.post("/admin/loyalty/purchases", { ...purchase, phone: "12345" }, admin))
        expect([badPhone.status, badPhone.data.code]).toEqual([400, "loyalty_phone_invalid"])
        expect(await adminOrder(admin, byStaff.data.purchase.order_id)).toEqual({
          ...paidAndHandedOver,
          payment_collections: [
            {
              status: "completed",
              amount: 30000000,
              payments: [{ provider_id: "pp_system_default", amount: 30000000, captures: [30000000], refunds: [] }],
            },
          ],
        })
        expect(await listed(admin, byStaff.data.purchase.order_id)).toEqual(["captured", "delivered"])
        const [handover] = (await adminOrder(admin, byStaff.data.purchase.order_id)).fulfillments
        const { data: location } = await api.get(
          `/admin/stock-locations/${handover.location_id}?fields=name,sales_channels.name`,
          admin
        )
        expect(location.stock_location).toEqual(
          expect.objectContaining({ name: "In-store", sales_channels: [expect.objectContaining({ name: "In-store" })] })
        )
        const { data: channels } = await api.get(`/admin/sales-channels/${channel.id}?fields=stock_locations.id`, admin)
        expect((channels.sales_channel.stock_locations as any[]).map((l) => l.id)).toEqual([handover.location_id])
      })

      it("should void a paid, handed-over purchase: order canceled, payment refunded, handover canceled, cashback taken back once", async () => {
        const { admin, key } = await setup()
        const body = { phone: "09357771003", amount: "200000000", currency_code: "irr", receipt_id: "till-9-0002" }
        const { data } = await api.post("/pos/loyalty/purchases", body, till(key))
        const orderId = data.purchase.order_id

        // The cancel and the refund core makes of it both take cashback
        // back: their subscribers run to the end before the ledger is read.
        const voided = await settled(getContainer(), () =>
          api.post(`/pos/loyalty/purchases/${body.receipt_id}/void`, {}, till(key))
        )
        expect([voided.status, voided.data.purchase.voided, voided.data.member.balances[0].available]).toEqual([
          200,
          true,
          "0",
        ])
        const again = await settled(getContainer(), () =>
          api.post(`/pos/loyalty/purchases/${body.receipt_id}/void`, {}, till(key))
        )
        expect(again.status).toBe(200)

        const order = await adminOrder(admin, orderId)
        expect(order).toEqual(
          expect.objectContaining({ status: "canceled", payment_status: "refunded", fulfillment_status: "canceled" })
        )
        expect(order.payment_collections).toEqual([
          {
            status: "canceled",
            amount: 200000000,
            payments: [{ provider_id: "pp_system_default", amount: 200000000, captures: [200000000], refunds: [200000000] }],
          },
        ])
        expect(order.fulfillments).toEqual([expect.objectContaining({ delivered: true, canceled: true })])
        expect(await listed(admin, orderId)).toEqual(["refunded", "canceled"])
        expect(await ledger(admin, data.purchase.customer_id)).toEqual([
          ["reversal", "-4000000"],
          ["credit", "4000000"],
        ])
      })

      it("should undo everything when recording the payment fails, and record it once when the till sends it again", async () => {
        const { admin, key } = await setup()
        const payments = getContainer().resolve(Modules.PAYMENT)
        const fulfillments = getContainer().resolve(Modules.FULFILLMENT)
        const made = async () => ({
          payment_collections: (await payments.listPaymentCollections({})).length,
          live_fulfillments: (await fulfillments.listFulfillments({})).filter((f) => !f.canceled_at).length,
        })
        const before = await made()
        const capture = jest.spyOn(payments, "capturePayment").mockRejectedValueOnce(new Error("capture failed"))
        const body = { phone: "09357771004", amount: "50000000", currency_code: "irr", receipt_id: "till-9-0003" }
        try {
          const failed = await failure(api.post("/pos/loyalty/purchases", body, till(key)))
          expect(failed.status).toBe(500)
        } finally {
          capture.mockRestore()
        }
        // No purchase, order, payment or live fulfillment was left behind.
        expect(await service().listPosPurchases({ receipt_id: body.receipt_id })).toEqual([])
        const { data: orders } = await api.get(`/admin/orders?fields=id,metadata&limit=100`, admin)
        expect(orders.orders.filter((o: any) => o.metadata?.loyalty_receipt_id === body.receipt_id)).toEqual([])
        expect(await made()).toEqual(before)

        const { status, data } = await api.post("/pos/loyalty/purchases", body, till(key))
        expect(status).toBe(201)
        const order = await adminOrder(admin, data.purchase.order_id)
        expect([order.payment_status, order.fulfillment_status]).toEqual(["captured", "delivered"])
        expect([order.payment_collections.length, order.fulfillments.length]).toEqual([1, 1])
        expect(data.member.balances[0].available).toBe("1000000")
      })
    })
  },
})
