import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LogGateway } from "../../src/providers/sms/gateways/log"
import { purgeOneTimeCodesWorkflow } from "../../src/workflows"
import { adminHeaders, demoStore, failure, shopper } from "../helpers"

jest.setTimeout(240000)

// A one-time code appears nowhere but the SMS: the tests read it where the
// SMS leaves, the (log) gateway's send.
const sendText = jest.spyOn(LogGateway.prototype, "sendText")
const lastCode = (to: string) => {
  const call = [...sendText.mock.calls].reverse().find(([phone]) => phone === to)
  return /(\d{6})/.exec(call![1])![1]
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const till = (key: string) => ({ headers: { "x-pos-key": key } })

    const setup = async () => {
      const container = getContainer()
      const store = await demoStore(container)
      const admin = await adminHeaders(container, api)
      const newKey = async (name: string, location: string) => {
        const { data } = await api.post(
          "/admin/loyalty/pos-keys",
          { name, location, scopes: ["lookup", "earn", "redeem"] },
          admin
        )
        return data.pos_key.key as string
      }
      const kiosk = { headers: { "x-publishable-api-key": store.pk } }
      return { ...store, admin, kiosk, newKey, key: await newKey("Till 1", "Tehran, Valiasr") }
    }

    // Joins the club at the kiosk with the code from the SMS.
    const signUp = async (kiosk: any, phone: string, e164: string) => {
      await api.post("/store/loyalty/sign-up", { phone }, kiosk)
      const { data } = await api.post("/store/loyalty/sign-up/verify", { phone, code: lastCode(e164) }, kiosk)
      return data.club_card
    }

    const customersWithPhone = async (phone: string) => {
      const pg: any = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows } = await pg.raw(`SELECT id FROM customer WHERE phone = ? AND deleted_at IS NULL`, [phone])
      return rows.map((r: any) => r.id)
    }

    describe("Till and kiosk members", () => {
      it("should give a phone typed on an account nothing: no in-store cashback, tier spend or sign-up bonus", async () => {
        const { pk, admin, kiosk, key } = await setup()
        await api.post("/admin/loyalty/settings", { signup_bonus: { irr: "500000" } }, admin)
        // The attacker puts the victim's number on their own account.
        const attacker = await shopper(api, pk, { email: "mallory@example.com", phone: "+989121119999" })

        // The till knows no member with that number yet ...
        const lookup = await failure(api.get("/pos/loyalty/members?phone=09121119999", till(key)))
        expect([lookup.status, lookup.data.message]).toEqual([404, "No club member has the phone +989121119999"])
        // ... and the victim's purchase makes a new member, not the attacker.
        const purchase = { phone: "09121119999", amount: "200000000", currency_code: "irr", receipt_id: "v-1" }
        const { status, data } = await api.post("/pos/loyalty/purchases", purchase, till(key))
        expect([status, data.purchase.new_member]).toEqual([201, true])
        const victimId = data.purchase.customer_id
        expect(victimId).not.toBe(attacker.customer.id)
        expect(data.member.balances).toEqual([{ currency_code: "irr", available: "4000000", status: "active" }])

        // The victim proves the number at the kiosk: the bonus is theirs.
        const card = await signUp(kiosk, "09121119999", "+989121119999")
        expect(card).toEqual(
          expect.objectContaining({ customer_id: victimId, balances: [{ currency_code: "irr", available: "4500000" }] })
        )

        // The attacker, logged in, cannot prove a number they do not hold.
        await api.post("/store/loyalty/sign-up", { phone: "09121119999" }, attacker.headers)
        const guessed = await failure(
          api.post("/store/loyalty/sign-up/verify", { phone: "09121119999", code: "000000" }, attacker.headers)
        )
        expect(guessed.status).toBe(400)

        // The attacker has no wallet, no tier, no in-store purchase.
        const { data: mine } = await api.get("/store/loyalty/wallets", attacker.headers)
        expect(mine.wallets).toEqual([])
        const { data: tier } = await api.get(`/admin/loyalty/customers/${attacker.customer.id}/tier`, admin)
        expect(tier.customer_tier.tier).toBeNull()
        const { data: found } = await api.get("/pos/loyalty/members?phone=%2B989121119999", till(key))
        expect(found.member.customer_id).toBe(victimId)
      })

      it("should make one member when two first requests for a new phone race, and keep it when one of them fails", async () => {
        const { key, admin } = await setup()
        const phone = "09121117777"
        const buys = ["r-1", "r-2", "r-3", "r-4"].map((receipt_id) =>
          api.post("/pos/loyalty/purchases", { phone, amount: "1000000", currency_code: "irr", receipt_id }, till(key))
        )
        const done = await Promise.all(buys)
        expect(done.map((r) => r.status)).toEqual([201, 201, 201, 201])
        const ids = new Set(done.map((r) => r.data.purchase.customer_id))
        expect(ids.size).toBe(1)
        expect(done.filter((r) => r.data.purchase.new_member)).toHaveLength(1)
        expect(await customersWithPhone("+989121117777")).toEqual([...ids])

        // A first purchase that fails after the member was made (an unknown
        // product) races a good one: the good one's customer stays.
        const other = "09121116666"
        const [bad, good] = await Promise.all([
          api
            .post(
              "/pos/loyalty/purchases",
              {
                phone: other,
                amount: "1000000",
                currency_code: "irr",
                receipt_id: "bad-1",
                items: [{ variant_id: "variant_missing", amount: "1000000" }],
              },
              till(key)
            )
            .catch((e: any) => e.response),
          api.post("/pos/loyalty/purchases", { phone: other, amount: "1000000", currency_code: "irr", receipt_id: "good-1" }, till(key)),
        ])
        expect(bad.status).toBeGreaterThanOrEqual(400)
        expect(good.status).toBe(201)
        const { data: customer } = await api.get(`/admin/customers/${good.data.purchase.customer_id}`, admin)
        expect(customer.customer.phone).toBe("+989121116666")
        expect(await customersWithPhone("+989121116666")).toEqual([good.data.purchase.customer_id])
        const { data: order } = await api.get(`/admin/orders/${good.data.purchase.order_id}?fields=id,customer_id`, admin)
        expect(order.order.customer_id).toBe(good.data.purchase.customer_id)
      })
    })

    describe("Till receipts", () => {
      it("should key receipts by location: another shop's 0001 is its own, a clash is a 409 naming what differs, a key voids only its own", async () => {
        const { key, newKey, admin } = await setup()
        const shiraz = await newKey("Shiraz till", "Shiraz, Zand")
        const tehranBuy = { phone: "09121110011", amount: "50000000", currency_code: "irr", receipt_id: "0001" }
        const shirazBuy = { phone: "09121110022", amount: "30000000", currency_code: "irr", receipt_id: "0001" }
        const first = await api.post("/pos/loyalty/purchases", tehranBuy, till(key))
        const second = await api.post("/pos/loyalty/purchases", shirazBuy, till(shiraz))
        expect([first.status, second.status]).toEqual([201, 201])
        expect(second.data.purchase.order_id).not.toBe(first.data.purchase.order_id)
        expect(second.data.cashback.map((c: any) => c.amount)).toEqual(["600000"])

        // The same receipt at the same till: an exact repeat answers the
        // first; another phone or amount is a clash.
        const repeat = await api.post("/pos/loyalty/purchases", tehranBuy, till(key))
        expect([repeat.status, repeat.data.purchase.order_id]).toEqual([200, first.data.purchase.order_id])
        const otherPhone = await failure(api.post("/pos/loyalty/purchases", { ...tehranBuy, phone: "09121110033" }, till(key)))
        expect([otherPhone.status, otherPhone.data.message]).toEqual([
          409,
          "Receipt 0001 at Tehran, Valiasr was registered with a different phone",
        ])
        const otherAmount = await failure(api.post("/pos/loyalty/purchases", { ...tehranBuy, amount: "60000000" }, till(key)))
        expect([otherAmount.status, otherAmount.data.message]).toEqual([
          409,
          "Receipt 0001 at Tehran, Valiasr was registered with a different amount (registered: 50000000 IRR)",
        ])
        // The refused clash made no member for its phone.
        expect(await customersWithPhone("+989121110033")).toEqual([])

        // Shiraz voids its own 0001; Tehran's stays. Tehran's 0002 is not Shiraz's to void.
        await api.post("/pos/loyalty/purchases", { ...tehranBuy, receipt_id: "0002" }, till(key))
        const voided = await api.post("/pos/loyalty/purchases/0001/void", {}, till(shiraz))
        expect(voided.data.purchase.order_id).toBe(second.data.purchase.order_id)
        const foreign = await failure(api.post("/pos/loyalty/purchases/0002/void", {}, till(shiraz)))
        expect([foreign.status, foreign.data.message]).toEqual([404, "No purchase was registered with receipt 0002 at Shiraz, Zand"])
        const status = async (id: string) =>
          (await api.get(`/admin/orders/${id}?fields=id,status`, admin)).data.order.status
        expect(await status(second.data.purchase.order_id)).toBe("canceled")
        expect(await status(first.data.purchase.order_id)).not.toBe("canceled")
      })

      it("should refuse a purchase over the shop's largest one, for tills and staff, until the shop raises it", async () => {
        const { key, admin } = await setup()
        const buy = { phone: "09121110044", amount: "100000000001", currency_code: "irr", receipt_id: "big-1" }
        const over = await failure(api.post("/pos/loyalty/purchases", buy, till(key)))
        expect([over.status, over.data.message]).toEqual([
          400,
          "amount (100000000001) is over the shop's largest purchase, 100000000000 IRR",
        ])
        const forged = await failure(api.post("/pos/loyalty/purchases", { ...buy, amount: "1e30" }, till(key)))
        expect([forged.status, forged.data.message]).toEqual([400, expect.stringContaining("amount")])
        const staff = await failure(
          api.post("/admin/loyalty/purchases", { phone: buy.phone, amount: buy.amount, currency_code: "irr" }, admin)
        )
        expect([staff.status, staff.data.message, staff.data.code]).toEqual([
          400,
          expect.stringContaining("amount (100000000001) is over"),
          "loyalty_amount_over_max_purchase",
        ])
        expect(await customersWithPhone("+989121110044")).toEqual([])

        const badSetting = await failure(api.post("/admin/loyalty/settings", { pos_max_purchase: { zzz: "5" } }, admin))
        expect([badSetting.status, badSetting.data.message, badSetting.data.code]).toEqual([
          400,
          "pos_max_purchase: zzz is not a known currency code",
          "loyalty_pos_max_purchase_invalid",
        ])
        const { data } = await api.post("/admin/loyalty/settings", { pos_max_purchase: { irr: "500000000000" } }, admin)
        expect(data.settings.pos_max_purchase).toEqual({ irr: "500000000000" })
        const ok = await api.post("/pos/loyalty/purchases", buy, till(key))
        expect(ok.status).toBe(201)
      })
    })

    describe("Till redemptions", () => {
      it("should ask a new shop's till for the member's code, and a reused receipt id is no way around it", async () => {
        const { admin, kiosk, key, newKey } = await setup()
        const { data: fresh } = await api.get("/admin/loyalty/settings", admin)
        expect(fresh.settings.pos_redeem_requires_code).toBe(true)
        await api.post("/admin/loyalty/settings", { signup_bonus: { irr: "500000" } }, admin)
        const victim = await signUp(kiosk, "09121112222", "+989121112222")
        await signUp(kiosk, "09121113333", "+989121113333")

        // Knowing the phone is not enough.
        const redeem = { phone: "09121112222", amount: "100000", currency_code: "irr", receipt_id: "9001" }
        const noCode = await failure(api.post("/pos/loyalty/redemptions", redeem, till(key)))
        expect([noCode.status, noCode.data.message]).toEqual([400, "code is wrong, used or expired: ask for a new one"])

        // An accomplice pays receipt 9001 with their own code; the victim's
        // phone on the same receipt still needs the victim's code.
        await api.post("/pos/loyalty/redemptions/code", { phone: "09121113333" }, till(key))
        const own = { ...redeem, phone: "09121113333", code: lastCode("+989121113333") }
        expect((await api.post("/pos/loyalty/redemptions", own, till(key))).status).toBe(201)
        const reused = await failure(api.post("/pos/loyalty/redemptions", redeem, till(key)))
        expect([reused.status, reused.data.message]).toEqual([
          409,
          "Receipt 9001 at Tehran, Valiasr was paid with credit with a different phone",
        ])
        const more = await failure(api.post("/pos/loyalty/redemptions", { ...own, amount: "400000" }, till(key)))
        expect([more.status, more.data.message]).toEqual([
          409,
          "Receipt 9001 at Tehran, Valiasr was paid with credit with a different amount (paid: 100000)",
        ])
        // The exact repeat (the till's retry) answers the first payment.
        const retry = await api.post("/pos/loyalty/redemptions", { ...own, code: null }, till(key))
        expect(retry.status).toBe(200)
        // Another shop's 9001 is its own receipt, and needs its own code.
        const shiraz = await newKey("Shiraz till", "Shiraz, Zand")
        const elsewhere = await failure(api.post("/pos/loyalty/redemptions", { ...own, code: null }, till(shiraz)))
        expect(elsewhere.status).toBe(400)

        const { data: card } = await api.get("/pos/loyalty/members?phone=09121112222", till(key))
        expect(card.member.customer_id).toBe(victim.customer_id)
        expect(card.member.balances[0].available).toBe("500000")

        // An unknown currency is named as such, not as a missing wallet.
        const zzz = await failure(api.post("/pos/loyalty/redemptions", { ...own, currency_code: "zzz", receipt_id: "9002" }, till(key)))
        expect([zzz.status, zzz.data.message]).toEqual([400, "currency_code (zzz) is not a known currency code"])
      })
    })

    describe("Kiosk sign-up", () => {
      it("should take only the shop's countries, cap sign-up SMS per hour, count the real address, and purge old codes", async () => {
        const { admin, kiosk } = await setup()
        // No default region in the demo store: the club's country is Iran.
        const us = await failure(api.post("/store/loyalty/sign-up", { phone: "+1 201 555 0123" }, kiosk))
        expect([us.status, us.data.message]).toEqual([400, "phone (+1 201 555 0123): the club takes mobiles from IR only"])
        await api.post("/admin/loyalty/settings", { signup_countries: ["ir", "us"] }, admin)
        expect((await api.post("/store/loyalty/sign-up", { phone: "+1 201 555 0123" }, kiosk)).status).toBe(200)

        // X-Forwarded-For is the client's own word when no proxy is in
        // front: three "different" addresses are one.
        await api.post("/admin/loyalty/settings", { signup_per_address_limit: 2 }, admin)
        const spoofed = await Promise.all(
          ["1.1.1.1", "2.2.2.2", "3.3.3.3"].map((ip, i) =>
            api
              .post("/store/loyalty/sign-up", { phone: `0912444000${i}` }, { headers: { ...kiosk.headers, "x-forwarded-for": ip } })
              .catch((e: any) => e.response)
          )
        )
        expect(spoofed.map((r) => r.status).sort()).toEqual([200, 429, 429])
        // Behind a proxy the shop says so, and the forwarded address counts.
        await api.post("/admin/loyalty/settings", { signup_behind_proxy: true }, admin)
        const proxied = await api.post(
          "/store/loyalty/sign-up",
          { phone: "09124440009" },
          { headers: { ...kiosk.headers, "x-forwarded-for": "4.4.4.4" } }
        )
        expect(proxied.status).toBe(200)

        // The shop-wide hourly cap (1 + 1 + 1 sent so far), for many phones at once.
        await api.post("/admin/loyalty/settings", { signup_hourly_cap: 5, signup_per_address_limit: 100 }, admin)
        const burst = await Promise.all(
          [0, 1, 2, 3, 4].map((i) =>
            api.post("/store/loyalty/sign-up", { phone: `0912555000${i}` }, kiosk).catch((e: any) => e.response)
          )
        )
        expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 429, 429, 429])

        // The code is in the SMS only: not in the stored notification.
        const code = lastCode("+989124440009")
        const { data: notes } = await api.get("/admin/notifications?limit=100", admin)
        const otp = notes.notifications.filter((n: any) => n.template === "one_time_code_signup")
        expect(otp.length).toBeGreaterThan(0)
        expect(JSON.stringify(notes)).not.toContain(code)

        // The rate-limit queries have their indexes; old codes are purged.
        const pg: any = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const { rows: indexes } = await pg.raw(
          `SELECT indexname FROM pg_indexes WHERE tablename = 'loyalty_one_time_code' ORDER BY indexname`
        )
        expect(indexes.map((r: any) => r.indexname)).toEqual(
          expect.arrayContaining(["IDX_loyalty_one_time_code_created", "IDX_loyalty_one_time_code_purpose_created"])
        )
        const count = async () => (await pg.raw(`SELECT count(*)::int AS n FROM loyalty_one_time_code`)).rows[0].n
        const before = await count()
        expect(before).toBeGreaterThan(0)
        const { result: kept } = await purgeOneTimeCodesWorkflow(getContainer()).run({ input: {} })
        expect([kept.purged, await count()]).toEqual([0, before])
        const { result } = await purgeOneTimeCodesWorkflow(getContainer()).run({ input: { older_than_ms: -1000 } })
        expect([result.purged, await count()]).toEqual([before, 0])
      })
    })
  },
})
