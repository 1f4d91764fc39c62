import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { execFile } from "child_process"
import fs from "fs"
import path from "path"
import { promisify } from "util"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { LogGateway } from "../../src/providers/sms/gateways/log"
import { signLinkToken } from "../../src/utils/link-token"
import { linkConfig } from "../../src/utils/receipt-page-links"
import { queueReceiptMessageWorkflow, submitFeedbackWorkflow } from "../../src/workflows/feedback"
import { seedReceipts } from "../../demo/seed/receipts"
import { DEMO_CUSTOMERS } from "../../demo/constants"
import { checkout, failure, shopper, tillStore, waitFor } from "../helpers"

jest.setTimeout(240000)

// A one-time code appears nowhere but the SMS: read where the SMS leaves.
const sendText = jest.spyOn(LogGateway.prototype, "sendText")
const lastCode = (to: string) => {
  const call = [...sendText.mock.calls].reverse().find(([phone]) => phone === to)
  return call ? /(\d{6})/.exec(call[1])![1] : null
}

// The page's visible text, tags and styles left out.
const textOf = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)
    const till = (key: string) => ({ headers: { "x-pos-key": key } })
    // The page is HTML for any status: read it as text, never throw.
    const page = (url: string, body?: Record<string, string>) =>
      (body
        ? api.post(url, new URLSearchParams(body).toString(), {
            headers: { "content-type": "application/x-www-form-urlencoded" },
            validateStatus: () => true,
            responseType: "text",
          })
        : api.get(url, { validateStatus: () => true, responseType: "text" })) as Promise<{
        status: number
        data: string
        headers: Record<string, string>
      }>

    const setup = () => tillStore(getContainer(), api)

    // A till purchase (2 x 750,000 + 500,000 = 2,000,000 IRR) and its receipt SMS.
    const buyAtTill = async (key: string, phone: string, receipt_id: string, items?: any[]) => {
      const { data } = await api.post(
        "/pos/loyalty/purchases",
        {
          phone,
          amount: "2000000",
          currency_code: "irr",
          receipt_id,
          items: items ?? [
            { title: "Coffee beans", amount: "750000", quantity: 2 },
            { title: "Mug", amount: "500000" },
          ],
        },
        till(key)
      )
      const message = await waitFor(async () => {
        const [m] = await service().listMessages({ customer_id: data.member.customer_id, event: "receipt" })
        return m
      })
      const token = /\/r\/([A-Za-z0-9_-]+)$/.exec(message.body)![1]
      return { purchase: data, message, token }
    }

    describe("Receipts", () => {
      it("should text a receipt after a till purchase whose link opens that purchase, in Persian and English", async () => {
        // The tests run on Medusa's default cookie secret and no link secret:
        // the first link made says, once, that links can be forged.
        const warn = jest.spyOn(getContainer().resolve(ContainerRegistrationKeys.LOGGER), "warn")
        const { key } = await setup()
        const { purchase, message, token } = await buyAtTill(key, "09121230001", "r-1")
        const cashback = purchase.cashback.reduce((sum: number, c: any) => sum + Number(c.amount), 0)
        // 2% at the till of 2,000,000 IRR.
        expect(cashback).toBe(40000)

        expect(message).toEqual(
          expect.objectContaining({ locale: "fa", phone: "+989121230001", idempotency_key: `receipt:${purchase.purchase.order_id}:once` })
        )
        expect(message.body).toMatch(/^مشتری عزیز، از خرید شما در .+ سپاسگزاریم\. رسید و کش‌بک این خرید: http:\/\/localhost:9000\/r\/[A-Za-z0-9_-]{51}$/)

        // The same order again queues nothing new.
        await queueReceiptMessageWorkflow(getContainer()).run({ input: { order_id: purchase.purchase.order_id, source: "till" } })
        expect(await service().listMessages({ event: "receipt", customer_id: purchase.member.customer_id })).toHaveLength(1)

        const fa = await page(`/r/${token}`)
        expect(fa.status).toBe(200)
        expect(fa.headers["content-type"]).toBe("text/html; charset=utf-8")
        expect(fa.headers["cache-control"]).toBe("no-store")
        expect(fa.headers["referrer-policy"]).toBe("no-referrer")
        expect(fa.data).toContain('<html lang="fa" dir="rtl">')
        const text = textOf(fa.data)
        const jalali = new Intl.DateTimeFormat("fa-IR-u-ca-persian", {
          timeZone: "Asia/Tehran",
          year: "numeric",
          month: "long",
          day: "numeric",
        }).format(new Date())
        // Shop, items with Persian quantities, the total in Toman, a Jalali date.
        expect(text).toContain("Loyalty Club Demo")
        expect(text).toContain(jalali)
        expect(jalali).toMatch(/^[۰-۹]{1,2} (فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) ۱۴[۰-۹]{2}$/)
        expect(text).toContain("Coffee beans تعداد: ۲ ۱۵۰٬۰۰۰ تومان")
        expect(text).toContain("Mug تعداد: ۱ ۵۰٬۰۰۰ تومان")
        expect(text).toContain("جمع کل ۲۰۰٬۰۰۰ تومان")
        expect(text).toContain("کش‌بک این خرید ۴٬۰۰۰ تومان همین حالا قابل استفاده است")
        expect(text).toContain("موجودی کیف پول ۴٬۰۰۰ تومان")
        // Only Persian digits in what a Persian reader sees (the shop's Latin name aside).
        expect(text.replace("Loyalty Club Demo", "").replace(/Coffee beans|Mug|English/g, "")).not.toMatch(/[0-9]/)
        // A till-only member may make an online account.
        expect(fa.data).toContain(`href="/r/${token}/account?lang=fa"`)

        const en = await page(`/r/${token}?lang=en`)
        const english = textOf(en.data)
        expect(en.data).toContain('<html lang="en" dir="ltr">')
        expect(english).toContain(
          new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Tehran", year: "numeric", month: "long", day: "numeric" }).format(new Date())
        )
        expect(english).toContain("Coffee beans Qty: 2 150,000 Toman")
        expect(english).toContain("Total 200,000 Toman")
        expect(english).toContain("Cashback on this purchase 4,000 Toman Ready to spend now")
        expect(english).toContain("Wallet balance 4,000 Toman")

        // A member who chose English for their SMS reads English by default.
        await service().upsertSmsPreference({ customer_id: purchase.member.customer_id, locale: "en" })
        expect((await page(`/r/${token}`)).data).toContain('<html lang="en" dir="ltr">')

        const secretWarnings = warn.mock.calls.filter(([message]) => String(message).includes("LOYALTY_LINK_SECRET"))
        expect(secretWarnings).toEqual([
          [
            "Loyalty club: receipt and credit-claim links are signed with the project's http.cookieSecret, which is " +
              `Medusa's default "supersecret": anyone can forge them. Set LOYALTY_LINK_SECRET (or the module's link_secret option) to a long random string.`,
          ],
        ])
        warn.mockRestore()
      })

      it("should answer a tampered, expired, cut or unknown link with a page a person can read", async () => {
        const { key } = await setup()
        const { token, purchase } = await buyAtTill(key, "09121230002", "r-2")
        const flipped = token.slice(0, 10) + (token[10] === "A" ? "B" : "A") + token.slice(11)
        const { secret } = linkConfig(getContainer())
        const expired = signLinkToken(
          { kind: "receipt", id: purchase.purchase.order_id, expires_at: new Date(Date.now() - 1000) },
          secret
        )
        const unknown = signLinkToken(
          { kind: "receipt", id: "order_01JDQ8Z5B7W3K9M2N4P6R8T0VX", expires_at: new Date(Date.now() + 86400000) },
          secret
        )
        // A genuine link past its date is Gone (410); an altered one, or one to no order, Not Found.
        const cases: [string, number, string][] = [
          [flipped, 404, "این پیوند درست نیست"],
          [token.slice(0, 30), 404, "این پیوند درست نیست"],
          ["x".repeat(5000), 404, "این پیوند درست نیست"],
          ["%3Cscript%3E", 404, "این پیوند درست نیست"],
          [expired, 410, "مهلت این پیوند تمام شده است"],
          [unknown, 404, "این رسید پیدا نشد"],
        ]
        for (const [bad, status, title] of cases) {
          const res = await page(`/r/${bad}`)
          expect([res.status, res.headers["content-type"]]).toEqual([status, "text/html; charset=utf-8"])
          expect(textOf(res.data)).toContain(title)
          expect(res.data).not.toMatch(/Error|stack|at \//)
          expect(res.data).not.toContain("<script>")
          // Posting a rating to it saves nothing.
          const posted = await page(`/r/${bad}`, { rating: "1" })
          expect(posted.status).toBe(status)
        }
        expect(textOf((await page(`/r/${expired}?lang=en`)).data)).toContain("This link has expired")
        expect(await service().listFeedbacks({ order_id: [purchase.purchase.order_id, "order_01JDQ8Z5B7W3K9M2N4P6R8T0VX"] })).toEqual([])
      })

      it("should show a voided purchase's link as canceled, in the shopper's language, and take no rating", async () => {
        const { key } = await setup()
        const { token, purchase } = await buyAtTill(key, "09121230006", "r-6")
        const orderId = purchase.purchase.order_id
        expect((await page(`/r/${token}`, { rating: "4" })).status).toBe(200)
        await api.post("/pos/loyalty/purchases/r-6/void", {}, till(key))
        const { data: orders } = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({ entity: "order", fields: ["status"], filters: { id: orderId } })
        expect(orders[0].status).toBe("canceled")

        const fa = await page(`/r/${token}`)
        expect([fa.status, fa.headers["content-type"]]).toEqual([410, "text/html; charset=utf-8"])
        const text = textOf(fa.data)
        expect(text).toContain("این خرید لغو شده است")
        expect(text).toContain("چون این خرید لغو شده، رسیدش دیگر در دسترس نیست و نمی‌شود به آن امتیاز داد.")
        // Nothing of the purchase: no items, no total, no rating form.
        expect(text).not.toContain("Coffee beans")
        expect(fa.data).not.toContain("<form")
        const en = await page(`/r/${token}?lang=en`)
        expect(en.status).toBe(410)
        expect(textOf(en.data)).toContain(
          "This purchase was canceled Because this purchase was canceled, its receipt is no longer available and it can't be rated."
        )
        // The member's own language when the link names none.
        await service().upsertSmsPreference({ customer_id: purchase.member.customer_id, locale: "en" })
        expect(textOf((await page(`/r/${token}`)).data)).toContain("This purchase was canceled")

        // A rating sent anyway is refused the same way, and the earlier one stays.
        const posted = await page(`/r/${token}`, { rating: "1", comment: "after the void" })
        expect(posted.status).toBe(410)
        expect(textOf(posted.data)).toContain("This purchase was canceled")
        expect((await page(`/r/${token}/account`)).status).toBe(410)
        const rows = await service().listFeedbacks({ order_id: orderId })
        expect(rows.map((r) => [r.rating, r.comment])).toEqual([[4, null]])
        // The workflow itself refuses it too, by name.
        const { errors } = await submitFeedbackWorkflow(getContainer()).run({
          input: { order_id: orderId, rating: 2 },
          throwOnError: false,
        })
        expect([errors[0].error.type, errors[0].error.code]).toEqual(["not_allowed", "loyalty_order_canceled"])
      })

      it("should print names, item titles and comments as text, never as markup", async () => {
        const { key } = await setup()
        const evil = `<script>alert("x")</script>`
        const { token, purchase } = await buyAtTill(key, "09121230003", "r-3", [
          { title: `Tea ${evil}`, amount: "2000000" },
        ])
        await getContainer()
          .resolve(Modules.CUSTOMER)
          .updateCustomers(purchase.member.customer_id, { first_name: `<img src=x onerror=alert(1)>` })
        await service().updateSettings({ store_name: `Shop "<b>` })
        const res = await page(`/r/${token}`, { rating: "2", comment: `${evil} & 'quotes'` })
        expect(res.status).toBe(200)
        expect(res.data).not.toContain("<script>")
        expect(res.data).not.toContain(`Shop "<b>`)
        expect(res.data).toContain("Tea &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
        expect(res.data).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;")
        expect(res.data).toContain("<title>Shop &quot;&lt;b&gt; · رسید خرید</title>")
        // Saved as written.
        const [feedback] = await service().listFeedbacks({ order_id: purchase.purchase.order_id })
        expect([feedback.rating, feedback.comment]).toEqual([2, `${evil} & 'quotes'`])
      })

      it("should take a rating from the page's form, edit it with a second one, and refuse a bad one by name", async () => {
        const { key } = await setup()
        const { token, purchase } = await buyAtTill(key, "09121230004", "r-4")
        const first = await page(`/r/${token}`, { rating: "4", comment: "Quick and friendly" })
        expect(first.status).toBe(200)
        expect(textOf(first.data)).toContain("ممنون! پاسخ شما ثبت شد. امتیاز شما: ۴ از ۵ « Quick and friendly »")
        expect(first.data).toContain('value="4" aria-pressed="true"')

        const second = await page(`/r/${token}?lang=en`, { rating: "5", comment: "" })
        expect(textOf(second.data)).toContain("Thank you! Your answer is saved. Your rating: 5 of 5")
        const rows = await service().listFeedbacks({ order_id: purchase.purchase.order_id })
        expect(rows.map((r) => [r.rating, r.comment, r.channel, r.location])).toEqual([[5, null, "till", "Tehran, Valiasr"]])

        const bad = await page(`/r/${token}?lang=en`, { rating: "9", comment: "kept" })
        expect(bad.status).toBe(400)
        expect(textOf(bad.data)).toContain("Choose a rating from 1 to 5.")
        expect(bad.data).toContain(">kept</textarea>")
        const long = await page(`/r/${token}?lang=en`, { rating: "3", comment: "x".repeat(1001) })
        expect([long.status, textOf(long.data).includes("at most 1,000 characters")]).toEqual([400, true])
        expect((await service().listFeedbacks({ order_id: purchase.purchase.order_id }))[0].rating).toBe(5)
      })

      it("should let a till-only member claim an online account with a code sent to their own phone", async () => {
        const { key, pk } = await setup()
        const { token, purchase } = await buyAtTill(key, "09121230005", "r-5")
        const customerId = purchase.member.customer_id
        const start = await page(`/r/${token}/account`)
        expect(start.status).toBe(200)
        expect(textOf(start.data)).toContain("•••• ۰۰۰۵")

        // A phone typed into the form is ignored: the code goes to the member's.
        const sent = await page(`/r/${token}/account`, { step: "send", phone: "09129999999" })
        expect(sent.status).toBe(200)
        expect(lastCode("+989129999999")).toBeNull()
        const code = lastCode("+989121230005")!
        expect(code).toMatch(/^\d{6}$/)

        const wrong = await page(`/r/${token}/account`, {
          step: "claim",
          code: code === "000000" ? "111111" : "000000",
          email: "till.member@example.com",
          password: "a-good-password",
        })
        expect(wrong.status).toBe(400)
        expect(textOf(wrong.data)).toContain("کد درست نیست، پیش‌تر استفاده شده یا مهلتش گذشته است.")

        // An e-mail someone already logs in with is refused before the code is spent.
        await shopper(api, pk, { email: "taken@example.com" })
        const taken = await page(`/r/${token}/account?lang=en`, {
          step: "claim",
          code,
          email: "taken@example.com",
          password: "a-good-password",
        })
        expect([taken.status, textOf(taken.data).includes("An account with this e-mail already exists")]).toEqual([400, true])
        const short = await page(`/r/${token}/account?lang=en`, { step: "claim", code, email: "till.member@example.com", password: "short" })
        expect(textOf(short.data)).toContain("The password must be at least 8 characters.")

        const done = await page(`/r/${token}/account?lang=en`, {
          step: "claim",
          code,
          email: "Till.Member@example.com",
          password: "a-good-password",
        })
        expect(done.status).toBe(200)
        expect(textOf(done.data)).toContain("Your account is ready")

        // The login opens the same customer: wallet, tier and purchases stay.
        const base = { "x-publishable-api-key": pk }
        const { data: login } = await api.post(
          "/auth/customer/emailpass",
          { email: "till.member@example.com", password: "a-good-password" },
          { headers: base }
        )
        const { data: me } = await api.get("/store/customers/me", { headers: { ...base, authorization: `Bearer ${login.token}` } })
        expect([me.customer.id, me.customer.email, me.customer.has_account]).toEqual([customerId, "till.member@example.com", true])

        // The code is used up and the receipt offers no second account.
        const again = await page(`/r/${token}/account`, { step: "claim", code, email: "other@example.com", password: "a-good-password" })
        expect(textOf(again.data)).toContain("شما حساب آنلاین دارید")
        expect((await page(`/r/${token}`)).data).not.toContain("/account")
      })

      // The page in Chromium at a phone's width, in Persian and English
      // (scripts/check-receipt.js: no sideways scroll, fingertip-sized
      // buttons, direction, Persian digits; screenshots in /tmp/check-receipt).
      const chromium = fs.existsSync("/usr/bin/chromium") ? it : it.skip
      chromium("should read well on a phone in Chromium, rated and with the account page, in Persian and English", async () => {
        const { key } = await setup()
        const { token, purchase } = await buyAtTill(key, "09121230007", "r-7")
        const link = `${api.defaults.baseURL!.replace("localhost", "127.0.0.1")}/r/${token}`
        const { stdout } = await promisify(execFile)("node", [path.join(__dirname, "../../scripts/check-receipt.js"), link], {
          env: { ...process.env, CHECK_RECEIPT_DIR: "/tmp/check-receipt/live" },
        })
        expect(stdout.split("\n").filter(Boolean).map((l) => l.split(" ")[0])).toEqual(Array(7).fill("ok"))
        // Its taps were real: the rating of 4 was saved.
        expect((await service().listFeedbacks({ order_id: purchase.purchase.order_id }))[0].rating).toBe(4)
      })

      it("should give the demo a receipt link in the log and a rating, once however often it is seeded", async () => {
        await setup()
        const container = getContainer()
        const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
        const info = jest.spyOn(logger, "info")
        await seedReceipts({ container, args: [] } as any)
        await seedReceipts({ container, args: [] } as any)
        const lines = info.mock.calls.map(([line]) => String(line))
        info.mockRestore()
        const link = lines.map((l) => /Demo receipt of Emily's till purchase \(valid 30 days\): (http:\/\/localhost:9000\/r\/[A-Za-z0-9_-]{51})$/.exec(l)?.[1]).find(Boolean)!
        expect(link).toBeDefined()
        const res = await page(`${new URL(link).pathname}?lang=fa`)
        expect([res.status, textOf(res.data).includes("جمع کل ۱٬۲۰۰٬۰۰۰ تومان")]).toEqual([200, true])
        const [sara] = await container.resolve(Modules.CUSTOMER).listCustomers({ email: DEMO_CUSTOMERS[0].email })
        const answers = await service().listFeedbacks({ customer_id: sara.id })
        expect(answers.map((a) => [a.rating, a.channel])).toEqual([[4, "online"]])
        const [emily] = await container.resolve(Modules.CUSTOMER).listCustomers({ email: DEMO_CUSTOMERS[2].email })
        expect(await service().listMessages({ customer_id: emily.id, event: "receipt" })).toHaveLength(1)
      })

      it("should text online orders' receipts only when the shop turns them on", async () => {
        const { pk, regions, variant, admin } = await setup()
        const buyer = await shopper(api, pk, { email: "online@example.com", phone: "+989121230006" })
        const h = buyer.headers
        const first = await checkout(api, h, regions[0].id, [variant("vacuum-cleaner")])
        await api.post("/admin/loyalty/settings", { receipt_sms_online: true }, admin)
        const second = await checkout(api, h, regions[0].id, [variant("vacuum-cleaner")])
        const message = await waitFor(async () => {
          const [m] = await service().listMessages({ customer_id: buyer.customer.id, event: "receipt" })
          return m
        })
        expect(message.idempotency_key).toBe(`receipt:${second.id}:once`)
        expect(await service().listMessages({ customer_id: buyer.customer.id, event: "receipt" })).toHaveLength(1)
        const token = /\/r\/([A-Za-z0-9_-]+)$/.exec(message.body)![1]
        const res = await page(`/r/${token}`)
        expect(res.status).toBe(200)
        expect(res.data).toContain(`<bdi>سفارش ${new Intl.NumberFormat("fa-IR", { useGrouping: false }).format(second.display_id)}</bdi>`)
        // A shopper with an account sees no claim link.
        expect(res.data).not.toContain("/account")
        expect(first.id).not.toBe(second.id)
        const err = await failure(api.get(`/store/loyalty/orders/${second.id}/feedback`, { headers: { "x-publishable-api-key": pk } }))
        expect(err.status).toBe(401)
      })
    })
  },
})
