import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import {
  releaseHeldCashbackWorkflow,
  reverseOrderCashbackWorkflow,
} from "../../src/workflows"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { backfillCashback } from "../../src/scripts/backfill-cashback"
import { DEMO_CUSTOMERS } from "../../demo/constants"
import { adminHeaders, checkout, demoStore, failure, settled, shopper, waitFor } from "../helpers"

jest.setTimeout(240000)

const DAY = 86400000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)

    const walletOf = async (h: any) =>
      waitFor(async () => {
        const { data } = await api.get("/store/loyalty/wallets", h)
        return data.wallets[0]
      })

    const ledger = async (walletId: string, admin: any) => {
      const { data } = await api.get(`/admin/loyalty/wallets/${walletId}/transactions?limit=50`, admin)
      return data.transactions
    }

    // Every scenario ends with the cached balance equal to the ledger sum
    // and to the sum of the lots (debt lots count negative).
    const expectConsistent = async (walletId: string) => {
      const [wallet] = await service().listWallets({ id: walletId })
      const lots = await service().listWalletLots({ wallet_id: walletId })
      const lotSum = lots
        .filter((l: any) => !l.expired_at)
        .reduce((sum: bigint, l: any) => sum + BigInt(String(l.remaining)), 0n)
      const total = (await service().getLedgerTotals([walletId]))[walletId]
      expect(String(wallet.balance)).toBe(total)
      expect(lotSum.toString()).toBe(total)
    }

    // The admin return flow: request the items, confirm, receive them.
    const returnItems = async (admin: any, orderId: string, items: { id: string; quantity: number }[]) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: locations } = await query.graph({ entity: "stock_location", fields: ["id"] })
      const { data: { return: ret } } = await api.post(
        "/admin/returns",
        { order_id: orderId, location_id: locations[0].id },
        admin
      )
      await api.post(`/admin/returns/${ret.id}/request-items`, { items }, admin)
      await api.post(`/admin/returns/${ret.id}/request`, {}, admin)
      await api.post(`/admin/returns/${ret.id}/receive`, {}, admin)
      await api.post(`/admin/returns/${ret.id}/receive-items`, { items }, admin)
      await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, admin)
      return ret.id
    }

    const fulfilAll = async (admin: any, order: any) =>
      api.post(
        `/admin/orders/${order.id}/fulfillments`,
        { items: order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) },
        admin
      )

    const capture = async (admin: any, orderId: string) => {
      const { data: { order } } = await api.get(
        `/admin/orders/${orderId}?fields=*payment_collections.payments`,
        admin
      )
      const payment = order.payment_collections[0].payments[0]
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      return payment
    }

    // Seeding the demo store takes most of a test's time, so it is done once:
    // the runner copies the database into its template before the first test
    // and restores that copy before each one, so every test still starts from
    // a freshly seeded store (same ids).
    let store: Awaited<ReturnType<typeof demoStore>>
    beforeAll(async () => {
      store = await settled(getContainer(), () => demoStore(getContainer()))
    })

    describe("Taking cashback back", () => {
      it("should take back the returned items' part of the cashback on a partial return, once", async () => {
        const container = getContainer()
        const { pk, regions, variant } = store
        const admin = await adminHeaders(container, api)
        const sara = await shopper(api, pk, { email: "return@example.com" })
        const order = await checkout(api, sara.headers, regions[0].id, [
          variant("vacuum-cleaner"),
          { variant_id: variant("washing-machine"), quantity: 2 },
        ])
        const wallet = await waitFor(async () => {
          const { data } = await api.get("/store/loyalty/wallets", sara.headers)
          const w = data.wallets[0]
          return w?.balance.pending === "16800000" && w.balance.available === "1850000" ? w : undefined
        })

        const payment = await capture(admin, order.id)
        await fulfilAll(admin, order)
        const washer = order.items.find((i: any) => i.quantity === 2)
        await returnItems(admin, order.id, [{ id: washer.id, quantity: 1 }])

        // One of two washing machines came back: half of its 16,800,000.
        const after = await waitFor(async () => {
          const { data } = await api.get(`/admin/loyalty/wallets/${wallet.id}`, admin)
          return data.wallet.balance.pending === "8400000" ? data.wallet : undefined
        })
        expect(after.balance).toEqual(expect.objectContaining({ available: "1850000", pending: "8400000" }))
        const reversals = (await ledger(wallet.id, admin)).filter((t: any) => t.type === "reversal")
        expect(reversals.map((t: any) => [t.amount, t.note, t.metadata.reason])).toEqual([
          ["-8400000", "Items returned", "returned"],
        ])

        // The same event again takes nothing more.
        await reverseOrderCashbackWorkflow(container).run({ input: { order_id: order.id, reason: "returned" } })
        expect((await ledger(wallet.id, admin)).filter((t: any) => t.type === "reversal")).toHaveLength(1)

        // The refund of the returned machine (420,000,000 of 1,025,500,000
        // paid) is already covered by the return: nothing more comes back.
        await api.post(`/admin/payments/${payment.id}/refund`, { amount: 420000000 }, admin)
        await reverseOrderCashbackWorkflow(container).run({ input: { order_id: order.id, reason: "refunded" } })
        expect((await ledger(wallet.id, admin)).filter((t: any) => t.type === "reversal")).toHaveLength(1)

        // The second machine comes back too: the rest of its cashback.
        await returnItems(admin, order.id, [{ id: washer.id, quantity: 1 }])
        await waitFor(async () => {
          const { data } = await api.get(`/admin/loyalty/wallets/${wallet.id}`, admin)
          return data.wallet.balance.pending === "0" ? true : undefined
        })
        const all = (await ledger(wallet.id, admin)).filter((t: any) => t.type === "reversal")
        expect(all.map((t: any) => t.amount).sort()).toEqual(["-8400000", "-8400000"])
        await expectConsistent(wallet.id)

        // The order page's view: each rule's cashback and its state.
        const { data: earned } = await api.get(`/admin/loyalty/orders/${order.id}/cashback`, admin)
        expect(earned).toEqual(
          expect.objectContaining({ currency_code: "irr", total: "18650000", taken_back: "16800000" })
        )
        expect(earned.cashback.map((c: any) => [c.rule.name, c.amount, c.state, c.taken_back]).sort()).toEqual([
          ["1% on vacuum cleaners", "1850000", "available", "0"],
          ["2% on washing machines", "16800000", "reversed", "16800000"],
        ])
        // The rule list counts the order and what came back.
        const { data: rules } = await api.get("/admin/loyalty/cashback-rules", admin)
        const washing = rules.cashback_rules.find((r: any) => r.name === "2% on washing machines")
        // Sara's demo order (one machine, 8,400,000) counts too.
        expect(washing.usage).toEqual({
          orders: 2,
          amounts: [{ currency_code: "irr", awarded: "25200000", taken_back: "16800000" }],
        })
      })

      it("should take back the refunded share of the cashback on a refund without a return", async () => {
        const container = getContainer()
        const { pk, regions, variant } = store
        const admin = await adminHeaders(container, api)
        const reza = await shopper(api, pk, { email: "refund@example.com" })
        const order = await checkout(api, reza.headers, regions[0].id, [variant("vacuum-cleaner")])
        const wallet = await waitFor(async () => {
          const { data } = await api.get("/store/loyalty/wallets", reza.headers)
          return data.wallets[0]?.balance.available === "1850000" ? data.wallets[0] : undefined
        })
        const payment = await capture(admin, order.id)
        // Half of the 185,500,000 paid comes back: half of the cashback goes.
        await api.post(`/admin/payments/${payment.id}/refund`, { amount: 92750000 }, admin)
        const after = await waitFor(async () => {
          const { data } = await api.get(`/admin/loyalty/wallets/${wallet.id}`, admin)
          return data.wallet.balance.available === "925000" ? data.wallet : undefined
        })
        expect(after.balance.available).toBe("925000")
        const reversals = (await ledger(wallet.id, admin)).filter((t: any) => t.type === "reversal")
        expect(reversals.map((t: any) => [t.amount, t.note])).toEqual([["-925000", "Order refunded"]])
        await expectConsistent(wallet.id)
      })

      it("should follow the shop's clawback strategy when the shopper already spent the cashback", async () => {
        const container = getContainer()
        const { pk, regions, variant } = store
        const admin = await adminHeaders(container, api)

        const bad = await failure(api.post("/admin/loyalty/settings", { clawback_strategy: "later" }, admin))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("clawback_strategy")
        const { data: defaults } = await api.get("/admin/loyalty/settings", admin)
        expect(defaults.settings).toEqual({
          clawback_strategy: "partial",
          include_credit_paid: false,
          credit_pays_shipping: true,
          max_credit_share: null,
          min_redeem_balance: null,
          tier_grace_days: 30,
          auto_apply: false,
          // The demo turns on the birthday and Nowruz occasions; each
          // occasion's SMS switch reads from the occasion itself.
          sms_events: {
            birthday: true,
            first_order: false,
            first_order_anniversary: false,
            membership_anniversary: false,
            nowruz: true,
            win_back: false,
            yalda: false,
          },
          reminder_days: null,
          quiet_hours_start: "22:00",
          quiet_hours_end: "09:00",
          time_zone: "Asia/Tehran",
          sender_line: null,
          // The demo names the shop for its messages.
          store_name: "Loyalty Club Demo",
          default_locale: "fa",
          money_display: "toman",
          win_back_days: 60,
          signup_bonus: null,
          // A new shop asks for the member's code at the till.
          pos_redeem_requires_code: true,
          pos_max_purchase: null,
          signup_countries: null,
          signup_hourly_cap: 300,
          signup_per_address_limit: 10,
          signup_behind_proxy: false,
          receipt_link_days: 30,
          receipt_sms_online: false,
          feedback_low_rating: 2,
          feedback_apology_credit: null,
          transfers_enabled: true,
          transfer_claim_days: 7,
          transfer_max_amount: null,
          transfer_daily_limit: null,
          transfer_daily_count: 5,
          // Promotional SMS end with the gateway's default opt-out line; the
          // demo prices an SMS part for its two gateways (campaign estimates).
          sms_opt_out_line: null,
          sms_part_prices: {
            log: { amount: "1250", currency_code: "irr" },
            webhook: { amount: "1250", currency_code: "irr" },
          },
        })

        // Each shopper has 1,000,000 of gift credit (no expiry), earns
        // 1,850,000 on a vacuum cleaner, spends 2,500,000 (the cashback
        // first, it expires sooner) and the order is canceled.
        const outcomes: Record<string, any> = {}
        for (const strategy of ["partial", "force_negative", "skip"]) {
          await api.post("/admin/loyalty/settings", { clawback_strategy: strategy }, admin)
          const buyer = await shopper(api, pk, { email: `${strategy}@example.com` })
          const { data: opened } = await api.post(
            "/admin/loyalty/wallets",
            { customer_id: buyer.customer.id, currency_code: "irr" },
            admin
          )
          const walletId = opened.wallet.id
          await api.post(`/admin/loyalty/wallets/${walletId}/credit`, { amount: 1000000, note: "Gift" }, admin)
          const order = await checkout(api, buyer.headers, regions[0].id, [variant("vacuum-cleaner")])
          await waitFor(async () => {
            const { data } = await api.get(`/admin/loyalty/wallets/${walletId}`, admin)
            return data.wallet.balance.available === "2850000" ? true : undefined
          })
          await api.post(`/admin/loyalty/wallets/${walletId}/debit`, { amount: 2500000, note: "Till" }, admin)
          await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
          const reversal = await waitFor(async () =>
            (await ledger(walletId, admin)).find((t: any) => t.type === "reversal")
          )
          const { data } = await api.get(`/admin/loyalty/wallets/${walletId}`, admin)
          outcomes[strategy] = {
            available: data.wallet.balance.available,
            amount: reversal.amount,
            shortfall: reversal.metadata.shortfall,
            skipped: reversal.metadata.skipped,
            debt: reversal.metadata.debt,
          }
          await expectConsistent(walletId)

          if (strategy === "force_negative") {
            // Later credit pays the debt off first.
            await api.post(`/admin/loyalty/wallets/${walletId}/credit`, { amount: 2000000, note: "Gift" }, admin)
            const { data: paid } = await api.get(`/admin/loyalty/wallets/${walletId}`, admin)
            expect(paid.wallet.balance.available).toBe("500000")
            const spend = await failure(
              api.post(`/admin/loyalty/wallets/${walletId}/debit`, { amount: 500001 }, admin)
            )
            expect(spend.status).toBe(400)
            await api.post(`/admin/loyalty/wallets/${walletId}/debit`, { amount: 500000 }, admin)
            await expectConsistent(walletId)
          }
        }
        expect(outcomes).toEqual({
          // What the wallet had (350,000 of the gift) comes back; the rest
          // is recorded as shortfall.
          partial: { available: "0", amount: "-350000", shortfall: "1500000", skipped: "0", debt: "0" },
          // All of it comes back; the wallet owes 1,500,000.
          force_negative: { available: "-1500000", amount: "-1850000", shortfall: "0", skipped: "0", debt: "1500000" },
          // Only what was left of the cashback itself (none): the gift stays.
          skip: { available: "350000", amount: "0", shortfall: "0", skipped: "1850000", debt: "0" },
        })
      })

      it("should announce held cashback once its hold ends", async () => {
        const container = getContainer()
        const { pk, regions, variant } = store
        const events: any[] = []
        const eventBus = container.resolve("event_bus") as any
        eventBus.subscribe("loyalty.cashback.released", async (e: any) => {
          events.push(e.data)
        })
        const buyer = await shopper(api, pk, { email: "held@example.com" })
        const order = await checkout(api, buyer.headers, regions[0].id, [variant("washing-machine")])
        const wallet = await waitFor(async () => {
          const { data } = await api.get("/store/loyalty/wallets", buyer.headers)
          return data.wallets[0]?.balance.pending === "8400000" ? data.wallets[0] : undefined
        })

        // Before the 14 days nothing is released.
        const early = await releaseHeldCashbackWorkflow(container).run({ input: {} })
        expect(early.result).toEqual([])
        const at = new Date(new Date(order.created_at).getTime() + 14 * DAY + 1000)
        const { result } = await releaseHeldCashbackWorkflow(container).run({ input: { at } })
        // (Sara's demo order, placed at the same time, is released too.)
        expect(result.filter((r: any) => r.order_id === order.id)).toEqual([
          expect.objectContaining({
            order_id: order.id,
            wallet_id: wallet.id,
            lots: [expect.objectContaining({ amount: "8400000" })],
          }),
        ])
        await waitFor(async () => (events.length ? true : undefined))
        expect(events.map((e) => e.order_id)).toContain(order.id)
        // A second run announces nothing again.
        const again = await releaseHeldCashbackWorkflow(container).run({ input: { at } })
        expect(again.result).toEqual([])
      })

      it("should backfill cashback for orders placed before the plugin, once, with progress", async () => {
        const container = getContainer()
        const { regions, variant } = store
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: [reza] } = await query.graph({
          entity: "customer",
          fields: ["id", "email"],
          filters: { email: DEMO_CUSTOMERS[1].email },
        })
        // An order created directly (no order.placed event): no cashback yet.
        const { result: order } = await createOrderWorkflow(container).run({
          input: {
            region_id: regions[0].id,
            customer_id: reza.id,
            email: reza.email,
            currency_code: "irr",
            items: [{ variant_id: variant("vacuum-cleaner"), quantity: 1 }],
          } as any,
        })
        // Reza's wallet holds only the demo's gift from Sara (a claimed
        // transfer) and his demo referral reward for Nima: nothing for this
        // order yet.
        const [wallet] = await service().listWallets({ customer_id: reza.id })
        expect((await service().listWalletTransactions({ wallet_id: wallet.id })).map((t) => [t.reference, t.amount])).toEqual([
          ["transfer", 200000],
          ["referral", 1000000],
        ])

        const progress: number[] = []
        const since = new Date(Date.now() - DAY)
        const first = await backfillCashback(container, {
          since,
          batch_size: 1,
          onProgress: (p) => progress.push(p.done),
        })
        // Sara's demo order and the purchases at the demo till (Emily's and
        // the two referred friends') were paid by the seed; Reza's is new.
        // The demo pins Reza to Gold, so the order earns 1% on the vacuum
        // cleaner (1,850,000) and the club rule's Gold rate of 5%
        // (9,250,000); with the transfer (200,000) and his referral reward
        // (1,000,000) he has 12,300,000.
        expect(first).toEqual({ done: 5, total: 5, awarded_orders: 1, credited: { irr: "11100000" } })
        expect(progress).toEqual([1, 2, 3, 4, 5, 5])
        const balance = (await service().getBalances([wallet.id]))[wallet.id]
        expect(balance.available).toBe("12300000")
        const credits = await service().listWalletTransactions({ wallet_id: wallet.id, reference: "order" })
        expect(credits.map((c) => c.reference_id).sort()).toEqual(
          credits.map((c) => `${order.id}:${c.metadata!.rule_id}`).sort()
        )
        expect(credits).toHaveLength(2)

        const again = await backfillCashback(container, { since })
        expect(again).toEqual({ done: 5, total: 5, awarded_orders: 0, credited: {} })
        // The transfer, the referral reward and the order's two credits.
        expect(await service().listWalletTransactions({ wallet_id: wallet.id })).toHaveLength(4)
      })
    })
  },
})
