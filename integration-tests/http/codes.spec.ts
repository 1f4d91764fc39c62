import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { releaseOrderCodeUsesWorkflow } from "../../src/workflows/codes"
import { adminHeaders, demoStore, failure, prepareCart, settled, shopper, waitFor } from "../helpers"

jest.setTimeout(300000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)

    const setup = async () => {
      const container = getContainer()
      const store = await demoStore(container)
      const admin = await adminHeaders(container, api)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({
        entity: "product",
        fields: ["handle", "variants.id"],
        filters: { handle: ["espresso-beans", "hand-grinder"] },
      })
      const variantOf = (handle: string) => (products as any[]).find((p) => p.handle === handle).variants[0].id
      const sara = await shopper(api, store.pk, { email: "sara.codes@example.com" })
      const reza = await shopper(api, store.pk, { email: "reza.codes@example.com" })
      return { ...store, admin, beans: variantOf("espresso-beans"), grinder: variantOf("hand-grinder"), sara, reza }
    }

    let seeded: Awaited<ReturnType<typeof setup>>
    beforeAll(async () => {
      seeded = await settled(getContainer(), setup)
    })

    const guest = () => ({ headers: { "x-publishable-api-key": seeded.pk } })

    /** Creates a batch; a bulk one is waited for until its codes are all made. */
    const createBatch = async (body: Record<string, unknown>) => {
      const { data } = await api.post("/admin/loyalty/code-batches", body, seeded.admin)
      if (data.code_batch.kind === "bulk") {
        return await waitFor(async () => {
          const { data: got } = await api.get(`/admin/loyalty/code-batches/${data.code_batch.id}`, seeded.admin)
          return got.code_batch.status === "active" ? got.code_batch : undefined
        }, 60000)
      }
      return data.code_batch
    }

    const codesOf = async (batchId: string, limit = 100) =>
      (await api.get(`/admin/loyalty/code-batches/${batchId}/codes?limit=${limit}`, seeded.admin)).data.codes

    /** Applies codes through core's store route; the answer whether it worked or not. */
    const applyCode = (cartId: string, h: any, code: string) =>
      api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [code] }, h).then(
        (res: any) => ({ status: res.status, data: res.data }),
        (err: any) => ({ status: err.response.status, data: err.response.data })
      )

    const cartOf = async (cartId: string, h: any) => (await api.get(`/store/carts/${cartId}`, h)).data.cart

    /** A storefront starts the payment again after any change of the total. */
    const pay = async (cartId: string, h: any) => {
      const { data: { payment_collection } } = await api.post("/store/payment-collections", { cart_id: cartId }, h)
      await api.post(
        `/store/payment-collections/${payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        h
      )
    }

    const complete = (cartId: string, h: any) =>
      api.post(`/store/carts/${cartId}/complete`, {}, h).then(
        (res: any) => ({ status: res.status, data: res.data }),
        (err: any) => ({ status: err.response.status, data: err.response.data })
      )

    describe("Code batches", () => {
      it("should make a bulk batch in the background, list its codes and export them as CSV", async () => {
        const { admin } = seeded
        const { data: created } = await api.post(
          "/admin/loyalty/code-batches",
          { name: "Spring", kind: "bulk", discount_type: "percentage", value: "10", prefix: "spring", quantity: 2500 },
          admin
        )
        expect(created.code_batch).toEqual(
          expect.objectContaining({ kind: "bulk", status: "creating", quantity: 2500, prefix: "SPRING", value: "10" })
        )
        expect(created.code_batch.campaign).toEqual({ id: expect.any(String), budget: null })
        const batch = await waitFor(async () => {
          const { data } = await api.get(`/admin/loyalty/code-batches/${created.code_batch.id}`, admin)
          return data.code_batch.status === "active" ? data.code_batch : undefined
        }, 60000)
        expect(batch.issued).toBe(2500)
        expect(batch.stats).toEqual({ codes: 2500, used: 0, redemption_rate: "0", revenue: {}, discount: {} })

        const { data: page } = await api.get(`/admin/loyalty/code-batches/${batch.id}/codes?limit=100&offset=100`, admin)
        expect(page.count).toBe(2500)
        expect(page.codes).toHaveLength(100)
        expect(page.codes[0]).toEqual({
          id: expect.any(String),
          code: expect.stringMatching(/^SPRING-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{9}$/),
          customer_id: null,
          expires_at: null,
          used: false,
          order_id: null,
          disabled_at: null,
        })
        const tooMany = await failure(api.get(`/admin/loyalty/code-batches/${batch.id}/codes?limit=101`, admin))
        expect(tooMany.status).toBe(400)

        const csv = await api.get(`/admin/loyalty/code-batches/${batch.id}/export`, admin)
        expect(csv.headers["content-type"]).toContain("text/csv")
        const lines = String(csv.data).trim().split("\n")
        expect(lines[0]).toBe("code,customer_id,expires_at,used,order_id")
        expect(lines).toHaveLength(2501)
        const codes = lines.slice(1).map((l) => l.split(",")[0])
        expect(new Set(codes).size).toBe(2500)
        expect(lines[1]).toMatch(/^SPRING-[2-9A-Z]{9},,,false,$/)

        const { data: list } = await api.get("/admin/loyalty/code-batches?kind=bulk&q=spring", admin)
        expect(list.count).toBe(1)
        expect(list.code_batches[0].id).toBe(batch.id)
      })

      it("should refuse a malformed batch, naming the field", async () => {
        const { admin } = seeded
        const base = { name: "Bad", kind: "bulk", discount_type: "percentage", value: "10", quantity: 10 }
        const cases: [Record<string, unknown>, string, string][] = [
          [{ value: "150" }, "loyalty_value_invalid", "value"],
          [{ quantity: 0 }, "loyalty_quantity_invalid", "quantity"],
          [{ quantity: 100001 }, "loyalty_quantity_invalid", "quantity"],
          [{ prefix: "NO WAY!" }, "loyalty_prefix_invalid", "prefix"],
          [{ max_discount: { irr: "-5" } }, "loyalty_max_discount_invalid", "max_discount.irr"],
          [{ min_basket: { irr: "1e9" } }, "loyalty_min_basket_invalid", "min_basket.irr"],
          [{ discount_type: "fixed", value: "1000" }, "loyalty_invalid_request", "currency_code"],
          [{ ends_at: "2020-01-01T00:00:00Z" }, "loyalty_expires_at_invalid", "ends_at"],
          [{ surprise: true }, "loyalty_invalid_request", "surprise"],
        ]
        for (const [change, code, field] of cases) {
          const res = await failure(api.post("/admin/loyalty/code-batches", { ...base, ...change }, admin))
          expect({ change, status: res.status, message: res.data.message }).toEqual({
            change,
            status: 400,
            message: expect.stringContaining(field),
          })
          if (code !== "loyalty_expires_at_invalid") {
            expect({ change, code: res.data.code }).toEqual({ change, code })
          }
        }
      })
    })

    describe("Codes in carts", () => {
      it("should work in the core promotions route, refuse a basket under the minimum and drop the code when the cart falls under it", async () => {
        const { pk, regions, variant, beans, sara } = seeded
        const batch = await createBatch({
          name: "Big baskets",
          kind: "bulk",
          discount_type: "percentage",
          value: "10",
          min_basket: { irr: "100000000" },
          quantity: 3,
        })
        const [code, typedOnAPhone] = (await codesOf(batch.id)).map((c: any) => c.code)

        // Typed the way a phone types it: lower case, a space, Persian
        // digits. Core looks codes up exactly; the club's middleware gives
        // core the code itself.
        const typed = `${typedOnAPhone.slice(0, 4)} ${typedOnAPhone.slice(4)}`
          .toLowerCase()
          .replace(/[0-9]/g, (d: string) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)])
        const phoneCart = await prepareCart(api, sara.headers, regions[0].id, [variant("vacuum-cleaner")])
        const fromPhone = await applyCode(phoneCart, sara.headers, typed)
        expect(fromPhone.status).toBe(200)
        expect(fromPhone.data.cart.promotions.map((p: any) => p.code)).toEqual([typedOnAPhone])
        expect(fromPhone.data.cart.discount_total).toBe(18500000)

        const small = await prepareCart(api, sara.headers, regions[0].id, [beans])
        const refused = await applyCode(small, sara.headers, code)
        expect(refused.status).toBe(400)
        expect(refused.data.code).toBe("loyalty_code_min_basket")
        expect(refused.data.message).toBe(
          `Code ${code} needs a basket of at least 100000000 IRR; this cart's items come to 28500000 IRR`
        )

        const cartId = await prepareCart(api, sara.headers, regions[0].id, [variant("vacuum-cleaner")])
        const applied = await applyCode(cartId, sara.headers, code)
        expect(applied.status).toBe(200)
        expect(applied.data.cart.promotions.map((p: any) => p.code)).toEqual([code])
        expect(applied.data.cart.discount_total).toBe(18500000)

        // The shopper swaps the vacuum cleaner for coffee: the code drops off.
        let cart = await cartOf(cartId, sara.headers)
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: beans, quantity: 1 }, sara.headers)
        const vacuum = cart.items.find((i: any) => i.variant_id === variant("vacuum-cleaner"))
        await api.delete(`/store/carts/${cartId}/line-items/${vacuum.id}`, sara.headers)
        cart = await cartOf(cartId, sara.headers)
        expect(cart.promotions).toEqual([])
        expect(cart.discount_total).toBe(0)
        void pk
      })

      it("should cap a percent discount, keep the cap when an item is added and go back to the percent when it is removed", async () => {
        const { regions, variant, sara } = seeded
        const batch = await createBatch({
          name: "Capped",
          kind: "bulk",
          discount_type: "percentage",
          value: "20",
          max_discount: { irr: "50000000" },
          quantity: 2,
        })
        const [code] = (await codesOf(batch.id)).map((c: any) => c.code)
        const cartId = await prepareCart(api, sara.headers, regions[0].id, [variant("vacuum-cleaner")])
        const applied = await applyCode(cartId, sara.headers, code)
        expect(applied.status).toBe(200)
        // 20% of 185,000,000 is 37,000,000: under the cap.
        expect(applied.data.cart.discount_total).toBe(37000000)

        const { data: added } = await api.post(
          `/store/carts/${cartId}/line-items`,
          { variant_id: variant("washing-machine"), quantity: 1 },
          sara.headers
        )
        // 20% of 605,000,000 would be 121,000,000: the cap holds.
        expect(added.cart.discount_total).toBe(50000000)
        expect(added.cart.promotions.map((p: any) => p.code)).toEqual([code])

        const machine = added.cart.items.find((i: any) => i.variant_id === variant("washing-machine"))
        const { data: removed } = await api.delete(`/store/carts/${cartId}/line-items/${machine.id}`, sara.headers)
        expect(removed.parent.discount_total).toBe(37000000)

        // Two carts moved the promotion under each other: the completion
        // finds the discount above the cap, corrects the cart and refuses.
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variant("washing-machine"), quantity: 1 }, sara.headers)
        const cartModule = getContainer().resolve(Modules.CART)
        const inflated = await cartOf(cartId, sara.headers)
        await cartModule.setLineItemAdjustments(
          cartId,
          inflated.items.map((i: any) => ({ item_id: i.id, code, amount: (i.unit_price * i.quantity) / 5 }))
        )
        await pay(cartId, sara.headers)
        const refused = await complete(cartId, sara.headers)
        expect(refused.status).toBe(400)
        expect(refused.data.code).toBe("loyalty_code_discount_corrected")
        expect(refused.data.message).toContain(`Code ${code} gave 121000000 IRR, above its cap of 50000000 IRR`)
        expect((await cartOf(cartId, sara.headers)).discount_total).toBe(50000000)
        await pay(cartId, sara.headers)
        const done = await complete(cartId, sara.headers)
        expect(done.data.type).toBe("order")
        expect(done.data.order.discount_total).toBe(50000000)
      })

      it("should enforce the expiry, on applying and at completion", async () => {
        const { regions, variant, sara } = seeded
        const batch = await createBatch({ name: "Short", kind: "bulk", discount_type: "percentage", value: "5", quantity: 2 })
        const [first, second] = await codesOf(batch.id)
        const past = new Date(Date.now() - 60000)
        await service().updateCodes({ id: first.id, expires_at: past })
        const cartId = await prepareCart(api, sara.headers, regions[0].id, [variant("vacuum-cleaner")])
        const expired = await applyCode(cartId, sara.headers, first.code)
        expect(expired.status).toBe(400)
        expect(expired.data.code).toBe("loyalty_code_expired")
        expect(expired.data.message).toBe(`Code ${first.code} expired on ${past.toISOString()}`)

        // A code that ends while it sits on a cart does not complete it.
        expect((await applyCode(cartId, sara.headers, second.code)).status).toBe(200)
        await service().updateCodes({ id: second.id, expires_at: past })
        await pay(cartId, sara.headers)
        const refused = await complete(cartId, sara.headers)
        expect(refused.status).toBe(400)
        expect(refused.data.code).toBe("loyalty_code_expired")
        const cart = await cartOf(cartId, sara.headers)
        expect(cart.promotions).toEqual([])
        expect(cart.discount_total).toBe(0)
      })

      it("should refuse a personal code for another shopper and for a guest, and list each shopper's own gifts", async () => {
        const { regions, variant, sara, reza, admin, pk } = seeded
        const template = await createBatch({
          name: "Birthday gift",
          kind: "personal",
          discount_type: "percentage",
          value: "15",
          valid_days: 30,
          prefix: "BDAY",
        })
        expect(template.status).toBe("active")
        const { data: issued } = await api.post(
          `/admin/loyalty/code-batches/${template.id}/codes`,
          { customer_id: sara.customer.id },
          admin
        )
        const code = issued.code.code
        expect(issued.code).toEqual(
          expect.objectContaining({
            code: expect.stringMatching(/^BDAY-[2-9A-Z]{9}$/),
            customer_id: sara.customer.id,
            discount: { discount_type: "percentage", value: "15", currency_code: null, max_discount: null },
          })
        )
        const unknown = await failure(
          api.post(`/admin/loyalty/code-batches/lcb_missing/codes`, { customer_id: sara.customer.id }, admin)
        )
        expect(unknown.status).toBe(404)
        expect(unknown.data.code).toBe("loyalty_code_batch_not_found")
        const nobody = await failure(
          api.post(`/admin/loyalty/code-batches/${template.id}/codes`, { customer_id: "cus_missing" }, admin)
        )
        expect(nobody.status).toBe(404)
        expect(nobody.data.code).toBe("loyalty_customer_not_found")
        const days = (new Date(issued.code.expires_at).getTime() - Date.now()) / 86400000
        expect(days).toBeGreaterThan(29.9)
        expect(days).toBeLessThanOrEqual(30)

        const rezaCart = await prepareCart(api, reza.headers, regions[0].id, [variant("vacuum-cleaner")])
        const notYours = await applyCode(rezaCart, reza.headers, code)
        expect(notYours.status).toBe(400)
        expect(notYours.data).toEqual(
          expect.objectContaining({ code: "loyalty_code_not_yours", message: `Code ${code} is a personal code of another customer` })
        )
        const guestCart = await prepareCart(api, guest(), regions[0].id, [variant("vacuum-cleaner")])
        const loginFirst = await applyCode(guestCart, guest(), code)
        expect(loginFirst.status).toBe(400)
        expect(loginFirst.data.code).toBe("loyalty_code_login_required")
        // A guest who types Sara's email gets her account on the cart (core):
        // the code still wants her logged in.
        await api.post(`/store/carts/${guestCart}`, { email: sara.customer.email }, guest())
        const byEmail = await applyCode(guestCart, guest(), code.toLowerCase())
        expect(byEmail.status).toBe(400)
        expect(byEmail.data.code).toBe("loyalty_code_login_required")
        const created = await failure(
          api.post("/store/carts", { region_id: regions[0].id, promo_codes: [code] }, guest())
        )
        expect(created.data.code).toBe("loyalty_code_login_required")

        const saraCart = await prepareCart(api, sara.headers, regions[0].id, [variant("vacuum-cleaner")])
        const mine = await applyCode(saraCart, sara.headers, code)
        expect(mine.status).toBe(200)
        expect(mine.data.cart.discount_total).toBe(27750000)

        const { data: gifts } = await api.get("/store/loyalty/gifts", sara.headers)
        expect(gifts).toEqual({
          gifts: [
            {
              id: issued.code.id,
              type: "code",
              occasion: null,
              code,
              discount: { discount_type: "percentage", value: "15", currency_code: null, max_discount: null },
              amount: null,
              currency_code: null,
              state: "available",
              expires_at: issued.code.expires_at,
              created_at: expect.any(String),
            },
          ],
          count: 1,
          offset: 0,
          limit: 20,
        })
        expect((await api.get("/store/loyalty/gifts", reza.headers)).data.count).toBe(0)
        expect((await failure(api.get("/store/loyalty/gifts", guest()))).status).toBe(401)
        expect((await failure(api.get("/store/loyalty/gifts?limit=51", sara.headers))).status).toBe(400)
        const { data: widget } = await api.get(`/admin/loyalty/customers/${sara.customer.id}/gifts`, admin)
        expect(widget.gifts.map((g: any) => g.code)).toEqual([code])
        void pk
      })

      it("should let only one of two concurrent completions use a single-use code", async () => {
        const { regions, variant, sara, reza, admin } = seeded
        const batch = await createBatch({ name: "Once", kind: "bulk", discount_type: "fixed", value: "1000000", currency_code: "irr", quantity: 1 })
        const [{ code }] = await codesOf(batch.id)
        const carts = [
          [await prepareCart(api, sara.headers, regions[0].id, [variant("vacuum-cleaner")]), sara.headers],
          [await prepareCart(api, reza.headers, regions[0].id, [variant("vacuum-cleaner")]), reza.headers],
        ] as const
        for (const [cartId, h] of carts) {
          const applied = await applyCode(cartId, h, code)
          expect(applied.data.cart.discount_total).toBe(1000000)
          await pay(cartId, h)
        }
        const results = await Promise.all(carts.map(([cartId, h]) => complete(cartId, h)))
        const orders = results.filter((r) => r.data.type === "order")
        expect(orders).toHaveLength(1)
        const loser = results.find((r) => r.data.type !== "order")!
        expect(loser.status).toBe(400)
        expect(loser.data.message).toMatch(new RegExp(`Code ${code} has already been used|usage exceeds the limit`))

        const used = await waitFor(async () => {
          const [row] = await codesOf(batch.id)
          return row.used && row.order_id ? row : undefined
        })
        expect(used.order_id).toBe(orders[0].data.order.id)
        const { data } = await api.get(`/admin/loyalty/code-batches/${batch.id}`, admin)
        expect(data.code_batch.stats).toEqual({
          codes: 1,
          used: 1,
          redemption_rate: "100",
          revenue: { irr: String(orders[0].data.order.total) },
          discount: { irr: "1000000" },
        })
      })

      it("should give the use back when the order is canceled, once however often the cancel arrives", async () => {
        const { regions, variant, sara, reza, admin } = seeded
        const batch = await createBatch({ name: "Comeback", kind: "bulk", discount_type: "percentage", value: "10", quantity: 1 })
        const [{ code }] = await codesOf(batch.id)
        const buy = async (h: any) => {
          const cartId = await prepareCart(api, h, regions[0].id, [variant("vacuum-cleaner")])
          const applied = await applyCode(cartId, h, code)
          if (applied.status !== 200) {
            return applied
          }
          await pay(cartId, h)
          return await complete(cartId, h)
        }
        const first = await buy(sara.headers)
        expect(first.data.type).toBe("order")
        await waitFor(async () => ((await codesOf(batch.id))[0].used ? true : undefined))
        const again = await buy(reza.headers)
        expect(again.status).toBe(400)
        expect(again.data.code).toBe("loyalty_code_used")

        await api.post(`/admin/orders/${first.data.order.id}/cancel`, {}, admin)
        await waitFor(async () => ((await codesOf(batch.id))[0].used ? undefined : true))
        const second = await buy(reza.headers)
        expect(second.data.type).toBe("order")
        expect(second.data.order.discount_total).toBe(18500000)
        await waitFor(async () => ((await codesOf(batch.id))[0].order_id === second.data.order.id ? true : undefined))

        // The first order's cancel arrives again: nothing more is given back.
        const { result } = await releaseOrderCodeUsesWorkflow(getContainer()).run({
          input: { order_id: first.data.order.id },
        })
        expect(result.released).toBe(0)
        const promotions = getContainer().resolve(Modules.PROMOTION)
        const [promotion] = await promotions.listPromotions({ code })
        expect(promotion.used).toBe(1)
        const third = await buy(sara.headers)
        expect(third.status).toBe(400)
        expect(third.data.code).toBe("loyalty_code_used")
      })

      it("should stop every code of a disabled batch", async () => {
        const { regions, variant, sara, admin } = seeded
        const batch = await createBatch({ name: "Stop", kind: "bulk", discount_type: "percentage", value: "10", quantity: 2 })
        const [a, b] = (await codesOf(batch.id)).map((c: any) => c.code)
        const cartId = await prepareCart(api, sara.headers, regions[0].id, [variant("vacuum-cleaner")])
        expect((await applyCode(cartId, sara.headers, a)).status).toBe(200)
        const bulkGift = await failure(
          api.post(`/admin/loyalty/code-batches/${batch.id}/codes`, { customer_id: sara.customer.id }, admin)
        )
        expect(bulkGift.status).toBe(400)
        expect(bulkGift.data.code).toBe("loyalty_code_batch_not_personal")
        const { data } = await api.post(`/admin/loyalty/code-batches/${batch.id}/disable`, {}, admin)
        expect(data.code_batch.status).toBe("disabled")
        const promotions = getContainer().resolve(Modules.PROMOTION)
        const [promotion] = await promotions.listPromotions({ code: a })
        expect(promotion.status).toBe("inactive")
        const other = await prepareCart(api, sara.headers, regions[0].id, [variant("vacuum-cleaner")])
        const refused = await applyCode(other, sara.headers, b)
        expect(refused.status).toBe(400)
        expect(refused.data.code).toBe("loyalty_code_batch_disabled")
        // The cart that had one drops it at its next change.
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variant("vacuum-cleaner"), quantity: 1 }, sara.headers)
        expect((await cartOf(cartId, sara.headers)).discount_total).toBe(0)
      })
    })
  },
})
