import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import http from "http"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import {
  expireDueLotsWorkflow,
  queueExpiryRemindersWorkflow,
  queueMessagesWorkflow,
  sendDueMessagesWorkflow,
} from "../../src/workflows"
import { runOccasions } from "../../src/workflows/occasions"
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

const DAY = 24 * 60 * 60 * 1000
const API_KEY = "kave-secret-key-1234567890"

// A fake Kavenegar on 127.0.0.1 that answers like the real one (HTTP 200
// with the verdict in `return.status`). The store is configured for it
// through the LOYALTY_SMS_* variables medusa-config.ts reads at boot.
const PORT = 41000 + Math.floor(Math.random() * 2000)
process.env.LOYALTY_SMS_GATEWAY = "kavenegar"
process.env.LOYALTY_SMS_API_KEY = API_KEY
process.env.LOYALTY_SMS_BASE_URL = `http://127.0.0.1:${PORT}`
process.env.LOYALTY_SMS_RETRY_BASE_MS = "5"

type Received = { path: string; receptor: string; message: string; template?: string; tokens?: string[] }
const received: Received[] = []
// Receptors the fake gateway refuses with "no credit" (418) for now.
const refuse = new Set<string>()
let messageId = 1000
const server = http.createServer((req, res) => {
  let body = ""
  req.on("data", (c) => (body += c))
  req.on("end", () => {
    const form = new URLSearchParams(body)
    const receptor = form.get("receptor") ?? ""
    res.setHeader("content-type", "application/json")
    if (refuse.has(receptor)) {
      res.end(JSON.stringify({ return: { status: 418, message: "اعتبار حساب شما کافی نیست" }, entries: null }))
      return
    }
    received.push({
      path: req.url ?? "",
      receptor,
      message: form.get("message") ?? "",
      ...(form.get("template")
        ? { template: form.get("template")!, tokens: ["token", "token2", "token3"].map((t) => form.get(t) ?? "") }
        : {}),
    })
    res.end(
      JSON.stringify({
        return: { status: 200, message: "تایید شد" },
        entries: [
          {
            messageid: ++messageId,
            message: form.get("message"),
            status: 1,
            statustext: "در صف ارسال",
            sender: "10004346",
            receptor,
            date: Math.floor(Date.now() / 1000),
            cost: 120,
          },
        ],
      })
    )
  })
})
beforeAll((done) => {
  server.listen(PORT, "127.0.0.1", done)
})
afterAll((done) => {
  server.close(() => done())
})

// 2026-12-10 23:30 and 09:01 next morning in Tehran (UTC+3:30).
const TEHRAN_NIGHT = new Date("2026-12-10T20:00:00Z")
const TEHRAN_MORNING = new Date("2026-12-11T05:31:00Z")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)
    const sentTo = (receptor: string) => received.filter((r) => r.receptor === receptor)

    describe("SMS messages", () => {
      it("should text the cashback once in Persian, remind before expiry once, and send nothing after expiry", async () => {
        const container = getContainer()
        const { pk, regions, variant } = await demoStore(container)
        const admin = await adminHeaders(container, api)
        // No quiet hours for the part that runs at the real time of day.
        await api.post("/admin/loyalty/settings", { quiet_hours_start: "00:00", quiet_hours_end: "00:00", store_name: "فروشگاه نمونه" }, admin)
        const buyer = await shopper(api, pk, { email: "sms@example.com", phone: "۰۹۱۲ ۱۱۱ ۲۲۳۳" })
        const order = await checkout(api, buyer.headers, regions[0].id, [variant("vacuum-cleaner")])

        const queued = await waitFor(async () => {
          const { data } = await api.get(`/admin/loyalty/customers/${buyer.customer.id}/messages`, admin)
          return data.messages.find((m: any) => m.event === "cashback_credited")
        })
        expect(queued).toEqual(
          expect.objectContaining({
            locale: "fa",
            phone: "+989121112233",
            // 1,850,000 IRR of cashback is 185,000 Toman, in Persian digits.
            body: "sms عزیز، ۱۸۵٬۰۰۰ تومان اعتبار خرید به کیف پول شما در فروشگاه نمونه اضافه شد. موجودی: ۱۸۵٬۰۰۰ تومان",
          })
        )
        // The order also lifted the shopper to Silver: its own message, with
        // the tier's Persian name.
        const congratulation = await waitFor(async () => {
          const { data } = await api.get(`/admin/loyalty/customers/${buyer.customer.id}/messages`, admin)
          return data.messages.find((m: any) => m.event === "tier_upgraded")
        })
        expect(congratulation.body).toBe("sms عزیز، تبریک! شما به سطح نقره\u200cای باشگاه مشتریان فروشگاه نمونه رسیدید.")
        await sendDueMessagesWorkflow(container).run({ input: {} })
        await sendDueMessagesWorkflow(container).run({ input: {} })
        const cashbackSms = sentTo("09121112233")
        expect(cashbackSms.sort((a, b) => a.message.localeCompare(b.message))).toEqual(
          [
            { path: `/v1/${API_KEY}/sms/send.json`, receptor: "09121112233", message: queued.body },
            { path: `/v1/${API_KEY}/sms/send.json`, receptor: "09121112233", message: congratulation.body },
          ].sort((a, b) => a.message.localeCompare(b.message))
        )
        // The same award announced again queues nothing new.
        const again = await queueMessagesWorkflow(container).run({
          input: {
            event: "cashback_credited",
            items: [{ customer_id: buyer.customer.id, subject: order.id, amount: { amount: "1850000", currency_code: "irr" } }],
          },
        })
        expect(again.result.queued).toEqual([])

        // The cashback expires 30 days after the order: 7 days before, one
        // reminder (hourly runs of the job queue it once).
        const [wallet] = await service().listWallets({ customer_id: buyer.customer.id })
        const [lot] = await service().listWalletLots({ wallet_id: wallet.id })
        const weekBefore = new Date(lot.expires_at!.getTime() - 7 * DAY)
        // Two runs at once, then the next hour's run: one reminder.
        await Promise.all([
          queueExpiryRemindersWorkflow(container).run({ input: { at: weekBefore } }),
          queueExpiryRemindersWorkflow(container).run({ input: { at: weekBefore } }),
        ])
        const second = await queueExpiryRemindersWorkflow(container).run({ input: { at: new Date(weekBefore.getTime() + 3600000) } })
        const mine = async () =>
          (await service().listMessages({ customer_id: buyer.customer.id, event: "expiry_reminder" }))
        expect(second.result.queued).toEqual([])
        const [reminder] = await mine()
        expect(reminder.body).toMatch(/^sms عزیز، ۱۸۵٬۰۰۰ تومان از اعتبار شما در فروشگاه نمونه تا .+ منقضی می‌شود/)
        // The date is the Jalali one in Tehran.
        const jalali = new Intl.DateTimeFormat("fa-IR-u-ca-persian", {
          timeZone: "Asia/Tehran",
          year: "numeric",
          month: "long",
          day: "numeric",
        }).format(lot.expires_at!)
        expect(reminder.body).toContain(jalali)
        await Promise.all([
          sendDueMessagesWorkflow(container).run({ input: { at: weekBefore } }),
          sendDueMessagesWorkflow(container).run({ input: { at: weekBefore } }),
        ])
        expect(sentTo("09121112233").map((r) => r.message).sort()).toEqual([queued.body, congratulation.body, reminder.body].sort())

        // After the expiry nothing is left to remind of.
        const after = new Date(lot.expires_at!.getTime() + 1000)
        await expireDueLotsWorkflow(container).run({ input: { at: after } })
        // (The 1-day reminder day comes after the expiry run here: nothing
        // is left to remind of.)
        await queueExpiryRemindersWorkflow(container).run({ input: { at: new Date(lot.expires_at!.getTime() - 1 * DAY + 1000) } })
        expect((await mine()).length).toBe(1)
        const { data } = await api.get(`/admin/loyalty/wallets/${wallet.id}`, admin)
        expect(data.wallet.balance.available).toBe("0")
      })

      it("should hold messages in quiet hours, skip customers who opted out, write English for English speakers and retry a refused send once it goes through", async () => {
        const container = getContainer()
        const { pk, regions, variant } = await demoStore(container)
        const admin = await adminHeaders(container, api)
        await api.post("/admin/loyalty/settings", { quiet_hours_start: "22:00", quiet_hours_end: "09:00", time_zone: "Asia/Tehran" }, admin)
        const bad = await failure(api.post("/admin/loyalty/settings", { time_zone: "Mars/Olympus" }, admin))
        expect([bad.status, bad.data.message]).toEqual([400, expect.stringContaining("time_zone")])
        const badTime = await failure(api.post("/admin/loyalty/settings", { quiet_hours_start: "25:00" }, admin))
        expect([badTime.status, badTime.data.message]).toEqual([400, expect.stringContaining("quiet_hours_start")])

        const fa = await shopper(api, pk, { email: "night@example.com", phone: "+989351230000" })
        const en = await shopper(api, pk, { email: "english@example.com", phone: "09351230001" })
        const out = await shopper(api, pk, { email: "out@example.com", phone: "09351230002" })
        await api.post("/store/loyalty/sms-preferences", { locale: "en" }, en.headers)
        const { data: optOut } = await api.post("/store/loyalty/sms-preferences", { opted_out: true }, out.headers)
        expect(optOut.sms_preference).toEqual({ opted_out: true, promotions_opted_out: false, locale: null })
        const badPref = await failure(api.post("/store/loyalty/sms-preferences", { locale: "de" }, out.headers))
        expect([badPref.status, badPref.data.message]).toEqual([400, expect.stringContaining("locale")])
        for (const who of [fa, en, out]) {
          await api.post(`/admin/loyalty/wallets`, { customer_id: who.customer.id, currency_code: "irr" }, admin)
        }

        // At 23:30 in Tehran: queued for 09:00.
        await queueMessagesWorkflow(container).run({
          input: {
            event: "balance_statement",
            items: [fa, en, out].map((w) => ({ customer_id: w.customer.id, subject: w.customer.id, currency_code: "irr" })),
            at: TEHRAN_NIGHT,
          },
        })
        const rows = await service().listMessages({ customer_id: [fa, en, out].map((w) => w.customer.id) })
        const byCustomer = new Map(rows.map((m) => [m.customer_id, m]))
        expect(byCustomer.get(fa.customer.id)!.send_after).toEqual(new Date("2026-12-11T05:30:00Z"))
        expect(byCustomer.get(en.customer.id)!.body).toBe("Hi english, your Loyalty Club Demo wallet balance: 0 Toman")
        expect(byCustomer.get(out.customer.id)).toEqual(expect.objectContaining({ status: "skipped", reason: "opted_out" }))

        refuse.add("09351230000")
        // (Other customers' messages queued at the real time are due by then
        // too, so the figures are read per customer.)
        await sendDueMessagesWorkflow(container).run({ input: { at: new Date(TEHRAN_NIGHT.getTime() + 15 * 60000) } })
        expect(sentTo("09351230001")).toEqual([])
        expect((await service().listMessages({ customer_id: en.customer.id }))[0].status).toBe("queued")
        await sendDueMessagesWorkflow(container).run({ input: { at: TEHRAN_MORNING } })
        expect(sentTo("09351230001").map((r) => r.message)).toEqual(["Hi english, your Loyalty Club Demo wallet balance: 0 Toman"])
        expect(sentTo("09351230002")).toEqual([])
        const refused = (await service().listMessages({ customer_id: fa.customer.id }))[0]
        expect(refused).toEqual(expect.objectContaining({ status: "queued", attempts: 1 }))
        // The gateway's own code, never the key.
        expect(refused.reason).toContain("418")
        expect(refused.reason).not.toContain(API_KEY)

        refuse.delete("09351230000")
        const retry = await sendDueMessagesWorkflow(container).run({ input: { at: new Date(TEHRAN_MORNING.getTime() + 6 * 60000) } })
        expect(retry.result.sent).toBe(1)
        await sendDueMessagesWorkflow(container).run({ input: { at: new Date(TEHRAN_MORNING.getTime() + 60 * 60000) } })
        expect(sentTo("09351230000")).toHaveLength(1)
        expect(sentTo("09351230000")[0].message).toBe("night عزیز، موجودی کیف پول شما در Loyalty Club Demo: ۰ تومان")

        // A sender that died mid-send: its claim goes stale and the next run
        // sends under the same key, which the notification module sent once.
        await queueMessagesWorkflow(container).run({
          input: { event: "balance_statement", items: [{ customer_id: en.customer.id, subject: "crash", currency_code: "irr" }], at: TEHRAN_MORNING },
        })
        const [claimed] = (await service().claimDueMessages({ at: TEHRAN_MORNING, limit: 500 })).filter(
          (m) => m.customer_id === en.customer.id
        )
        expect(claimed.idempotency_key).toMatch(/^balance_statement:crash:/)
        const pg: any = container.resolve("__pg_connection__")
        await pg.raw(`UPDATE loyalty_message SET claimed_at = now() - interval '11 minutes' WHERE status = 'sending'`)
        await sendDueMessagesWorkflow(container).run({ input: { at: TEHRAN_MORNING } })
        expect(sentTo("09351230001")).toHaveLength(2)
        const [crashed] = await service().listMessages({ id: claimed.id })
        expect([crashed.status, crashed.attempts]).toEqual(["sent", 2])

        // The admin sees the log and the opt-out.
        const { data: log } = await api.get(`/admin/loyalty/customers/${out.customer.id}/messages`, admin)
        expect(log.sms_preference).toEqual({ opted_out: true, promotions_opted_out: false, locale: null })
        expect(log.messages.map((m: any) => [m.event, m.status, m.reason])).toEqual([["balance_statement", "skipped", "opted_out"]])
      })

      it("should let the shop edit the wording with only the event's variables, and win back lapsed customers", async () => {
        const container = getContainer()
        const { pk, regions, variant } = await demoStore(container)
        const admin = await adminHeaders(container, api)
        const bad = await failure(
          api.post("/admin/loyalty/message-templates", { event: "win_back", locale: "en", body: "Hi {first_name}, {amount}" }, admin)
        )
        expect([bad.status, bad.data.message]).toEqual([400, expect.stringContaining("{amount}")])
        const { data } = await api.post(
          "/admin/loyalty/message-templates",
          { event: "win_back", locale: "fa", body: "{first_name} جان، {balance} منتظر شماست" },
          admin
        )
        expect(data.message_template).toEqual(expect.objectContaining({ is_default: false, body: "{first_name} جان، {balance} منتظر شماست" }))
        const { data: list } = await api.get("/admin/loyalty/message-templates", admin)
        // Nineteen events (cashback, payment, reminder, tier, statement, win-back, welcome, receipt, credit received and
        // returned, five more occasions, the first order, and the referral welcome, pending and rewarded) in two languages.
        expect(list.message_templates).toHaveLength(38)
        // A gateway template for the shipped wording keeps the wording.
        const { data: gw } = await api.post(
          "/admin/loyalty/message-templates",
          { event: "tier_upgraded", locale: "fa", gateway_template: "tier-up" },
          admin
        )
        expect(gw.message_template).toEqual(
          expect.objectContaining({ is_default: true, gateway_template: "tier-up", body: gw.message_template.default_body })
        )
        const unknown = await failure(api.post("/admin/loyalty/settings", { sms_events: { foo: true } }, admin))
        expect([unknown.status, unknown.data.message]).toEqual([400, expect.stringContaining("sms_events")])
        const { data: days } = await api.post("/admin/loyalty/settings", { reminder_days: [3, 7, 3] }, admin)
        expect(days.settings.reminder_days).toEqual([7, 3])

        // Win-back is off by default; on, Sara, Emily and the demo's two
        // referred friends (Nima and Maryam, nameless members made at the
        // till; the demo's last orders, online and at the till, are today's)
        // are due 60 days from now, once; Emily reads English.
        await api.post("/admin/loyalty/settings", { sms_events: { win_back: true } }, admin)
        const later = new Date(Date.now() + 60 * DAY)
        const first = await runOccasions(container, { at: later, kinds: ["win_back"] })
        const second = await runOccasions(container, { at: later, kinds: ["win_back"] })
        expect(first.queued).toHaveLength(4)
        expect(second.queued).toEqual([])
        const bodies = (await service().listMessages({ id: first.queued })).map((m) => m.body).sort()
        // Win-back is promotional: it ends with the opt-out line of the
        // shop's Iranian line (Kavenegar), Latin digits in English.
        expect(bodies[0]).toMatch(/^Sara جان، .+ تومان منتظر شماست\nلغو۱۱$/)
        expect(bodies[1]).toMatch(/^We miss you, Emily! .+ Toman of credit is waiting for you at Loyalty Club Demo\.\nلغو11$/)
        expect(bodies[2]).toMatch(/^مشتری جان، .+ تومان منتظر شماست\nلغو۱۱$/)
        expect(bodies[3]).toMatch(/^مشتری جان، .+ تومان منتظر شماست\nلغو۱۱$/)

        // An approved gateway template: sent through Kavenegar's lookup with
        // the wording's values as tokens, in order.
        await api.post(
          "/admin/loyalty/message-templates",
          { event: "balance_statement", locale: "fa", body: "{first_name} {balance}", gateway_template: "club-balance" },
          admin
        )
        const reader = await shopper(api, pk, { email: "reader@example.com", phone: "09127770000" })
        const none = await failure(api.post(`/admin/loyalty/customers/${reader.customer.id}/balance-statement`, {}, admin))
        expect([none.status, none.data.message, none.data.code]).toEqual([
          400,
          `Customer ${reader.customer.id} has no wallet`,
          "loyalty_customer_has_no_wallet",
        ])
        await api.post("/admin/loyalty/wallets", { customer_id: reader.customer.id, currency_code: "irr" }, admin)
        await api.post("/admin/loyalty/settings", { quiet_hours_start: "00:00", quiet_hours_end: "00:00" }, admin)
        const { status, data: statement } = await api.post(`/admin/loyalty/customers/${reader.customer.id}/balance-statement`, {}, admin)
        expect([status, statement.queued, statement.message.body]).toEqual([201, true, "reader ۰ تومان"])
        const { status: again } = await api.post(`/admin/loyalty/customers/${reader.customer.id}/balance-statement`, {}, admin)
        expect(again).toBe(200)
        await sendDueMessagesWorkflow(container).run({ input: {} })
        expect(sentTo("09127770000")).toEqual([
          { path: `/v1/${API_KEY}/verify/lookup.json`, receptor: "09127770000", message: "", template: "club-balance", tokens: ["reader", "۰ تومان", ""] },
        ])

        // Paying with wallet credit: one credit_redeemed message with the
        // amount and what is left.
        const { data: { wallets } } = await api.get("/store/loyalty/wallets", reader.headers)
        await api.post(`/admin/loyalty/wallets/${wallets[0].id}/credit`, { amount: 3000000, note: "Gift" }, admin)
        const cartId = await prepareCart(api, reader.headers, regions[0].id, [variant("vacuum-cleaner")])
        await api.post(`/store/carts/${cartId}/loyalty-credit`, { amount: "2000000" }, reader.headers)
        const { data: { payment_collection } } = await api.post("/store/payment-collections", { cart_id: cartId }, reader.headers)
        await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, reader.headers)
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, reader.headers)
        const redeemed = await waitFor(async () =>
          (await service().listMessages({ customer_id: reader.customer.id, event: "credit_redeemed" }))[0]
        )
        // (The balance is read when the message is composed: 100,000 Toman,
        // or more if the order's own cashback landed first.)
        expect(redeemed.body).toMatch(
          /^reader عزیز، ۲۰۰٬۰۰۰ تومان از اعتبار کیف پول شما در Loyalty Club Demo استفاده شد\. موجودی: [۰-۹٬]+ تومان$/
        )
        expect(redeemed.idempotency_key).toContain(`credit_redeemed:${completed.order.id}:`)

        const guest = await failure(api.get("/store/loyalty/sms-preferences", { headers: { "x-publishable-api-key": pk } }))
        expect(guest.status).toBe(401)
      })
    })
  },
})
