import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { format as formatJalali, newDate as jalaliDate } from "date-fns-jalali"
import { seedCatalog } from "../../demo/seed/catalog"
import { seedStore } from "../../demo/seed/store"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { OCCASION_KINDS } from "../../src/utils/occasions"
import { addShopDays, shopDay, shopDayStart } from "../../src/utils/sms-messages"
import { expireDueLotsWorkflow, releaseHeldCashbackWorkflow } from "../../src/workflows"
import { adminHeaders, applyCredit, failure, settled, shopper, waitFor } from "../helpers"

jest.setTimeout(300000)

// A small shop's story, told through the store, till and admin routes, and
// moved back in time: each phase runs now, then its rows are dated to the
// phase's day (noon in Tehran, UTC+03:30 all year), so every figure is known
// whatever day the suite runs. Jalali months of 1405 (Gregorian days):
//   04 = 06-22..07-22, 05 = 07-23..08-22, 06 = 08-23..09-22,
//   07 = 09-23..10-22, 08 = 10-23..11-21.
const A_AT = new Date("2026-07-10T12:00:00+03:30") // 1405-04-19: the previous period
const B_AT = new Date("2026-09-01T12:00:00+03:30") // 1405-06-10: the period's first month
const C_AT = new Date("2026-10-01T12:00:00+03:30") // 1405-07-09: its second month
// The period: 1405-06-01 up to 1405-08-01, 61 days; the previous one the 61
// days before, 2026-06-23 (1405-04-02) up to 2026-08-23. Shop days are
// read as their midnight in Tehran.
const PERIOD = "from=2026-08-23&to=2026-10-23"
const PERIOD_BLOCK = {
  from: "2026-08-22T20:30:00.000Z",
  to: "2026-10-22T20:30:00.000Z",
  previous_from: "2026-06-22T20:30:00.000Z",
  previous_to: "2026-08-22T20:30:00.000Z",
}
const TZ = "Asia/Tehran"

// Where a phase's rows carry their time: moved back together. (Lots'
// available_at and expires_at stay as they are: they say when credit can
// be spent, and a hold or an expiry the suite needs is set on purpose.)
const DATED: [string, string[]][] = [
  ['"order"', ["created_at"]],
  ["loyalty_pos_purchase", ["created_at"]],
  ["loyalty_wallet", ["created_at"]],
  ["loyalty_member_phone", ["created_at"]],
  ["loyalty_wallet_transaction", ["created_at"]],
  ["loyalty_wallet_lot", ["created_at", "released_at", "expired_at"]],
  ["loyalty_tier_history", ["created_at"]],
  ["loyalty_customer_tier", ["created_at", "achieved_at"]],
  ["loyalty_code_use", ["created_at", "used_at"]],
]

/** A Jalali month's label and first instant in Tehran, of the day an instant falls on there. */
function jalaliMonthOf(at: Date) {
  const [y, m, d] = shopDay(at, TZ).split("-").map(Number)
  const month = formatJalali(new Date(y, m - 1, d, 12), "yyyy-MM")
  const first = jalaliDate(Number(month.slice(0, 4)), Number(month.slice(5)) - 1, 1, 12)
  const day = `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, "0")}-${String(first.getDate()).padStart(2, "0")}`
  return { month, start: shopDayStart(day, TZ).toISOString() }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)
    const pg = (): any => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const till = (key: string) => ({ headers: { "x-pos-key": key } })

    /** Runs a phase now, waits for its subscribers, then dates its rows from `at` on. */
    const phase = async (at: Date, work: () => Promise<void>) => {
      const since = new Date(Date.now() - 1000)
      await settled(getContainer(), work)
      for (const [table, columns] of DATED) {
        for (const column of columns) {
          await pg().raw(`UPDATE ${table} SET ${column} = ${column} - (?::timestamptz - ?::timestamptz) WHERE ${column} >= ?`, [
            since.toISOString(),
            at.toISOString(),
            since.toISOString(),
          ])
        }
      }
    }

    async function buildShop() {
      const container = getContainer()
      // The demo's store and catalog only: the loyalty data is this suite's own.
      const demo = (await seedStore({ container } as any))!
      await seedCatalog({ container } as any, demo)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({ entity: "product", fields: ["id", "handle", "variants.id"] })
      const product = (handle: string) => (products as any[]).find((p) => p.handle === handle)
      // Prices (IRR, no tax): V 185,000,000, W 420,000,000, G 64,000,000,
      // B 28,500,000; an online order adds 500,000 shipping.
      const V = product("vacuum-cleaner").variants[0].id
      const W = product("washing-machine").variants[0].id
      const G = product("hand-grinder").variants[0].id
      const B = product("espresso-beans").variants[0].id
      const pk = demo.apiKey.token
      const admin = await adminHeaders(container, api)

      // The rules: 2% on vacuum cleaners (a year to spend it), 2% on washing
      // machines held 14 days, 5% on grinders spendable for a day, 1% at
      // the till. Coffee earns nothing: a guest buying beans stays outside
      // the club.
      const rule = (body: Record<string, unknown>) =>
        api.post("/admin/loyalty/cashback-rules", { type: "percent", currency_code: "irr", ...body }, admin)
      await rule({ name: "2% on vacuum cleaners", value: "2", expires_after_days: 365, scope: { product_ids: [product("vacuum-cleaner").id] } })
      await rule({
        name: "2% on washing machines",
        value: "2",
        expires_after_days: 365,
        release: "hold",
        hold_days: 14,
        scope: { product_ids: [product("washing-machine").id] },
      })
      await rule({ name: "5% on grinders", value: "5", expires_after_days: 1, scope: { product_ids: [product("hand-grinder").id] } })
      await rule({ name: "1% at the till", value: "1", expires_after_days: 365, sales_channel_ids: [demo.extraChannels[0].id] })
      // Tiers by lifetime spend (no window the dates moved back could leave).
      const tier = async (body: Record<string, unknown>) =>
        (await api.post("/admin/loyalty/tiers", { currency_code: "irr", qualification_window: "lifetime", ...body }, admin)).data.tier
      const silver = await tier({ name: "Silver", names: { fa: "نقره‌ای", en: "Silver" }, rank: 1, min_spend: "150000000" })
      const gold = await tier({ name: "Gold", names: { fa: "طلایی", en: "Gold" }, rank: 2, min_spend: "600000000" })
      const keys: Record<string, string> = {}
      for (const location of ["Tehran, Valiasr", "Shiraz, Zand"]) {
        const { data } = await api.post("/admin/loyalty/pos-keys", { name: location, location, scopes: ["lookup", "earn", "redeem"] }, admin)
        keys[location] = data.pos_key.key
      }
      const { data: created } = await api.post(
        "/admin/loyalty/code-batches",
        { name: "Autumn", kind: "bulk", discount_type: "percentage", value: "10", quantity: 1 },
        admin
      )
      // A bulk batch is made in the background (as codes.spec.ts waits for it).
      await waitFor(async () => {
        const { data } = await api.get(`/admin/loyalty/code-batches/${created.code_batch.id}`, admin)
        return data.code_batch.status === "active" ? true : undefined
      }, 60000)
      const { data: issued } = await api.get(`/admin/loyalty/code-batches/${created.code_batch.id}/codes`, admin)
      const autumn: string = issued.codes[0].code

      const ali = await shopper(api, pk, { email: "ali@example.com" })
      const bita = await shopper(api, pk, { email: "bita@example.com" })
      const cyrus = await shopper(api, pk, { email: "cyrus@example.com" })
      const eli = await shopper(api, pk, { email: "eli@example.com" })
      const guest = { headers: { "x-publishable-api-key": pk } }

      /** A storefront checkout (one of each item), with a code or all the wallet's credit if asked. */
      const order = async (h: any, items: string[], opts: { email?: string; code?: string; credit?: boolean } = {}) => {
        const { data: { cart } } = await api.post(
          "/store/carts",
          {
            region_id: demo.iran.id,
            ...(opts.email ? { email: opts.email } : {}),
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
        if (opts.code) {
          await api.post(`/store/carts/${cart.id}/promotions`, { promo_codes: [opts.code] }, h)
        }
        const { data: { payment_collection } } = await api.post("/store/payment-collections", { cart_id: cart.id }, h)
        await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, h)
        if (opts.credit) {
          await applyCredit(api, cart.id, h)
        }
        const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
        if (data.type !== "order") {
          throw new Error(`Checkout did not complete: ${JSON.stringify(data.error ?? data)}`)
        }
        return data.order
      }
      const walletOf = async (customerId: string) => (await service().listWallets({ customer_id: customerId }))[0]
      const lotCount = async (customerId: string) => (await service().listWalletLots({ wallet_id: (await walletOf(customerId)).id })).length
      // The admin's return flow (as in cashback-clawback.spec.ts): capture, fulfil, request, receive.
      const returnItem = async (placed: any, itemId: string) => {
        const { data } = await api.get(`/admin/orders/${placed.id}?fields=*payment_collections.payments`, admin)
        await api.post(`/admin/payments/${data.order.payment_collections[0].payments[0].id}/capture`, {}, admin)
        await api.post(
          `/admin/orders/${placed.id}/fulfillments`,
          { items: placed.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) },
          admin
        )
        const { data: locations } = await query.graph({ entity: "stock_location", fields: ["id"] })
        const { data: { return: ret } } = await api.post("/admin/returns", { order_id: placed.id, location_id: locations[0].id }, admin)
        const items = [{ id: itemId, quantity: 1 }]
        await api.post(`/admin/returns/${ret.id}/request-items`, { items }, admin)
        await api.post(`/admin/returns/${ret.id}/request`, {}, admin)
        await api.post(`/admin/returns/${ret.id}/receive`, {}, admin)
        await api.post(`/admin/returns/${ret.id}/receive-items`, { items }, admin)
        await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, admin)
      }
      const orders: Record<string, any> = {}

      // A, 1405-04-19 (the previous period).
      await phase(A_AT, async () => {
        // A1: Ali buys a washing machine and a grinder: 484,500,000; cashback
        // 8,400,000 held 14 days (2% of 420,000,000) and 3,200,000 (5% of
        // 64,000,000). His wallet opens (he joins); Silver (>= 150,000,000).
        orders.A1 = await order(ali.headers, [W, G])
        // A2: a guest, Dara, buys beans: 29,000,000, no cashback, no wallet.
        orders.A2 = await order(guest, [B], { email: "dara@example.com" })
      })

      // B, 1405-06-10.
      await phase(B_AT, async () => {
        // B0: the hold on Ali's 8,400,000 ends: released.
        await pg().raw(
          `UPDATE loyalty_wallet_lot SET available_at = now() - interval '1 minute' WHERE wallet_id = ? AND available_at IS NOT NULL`,
          [(await walletOf(ali.customer.id)).id]
        )
        await releaseHeldCashbackWorkflow(container).run({ input: {} })
        // B1: Ali buys a vacuum cleaner, 185,500,000, paying 11,600,000 of it
        // with all his credit (redeemed); credit earns nothing, so 2% of
        // 185,000,000 - 11,600,000 = 3,468,000. 670,000,000 in all: Gold.
        orders.B1 = await order(ali.headers, [V], { credit: true })
        // B2: Bita's first order, a vacuum cleaner and a grinder, 249,500,000:
        // 3,700,000 + 3,200,000 cashback; she joins, Silver. (The grinder
        // comes back in C.)
        orders.B2 = await order(bita.headers, [V, G])
        // B3: Cyrus proves his phone (he joins) and buys for 102,000,000 at
        // the Valiasr till (1,020,000). B6: a grinder online, 64,500,000
        // (3,200,000): 166,500,000 in all, Silver.
        await service().registerMemberPhone({ phone: "+989121110003", customer_id: cyrus.customer.id, source: "admin" })
        const { data: b3 } = await api.post(
          "/pos/loyalty/purchases",
          { phone: "09121110003", amount: "102000000", currency_code: "irr", receipt_id: "v-0001" },
          till(keys["Tehran, Valiasr"])
        )
        orders.B3 = { id: b3.purchase.order_id }
        orders.B6 = await order(cyrus.headers, [G])
        // B4: Bita buys a grinder (3,200,000 cashback); the order is
        // canceled: it counts nowhere and its cashback is taken back.
        orders.B4 = await order(bita.headers, [G])
        await waitFor(async () => ((await lotCount(bita.customer.id)) === 3 ? true : undefined))
        await api.post(`/admin/orders/${orders.B4.id}/cancel`, {}, admin)
        // B5: Dara buys beans again, 29,000,000.
        orders.B5 = await order(guest, [B], { email: "dara@example.com" })
      })

      // C, 1405-07-09.
      await phase(C_AT, async () => {
        // C1: Bita returns B2's grinder: the order is worth 249,500,000 -
        // 64,000,000 = 185,500,000 and its 3,200,000 is taken back.
        await returnItem(orders.B2, orders.B2.items.find((i: any) => i.variant_id === G).id)
        // C2: Cyrus's grinder cashback (3,200,000) runs out unspent.
        await pg().raw(
          `UPDATE loyalty_wallet_lot SET expires_at = now() - interval '1 minute'
           WHERE wallet_id = ? AND remaining > 0 AND transaction_id IN (
             SELECT id FROM loyalty_wallet_transaction WHERE reference = 'order' AND reference_id LIKE ?)`,
          [(await walletOf(cyrus.customer.id)).id, `${orders.B6.id}:%`]
        )
        await expireDueLotsWorkflow(container).run({ input: {} })
        // C3: Farid, unknown to the club, buys for 56,000,000 at the Shiraz
        // till (560,000): he joins there.
        const { data: c3 } = await api.post(
          "/pos/loyalty/purchases",
          { phone: "09121110006", amount: "56000000", currency_code: "irr", receipt_id: "s-0001" },
          till(keys["Shiraz, Zand"])
        )
        orders.C3 = { id: c3.purchase.order_id, customer_id: c3.purchase.customer_id }
        // C4: Ali buys a washing machine with the Autumn code (10% off):
        // 420,000,000 - 42,000,000 + 500,000 = 378,500,000; 2% of
        // 378,000,000 = 7,560,000 held 14 days (pending now).
        orders.C4 = await order(ali.headers, [W], { code: autumn })
        // C5: Bita buys beans, 29,000,000.
        orders.C5 = await order(bita.headers, [B])
        // C6: the shop pins Ali to Silver: a downgrade from Gold.
        await api.post(`/admin/loyalty/customers/${ali.customer.id}/tier`, { pinned: true, tier_id: silver.id, note: "Agreed" }, admin)
        // C7: the shop opens Eli's wallet with 1,000,000 that never expires:
        // he joins without an order.
        const { data: opened } = await api.post("/admin/loyalty/wallets", { customer_id: eli.customer.id, currency_code: "irr" }, admin)
        await api.post(`/admin/loyalty/wallets/${opened.wallet.id}/credit`, { amount: "1000000", note: "Welcome" }, admin)
      })

      return { admin, silver, gold, batch: created.code_batch, orders }
    }

    let shop: Awaited<ReturnType<typeof buildShop>>
    beforeAll(async () => {
      shop = await buildShop()
    })

    const get = async (route: string, params = PERIOD) => (await api.get(`/admin/loyalty/analytics/${route}?${params}`, shop.admin)).data

    describe("Loyalty analytics", () => {
      it("should answer every figure of a known shop exactly, the liability equal to the wallets' balances", async () => {
        const { admin, silver, gold, batch } = shop
        const silverRow = { id: silver.id, name: "Silver", names: { fa: "نقره‌ای", en: "Silver" }, rank: 1 }
        const goldRow = { id: gold.id, name: "Gold", names: { fa: "طلایی", en: "Gold" }, rank: 2 }

        // Nothing was built yet.
        const { data: never } = await api.get("/admin/loyalty/analytics/freshness", admin)
        expect(never).toEqual({ freshness: { built_at: null, duration_ms: null, building: false } })
        const before = Date.now()
        const { data: refreshed } = await api.post("/admin/loyalty/analytics/refresh", {}, admin)
        const after = Date.now()
        const freshness = refreshed.freshness
        expect(freshness).toEqual({ built_at: expect.any(String), duration_ms: expect.any(Number), building: false })
        expect(new Date(freshness.built_at).getTime()).toBeGreaterThanOrEqual(before - 1000)
        expect(new Date(freshness.built_at).getTime()).toBeLessThanOrEqual(after)
        expect(freshness.duration_ms).toBeGreaterThanOrEqual(0)
        expect(freshness.duration_ms).toBeLessThanOrEqual(after - before)
        expect((await api.get("/admin/loyalty/analytics/freshness", admin)).data).toEqual({ freshness })
        // What every figure route adds: the default currency and calendar of this Persian shop.
        const envelope = { period: PERIOD_BLOCK, currency_code: "irr", calendar: "jalali", freshness }

        // The orders, with their value (what was bought, credit included,
        // less what came back):
        //   A1 Ali    online 1405-04 484,500,000
        //   A2 Dara   online 1405-04  29,000,000   (guest: not a member)
        //   B1 Ali    online 1405-06 185,500,000   (11,600,000 of it credit)
        //   B2 Bita   online 1405-06 185,500,000   (249,500,000 - 64,000,000 returned)
        //   B3 Cyrus  till   1405-06 102,000,000   (Tehran, Valiasr)
        //   B4 Bita   online 1405-06 canceled: counts nowhere
        //   B5 Dara   online 1405-06  29,000,000
        //   B6 Cyrus  online 1405-06  64,500,000
        //   C3 Farid  till   1405-07  56,000,000   (Shiraz, Zand)
        //   C4 Ali    online 1405-07 378,500,000   (Autumn code: 42,000,000 off)
        //   C5 Bita   online 1405-07  29,000,000
        // Members: Ali (joined 1405-04), Bita, Cyrus (1405-06), Farid, Eli
        // (1405-07, no order). In the period: 8 orders, 7 by members; member
        // revenue 185.5 + 185.5 + 102 + 64.5 + 56 + 378.5 + 29 = 1,001,000,000.
        // In the previous period: A1 and A2, member revenue 484,500,000.

        // Members: 5 in all; new: Bita, Cyrus, Farid, Eli; active: Ali,
        // Bita, Cyrus, Farid; 7 of 8 orders = 0.8750. Before: Ali new and
        // active, 1 of 2 orders.
        expect(await get("members")).toEqual({
          total: 5,
          new: 4,
          active: 4,
          orders: 8,
          member_orders: 7,
          member_orders_share: "0.8750",
          previous: { new: 1, active: 1, orders: 2, member_orders: 1, member_orders_share: "0.5000" },
          ...envelope,
        })

        // Behaviour: 5 customers ordered (Ali, Bita, Cyrus, Dara, Farid), 8
        // orders: frequency 1.6000; all but Farid have two orders by the
        // period's end: 4 / 5. AOV: members 1,001,000,000 / 7 = 143,000,000,
        // non-members 29,000,000 / 1. By tier now: Silver (Ali, Bita, Cyrus)
        // 6 orders, 185.5 + 378.5 + 185.5 + 29 + 102 + 64.5 = 945,000,000,
        // / 6 = 157,500,000; Gold none; no tier: Farid, 56,000,000 in one
        // order (a tier's members are those who ordered in the period: Eli
        // did not). Before: Ali and Dara, one order each.
        expect(await get("behaviour")).toEqual({
          customers: 5,
          orders: 8,
          repurchase_rate: "0.8000",
          frequency: "1.6000",
          aov: { members: "143000000", non_members: "29000000" },
          by_tier: [
            { tier_id: silver.id, name: "Silver", names: silverRow.names, members: 3, orders: 6, revenue: "945000000", aov: "157500000" },
            { tier_id: gold.id, name: "Gold", names: goldRow.names, members: 0, orders: 0, revenue: "0", aov: "0" },
            { tier_id: null, name: null, names: null, members: 1, orders: 1, revenue: "56000000", aov: "56000000" },
          ],
          previous: {
            repurchase_rate: "0.0000",
            frequency: "1.0000",
            aov: { members: "484500000", non_members: "29000000" },
          },
          ...envelope,
        })

        // The wallet. Issued (cashback credits in the period): B1 3,468,000,
        // B2 3,700,000 + 3,200,000, B3 1,020,000, B4 3,200,000, B6
        // 3,200,000, C3 560,000, C4 7,560,000 = 25,908,000. Released: Ali's
        // 8,400,000 at the end of its hold. Redeemed: B1's 11,600,000.
        // Expired: Cyrus's 3,200,000. Taken back: B4's 3,200,000 (cancel) +
        // B2's grinder 3,200,000 (return) = 6,400,000. Redemption rate
        // 11,600,000 / 25,908,000 = 0.44774...; cost share (25,908,000 -
        // 6,400,000) / 1,001,000,000 = 0.019488... Before: A1's 8,400,000 +
        // 3,200,000 issued; 11,600,000 / 484,500,000 = 0.023942...
        expect(await get("wallet")).toEqual({
          issued: "25908000",
          released: "8400000",
          redeemed: "11600000",
          expired: "3200000",
          taken_back: "6400000",
          redemption_rate: "0.4477",
          member_revenue: "1001000000",
          cost_share: "0.0195",
          previous: {
            issued: "11600000",
            released: "0",
            redeemed: "0",
            expired: "0",
            taken_back: "0",
            redemption_rate: "0.0000",
            member_revenue: "484500000",
            cost_share: "0.0239",
          },
          ...envelope,
        })

        // The liability now: Ali 3,468,000 + 7,560,000 pending, Bita
        // 3,700,000, Cyrus 1,020,000, Farid 560,000, Eli 1,000,000 (no
        // expiry) = 17,308,000, of which 7,560,000 pending. It is the sum of
        // the wallets' own balances, to the unit.
        const liability = await get("liability")
        const { data: listed } = await api.get("/admin/loyalty/wallets?limit=100", admin)
        const sum = (pick: (w: any) => string) => listed.wallets.reduce((s: bigint, w: any) => s + BigInt(pick(w)), 0n).toString()
        expect(listed.wallets.every((w: any) => w.currency_code === "irr")).toBe(true)
        expect([liability.total, liability.available, liability.pending, liability.wallets]).toEqual([
          sum((w) => String(BigInt(w.balance.available) + BigInt(w.balance.pending))),
          sum((w) => w.balance.available),
          sum((w) => w.balance.pending),
          listed.wallets.length,
        ])
        // The forecast: spendable credit by the Jalali month it expires in
        // (each lot a year after it was earned, now), and Eli's that never does.
        const lots = await service().listWalletLots({ wallet_id: listed.wallets.map((w: any) => w.id) })
        const forecast = new Map<string, { month: string; start: string; amount: bigint }>()
        for (const lot of lots) {
          const open = BigInt(String(lot.remaining)) > 0n && !lot.expired_at
          const spendable = !lot.available_at || new Date(lot.available_at).getTime() <= Date.now()
          if (open && spendable && lot.expires_at) {
            const { month, start } = jalaliMonthOf(new Date(lot.expires_at))
            const entry = forecast.get(month) ?? { month, start, amount: 0n }
            entry.amount += BigInt(String(lot.remaining))
            forecast.set(month, entry)
          }
        }
        // 3,468,000 + 3,700,000 + 1,020,000 + 560,000 = 8,748,000 expiring.
        expect([...forecast.values()].reduce((s, e) => s + e.amount, 0n)).toBe(8748000n)
        expect(liability).toEqual({
          total: "17308000",
          available: "9748000",
          pending: "7560000",
          wallets: 5,
          by_month: [...forecast.values()]
            .sort((a, b) => a.month.localeCompare(b.month))
            .map((e) => ({ month: e.month, start: e.start, amount: e.amount.toString() })),
          no_expiry: "1000000",
          ...envelope,
        })

        // Retention by first order month: 1405-06 Bita and Cyrus, of whom
        // Bita ordered in 1405-07 (1 / 2); 1405-07 Farid, no later month in
        // the period. (Ali and Dara started in 1405-04.)
        expect(await get("retention")).toEqual({
          cohorts: [
            { month: "1405-06", start: "2026-08-22T20:30:00.000Z", customers: 2, retained: ["0.5000"] },
            { month: "1405-07", start: "2026-09-22T20:30:00.000Z", customers: 1, retained: [] },
          ],
          ...envelope,
        })
        // The same orders in Gregorian months, July to October 2026: July
        // Ali and Dara, both back in September, Ali in October; none in
        // August; September Bita and Cyrus, Bita back in October; October
        // Farid.
        const gregorian = "from=2026-07-01&to=2026-11-01&calendar=gregorian"
        const gregorianBlock = {
          from: "2026-06-30T20:30:00.000Z",
          to: "2026-10-31T20:30:00.000Z",
          previous_from: "2026-02-27T20:30:00.000Z",
          previous_to: "2026-06-30T20:30:00.000Z",
        }
        expect(await get("retention", gregorian)).toEqual({
          cohorts: [
            { month: "2026-07", start: "2026-06-30T20:30:00.000Z", customers: 2, retained: ["0.0000", "1.0000", "0.5000"] },
            { month: "2026-08", start: "2026-07-31T20:30:00.000Z", customers: 0, retained: ["0.0000", "0.0000"] },
            { month: "2026-09", start: "2026-08-31T20:30:00.000Z", customers: 2, retained: ["0.5000"] },
            { month: "2026-10", start: "2026-09-30T20:30:00.000Z", customers: 1, retained: [] },
          ],
          ...envelope,
          period: gregorianBlock,
          calendar: "gregorian",
        })

        // Lifetime value, all-time revenue per member: Ali 484.5 + 185.5 +
        // 378.5 = 1,048,500,000; Bita 185.5 + 29 = 214,500,000; Cyrus 102 +
        // 64.5 = 166,500,000; Farid 56,000,000; Eli 0. By tier now: Silver
        // 1,429,500,000 / 3 = 476,500,000; no tier (Farid, Eli) 56,000,000 /
        // 2. By channel: online only Ali and Bita 1,263,000,000 / 2, in
        // store only Farid, both Cyrus (Eli has no order). By the month
        // they joined: 1405-06 Bita and Cyrus 381,000,000 / 2, 1405-07
        // Farid and Eli 56,000,000 / 2.
        expect(await get("lifetime-value")).toEqual({
          by_tier: [
            { tier_id: silver.id, name: "Silver", names: silverRow.names, members: 3, revenue: "1429500000", ltv: "476500000" },
            { tier_id: gold.id, name: "Gold", names: goldRow.names, members: 0, revenue: "0", ltv: "0" },
            { tier_id: null, name: null, names: null, members: 2, revenue: "56000000", ltv: "28000000" },
          ],
          by_channel: [
            { mix: "online", members: 2, revenue: "1263000000", ltv: "631500000" },
            { mix: "store", members: 1, revenue: "56000000", ltv: "56000000" },
            { mix: "both", members: 1, revenue: "166500000", ltv: "166500000" },
          ],
          by_join_month: [
            { month: "1405-06", start: "2026-08-22T20:30:00.000Z", members: 2, revenue: "381000000", ltv: "190500000" },
            { month: "1405-07", start: "2026-09-22T20:30:00.000Z", members: 2, revenue: "56000000", ltv: "28000000" },
          ],
          ...envelope,
        })

        // Omnichannel: 1405-06 Ali, Bita and Dara online, Cyrus both (the
        // till and a grinder online); 1405-07 Ali and Bita online, Farid in
        // store. Till orders by location.
        const locations = [
          { location: "Shiraz, Zand", orders: 1, revenue: "56000000" },
          { location: "Tehran, Valiasr", orders: 1, revenue: "102000000" },
        ]
        const omnichannel = await get("omnichannel")
        expect({ ...omnichannel, locations: [...omnichannel.locations].sort((a: any, b: any) => a.location.localeCompare(b.location)) }).toEqual({
          months: [
            { month: "1405-06", start: "2026-08-22T20:30:00.000Z", online: 3, store: 0, both: 1 },
            { month: "1405-07", start: "2026-09-22T20:30:00.000Z", online: 2, store: 1, both: 0 },
          ],
          locations,
          ...envelope,
        })
        const gregorianChannels = await get("omnichannel", gregorian)
        expect([...gregorianChannels.locations].sort((a: any, b: any) => a.location.localeCompare(b.location))).toEqual(locations)
        expect(gregorianChannels.months).toEqual([
          { month: "2026-07", start: "2026-06-30T20:30:00.000Z", online: 2, store: 0, both: 0 },
          { month: "2026-08", start: "2026-07-31T20:30:00.000Z", online: 0, store: 0, both: 0 },
          { month: "2026-09", start: "2026-08-31T20:30:00.000Z", online: 3, store: 0, both: 1 },
          { month: "2026-10", start: "2026-09-30T20:30:00.000Z", online: 2, store: 1, both: 0 },
        ])

        // Tiers at each month's end: 1405-06 Ali Gold (up from Silver),
        // Bita and Cyrus Silver (up from none): 3 upgrades; 1405-07 Ali
        // pinned down to Silver: 1 downgrade, three Silver.
        expect(await get("tiers")).toEqual({
          tiers: [silverRow, goldRow],
          months: [
            { month: "1405-06", start: "2026-08-22T20:30:00.000Z", members: { [silver.id]: 2, [gold.id]: 1 }, upgrades: 3, downgrades: 0 },
            { month: "1405-07", start: "2026-09-22T20:30:00.000Z", members: { [silver.id]: 3, [gold.id]: 0 }, upgrades: 0, downgrades: 1 },
          ],
          ...envelope,
        })

        // Programmes: the Autumn code's one use (42,000,000 off C4, an order
        // of 378,500,000); no occasion or referral ran (every occasion is
        // listed, at zero).
        expect(await get("programmes")).toEqual({
          codes: [{ batch_id: batch.id, name: "Autumn", cost: "42000000", orders: 1, revenue: "378500000" }],
          occasions: OCCASION_KINDS.map((kind) => ({ kind, cost: "0", orders: 0, revenue: "0" })),
          referrals: { referrals: 0, cost: "0", orders: 0, revenue: "0" },
          ...envelope,
        })

        // Another currency of the store, where nothing was sold.
        const usd = await get("members", `${PERIOD}&currency=USD`)
        expect(usd).toEqual(expect.objectContaining({ orders: 0, member_orders: 0, member_orders_share: "0.0000", currency_code: "usd" }))
      })

      it("should refuse a request without an admin, a bad period, a malformed query and a currency the store does not sell in", async () => {
        const { admin } = shop
        const none = await failure(api.get(`/admin/loyalty/analytics/members?${PERIOD}`))
        expect(none.status).toBe(401)
        const refresh = await failure(api.post("/admin/loyalty/analytics/refresh", {}))
        expect(refresh.status).toBe(401)

        const refused = async (route: string, params: string) => {
          const res = await failure(api.get(`/admin/loyalty/analytics/${route}?${params}`, admin))
          return [res.status, res.data.code, res.data.message]
        }
        const period = "loyalty_analytics_period_invalid"
        expect(await refused("members", "from=2026-10-23&to=2026-08-23")).toEqual([
          400,
          period,
          "from (2026-10-23) must be before to (2026-08-23)",
        ])
        expect(await refused("wallet", "from=2026-02-30")).toEqual([
          400,
          period,
          'from must be a date (2026-10-01) or a date-time with its offset (2026-10-01T00:00:00+03:30), got "2026-02-30"',
        ])
        expect(await refused("wallet", "to=2026-10-01T10:00:00")).toEqual([400, period, expect.stringContaining('to must be a date')])
        expect(await refused("tiers", "from=2020-01-01&to=2023-01-02")).toEqual([400, period, expect.stringContaining("longer than 3 years")])
        expect(await refused("retention", `from=${"9".repeat(5000)}`)).toEqual([400, period, expect.stringContaining("from must be a date")])
        // Three years exactly is allowed.
        expect((await api.get("/admin/loyalty/analytics/tiers?from=2020-01-01&to=2023-01-01", admin)).status).toBe(200)

        const malformed = "loyalty_invalid_request"
        expect(await refused("members", "calendar=julian")).toEqual([400, malformed, expect.stringContaining("calendar")])
        expect(await refused("members", `currency=${"x".repeat(5000)}`)).toEqual([400, malformed, expect.stringContaining("currency")])
        expect(await refused("members", "limit=10")).toEqual([400, malformed, expect.stringContaining("limit")])
        expect(await refused("freshness", "from=2026-08-23")).toEqual([400, malformed, expect.stringContaining("from")])
        const body = await failure(api.post("/admin/loyalty/analytics/refresh", { now: "2020-01-01" }, admin))
        expect([body.status, body.data.code]).toEqual([400, malformed])

        expect(await refused("behaviour", "currency=eur")).toEqual([
          400,
          "loyalty_currency_unknown",
          "currency (eur) is not a currency of this store (irr, usd)",
        ])

        // By default: the last 30 shop days ending now, compared with the 30 before.
        const before = Date.now()
        const { data } = await api.get("/admin/loyalty/analytics/members", admin)
        const to = new Date(data.period.to).getTime()
        expect(to).toBeGreaterThanOrEqual(before)
        expect(to).toBeLessThanOrEqual(Date.now())
        const from = shopDayStart(addShopDays(new Date(to), -29, TZ), TZ)
        expect(data.period).toEqual({
          from: from.toISOString(),
          to: data.period.to,
          previous_from: new Date(from.getTime() - (to - from.getTime())).toISOString(),
          previous_to: from.toISOString(),
        })
        expect([data.currency_code, data.calendar]).toEqual(["irr", "jalali"])
      })
    })
  },
})
