import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { LogGateway } from "../../src/providers/sms/gateways/log"
import {
  adminHeaders,
  checkout,
  demoStore,
  failure,
  prepareCart,
  shopper,
  waitFor,
} from "../helpers"

jest.setTimeout(240000)

// A one-time code appears nowhere but the SMS, so the tests read it where
// the SMS leaves: the (log) gateway's send.
const sendText = jest.spyOn(LogGateway.prototype, "sendText")
const lastCode = async (to: string) => {
  const call = [...sendText.mock.calls].reverse().find(([phone]) => phone === to)
  return /(\d{6})/.exec(call![1])![1]
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)
    const till = (key: string) => ({ headers: { "x-pos-key": key } })

    const setup = async () => {
      const container = getContainer()
      const store = await demoStore(container)
      const admin = await adminHeaders(container, api)
      // (The demo has a till key and the rule "2% at the till", limited to
      // the In-store sales channel.)
      const { data: full } = await api.post(
        "/admin/loyalty/pos-keys",
        { name: "Till 1", location: "Tehran, Valiasr", scopes: ["lookup", "earn", "redeem"] },
        admin
      )
      const { data: lookupOnly } = await api.post(
        "/admin/loyalty/pos-keys",
        { name: "Door kiosk", location: "Tehran, Valiasr", scopes: ["lookup"] },
        admin
      )
      return { ...store, admin, key: full.pos_key.key as string, lookupKey: lookupOnly.pos_key.key as string, keyId: full.pos_key.id }
    }

    describe("Point of sale", () => {
      it("should let only a valid key with the right scope in, and never into /admin", async () => {
        const { admin, key, lookupKey, keyId } = await setup()
        expect(key).toMatch(/^lpos_[A-Za-z0-9_-]{43}$/)
        const { data: list } = await api.get("/admin/loyalty/pos-keys", admin)
        expect(list.pos_keys.map((k: any) => k.name)).toEqual(["Door kiosk", "Till 1", "Demo till"])
        expect(JSON.stringify(list)).not.toContain(key)
        expect(list.pos_keys[1]).toEqual(expect.objectContaining({ name: "Till 1", key_prefix: key.slice(0, 12), revoked_at: null }))
        // Stored hashed: the key appears nowhere in the table.
        const pg: any = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const { rows } = await pg.raw(`SELECT * FROM loyalty_pos_key`)
        expect(JSON.stringify(rows)).not.toContain(key)

        const body = { phone: "09121110000", amount: 1000000, currency_code: "irr", receipt_id: "r-1" }
        const none = await failure(api.post("/pos/loyalty/purchases", body))
        expect([none.status, none.data.message]).toEqual([401, "A POS key is required (header x-pos-key)"])
        const wrong = await failure(api.post("/pos/loyalty/purchases", body, till("lpos_wrong")))
        expect([wrong.status, wrong.data.message]).toEqual([401, "The POS key is unknown or revoked"])
        const scope = await failure(api.post("/pos/loyalty/purchases", body, till(lookupKey)))
        expect([scope.status, scope.data.message]).toEqual([403, "This POS key may not earn (its scopes: lookup)"])
        const adminRoute = await failure(api.get("/admin/loyalty/wallets", till(key)))
        expect(adminRoute.status).toBe(401)
        const bearer = await failure(api.get("/admin/loyalty/wallets", { headers: { authorization: `Bearer ${key}` } }))
        expect(bearer.status).toBe(401)

        await api.post(`/admin/loyalty/pos-keys/${keyId}/revoke`, {}, admin)
        const revoked = await failure(api.get("/pos/loyalty/members?phone=09121234567", till(key)))
        expect([revoked.status, revoked.data.message]).toEqual([401, "The POS key is unknown or revoked"])
        // Nothing was registered by the refused requests.
        expect(await service().listPosPurchases({ receipt_id: "r-1" })).toEqual([])
      })

      it("should share one balance: earned online and spent at the till, earned at the till and spent online", async () => {
        const { pk, regions, variant, admin, key } = await setup()
        // This shop lets the till redeem without the customer's code.
        await api.post("/admin/loyalty/settings", { pos_redeem_requires_code: false }, admin)
        const sara = await shopper(api, pk, { email: "till@example.com", phone: "+989121110001" })
        // The phone on her account means nothing to the till until she
        // proves it with a code, logged in.
        const notYet = await failure(api.get("/pos/loyalty/members?phone=09121110001", till(key)))
        expect(notYet.status).toBe(404)
        await api.post("/store/loyalty/sign-up", { phone: "09121110001" }, sara.headers)
        const proof = await lastCode("+989121110001")
        const { data: proven } = await api.post("/store/loyalty/sign-up/verify", { phone: "09121110001", code: proof }, sara.headers)
        expect(proven.club_card.customer_id).toBe(sara.customer.id)
        await checkout(api, sara.headers, regions[0].id, [variant("vacuum-cleaner")])
        const wallet = await waitFor(async () => {
          const { data } = await api.get("/store/loyalty/wallets", sara.headers)
          return data.wallets[0]?.balance.available === "1850000" ? data.wallets[0] : undefined
        })

        // The till finds her by her number in any form, masked.
        // (Her order of 185,500,000 made her Silver.)
        const found = await waitFor(async () => {
          const { data } = await api.get(`/pos/loyalty/members?phone=${encodeURIComponent("۰۹۱۲ ۱۱۱ ۰۰۰۱")}`, till(key))
          return data.member.tier ? data : undefined
        })
        // The receipt names her tier in her language: the shop's Persian,
        // or what the till asks for.
        expect(found.member).toEqual({
          customer_id: sara.customer.id,
          name: "t***",
          tier: expect.objectContaining({ name: "نقره\u200cای" }),
          balances: [{ currency_code: "irr", available: "1850000", status: "active" }],
        })
        const { data: english } = await api.get(`/pos/loyalty/members?phone=09121110001`, {
          headers: { ...till(key).headers, "x-medusa-locale": "en" },
        })
        expect(english.member.tier).toEqual({ id: found.member.tier.id, name: "Silver" })
        const badPhone = await failure(api.get("/pos/loyalty/members?phone=12345", till(key)))
        expect([badPhone.status, badPhone.data.message]).toEqual([400, "phone (12345) is not a valid mobile number"])
        const unknown = await failure(api.get("/pos/loyalty/members?phone=09129998877", till(key)))
        expect([unknown.status, unknown.data.message]).toEqual([404, "No club member has the phone +989129998877"])

        // Spent at the till; the same receipt again pays nothing more.
        const redeem = { phone: "09121110001", amount: "1000000", currency_code: "irr", receipt_id: "till-1-0001" }
        const first = await api.post("/pos/loyalty/redemptions", redeem, till(key))
        const again = await api.post("/pos/loyalty/redemptions", redeem, till(key))
        expect([first.status, again.status]).toEqual([201, 200])
        expect(again.data.redemption.transaction_id).toBe(first.data.redemption.transaction_id)
        expect(again.data.member.balances[0].available).toBe("850000")
        const tooMuch = await failure(api.post("/pos/loyalty/redemptions", { ...redeem, receipt_id: "till-1-0002", amount: "900000" }, till(key)))
        expect([tooMuch.status, tooMuch.data.message]).toEqual([400, expect.stringContaining("insufficient balance: 850000 IRR available, 900000 requested")])

        // Earned at the till: 2% of 50,000,000 by the till rule and
        // Silver's 3% by the demo's member rule; sent twice, registered once.
        const purchase = { phone: "+989121110001", amount: "50000000", currency_code: "irr", receipt_id: "till-1-0003" }
        const bought = await api.post("/pos/loyalty/purchases", purchase, till(key))
        const replay = await api.post("/pos/loyalty/purchases", purchase, till(key))
        expect([bought.status, replay.status]).toEqual([201, 200])
        expect(replay.data.purchase.order_id).toBe(bought.data.purchase.order_id)
        expect(bought.data.cashback.map((c: any) => c.amount).sort()).toEqual(["1000000", "1500000"])
        // The till reads each rule's name in the member's language (the shop's Persian).
        expect(bought.data.cashback.map((c: any) => c.rule.name).sort()).toEqual(
          ["۲٪ کش‌بک خرید حضوری", "کش‌بک اضافه به نرخ سطح باشگاه شما"].sort()
        )
        expect(bought.data.member.balances[0].available).toBe("3350000")
        const { data: order } = await api.get(`/admin/orders/${bought.data.purchase.order_id}?fields=id,sales_channel.name,customer_id,total`, admin)
        expect(order.order).toEqual(expect.objectContaining({ customer_id: sara.customer.id, total: 50000000 }))
        expect(order.order.sales_channel.name).toBe("In-store")

        // Spent online: the till's cashback pays part of the next cart.
        const cartId = await prepareCart(api, sara.headers, regions[0].id, [variant("vacuum-cleaner")])
        const { data: applied } = await api.post(`/store/carts/${cartId}/loyalty-credit`, {}, sara.headers)
        expect(applied.loyalty_credit.applied).toBe("3350000")

        // The ledger adds up to the cached balance.
        const totals = await service().getLedgerTotals([wallet.id])
        const [cached] = await service().listWallets({ id: wallet.id })
        expect([totals[wallet.id], String(cached.balance)]).toEqual(["3350000", "3350000"])
      })

      it("should create a member for an unknown phone, count the till for tiers, void a purchase's cashback, and refuse bad input", async () => {
        const { admin, key } = await setup()
        const body = { phone: "0935 222 3344", amount: "200000000", currency_code: "irr", receipt_id: "till-2-0001" }
        const refused: [Record<string, unknown>, string][] = [
          [{ ...body, phone: "abc" }, "phone (abc) is not a valid mobile number"],
          [{ ...body, amount: "-5" }, "amount must be greater than 0, got -5"],
          [{ ...body, amount: "10.5" }, "amount"],
          [{ ...body, currency_code: "xyz" }, "currency_code (xyz) is not a known currency code"],
          [{ ...body, items: [{ title: "Shoes", amount: "150000000" }] }, "items add up to 150000000, amount is 200000000"],
        ]
        for (const [bad, message] of refused) {
          const res = await failure(api.post("/pos/loyalty/purchases", bad, till(key)))
          expect([res.status, res.data.message]).toEqual([400, expect.stringContaining(message)])
        }
        expect(await service().listPosPurchases({ receipt_id: body.receipt_id })).toEqual([])

        const { status, data } = await api.post("/pos/loyalty/purchases", body, till(key))
        expect(status).toBe(201)
        expect(data.purchase.new_member).toBe(true)
        expect(data.member).toEqual(
          expect.objectContaining({ name: null, balances: [{ currency_code: "irr", available: "4000000", status: "active" }] })
        )
        const customerId = data.purchase.customer_id
        const { data: customer } = await api.get(`/admin/customers/${customerId}`, admin)
        expect(customer.customer.phone).toBe("+989352223344")
        // 200,000,000 at the till passes Silver's 150,000,000.
        const { data: tier } = await waitFor(async () => {
          const res = await api.get(`/admin/loyalty/customers/${customerId}/tier`, admin)
          return res.data.customer_tier.tier ? res : undefined
        })
        expect(tier.customer_tier.tier.name).toBe("Silver")
        expect(tier.customer_tier.history[0]).toEqual(expect.objectContaining({ reason: "order", order_id: data.purchase.order_id }))

        // The void takes the cashback back and cancels the order, once.
        const voided = await api.post(`/pos/loyalty/purchases/${body.receipt_id}/void`, {}, till(key))
        expect(voided.data.member.balances[0].available).toBe("0")
        await api.post(`/pos/loyalty/purchases/${body.receipt_id}/void`, {}, till(key))
        const { data: order } = await api.get(`/admin/orders/${data.purchase.order_id}?fields=id,status`, admin)
        expect(order.order.status).toBe("canceled")
        const [wallet] = await service().listWallets({ customer_id: customerId })
        const { data: ledger } = await api.get(`/admin/loyalty/wallets/${wallet.id}/transactions`, admin)
        expect(ledger.transactions.map((t: any) => [t.type, t.amount])).toEqual([
          ["reversal", "-4000000"],
          ["credit", "4000000"],
        ])
        const missing = await failure(api.post(`/pos/loyalty/purchases/nope/void`, {}, till(key)))
        expect(missing.status).toBe(404)
      })

      it("should sign a kiosk visitor up with a code, stop code guessing and floods, and ask the till for the customer's code when the shop wants it", async () => {
        const { pk, admin, key } = await setup()
        const kiosk = { headers: { "x-publishable-api-key": pk } }
        await api.post("/admin/loyalty/settings", { signup_bonus: { irr: "500000" }, quiet_hours_start: "00:00", quiet_hours_end: "00:00" }, admin)

        // The same answer for a stranger and for a member (the demo's Sara).
        const stranger = await api.post("/store/loyalty/sign-up", { phone: "0912 777 1111" }, kiosk)
        const member = await api.post("/store/loyalty/sign-up", { phone: "+989121234567" }, kiosk)
        expect([stranger.status, Object.keys(stranger.data).sort()]).toEqual([200, ["expires_at", "sent"]])
        expect([member.status, Object.keys(member.data).sort()]).toEqual([200, ["expires_at", "sent"]])
        const bad = await failure(api.post("/store/loyalty/sign-up", { phone: "12" }, kiosk))
        expect([bad.status, bad.data.message]).toEqual([400, "phone (12) is not a valid mobile number"])

        // Five wrong guesses lock the code: even the right one fails after.
        const code = await lastCode("+989127771111")
        const wrong = code === "000000" ? "111111" : "000000"
        for (let i = 0; i < 5; i++) {
          const res = await failure(api.post("/store/loyalty/sign-up/verify", { phone: "09127771111", code: wrong }, kiosk))
          expect([res.status, res.data.message]).toEqual([400, "code is wrong, used or expired: ask for a new one"])
        }
        const locked = await failure(api.post("/store/loyalty/sign-up/verify", { phone: "09127771111", code }, kiosk))
        expect(locked.status).toBe(400)

        // A new code joins the club: the bonus, the welcome SMS, once.
        await api.post("/store/loyalty/sign-up", { phone: "09127771111" }, kiosk)
        const fresh = await lastCode("+989127771111")
        const { data: joined } = await api.post("/store/loyalty/sign-up/verify", { phone: "09127771111", code: fresh }, kiosk)
        expect(joined.club_card).toEqual(
          expect.objectContaining({ purchases: 0, balances: [{ currency_code: "irr", available: "500000" }] })
        )
        const reused = await failure(api.post("/store/loyalty/sign-up/verify", { phone: "09127771111", code: fresh }, kiosk))
        expect(reused.status).toBe(400)
        const welcome = await service().listMessages({ customer_id: joined.club_card.customer_id, event: "welcome" })
        expect(welcome.map((m) => m.body)).toEqual(["به باشگاه مشتریان Loyalty Club Demo خوش آمدید! موجودی کیف پول شما: ۵۰٬۰۰۰ تومان"])

        // Floods: a fourth code for one phone in ten minutes, then the
        // address's tenth request, are refused.
        const third = await api.post("/store/loyalty/sign-up", { phone: "09127771111" }, kiosk)
        expect(third.status).toBe(200)
        const flood = await failure(api.post("/store/loyalty/sign-up", { phone: "09127771111" }, kiosk))
        expect([flood.status, flood.data.message]).toEqual([429, "Too many codes asked for; try again in a few minutes"])
        const statuses: number[] = []
        for (let i = 0; i < 6; i++) {
          const res = await api.post("/store/loyalty/sign-up", { phone: `0912888000${i}` }, kiosk).catch((e) => e.response)
          statuses.push(res.status)
        }
        // 4 codes so far from this address: 6 more reach the limit of 10.
        expect(statuses).toEqual([200, 200, 200, 200, 200, 200])
        const ipFlood = await failure(api.post("/store/loyalty/sign-up", { phone: "09128880099" }, kiosk))
        expect(ipFlood.status).toBe(429)

        // The shop asks for the customer's code at the till.
        await api.post("/admin/loyalty/settings", { pos_redeem_requires_code: true }, admin)
        const redeem = { phone: "09127771111", amount: "200000", currency_code: "irr", receipt_id: "till-3-0001" }
        const noCode = await failure(api.post("/pos/loyalty/redemptions", redeem, till(key)))
        expect([noCode.status, noCode.data.message]).toEqual([400, "code is wrong, used or expired: ask for a new one"])
        await api.post("/pos/loyalty/redemptions/code", { phone: "09127771111" }, till(key))
        const tillCode = await lastCode("+989127771111")
        const paid = await api.post("/pos/loyalty/redemptions", { ...redeem, code: tillCode }, till(key))
        expect([paid.status, paid.data.member.balances[0].available]).toEqual([201, "300000"])
        // The till retries (its answer was lost): the first answer, paid once,
        // though the code is used up; a new receipt with it is refused.
        const retry = await api.post("/pos/loyalty/redemptions", { ...redeem, code: tillCode }, till(key))
        expect([retry.status, retry.data.redemption.transaction_id, retry.data.member.balances[0].available]).toEqual([
          200,
          paid.data.redemption.transaction_id,
          "300000",
        ])
        const reusedCode = await failure(api.post("/pos/loyalty/redemptions", { ...redeem, receipt_id: "till-3-0002", code: tillCode }, till(key)))
        expect(reusedCode.status).toBe(400)
      })
    })
  },
})
