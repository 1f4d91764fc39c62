import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { LogGateway } from "../../src/providers/sms/gateways/log"
import { releaseHeldCashbackWorkflow, sendDueMessagesWorkflow } from "../../src/workflows"
import { qualifyReferralOrderWorkflow, reverseReferralOrderWorkflow } from "../../src/workflows/referrals"
import { applyCredit, checkout, failure, prepareCart, settled, shopper, tillStore, waitFor } from "../helpers"

jest.setTimeout(300000)

const DAY = 86400000
// One-time codes and SMS texts: read where the SMS leaves, the (log) gateway.
const sendText = jest.spyOn(LogGateway.prototype, "sendText")
const textsTo = (to: string) => sendText.mock.calls.filter(([phone]) => phone === to).map(([, text]) => text)
const lastCode = (to: string) => /(\d{6})/.exec(textsTo(to).slice(-1)[0])![1]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const rows = async (sql: string, params: unknown[] = []) => (await pg().raw(sql, params)).rows

    const setup = async () => {
      const container = getContainer()
      const store = await tillStore(container, api)
      // Only referral credit lands in the wallets: the demo's cashback rules are off.
      const { data: { cashback_rules } } = await api.get("/admin/loyalty/cashback-rules?limit=100", store.admin)
      for (const rule of cashback_rules) {
        await api.post(`/admin/loyalty/cashback-rules/${rule.id}`, { is_active: false }, store.admin)
      }
      // Messages are queued to go at once.
      await api.post("/admin/loyalty/settings", { quiet_hours_start: "00:00", quiet_hours_end: "00:00" }, store.admin)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: beans } = await query.graph({ entity: "product", fields: ["variants.id"], filters: { handle: "espresso-beans" } })
      return { ...store, beans: beans[0].variants[0].id as string }
    }

    // The demo store is seeded once; the runner restores that copy before each test.
    let seeded: Awaited<ReturnType<typeof setup>>
    beforeAll(async () => {
      seeded = await settled(getContainer(), setup)
    })

    const admin = () => seeded.admin
    const guest = () => ({ headers: { "x-publishable-api-key": seeded.pk } })
    const till = () => ({ headers: { "x-pos-key": seeded.key } })

    // The programme every test starts from (whatever the demo set): on, no
    // gifts, online claims need no proven phone and are not counted per address.
    const BASE_PROGRAM = {
      enabled: true,
      friend_gift_type: "none",
      friend_batch_id: null,
      friend_credit: null,
      friend_credit_valid_days: 30,
      min_order_amount: null,
      referrer_credit: null,
      referrer_credit_valid_days: null,
      hold_days: 14,
      referrer_percent: null,
      referrer_orders: 0,
      referrer_monthly_cap: 10,
      daily_source_limit: 1000,
      credit_share_hold: 50,
      require_verified_phone: false,
      share_url: null,
    }
    const program = async (body: Record<string, unknown>, reset = true) =>
      (await api.post("/admin/loyalty/referrals/program", { ...(reset ? BASE_PROGRAM : {}), ...body }, admin())).data.program
    /** Every status's count, as the admin list's tabs show it. */
    const statusCounts = async () => (await api.get("/admin/loyalty/referrals?limit=1", admin())).data.counts
    const plus = (counts: Record<string, number>, add: Record<string, number>) =>
      Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v + (add[k] ?? 0)]))

    const member = (email: string, phone?: string) => shopper(api, seeded.pk, { email, phone })
    const codeOf = async (h: any) => (await api.get("/store/loyalty/referrals/me", h)).data.code as string
    const answer = (promise: Promise<any>) =>
      promise.then(
        (res: any) => ({ status: res.status, data: res.data }),
        (err: any) => ({ status: err.response.status, data: err.response.data })
      )
    /** A shopper names a code; the answer whether it worked or not. */
    const claim = (who: { headers: any }, code: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      answer(api.post("/store/loyalty/referrals/claim", { code, ...body }, { headers: { ...who.headers.headers, ...headers } }))
    const referralOf = async (id: string) => (await api.get(`/admin/loyalty/referrals/${id}`, admin())).data.referral
    const waitStatus = (id: string, status: string) =>
      waitFor(async () => {
        const referral = await referralOf(id)
        return referral.status === status ? referral : undefined
      })
    /** A customer's ledger rows with `reference`, with their lots. */
    const creditsOf = (customerId: string, reference: string) =>
      rows(
        `SELECT t.id, t.type, t.reference_id, t.amount::text AS amount, t.note, l.remaining::text AS remaining,
           l.available_at, l.expires_at
         FROM loyalty_wallet_transaction t JOIN loyalty_wallet w ON w.id = t.wallet_id
         LEFT JOIN loyalty_wallet_lot l ON l.transaction_id = t.id
         WHERE w.customer_id = ? AND t.reference = ? ORDER BY t.created_at`,
        [customerId, reference]
      )
    /** Waits until a referral's credits are written (its status moves first). */
    const paidCredits = (customerId: string, reference: string, count = 1) =>
      waitFor(async () => {
        const credits = await creditsOf(customerId, reference)
        return credits.length >= count ? credits : undefined
      })
    const reversalsOf = (transactionId: string) =>
      rows(`SELECT amount::text AS amount FROM loyalty_wallet_transaction WHERE reverses_id = ? AND type = 'reversal'`, [
        transactionId,
      ])
    /** A customer's IRR balance (available, pending), now or at `at`. */
    const balanceOf = async (customerId: string, at?: Date) => {
      const [wallet] = await service().listWallets({ customer_id: customerId, currency_code: "irr" })
      if (!wallet) {
        return { available: "0", pending: "0" }
      }
      const { available, pending } = (await service().getBalances([wallet.id], { at }))[wallet.id]
      return { available, pending }
    }
    const placedAt = async (orderId: string) =>
      new Date((await rows(`SELECT created_at FROM "order" WHERE id = ?`, [orderId]))[0].created_at).getTime()
    const messagesOf = (customerId: string, event: string) =>
      rows(`SELECT body, status FROM loyalty_message WHERE customer_id = ? AND event = ? ORDER BY created_at`, [
        customerId,
        event,
      ])

    /** Waits for a message queued after the work a test waited for. */
    const messageOf = (customerId: string, event: string) =>
      waitFor(async () => (await messagesOf(customerId, event))[0])

    describe("Referrals", () => {
      it("should give the friend a code at the claim, pay the referrer a pending lot on the first qualifying order and release it after the hold", async () => {
        const { regions, variant, beans } = seeded
        const start = new Date()
        const counted = await statusCounts()
        expect(Object.keys(counted).sort()).toEqual(["held", "joined", "ordered", "pending", "refused", "reversed", "rewarded"])
        const { data: batch } = await api.post(
          "/admin/loyalty/code-batches",
          { name: "Friend gift", kind: "personal", discount_type: "percentage", target: "order", value: 10, valid_days: 30 },
          admin()
        )
        const saved = await program({
          friend_gift_type: "code",
          friend_batch_id: batch.code_batch.id,
          min_order_amount: { irr: "100000000" },
          referrer_credit: { irr: "2000000" },
          referrer_credit_valid_days: 90,
        })
        expect(saved).toEqual(
          expect.objectContaining({ enabled: true, friend_gift_type: "code", hold_days: 14, referrer_credit: { irr: "2000000" } })
        )

        const leila = await member("leila@example.com", "+989121230001")
        const { data: me } = await api.get("/store/loyalty/referrals/me", leila.headers)
        expect(me.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/)
        expect(me.link).toMatch(new RegExp(`\\?ref=${me.code}$`))
        expect(me).toEqual(
          expect.objectContaining({
            enabled: true,
            referred_by: null,
            stats: { invited: 0, joined: 0, ordered: 0, rewarded: 0, pending: [], earned: [] },
          })
        )
        expect(me.program).toEqual({
          friend_gift_type: "code",
          friend_credit: null,
          min_order_amount: { irr: "100000000" },
          referrer_credit: { irr: "2000000" },
          hold_days: 14,
          referrer_percent: null,
          referrer_orders: 0,
        })
        // The code never changes; a visitor may check it without a login, and learns nothing of Leila.
        expect(await codeOf(leila.headers)).toBe(me.code)
        const { data: lookup } = await api.get(`/store/loyalty/referrals/codes/${me.code.toLowerCase()}`, guest())
        expect(lookup).toEqual({ valid: true, friend_gift_type: "code", friend_credit: null, min_order_amount: { irr: "100000000" } })
        expect((await api.get("/store/loyalty/referrals/codes/ZZZZZZ", guest())).data.valid).toBe(false)

        // The friend types it in lower case with a space: a personal code, theirs in the gifts list.
        const navid = await member("navid@example.com", "+989121230002")
        const typed = `${me.code.slice(0, 3).toLowerCase()} ${me.code.slice(3)}`
        const claimed = await claim(navid, typed)
        expect(claimed.status).toBe(200)
        expect(Object.keys(claimed.data.referral).sort()).toEqual(["created_at", "id", "reasons", "status"])
        expect(claimed.data.referral).toEqual(expect.objectContaining({ status: "joined", reasons: [] }))
        expect(claimed.data.gift).toEqual(
          expect.objectContaining({ type: "code", code: expect.any(String), expires_at: expect.any(String) })
        )
        const { data: gifts } = await api.get("/store/loyalty/gifts", navid.headers)
        expect(gifts.gifts).toEqual([expect.objectContaining({ type: "code", code: claimed.data.gift.code, state: "available" })])
        const [welcome] = await messagesOf(navid.customer.id, "referral_welcome")
        expect(welcome.body).toContain(claimed.data.gift.code)
        expect(welcome.body).toContain("leila")
        const referralId = claimed.data.referral.id
        expect(await referralOf(referralId)).toEqual(
          expect.objectContaining({
            code: me.code,
            channel: "online",
            status: "joined",
            referrer: expect.objectContaining({ id: leila.customer.id, first_name: "leila", email: "leila@example.com" }),
            friend: expect.objectContaining({ id: navid.customer.id, first_name: "navid" }),
          })
        )

        // Below the minimum: "ordered", nothing paid.
        const small = await checkout(api, navid.headers, regions[0].id, [beans])
        await waitStatus(referralId, "ordered")
        expect(await creditsOf(leila.customer.id, "referral")).toEqual([])

        // The first qualifying order: 2,000,000 pending until 14 days after it was placed.
        const big = await checkout(api, navid.headers, regions[0].id, [variant("vacuum-cleaner")])
        const pending = await waitStatus(referralId, "pending")
        const availableAt = (await placedAt(big.id)) + 14 * DAY
        expect(pending).toEqual(
          expect.objectContaining({ order_id: big.id, order_total: "185500000", currency_code: "irr", referrer_amount: "2000000" })
        )
        expect(new Date(pending.available_at).getTime()).toBe(availableAt)
        const [lot, ...more] = await paidCredits(leila.customer.id, "referral")
        expect(more).toEqual([])
        expect(lot).toEqual(expect.objectContaining({ reference_id: referralId, amount: "2000000", remaining: "2000000" }))
        expect(new Date(lot.available_at).getTime()).toBe(availableAt)
        expect(new Date(lot.expires_at).getTime()).toBe(availableAt + 90 * DAY)
        expect(await balanceOf(leila.customer.id)).toEqual({ available: "0", pending: "2000000" })
        const told = await messageOf(leila.customer.id, "referral_pending")
        expect(told.body).toContain("navid")
        expect(told.body).toContain("۲۰۰٬۰۰۰ تومان")
        void small

        // What Leila sees: her friend by first name and masked phone, the reward and its date.
        const { data: mine } = await api.get("/store/loyalty/referrals", leila.headers)
        expect(mine).toEqual({
          referrals: [
            {
              id: referralId,
              status: "pending",
              created_at: expect.any(String),
              channel: "online",
              friend: { first_name: "navid", masked_phone: "0912***0002" },
              reward: { amount: "2000000", currency_code: "irr" },
              available_at: new Date(availableAt).toISOString(),
            },
          ],
          count: 1,
          offset: 0,
          limit: 20,
        })
        expect((await api.get("/store/loyalty/referrals/me", leila.headers)).data.stats).toEqual({
          invited: 1,
          joined: 1,
          ordered: 1,
          rewarded: 0,
          pending: [{ currency_code: "irr", amount: "2000000" }],
          earned: [],
        })
        expect((await api.get("/store/loyalty/referrals/me", navid.headers)).data.referred_by).toEqual({
          code: me.code,
          status: "pending",
        })

        // The hold ends: the release run makes it spendable, "rewarded", and tells Leila.
        const after = new Date(availableAt + 60000)
        await releaseHeldCashbackWorkflow(getContainer()).run({ input: { at: after } })
        const rewarded = await waitStatus(referralId, "rewarded")
        expect(rewarded.rewarded_at).toEqual(expect.any(String))
        expect(await balanceOf(leila.customer.id, after)).toEqual({ available: "2000000", pending: "0" })
        const [released] = await messagesOf(leila.customer.id, "referral_rewarded")
        expect(released.body).toContain("navid")
        expect(released.body).toContain("۲۰۰٬۰۰۰ تومان")
        await sendDueMessagesWorkflow(getContainer()).run({ input: { at: new Date(after.getTime() + 60000) } })
        expect(textsTo("+989121230001").sort()).toEqual([told.body, released.body].sort())
        // Run again: nothing twice.
        await releaseHeldCashbackWorkflow(getContainer()).run({ input: { at: after } })
        expect(await messagesOf(leila.customer.id, "referral_rewarded")).toHaveLength(1)

        // The admin: the list (searchable), the counts, the top referrers and the customer widget.
        const { data: list } = await api.get("/admin/loyalty/referrals?q=NAVID@example", admin())
        expect(list.referrals.map((r: any) => r.id)).toEqual([referralId])
        // Each tab's count is that status's list (the demo's own referral was released too).
        expect(Object.keys(list.counts).sort()).toEqual(Object.keys(counted).sort())
        for (const [status, count] of Object.entries(list.counts)) {
          expect([status, (await api.get(`/admin/loyalty/referrals?status=${status}&limit=1`, admin())).data.count]).toEqual([status, count])
        }
        expect(list.counts.rewarded).toBeGreaterThan(counted.rewarded)
        expect((await api.get("/admin/loyalty/referrals?q=%25", admin())).data.referrals).toEqual([])
        expect((await api.get(`/admin/loyalty/referrals?q=${me.code}&status=rewarded`, admin())).data.count).toBe(1)
        expect((await api.get(`/admin/loyalty/referrals?q=${me.code}&status=held`, admin())).data.count).toBe(0)
        expect((await api.get(`/admin/loyalty/referrals?q=0912%20123%200002`, admin())).data.referrals.map((r: any) => r.id)).toEqual([
          referralId,
        ])
        const { data: top } = await api.get(`/admin/loyalty/referrals/top?from=${start.toISOString()}`, admin())
        expect(top.referrers).toEqual([
          {
            customer: expect.objectContaining({ id: leila.customer.id, first_name: "leila" }),
            code: me.code,
            referrals: 1,
            ordered: 1,
            rewarded: 1,
            pending: 0,
            earned: [{ currency_code: "irr", amount: "2000000" }],
            pending_amount: [],
          },
        ])
        const { data: widget } = await api.get(`/admin/loyalty/customers/${leila.customer.id}/referrals`, admin())
        expect(widget).toEqual(
          expect.objectContaining({
            code: me.code,
            link: me.link,
            referred_by: null,
            referrals: [expect.objectContaining({ id: referralId, status: "rewarded" })],
            stats: expect.objectContaining({ invited: 1, rewarded: 1, earned: [{ currency_code: "irr", amount: "2000000" }] }),
          })
        )
        const { data: friendWidget } = await api.get(`/admin/loyalty/customers/${navid.customer.id}/referrals`, admin())
        expect(friendWidget.referred_by).toEqual(expect.objectContaining({ id: referralId }))
        const unknown = await failure(api.get("/admin/loyalty/customers/cus_nobody/referrals", admin()))
        expect([unknown.status, unknown.data.code]).toEqual([404, "loyalty_customer_not_found"])
      })

      it("should give the friend credit on the first qualifying order, pay once for a repeated event, and take both back on a return within the hold only", async () => {
        const { regions, beans } = seeded
        await program({
          friend_gift_type: "credit",
          friend_credit: { irr: "1000000" },
          min_order_amount: { irr: "20000000" },
          referrer_credit: { irr: "2000000" },
        })
        const omid = await member("omid@example.com", "+989121230011")
        const code = await codeOf(omid.headers)
        const sima = await member("sima@example.com", "+989121230012")
        const joined = await claim(sima, code)
        expect(joined.data.referral.status).toBe("joined")
        expect(joined.data.gift).toEqual(
          expect.objectContaining({
            type: "credit",
            amount: { amount: "1000000", currency_code: "irr" },
            min_order: { amount: "20000000", currency_code: "irr" },
          })
        )
        // Nothing before the order.
        expect(await balanceOf(sima.customer.id)).toEqual({ available: "0", pending: "0" })

        // 29,000,000 qualifies: Sima's 1,000,000 at once, Omid's 2,000,000 pending.
        const order = await checkout(api, sima.headers, regions[0].id, [beans])
        await waitStatus(joined.data.referral.id, "pending")
        await paidCredits(sima.customer.id, "referral_friend")
        await paidCredits(omid.customer.id, "referral")
        const referral = await referralOf(joined.data.referral.id)
        expect(referral).toEqual(expect.objectContaining({ order_total: "29000000", friend_transaction_id: expect.any(String) }))
        expect(await balanceOf(sima.customer.id)).toEqual({ available: "1000000", pending: "0" })
        expect(await balanceOf(omid.customer.id)).toEqual({ available: "0", pending: "2000000" })

        // The same event again, and the workflow run twice more: paid once.
        await settled(getContainer(), async () => {
          await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
          await qualifyReferralOrderWorkflow(getContainer()).run({ input: { order_id: order.id } })
          await qualifyReferralOrderWorkflow(getContainer()).run({ input: { order_id: order.id } })
        })
        const [referrerCredit, ...twice] = await creditsOf(omid.customer.id, "referral")
        expect(twice).toEqual([])
        expect(await creditsOf(sima.customer.id, "referral_friend")).toEqual([
          expect.objectContaining({ id: referral.friend_transaction_id, amount: "1000000" }),
        ])

        // Returned within the hold: both credits taken back, exactly.
        const { data: { order: full } } = await api.get(`/admin/orders/${order.id}?fields=*items,*payment_collections.payments`, admin())
        await api.post(`/admin/payments/${full.payment_collections[0].payments[0].id}/capture`, {}, admin())
        const items = full.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
        await api.post(`/admin/orders/${order.id}/fulfillments`, { items }, admin())
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: locations } = await query.graph({ entity: "stock_location", fields: ["id"] })
        const { data: { return: ret } } = await api.post("/admin/returns", { order_id: order.id, location_id: locations[0].id }, admin())
        await api.post(`/admin/returns/${ret.id}/request-items`, { items }, admin())
        await api.post(`/admin/returns/${ret.id}/request`, {}, admin())
        await api.post(`/admin/returns/${ret.id}/receive`, {}, admin())
        await api.post(`/admin/returns/${ret.id}/receive-items`, { items }, admin())
        await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, admin())
        const reversed = await waitStatus(referral.id, "reversed")
        expect(reversed.reversed_at).toEqual(expect.any(String))
        // (The status moves first, then the credits are taken back.)
        await waitFor(async () => ((await reversalsOf(referral.friend_transaction_id)).length ? true : undefined))
        expect(await reversalsOf(referrerCredit.id)).toEqual([{ amount: "-2000000" }])
        expect(await reversalsOf(referral.friend_transaction_id)).toEqual([{ amount: "-1000000" }])
        expect(await balanceOf(omid.customer.id)).toEqual({ available: "0", pending: "0" })
        expect(await balanceOf(sima.customer.id)).toEqual({ available: "0", pending: "0" })
        expect((await api.get("/store/loyalty/referrals/me", omid.headers)).data.stats).toEqual(
          expect.objectContaining({ ordered: 1, rewarded: 0, pending: [], earned: [] })
        )
        // The same take-back again changes nothing.
        await reverseReferralOrderWorkflow(getContainer()).run({ input: { order_id: order.id, reason: "returned" } })
        expect(await reversalsOf(referrerCredit.id)).toHaveLength(1)

        // Another friend's order, returned after the hold: nothing is taken back.
        const taha = await member("taha@example.com", "+989121230013")
        const second = (await claim(taha, code)).data.referral
        const late = await checkout(api, taha.headers, regions[0].id, [beans])
        const paid = await waitStatus(second.id, "pending")
        await paidCredits(omid.customer.id, "referral", 2)
        const afterHold = new Date(new Date(paid.available_at).getTime() + DAY)
        await reverseReferralOrderWorkflow(getContainer()).run({ input: { order_id: late.id, reason: "returned", at: afterHold } })
        expect((await referralOf(second.id)).status).toBe("pending")
        const [kept] = (await creditsOf(omid.customer.id, "referral")).filter((c: any) => c.reference_id === second.id)
        expect(await reversalsOf(kept.id)).toEqual([])
        expect(await balanceOf(omid.customer.id, afterHold)).toEqual({ available: "2000000", pending: "0" })
        expect(await balanceOf(taha.customer.id)).toEqual({ available: "1000000", pending: "0" })
      })

      it("should refuse self-referrals, friends already known and referrers over their cap, and let one of two racing claims win", async () => {
        const start = new Date()
        await program({ friend_gift_type: "none", referrer_credit: { irr: "2000000" } })
        const reza = await member("ali.reza+club@example.com", "+989121230021")
        const code = await codeOf(reza.headers)
        const reasonsOf = async (who: any) => {
          const res = await claim(who, code)
          expect(res.status).toBe(200)
          return res.data.referral
        }

        const self = await reasonsOf(reza)
        expect(self.status).toBe("refused")
        expect(self.reasons).toContain("self_referral")
        // The same mailbox: dots and a +tag do not make another person.
        const alias = await reasonsOf(await member("AliReza@Example.com", "+989121230022"))
        expect([alias.status, alias.reasons]).toEqual(["refused", ["self_email"]])
        const samePhone = await reasonsOf(await member("twin@example.com", "+989121230021"))
        expect(samePhone.status).toBe("refused")
        expect(samePhone.reasons).toContain("self_phone")
        // Sara (the demo's) has this number: the club has seen it.
        const seen = await reasonsOf(await member("newcomer@example.com", "09121234567"))
        expect([seen.status, seen.reasons]).toEqual(["refused", ["friend_phone_seen"]])
        // The same home, written differently.
        await api.post("/store/customers/me/addresses", { address_1: "No. 12, Valiasr St", postal_code: "12345-67890", country_code: "ir" }, reza.headers)
        const neighbour = await member("flatmate@example.com", "+989121230023")
        await api.post("/store/customers/me/addresses", { address_1: "no ۱۲ valiasr st", postal_code: "1234567890", country_code: "ir" }, neighbour.headers)
        const home = await reasonsOf(neighbour)
        expect([home.status, home.reasons]).toEqual(["refused", ["self_address"]])
        const refusedRows = await rows(`SELECT status, reasons FROM loyalty_referral WHERE referrer_id = ?`, [reza.customer.id])
        expect(refusedRows.map((r: any) => r.status)).toEqual(["refused", "refused", "refused", "refused", "refused"])
        // None of them was paid or welcomed.
        expect(await rows(`SELECT id FROM loyalty_message WHERE event = 'referral_welcome' AND created_at >= ?`, [start])).toEqual([])

        // A refused friend may still name another member's code.
        const mina = await member("mina@example.com", "+989121230024")
        const ok = await claim(await member("fresh@example.com", "+989121230025"), await codeOf(mina.headers))
        expect(ok.data.referral.status).toBe("joined")

        // The cap: one a month for Mina; the second friend is refused.
        await program({ referrer_monthly_cap: 1 }, false)
        const capped = await claim(await member("second@example.com", "+989121230026"), await codeOf(mina.headers))
        expect([capped.data.referral.status, capped.data.referral.reasons]).toEqual(["refused", ["referrer_cap"]])
        await program({ referrer_monthly_cap: 10 }, false)

        // Two referrers' codes for one friend at once: one wins, one live row.
        const [hoda, kian] = [await member("hoda@example.com", "+989121230027"), await member("kian@example.com", "+989121230028")]
        const [hodaCode, kianCode] = [await codeOf(hoda.headers), await codeOf(kian.headers)]
        const sought = await member("sought@example.com", "+989121230029")
        const raced = await Promise.all([claim(sought, hodaCode), claim(sought, kianCode)])
        expect(raced.map((r) => r.status).sort()).toEqual([200, 400])
        const lost = raced.find((r) => r.status === 400)!
        expect(lost.data.code).toBe("loyalty_referral_already_claimed")
        const live = await rows(`SELECT id FROM loyalty_referral WHERE friend_id = ? AND status <> 'refused'`, [sought.customer.id])
        expect(live).toEqual([{ id: raced.find((r) => r.status === 200)!.data.referral.id }])
        // The winner's code again returns the same referral; the loser's is still a 400.
        const winner = raced.find((r) => r.status === 200)!
        const winnerCode = (await referralOf(winner.data.referral.id)).code
        const again = await claim(sought, winnerCode)
        expect([again.status, again.data.referral.id]).toEqual([200, winner.data.referral.id])
        expect((await claim(sought, winnerCode === hodaCode ? kianCode : hodaCode)).data.code).toBe("loyalty_referral_already_claimed")

        // A proven phone, when the shop asks for one.
        await program({ require_verified_phone: true }, false)
        const unproven = await member("unproven@example.com", "+989121230030")
        const needPhone = await claim(unproven, hodaCode)
        expect([needPhone.status, needPhone.data.code]).toEqual([400, "loyalty_referral_phone_required"])
        await api.post("/store/loyalty/sign-up", { phone: "09121230030" }, unproven.headers)
        await api.post("/store/loyalty/sign-up/verify", { phone: "09121230030", code: lastCode("+989121230030") }, unproven.headers)
        expect((await claim(unproven, hodaCode)).data.referral.status).toBe("joined")

        // Unknown codes and a programme switched off.
        const unknown = await claim(await member("lost@example.com", "+989121230031"), "ZZZZZZ")
        expect([unknown.status, unknown.data.code]).toEqual([400, "loyalty_referral_code_unknown"])
        await program({ enabled: false }, false)
        const off = await claim(await member("late@example.com", "+989121230032"), hodaCode)
        expect([off.status, off.data.code]).toEqual([400, "loyalty_referral_program_off"])
        expect((await api.get(`/store/loyalty/referrals/codes/${hodaCode}`, guest())).data.valid).toBe(false)
      })

      it("should hold many claims from one address or device and an order paid mostly with credit, and let the shop approve or refuse them", async () => {
        const { regions, beans } = seeded
        const counted = await statusCounts()
        await program({
          friend_gift_type: "credit",
          friend_credit: { irr: "1000000" },
          min_order_amount: { irr: "1000000" },
          referrer_credit: { irr: "2000000" },
          daily_source_limit: 1,
        })
        const parisa = await member("parisa@example.com", "+989121230041")
        const code = await codeOf(parisa.headers)

        // From this test's own address: the first claim of the day joins, the next waits.
        const first = await member("first@example.com", "+989121230042")
        expect((await claim(first, code)).data.referral.status).toBe("joined")
        const second = await member("second@example.com", "+989121230043")
        const fromAddress = (await claim(second, code)).data.referral
        expect([fromAddress.status, fromAddress.reasons]).toEqual(["held", ["many_from_address"]])
        expect(await messagesOf(second.customer.id, "referral_welcome")).toEqual([])

        // Behind a proxy: other addresses, one device.
        await api.post("/admin/loyalty/settings", { signup_behind_proxy: true }, admin())
        const third = await member("third@example.com", "+989121230044")
        const viaTablet = { device_id: "tablet-7" }
        expect((await claim(third, code, viaTablet, { "x-forwarded-for": "5.5.5.1" })).data.referral.status).toBe("joined")
        const fourth = await member("fourth@example.com", "+989121230045")
        const fromDevice = (await claim(fourth, code, viaTablet, { "x-forwarded-for": "5.5.5.2" })).data.referral
        expect([fromDevice.status, fromDevice.reasons]).toEqual(["held", ["many_from_device"]])
        // Staff see where it came from; the shopper's answer never does.
        const held = await referralOf(fromDevice.id)
        expect(held.held_stage).toBe("claim")
        expect(JSON.stringify(await api.get("/store/loyalty/referrals", parisa.headers).then((r: any) => r.data))).not.toMatch(
          /tablet-7|5\.5\.5\.|fourth@example|230045/
        )

        // The shop approves one (the friend joins and is welcomed) and refuses the other.
        const approved = (await api.post(`/admin/loyalty/referrals/${fromAddress.id}/approve`, {}, admin())).data.referral
        expect(approved).toEqual(expect.objectContaining({ status: "joined", reviewed_by: expect.any(String), reviewed_at: expect.any(String) }))
        expect(await messagesOf(second.customer.id, "referral_welcome")).toHaveLength(1)
        const refused = (await api.post(`/admin/loyalty/referrals/${fromDevice.id}/refuse`, { reason: "A device farm" }, admin())).data.referral
        expect([refused.status, refused.reasons]).toEqual(["refused", ["many_from_device", "shop_refused"]])
        const notHeld = await failure(api.post(`/admin/loyalty/referrals/${fromDevice.id}/approve`, {}, admin()))
        expect([notHeld.status, notHeld.data.code]).toEqual([400, "loyalty_referral_not_held"])
        const missing = await failure(api.post("/admin/loyalty/referrals/lref_nothing/refuse", {}, admin()))
        expect([missing.status, missing.data.code]).toEqual([404, "loyalty_referral_not_found"])

        // The first friend pays 20,000,000 of 29,000,000 with wallet credit: held, nothing paid.
        const { data: opened } = await api.post("/admin/loyalty/wallets", { customer_id: first.customer.id, currency_code: "irr" }, admin())
        await api.post(`/admin/loyalty/wallets/${opened.wallet.id}/credit`, { amount: "20000000", note: "Gift" }, admin())
        const cartId = await prepareCart(api, first.headers, regions[0].id, [beans])
        await applyCredit(api, cartId, first.headers)
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, first.headers)
        const firstReferral = (await rows(`SELECT id FROM loyalty_referral WHERE friend_id = ?`, [first.customer.id]))[0]
        const heldOrder = await waitStatus(firstReferral.id, "held")
        expect(heldOrder).toEqual(
          expect.objectContaining({ held_stage: "order", reasons: ["paid_with_credit"], order_id: completed.order.id, referrer_amount: null })
        )
        expect(await creditsOf(parisa.customer.id, "referral")).toEqual([])

        // Approved: paid as on any qualifying order, the hold counted from the order.
        const paid = (await api.post(`/admin/loyalty/referrals/${firstReferral.id}/approve`, {}, admin())).data.referral
        expect(paid).toEqual(expect.objectContaining({ status: "pending", referrer_amount: "2000000" }))
        const availableAt = (await placedAt(completed.order.id)) + 14 * DAY
        expect(new Date(paid.available_at).getTime()).toBe(availableAt)
        expect(await balanceOf(parisa.customer.id)).toEqual({ available: "0", pending: "2000000" })
        expect(await balanceOf(first.customer.id)).toEqual({ available: "1000000", pending: "0" })
        const { data: page } = await api.get(`/admin/loyalty/referrals?referrer_id=${parisa.customer.id}&limit=1`, admin())
        expect(page).toEqual(
          expect.objectContaining({ count: 4, limit: 1, offset: 0, counts: plus(counted, { joined: 2, pending: 1, refused: 1 }) })
        )
        expect(page.referrals).toHaveLength(1)
      })

      it("should claim at the kiosk and the till, and let a till first purchase qualify the referral", async () => {
        await program({ friend_gift_type: "none", min_order_amount: { irr: "20000000" }, referrer_credit: { irr: "2000000" } })
        const bahar = await member("bahar@example.com", "+989121230051")
        const code = await codeOf(bahar.headers)

        // Kiosk: an unknown code is refused before the one-time code is used; then the visitor joins with Bahar's.
        await api.post("/store/loyalty/sign-up", { phone: "09121230052" }, guest())
        const otp = lastCode("+989121230052")
        const wrong = await failure(
          api.post("/store/loyalty/sign-up/verify", { phone: "09121230052", code: otp, referral_code: "ZZZZZZ" }, guest())
        )
        expect([wrong.status, wrong.data.code]).toEqual([400, "loyalty_referral_code_unknown"])
        const { data: kiosk } = await api.post(
          "/store/loyalty/sign-up/verify",
          { phone: "09121230052", code: otp, referral_code: code.toLowerCase() },
          guest()
        )
        expect(kiosk.referral).toEqual(expect.objectContaining({ channel: "kiosk", status: "joined", referrer_id: bahar.customer.id }))
        expect(kiosk.referral_error).toBeNull()
        expect(kiosk.referral.referrer).toBeUndefined()
        // A sign-up whose claim is refused still signs up: the number is Bahar's own.
        await api.post("/store/loyalty/sign-up", { phone: "09121230051" }, bahar.headers)
        const { data: own } = await api.post(
          "/store/loyalty/sign-up/verify",
          { phone: "09121230051", code: lastCode("+989121230051"), referral_code: code },
          bahar.headers
        )
        expect(own.club_card.customer_id).toBe(bahar.customer.id)
        expect(own.referral).toEqual(expect.objectContaining({ status: "refused", reasons: expect.arrayContaining(["self_referral"]) }))

        // Till: a new member's first purchase names the code; unknown codes and bad ones register nothing.
        const purchase = { phone: "09121230053", amount: "50000000", currency_code: "irr", receipt_id: "ref-till-1" }
        const unknown = await failure(api.post("/pos/loyalty/purchases", { ...purchase, referral_code: "ZZZZZZ" }, till()))
        expect([unknown.status, unknown.data.code]).toEqual([400, "loyalty_referral_code_unknown"])
        const giant = await failure(api.post("/pos/loyalty/purchases", { ...purchase, referral_code: "A".repeat(5000) }, till()))
        expect(giant.status).toBe(400)
        expect(giant.data.message).toContain("referral_code")
        expect(await service().listPosPurchases({ receipt_id: "ref-till-1" })).toEqual([])
        const bought = await api.post("/pos/loyalty/purchases", { ...purchase, referral_code: ` ${code.slice(0, 2)}-${code.slice(2)} ` }, till())
        expect(bought.status).toBe(201)
        expect(bought.data.referral).toEqual(expect.objectContaining({ channel: "till", referrer_id: bahar.customer.id }))
        expect(bought.data.referral_error).toBeNull()
        const tillReferral = await waitStatus(bought.data.referral.id, "pending")
        expect(tillReferral).toEqual(
          expect.objectContaining({ order_id: bought.data.purchase.order_id, order_total: "50000000", referrer_amount: "2000000" })
        )
        expect(new Date(tillReferral.available_at).getTime()).toBe((await placedAt(bought.data.purchase.order_id)) + 14 * DAY)
        // The same receipt again: the first answer, no second claim.
        const replay = await api.post("/pos/loyalty/purchases", { ...purchase, referral_code: code }, till())
        expect(replay.status).toBe(200)
        expect(await rows(`SELECT id FROM loyalty_referral WHERE friend_id = ?`, [bought.data.purchase.customer_id])).toHaveLength(1)

        // Staff registration: a member who already bought is refused, the purchase still counts.
        const staff = { phone: "09121230054", amount: "30000000", currency_code: "irr" }
        await api.post("/admin/loyalty/purchases", staff, admin())
        const { data: later, status } = await api.post("/admin/loyalty/purchases", { ...staff, referral_code: code }, admin())
        expect(status).toBe(201)
        expect(later.referral).toEqual(expect.objectContaining({ channel: "till", status: "refused", reasons: ["friend_ordered"] }))
        const staffUnknown = await failure(api.post("/admin/loyalty/purchases", { ...staff, referral_code: "ZZZZZZ" }, admin()))
        expect([staffUnknown.status, staffUnknown.data.code]).toEqual([400, "loyalty_referral_code_unknown"])
        expect((await api.get("/store/loyalty/referrals/me", bahar.headers)).data.stats).toEqual(
          expect.objectContaining({ invited: 4, joined: 2, ordered: 1, pending: [{ currency_code: "irr", amount: "2000000" }] })
        )
      })

      it("should keep each shopper to their own referrals and refuse malformed requests with the field named", async () => {
        await program({ friend_gift_type: "none", referrer_credit: { irr: "2000000" } })
        const owner = await member("owner@example.com", "+989121230061")
        const friend = await member("friend@example.com", "+989121230062")
        await claim(friend, await codeOf(owner.headers))
        const stranger = await member("stranger@example.com", "+989121230063")
        expect((await api.get("/store/loyalty/referrals", owner.headers)).data.count).toBe(1)
        expect((await api.get("/store/loyalty/referrals", stranger.headers)).data).toEqual({ referrals: [], count: 0, offset: 0, limit: 20 })
        const spying = await failure(api.get(`/store/loyalty/referrals?referrer_id=${owner.customer.id}`, stranger.headers))
        expect(spying.status).toBe(400)
        // No login: no list, no claim; the lookup needs the store's key.
        expect((await failure(api.get("/store/loyalty/referrals", guest()))).status).toBe(401)
        expect((await failure(api.get("/store/loyalty/referrals/me", guest()))).status).toBe(401)
        expect((await failure(api.post("/store/loyalty/referrals/claim", { code: "ABCDEF" }, guest()))).status).toBe(401)
        expect((await failure(api.get("/store/loyalty/referrals/codes/ABCDEF"))).status).toBe(400)

        const giant = await failure(api.post("/store/loyalty/referrals/claim", { code: "A".repeat(100000) }, stranger.headers))
        expect([giant.status, giant.data.code]).toEqual([400, "loyalty_invalid_request"])
        expect(giant.data.message).toContain("code")
        for (const body of [{ code: 123456 }, { code: "" }, {}, { code: "ABCDEF", customer_id: owner.customer.id }]) {
          const res = await failure(api.post("/store/loyalty/referrals/claim", body, stranger.headers))
          expect(res.status).toBe(400)
        }
        expect((await failure(api.get(`/store/loyalty/referrals/codes/${"A".repeat(40)}`, guest()))).status).toBe(400)
        expect((await failure(api.get("/store/loyalty/referrals?limit=51", owner.headers))).status).toBe(400)
        expect((await failure(api.get("/admin/loyalty/referrals?limit=101", admin()))).status).toBe(400)
        expect((await failure(api.get("/admin/loyalty/referrals/top?limit=51", admin()))).status).toBe(400)
        expect((await failure(api.get("/admin/loyalty/referrals?status=paid", admin()))).status).toBe(400)

        // The programme: each bad value a 400 with its field's code; nothing saved.
        const before = (await api.get("/admin/loyalty/referrals/program", admin())).data
        expect(before.share_url_default).toEqual(expect.stringMatching(/^https?:\/\//))
        for (const [body, code, field] of [
          [{ friend_credit: { irr: "-5" } }, "loyalty_friend_credit_invalid", "friend_credit"],
          [{ friend_credit: { irr: "12.5" } }, "loyalty_friend_credit_invalid", "friend_credit"],
          [{ friend_credit: { irr: "1e9" } }, "loyalty_friend_credit_invalid", "friend_credit"],
          [{ referrer_credit: { xyz: "100" } }, "loyalty_referrer_credit_invalid", "referrer_credit"],
          [{ min_order_amount: { irr: "abc" } }, "loyalty_min_order_amount_invalid", "min_order_amount"],
          [{ referrer_percent: "150" }, "loyalty_referrer_percent_invalid", "referrer_percent"],
          [{ referrer_percent: "0" }, "loyalty_referrer_percent_invalid", "referrer_percent"],
          [{ referrer_percent: "2.555" }, "loyalty_referrer_percent_invalid", "referrer_percent"],
          [{ share_url: "javascript:alert(1)" }, "loyalty_share_url_invalid", "share_url"],
          [{ share_url: `https://shop.example.com/${"a".repeat(600)}` }, "loyalty_share_url_invalid", "share_url"],
          [{ friend_gift_type: "code", friend_batch_id: "lcb_nothing" }, "loyalty_referral_batch_invalid", "friend_batch_id"],
          [{ hold_days: 400 }, "loyalty_invalid_request", "hold_days"],
          [{ referrer_monthly_cap: 0 }, "loyalty_invalid_request", "referrer_monthly_cap"],
          [{ credit_share_hold: 101 }, "loyalty_invalid_request", "credit_share_hold"],
          [{ bonus: true }, "loyalty_invalid_request", "bonus"],
        ] as const) {
          const res = await failure(api.post("/admin/loyalty/referrals/program", body, admin()))
          expect([res.status, res.data.code, res.data.message]).toEqual([400, code, expect.stringContaining(field)])
        }
        expect((await api.get("/admin/loyalty/referrals/program", admin())).data).toEqual(before)
        const { data: saved } = await api.post(
          "/admin/loyalty/referrals/program",
          { share_url: "https://shop.example.com/join?utm=sms", referrer_percent: "2.5", referrer_orders: 3 },
          admin()
        )
        expect(saved.program).toEqual(expect.objectContaining({ share_url: "https://shop.example.com/join?utm=sms", referrer_percent: "2.5" }))
        const { data: me } = await api.get("/store/loyalty/referrals/me", owner.headers)
        expect(me.link).toBe(`https://shop.example.com/join?utm=sms&ref=${me.code}`)
      })
    })
  },
})
