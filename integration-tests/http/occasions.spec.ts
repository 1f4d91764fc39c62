import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LogGateway } from "../../src/providers/sms/gateways/log"
import { addDays, birthdayIn, dayOf, isJalaliLeap, partsOf } from "../../src/utils/occasions"
import { shopDay, shopDayStart } from "../../src/utils/sms-messages"
import runOccasionsJob from "../../src/jobs/run-occasions"
import { sendDueMessagesWorkflow } from "../../src/workflows"
import { runOccasions } from "../../src/workflows/occasions"
import { adminHeaders, demoStore, failure, publishableKey, shopper } from "../helpers"

jest.setTimeout(240000)

const TEHRAN = "Asia/Tehran"
const HOUR = 3600000
const sendText = jest.spyOn(LogGateway.prototype, "sendText")
const textsTo = (to: string) => sendText.mock.calls.filter(([phone]) => phone === to).map(([, text]) => text)
const lastCode = (to: string) => /(\d{6})/.exec(textsTo(to).slice(-1)[0])![1]

/** 10:00 in Tehran on a shop day. */
const morningOf = (day: string) => new Date(shopDayStart(day, TEHRAN).getTime() + 10 * HOUR)
const today = () => shopDay(new Date(), TEHRAN)
const jalali = (day: string) => {
  const { month, day: d } = partsOf(day, "jalali")
  return { calendar: "jalali", month, day: d }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const rows = async (sql: string, params: unknown[] = []) => (await pg().raw(sql, params)).rows
    const grantsOf = (customerId: string, kind?: string) =>
      rows(
        `SELECT id, kind, period, occasion_date, outcome, gift_type, code_id, transaction_id, amount::text, currency_code
         FROM loyalty_occasion_grant WHERE customer_id = ? ${kind ? "AND kind = ?" : ""} ORDER BY created_at`,
        kind ? [customerId, kind] : [customerId]
      )
    const messagesOf = (customerId: string, event: string) =>
      rows(
        `SELECT id, body, status, reason, idempotency_key FROM loyalty_message
         WHERE customer_id = ? AND event = ? AND deleted_at IS NULL ORDER BY created_at`,
        [customerId, event]
      )

    // A shop without the demo: an admin, a storefront key, quiet hours off
    // (messages are queued to go at once).
    const shop = async () => {
      const container = getContainer()
      const admin = await adminHeaders(container, api)
      const { key } = await publishableKey(container)
      await api.post("/admin/loyalty/settings", { quiet_hours_start: "00:00", quiet_hours_end: "00:00" }, admin)
      const occasion = async (kind: string, body: Record<string, unknown>) =>
        (await api.post(`/admin/loyalty/occasions/${kind}`, body, admin)).data.occasion
      return { container, admin, key, occasion }
    }

    describe("Occasions", () => {
      it("should give a birthday code once when two runs race, text it with the name and the code, and respect opt-out", async () => {
        const { container, admin, key, occasion } = await shop()
        const { data: batch } = await api.post(
          "/admin/loyalty/code-batches",
          {
            name: "Birthday gift",
            kind: "personal",
            discount_type: "percentage",
            target: "order",
            value: 20,
            max_discount: { irr: "5000000" },
            valid_days: 30,
          },
          admin
        )
        const saved = await occasion("birthday", { enabled: true, gift_type: "code", batch_id: batch.code_batch.id })
        expect(saved).toEqual(expect.objectContaining({ kind: "birthday", enabled: true, gift_type: "code" }))

        const nazanin = await shopper(api, key, { email: "nazanin@example.com", phone: "09121110001" })
        const quiet = await shopper(api, key, { email: "quiet@example.com", phone: "09121110002" })
        await api.post("/store/loyalty/sms-preferences", { opted_out: true }, quiet.headers)
        // Birthdays 40 days ahead: set well over 30 days before them.
        const day = addDays(today(), 40)
        for (const who of [nazanin, quiet]) {
          const { data } = await api.post("/store/loyalty/birthday", jalali(day), who.headers)
          expect(data.birthday).toEqual(expect.objectContaining({ ...jalali(day), set_by: "customer" }))
        }

        const at = morningOf(day)
        // The day before: nothing yet.
        await runOccasions(container, { at: morningOf(addDays(day, -1)), kinds: ["birthday"] })
        expect(await grantsOf(nazanin.customer.id)).toEqual([])

        await Promise.all([runOccasions(container, { at }), runOccasions(container, { at })])
        const [grant] = await grantsOf(nazanin.customer.id)
        expect(await grantsOf(nazanin.customer.id)).toHaveLength(1)
        expect(grant).toEqual(
          expect.objectContaining({
            kind: "birthday",
            period: String(partsOf(day, "jalali").year),
            occasion_date: day,
            outcome: "granted",
            gift_type: "code",
            code_id: expect.any(String),
          })
        )
        const codes = await rows(`SELECT id, code, customer_id, source, source_id FROM loyalty_code WHERE source = 'occasion'`)
        const mine = codes.filter((c: any) => c.customer_id === nazanin.customer.id)
        expect(mine).toEqual([expect.objectContaining({ id: grant.code_id, source_id: grant.id })])
        const [sms, ...more] = await messagesOf(nazanin.customer.id, "birthday")
        expect(more).toEqual([])
        expect(sms.idempotency_key).toBe(`birthday:${grant.id}:once`)
        expect(sms.body).toContain("nazanin")
        expect(sms.body).toContain(mine[0].code)
        expect(sms.body).toContain("۲۰٪ تا سقف")

        // Opted out: the gift is theirs, the SMS is not sent.
        const [quietGrant] = await grantsOf(quiet.customer.id)
        expect(quietGrant).toEqual(expect.objectContaining({ outcome: "granted", code_id: expect.any(String) }))
        expect((await messagesOf(quiet.customer.id, "birthday")).map((m: any) => [m.status, m.reason])).toEqual([
          ["skipped", "opted_out"],
        ])

        // The SMS leaves through the gateway (the log in tests), once.
        await sendDueMessagesWorkflow(container).run({ input: { at: new Date(at.getTime() + HOUR) } })
        expect(textsTo("+989121110001")).toEqual([sms.body])
        expect(textsTo("+989121110002")).toEqual([])

        // The hourly job later that day gives nothing again.
        await runOccasionsJob(container)
        await runOccasions(container, { at: new Date(at.getTime() + 5 * HOUR) })
        expect(await grantsOf(nazanin.customer.id)).toHaveLength(1)
        expect(await messagesOf(nazanin.customer.id, "birthday")).toHaveLength(1)
      })

      it("should celebrate Esfand 30 on Esfand 29 in a common year with a credit lot, and give nothing to a birthday moved within 30 days", async () => {
        const { container, admin, key, occasion } = await shop()
        await occasion("birthday", { enabled: true, gift_type: "credit", credit_amount: { irr: "500000" }, credit_valid_days: 14 })

        const esfand = await shopper(api, key, { email: "esfand@example.com", phone: "09121110003" })
        const { data } = await api.post(
          `/admin/loyalty/customers/${esfand.customer.id}/birthday`,
          { calendar: "jalali", month: 12, day: 30 },
          admin
        )
        expect(data.birthday).toEqual(expect.objectContaining({ calendar: "jalali", month: 12, day: 30, set_by: "admin" }))
        // Set long ago: the 30-day rule is not what this part is about.
        await pg().raw(`UPDATE loyalty_birthday SET changed_at = now() - interval '400 days' WHERE customer_id = ?`, [
          esfand.customer.id,
        ])

        // The next common Jalali year whose Esfand 29 is still ahead.
        let year = partsOf(today(), "jalali").year
        while (isJalaliLeap(year) || dayOf("jalali", year, 12, 29)! <= today()) {
          year++
        }
        const esfand29 = dayOf("jalali", year, 12, 29)!
        expect(birthdayIn({ calendar: "jalali", month: 12, day: 30 }, year)).toBe(esfand29)
        await runOccasions(container, { at: morningOf(addDays(esfand29, -1)), kinds: ["birthday"] })
        expect(await grantsOf(esfand.customer.id)).toEqual([])
        await runOccasions(container, { at: morningOf(esfand29), kinds: ["birthday"] })
        const [grant] = await grantsOf(esfand.customer.id)
        expect(grant).toEqual(
          expect.objectContaining({
            period: String(year),
            occasion_date: esfand29,
            outcome: "granted",
            gift_type: "credit",
            amount: "500000",
            currency_code: "irr",
          })
        )
        // The lot: 500,000 IRR keyed ("occasion", grant), spendable through 14 shop days on.
        const [lot] = await rows(
          `SELECT t.reference, t.reference_id, l.amount::text, l.expires_at FROM loyalty_wallet_transaction t
           JOIN loyalty_wallet_lot l ON l.transaction_id = t.id WHERE t.id = ?`,
          [grant.transaction_id]
        )
        expect(lot).toEqual(expect.objectContaining({ reference: "occasion", reference_id: grant.id, amount: "500000" }))
        expect(new Date(lot.expires_at)).toEqual(new Date(shopDayStart(addDays(esfand29, 15), TEHRAN).getTime() - 1))
        const [sms] = await messagesOf(esfand.customer.id, "birthday")
        expect(sms.body).toContain("esfand")
        expect(sms.body).toContain("۵۰٬۰۰۰ تومان")
        // Spending some of it makes the gift "redeemed" in the figures.
        const [wallet] = await rows(`SELECT id FROM loyalty_wallet WHERE customer_id = ?`, [esfand.customer.id])
        await api.post(`/admin/loyalty/wallets/${wallet.id}/debit`, { amount: "100000" }, admin)

        // A birthday moved to 10 days from now earns nothing this year (its
        // grant says why) and is celebrated the year after.
        const mover = await shopper(api, key, { email: "mover@example.com", phone: "09121110004" })
        const soon = addDays(today(), 10)
        await api.post("/store/loyalty/birthday", jalali(soon), mover.headers)
        const { data: again } = await api.post("/store/loyalty/birthday", jalali(soon), mover.headers)
        const { data: read } = await api.get("/store/loyalty/birthday", mover.headers)
        expect(read.birthday.changed_at).toBe(again.birthday.changed_at)
        await runOccasions(container, { at: morningOf(soon), kinds: ["birthday"] })
        expect(await grantsOf(mover.customer.id)).toEqual([
          expect.objectContaining({ outcome: "skipped_recent_change", gift_type: "none", transaction_id: null }),
        ])
        expect(await messagesOf(mover.customer.id, "birthday")).toEqual([])
        const nextYear = birthdayIn(jalali(soon) as any, partsOf(soon, "jalali").year + 1)
        await runOccasions(container, { at: morningOf(nextYear), kinds: ["birthday"] })
        expect((await grantsOf(mover.customer.id)).map((g: any) => g.outcome)).toEqual(["skipped_recent_change", "granted"])

        // This Jalali year's figures: the skipped move and Esfand 29's spent
        // credit, each when its day falls in this year.
        const { data: list } = await api.get("/admin/loyalty/occasions", admin)
        expect(list.occasions.map((o: any) => o.kind)).toEqual([
          "birthday",
          "membership_anniversary",
          "first_order_anniversary",
          "nowruz",
          "yalda",
          "win_back",
          "welcome",
        ])
        const birthday = list.occasions[0]
        const thisYear = String(partsOf(today(), "jalali").year)
        const esfandThisYear = String(year) === thisYear ? 1 : 0
        expect(birthday.stats).toEqual({
          year: thisYear,
          sent: 0,
          gifts: esfandThisYear,
          redeemed: esfandThisYear,
          skipped: String(partsOf(soon, "jalali").year) === thisYear ? 1 : 0,
        })
      })

      it("should find Nowruz and Yalda on their days in Tehran and membership anniversaries a year on", async () => {
        const { container, key, occasion } = await shop()
        await occasion("nowruz", { enabled: true, gift_type: "credit", credit_amount: { irr: "1000000" } })
        await occasion("yalda", { enabled: true })
        await occasion("membership_anniversary", { enabled: true })
        const member = await shopper(api, key, { email: "parisa@example.com", phone: "09121110005" })

        // 23:30 in Tehran on 20 March 2027 is not Nowruz; 00:30 on the 21st is.
        await runOccasions(container, { at: new Date("2027-03-20T20:00:00Z") })
        expect(await grantsOf(member.customer.id, "nowruz")).toEqual([])
        await runOccasions(container, { at: new Date("2027-03-20T21:00:00Z") })
        await runOccasions(container, { at: new Date("2028-03-19T21:00:00Z") })
        const nowruz = await grantsOf(member.customer.id, "nowruz")
        expect(nowruz.map((g: any) => [g.period, g.occasion_date, g.outcome, g.amount])).toEqual([
          ["1406", "2027-03-21", "granted", "1000000"],
          ["1407", "2028-03-20", "granted", "1000000"],
        ])
        // 30 Azar 1406 is 21 December 2027.
        await runOccasions(container, { at: morningOf("2027-12-20") })
        expect(await grantsOf(member.customer.id, "yalda")).toEqual([])
        await runOccasions(container, { at: morningOf("2027-12-21") })
        expect((await grantsOf(member.customer.id, "yalda")).map((g: any) => [g.period, g.gift_type])).toEqual([["1406", "none"]])
        const [yalda] = await messagesOf(member.customer.id, "yalda")
        expect(yalda.body).toMatch(/^parisa عزیز، شب یلدا مبارک!/)

        // A year after joining, on the shop's (Jalali) calendar.
        const joined = partsOf(today(), "jalali")
        const anniversary = birthdayIn({ calendar: "jalali", month: joined.month, day: joined.day }, joined.year + 1)
        await runOccasions(container, { at: morningOf(anniversary), kinds: ["membership_anniversary"] })
        expect((await grantsOf(member.customer.id, "membership_anniversary")).map((g: any) => g.period)).toEqual(["1"])
      })

      it("should win back after the shop's days without an order and welcome a first order, win-back following the old settings", async () => {
        const container = getContainer()
        const { pk } = await demoStore(container)
        const admin = await adminHeaders(container, api)
        await api.post("/admin/loyalty/settings", { quiet_hours_start: "00:00", quiet_hours_end: "00:00" }, admin)
        const [sara] = await rows(`SELECT id FROM customer WHERE email = 'sara@example.com'`)
        // The settings' win-back switch and days are the occasion's.
        const { data: set } = await api.post("/admin/loyalty/settings", { sms_events: { win_back: true }, win_back_days: 30 }, admin)
        expect([set.settings.win_back_days, set.settings.sms_events.win_back]).toEqual([30, true])
        const { data: list } = await api.get("/admin/loyalty/occasions", admin)
        expect(list.occasions.find((o: any) => o.kind === "win_back")).toEqual(
          expect.objectContaining({ enabled: true, after_days: 30, gift_type: "none" })
        )
        await api.post("/admin/loyalty/occasions/welcome", { enabled: true, gift_type: "credit", credit_amount: { irr: "200000" } }, admin)

        // The demo's orders are today's: welcome today, win-back in 30 days, not 29.
        const now = Date.now()
        await runOccasions(container, { at: new Date(now) })
        expect((await grantsOf(sara.id, "welcome")).map((g: any) => [g.period, g.outcome, g.amount])).toEqual([["first", "granted", "200000"]])
        const [welcome] = await messagesOf(sara.id, "first_order")
        expect(welcome.body).toContain("Sara")
        expect(welcome.body).toContain("۲۰٬۰۰۰ تومان")
        await runOccasions(container, { at: new Date(now + 29 * 24 * HOUR) })
        expect(await grantsOf(sara.id, "win_back")).toEqual([])
        await runOccasions(container, { at: new Date(now + 30 * 24 * HOUR) })
        const [lastOrder] = await rows(
          `SELECT id FROM "order" WHERE customer_id = ? AND status <> 'canceled' ORDER BY created_at DESC LIMIT 1`,
          [sara.id]
        )
        expect((await grantsOf(sara.id, "win_back")).map((g: any) => g.period)).toEqual([lastOrder.id])
        const [winBack] = await messagesOf(sara.id, "win_back")
        // Promotional: the opt-out line of an Iranian line (the log gateway's default) ends it.
        expect(winBack.body).toMatch(/^Sara عزیز، دلمان برایتان تنگ شده! .+ تومان اعتبار در .+ منتظر شماست\.\nلغو۱۱$/)
        // A second welcome never comes.
        await runOccasions(container, { at: new Date(now + 31 * 24 * HOUR) })
        expect(await grantsOf(sara.id, "welcome")).toHaveLength(1)
        void pk
      })

      it("should let shoppers set only their own birthday, staff any, the kiosk at sign-up, and refuse bad dates and gifts", async () => {
        const { admin, key, occasion } = await shop()
        const base = { headers: { "x-publishable-api-key": key } }
        const ana = await shopper(api, key, { email: "ana@example.com", phone: "09121110006" })
        const bob = await shopper(api, key, { email: "bob@example.com", phone: "09121110007" })

        expect((await failure(api.get("/store/loyalty/birthday", base))).status).toBe(401)
        expect((await api.get("/store/loyalty/birthday", ana.headers)).data).toEqual({ birthday: null })
        await api.post("/store/loyalty/birthday", { calendar: "gregorian", month: 2, day: 29 }, bob.headers)
        // Another shopper's birthday cannot be named, nor set.
        const other = await failure(
          api.post("/store/loyalty/birthday", { calendar: "jalali", month: 1, day: 1, customer_id: bob.customer.id }, ana.headers)
        )
        expect(other.status).toBe(400)
        expect((await api.get("/store/loyalty/birthday", bob.headers)).data.birthday).toEqual(
          expect.objectContaining({ calendar: "gregorian", month: 2, day: 29, set_by: "customer" })
        )
        for (const bad of [
          { calendar: "jalali", month: 7, day: 31 },
          { calendar: "jalali", month: 12, day: 31 },
          { calendar: "gregorian", month: 2, day: 30 },
          { calendar: "gregorian", month: 13, day: 1 },
          { calendar: "hijri", month: 1, day: 1 },
        ]) {
          const res = await failure(api.post("/store/loyalty/birthday", bad, ana.headers))
          expect([res.status, res.data.code]).toEqual([400, "loyalty_birthday_invalid"])
          expect(res.data.message).toMatch(/^birthday\.(day|month|calendar)/)
        }
        const { data: cleared } = await api.delete("/store/loyalty/birthday", bob.headers)
        expect(cleared).toEqual({ birthday: null })

        // Staff: any customer; an unknown one is a 404.
        const { data: staff } = await api.post(`/admin/loyalty/customers/${ana.customer.id}/birthday`, { calendar: "jalali", month: 6, day: 31 }, admin)
        expect(staff.birthday).toEqual(expect.objectContaining({ month: 6, day: 31, set_by: "admin" }))
        expect((await api.get(`/admin/loyalty/customers/${ana.customer.id}/birthday`, admin)).data.birthday.day).toBe(31)
        const missing = await failure(api.get("/admin/loyalty/customers/cus_nobody/birthday", admin))
        expect([missing.status, missing.data.code]).toEqual([404, "loyalty_customer_not_found"])
        const badStaff = await failure(api.post(`/admin/loyalty/customers/${ana.customer.id}/birthday`, { calendar: "jalali", month: 0, day: 1 }, admin))
        expect([badStaff.status, badStaff.data.code]).toEqual([400, "loyalty_birthday_invalid"])
        expect((await api.delete(`/admin/loyalty/customers/${ana.customer.id}/birthday`, admin)).data).toEqual({ birthday: null })

        // The kiosk: a bad birthday is refused before the code is spent; a good one is saved.
        await api.post("/store/loyalty/sign-up", { phone: "09127772222" }, base)
        const code = lastCode("+989127772222")
        const refused = await failure(
          api.post("/store/loyalty/sign-up/verify", { phone: "09127772222", code, birthday: { calendar: "jalali", month: 8, day: 31 } }, base)
        )
        expect([refused.status, refused.data.code]).toEqual([400, "loyalty_birthday_invalid"])
        const { data: joined } = await api.post(
          "/store/loyalty/sign-up/verify",
          { phone: "09127772222", code, birthday: { calendar: "jalali", month: 8, day: 30 } },
          base
        )
        const [kiosk] = await rows(`SELECT calendar, month, day, set_by FROM loyalty_birthday WHERE customer_id = ? AND deleted_at IS NULL`, [
          joined.club_card.customer_id ?? joined.club_card.customer?.id,
        ])
        expect(kiosk).toEqual({ calendar: "jalali", month: 8, day: 30, set_by: "kiosk" })

        // Occasions: unknown kind, a code gift without a batch, credit in no currency.
        const unknown = await failure(api.post("/admin/loyalty/occasions/graduation", { enabled: true }, admin))
        expect([unknown.status, unknown.data.code]).toEqual([404, "loyalty_occasion_not_found"])
        const noBatch = await failure(api.post("/admin/loyalty/occasions/birthday", { gift_type: "code" }, admin))
        expect([noBatch.status, noBatch.data.code]).toEqual([400, "loyalty_occasion_gift_invalid"])
        const badCurrency = await failure(api.post("/admin/loyalty/occasions/nowruz", { gift_type: "credit", credit_amount: { xyz: "100" } }, admin))
        expect([badCurrency.status, badCurrency.data.code]).toEqual([400, "loyalty_credit_amount_invalid"])
        const badDays = await failure(api.post("/admin/loyalty/occasions/birthday", { days_before: 400 }, admin))
        expect(badDays.status).toBe(400)
        expect((await occasion("birthday", { days_before: 3 })).days_before).toBe(3)
      })
    })
  },
})
