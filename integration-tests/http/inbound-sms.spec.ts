import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import http from "http"
import { readSmsReplies } from "../../src/jobs/read-sms-replies"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { sendDueMessagesWorkflow } from "../../src/workflows"
import { composeMessages } from "../../src/workflows/messages/compose-messages"
import { adminHeaders, failure, publishableKey, shopper } from "../helpers"

jest.setTimeout(240000)

const API_KEY = "kave-inbound-key-0987654321"
const TOKEN = "inbound-token-5f2c9a"
const LINE = "10004346"

// A fake Kavenegar on 127.0.0.1: sends answer like the real one (the
// verdict in `return.status`), the inbox (`receive.json`) answers the
// replies a test puts in `inbox`, or a refusal.
const PORT = 43000 + Math.floor(Math.random() * 2000)
process.env.LOYALTY_SMS_GATEWAY = "kavenegar"
process.env.LOYALTY_SMS_API_KEY = API_KEY
process.env.LOYALTY_SMS_SENDER = LINE
process.env.LOYALTY_SMS_BASE_URL = `http://127.0.0.1:${PORT}`
process.env.LOYALTY_SMS_RETRY_BASE_MS = "5"
process.env.LOYALTY_SMS_INBOUND_TOKEN = TOKEN

const sent: { receptor: string; message: string; messageid: number }[] = []
let inbox: { status: number; entries: unknown[] | null } = { status: 200, entries: [] }
const inboxPaths: string[] = []
let messageId = 7000
const server = http.createServer((req, res) => {
  let body = ""
  req.on("data", (c) => (body += c))
  req.on("end", () => {
    res.setHeader("content-type", "application/json")
    if ((req.url ?? "").includes("/sms/receive.json")) {
      inboxPaths.push(req.url ?? "")
      res.end(JSON.stringify({ return: { status: inbox.status, message: inbox.status === 200 ? "تایید شد" : "دسترسی غیرمجاز" }, entries: inbox.entries }))
      return
    }
    const form = new URLSearchParams(body)
    const entry = { receptor: form.get("receptor") ?? "", message: form.get("message") ?? "", messageid: ++messageId }
    sent.push(entry)
    res.end(JSON.stringify({ return: { status: 200, message: "تایید شد" }, entries: [{ ...entry, status: 1, sender: LINE, date: 0, cost: 120 }] }))
  })
})
beforeAll((done) => {
  server.listen(PORT, "127.0.0.1", done)
})
afterAll((done) => {
  server.close(() => done())
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)
    const rows = async (sql: string, bindings: unknown[] = []) =>
      (await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(sql, bindings)).rows
    const hook = (query: string, token = TOKEN) => api.get(`/hooks/loyalty/sms/kavenegar/${token}?${query}`)
    const campaign = async (id: string, status: string, throttle: number | null) =>
      rows(
        `INSERT INTO loyalty_campaign (id, name, kind, segment_id, status, is_active, bodies, holdout_percent,
           throttle_per_minute, window_days, recipients, holdout, skipped, created_at, updated_at)
         VALUES (?, ?, 'campaign', 'lseg_test', ?, false, '{}'::jsonb, 10, ?, 14, 0, 0, 0, now(), now())`,
        [id, id, status, throttle]
      )
    // Campaign messages straight into the queue, due now.
    const queueFor = async (campaignId: string, count: number) =>
      service().queueMessages(
        Array.from({ length: count }, (_, i) => ({
          customer_id: null,
          event: "campaign",
          locale: "fa",
          phone: `+98912555${String(i).padStart(4, "0")}`,
          body: `پیام ${i}`,
          idempotency_key: `campaign:${campaignId}:${i}:once`,
          send_after: new Date(Date.now() - 60000),
          kind: "promotional" as const,
          campaign_id: campaignId,
        })) as any
      )
    const campaignCounts = async (campaignId: string) =>
      (
        await rows(
          `SELECT status, count(*)::int AS n FROM loyalty_message WHERE campaign_id = ? AND deleted_at IS NULL GROUP BY status ORDER BY status`,
          [campaignId]
        )
      ).map((r: any) => [r.status, r.n])
    const preferenceOf = async (customerId: string) =>
      (
        await rows(
          `SELECT opted_out, promotions_opted_out, opt_out_source FROM loyalty_sms_preference WHERE customer_id = ? AND deleted_at IS NULL`,
          [customerId]
        )
      )[0]

    describe("Promotional messages and the queue", () => {
      it("should end promotions with the opt-out line and skip shoppers out of promotions, send service messages to them, and claim within pause and throttle", async () => {
        const container = getContainer()
        const { key: pk } = await publishableKey(container)
        const admin = await adminHeaders(container, api)
        await api.post("/admin/loyalty/settings", { quiet_hours_start: "00:00", quiet_hours_end: "00:00", store_name: "نمونه" }, admin)
        const ali = await shopper(api, pk, { email: "ali@example.com", phone: "09121110001" })
        const bita = await shopper(api, pk, { email: "bita@example.com", phone: "09121110002" })

        // Bita opts out of promotions only, on the storefront.
        const { data: pref } = await api.post("/store/loyalty/sms-preferences", { promotions_opted_out: true }, bita.headers)
        expect(pref.sms_preference).toEqual({ opted_out: false, promotions_opted_out: true, locale: null })
        expect((await api.get("/store/loyalty/sms-preferences", bita.headers)).data.sms_preference).toEqual({
          opted_out: false,
          promotions_opted_out: true,
          locale: null,
        })
        expect(await preferenceOf(bita.customer.id)).toEqual({ opted_out: false, promotions_opted_out: true, opt_out_source: "shopper" })

        await campaign("lcmp_a", "sending", null)
        const items = [ali, bita].map((s) => ({ customer_id: s.customer.id, subject: `lcmp_a:${s.customer.id}:1` }))
        const promos = await composeMessages(container, "campaign", items, new Date(), undefined, {
          bodies: { fa: "{first_name} عزیز، حراج {store_name}" },
          campaign_id: "lcmp_a",
        })
        expect(promos.map((m) => [m.body, m.status, m.reason, m.kind, m.campaign_id, m.idempotency_key])).toEqual([
          ["ali عزیز، حراج نمونه\nلغو۱۱", "queued", null, "promotional", "lcmp_a", `campaign:lcmp_a:${ali.customer.id}:1:once`],
          ["bita عزیز، حراج نمونه\nلغو۱۱", "skipped", "promotions_opted_out", "promotional", "lcmp_a", `campaign:lcmp_a:${bita.customer.id}:1:once`],
        ])
        // A service message still reaches Bita, with no opt-out line.
        const [service_] = await composeMessages(container, "balance_statement", [{ customer_id: bita.customer.id, subject: "w1" }], new Date())
        expect([service_.status, service_.kind, service_.campaign_id, service_.body.includes("لغو")]).toEqual(["queued", "service", null, false])
        await service().queueMessages([...promos, service_])

        // The shop's own line, checked (one line, at most 40 characters).
        const { data: saved } = await api.post(
          "/admin/loyalty/settings",
          { sms_opt_out_line: { fa: "لغو۱۱ به ۱۰۰۰۴۳۴۶" }, sms_part_prices: { kavenegar: { amount: "1200", currency_code: "IRR" } } },
          admin
        )
        expect([saved.settings.sms_opt_out_line, saved.settings.sms_part_prices]).toEqual([
          { fa: "لغو۱۱ به ۱۰۰۰۴۳۴۶" },
          { kavenegar: { amount: "1200", currency_code: "irr" } },
        ])
        const [own] = await composeMessages(container, "birthday", [{ customer_id: ali.customer.id, subject: "g1" }], new Date())
        expect(own.body.endsWith("\nلغو۱۱ به ۱۰۰۰۴۳۴۶")).toBe(true)
        const long = await failure(api.post("/admin/loyalty/settings", { sms_opt_out_line: { fa: "ل".repeat(41) } }, admin))
        expect([long.status, long.data.code, long.data.message]).toEqual([
          400,
          "loyalty_sms_opt_out_line_invalid",
          "sms_opt_out_line.fa must be at most 40 characters",
        ])
        const price = await failure(api.post("/admin/loyalty/settings", { sms_part_prices: { kavenegar: { amount: "-1", currency_code: "irr" } } }, admin))
        expect([price.status, price.data.code, price.data.message]).toEqual([
          400,
          "loyalty_sms_part_prices_invalid",
          "sms_part_prices.kavenegar.amount must be greater than 0, got -1",
        ])
        const gateway = await failure(api.post("/admin/loyalty/settings", { sms_part_prices: { nokia: { amount: "1", currency_code: "irr" } } }, admin))
        expect([gateway.status, gateway.data.code]).toEqual([400, "loyalty_sms_part_prices_invalid"])

        // Ali replies "لغو ۱۱" before his promotion goes: the sender skips it.
        const { status } = await hook(`from=09121110001&to=${LINE}&message=${encodeURIComponent("لغو ۱۱")}&messageid=9100`)
        expect(status).toBe(200)

        // A paused campaign's messages wait; a campaign throttled to 5 a
        // minute with 12 queued gives 5 to a run and none to the next.
        await campaign("lcmp_paused", "paused", null)
        await campaign("lcmp_slow", "sending", 5)
        await queueFor("lcmp_paused", 3)
        await queueFor("lcmp_slow", 12)
        const first = await sendDueMessagesWorkflow(container).run({ input: {} })
        expect(first.result).toEqual({ claimed: 7, sent: 6, failed: 0, skipped: 1, retrying: 0 })
        expect(await campaignCounts("lcmp_paused")).toEqual([["queued", 3]])
        expect(await campaignCounts("lcmp_slow")).toEqual([["queued", 7], ["sent", 5]])
        const [aliPromo] = await rows(`SELECT status, reason FROM loyalty_message WHERE idempotency_key = ?`, [promos[0].idempotency_key])
        expect(aliPromo).toEqual({ status: "skipped", reason: "promotions_opted_out" })
        const [bitaService] = await rows(`SELECT status, gateway_message_id FROM loyalty_message WHERE idempotency_key = ?`, [service_.idempotency_key])
        const bitaSms = sent.find((s) => s.receptor === "09121110002")!
        expect(bitaService).toEqual({ status: "sent", gateway_message_id: String(bitaSms.messageid) })

        const second = await sendDueMessagesWorkflow(container).run({ input: {} })
        expect(second.result.claimed).toBe(0)
        expect(await campaignCounts("lcmp_slow")).toEqual([["queued", 7], ["sent", 5]])

        // Resumed, the paused campaign goes; canceled, the slow one's unsent
        // messages are withdrawn and never go.
        await rows(`UPDATE loyalty_campaign SET status = 'sending' WHERE id = 'lcmp_paused'`)
        await rows(`UPDATE loyalty_campaign SET status = 'canceled' WHERE id = 'lcmp_slow'`)
        expect(await service().withdrawCampaignMessages("lcmp_slow")).toBe(7)
        const third = await sendDueMessagesWorkflow(container).run({ input: {} })
        expect(third.result).toEqual({ claimed: 3, sent: 3, failed: 0, skipped: 0, retrying: 0 })
        expect(await campaignCounts("lcmp_paused")).toEqual([["sent", 3]])
        expect(await campaignCounts("lcmp_slow")).toEqual([["sent", 5]])
      })
    })

    describe("Replies and delivery reports", () => {
      it("should opt a customer out by a pushed or pulled reply once, refuse unsigned calls, and mark delivered messages", async () => {
        const container = getContainer()
        const { key: pk } = await publishableKey(container)
        const dara = await shopper(api, pk, { email: "dara@example.com", phone: "0912 111 0004" })
        const elham = await shopper(api, pk, { email: "elham@example.com", phone: "+989121110005" })
        const inboundRows = async () =>
          (await rows(`SELECT gateway, kind, external_id, customer_id, action FROM loyalty_inbound_message ORDER BY external_id`))

        // Bad or missing proofs: 403, nothing recorded.
        const wrong = await failure(hook(`from=09121110004&message=STOP&messageid=1`, "not-the-token"))
        expect([wrong.status, wrong.data.code]).toEqual([403, "loyalty_inbound_signature_invalid"])
        const twilio = await failure(
          api.post("/hooks/loyalty/sms/twilio", "MessageSid=SM1&From=%2B989121110004&Body=STOP", {
            headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "forged" },
          })
        )
        expect([twilio.status, twilio.data.code]).toEqual([403, "loyalty_inbound_signature_invalid"])
        const webhook = await failure(
          api.post("/hooks/loyalty/sms/webhook", { id: "in_1", type: "reply", from: "+989121110004", text: "STOP" }, {
            headers: { "x-loyalty-signature": "sha256=00", "x-loyalty-timestamp": String(Math.floor(Date.now() / 1000)) },
          })
        )
        expect([webhook.status, webhook.data.code]).toEqual([403, "loyalty_inbound_signature_invalid"])
        expect(await inboundRows()).toEqual([])
        expect(await preferenceOf(dara.customer.id)).toBeUndefined()

        // Pushed twice (Kavenegar retries), recorded and acted on once.
        for (let i = 0; i < 2; i++) {
          const { status, data } = await hook(`from=09121110004&to=${LINE}&message=${encodeURIComponent("لغو۱۱")}&messageid=9001`)
          expect([status, data]).toEqual([200, { received: true }])
        }
        expect(await preferenceOf(dara.customer.id)).toEqual({ opted_out: false, promotions_opted_out: true, opt_out_source: "sms_reply" })
        expect(await inboundRows()).toEqual([
          { gateway: "kavenegar", kind: "reply", external_id: "9001", customer_id: dara.customer.id, action: "opted_out" },
        ])

        // Pulled: the same reply again (recorded once) and Elham's STOP.
        inbox = {
          status: 200,
          entries: [
            { messageid: 9001, message: "لغو۱۱", sender: "09121110004", receptor: LINE, date: Math.floor(Date.now() / 1000) - 60 },
            { messageid: 9002, message: "stop", sender: "9121110005", receptor: LINE, date: Math.floor(Date.now() / 1000) },
          ],
        }
        expect(await readSmsReplies(container)).toEqual({ read: 2, recorded: 1, opted_out: 1 })
        expect(inboxPaths[0]).toBe(`/v1/${API_KEY}/sms/receive.json?linenumber=${LINE}&isread=0`)
        expect(await preferenceOf(elham.customer.id)).toEqual({ opted_out: false, promotions_opted_out: true, opt_out_source: "sms_reply" })
        // She changes her mind: START brings her back.
        inbox = { status: 200, entries: [{ messageid: 9003, message: "START", sender: "09121110005", receptor: LINE, date: Math.floor(Date.now() / 1000) + 1 }] }
        await readSmsReplies(container)
        expect((await preferenceOf(elham.customer.id)).promotions_opted_out).toBe(false)
        // An inbox that refuses is retried later; nothing changes.
        inbox = { status: 403, entries: null }
        expect(await readSmsReplies(container)).toEqual({ read: 0, recorded: 0, error: "kavenegar: inbox refused (403: دسترسی غیرمجاز)" })
        expect((await inboundRows()).map((r: any) => [r.external_id, r.action])).toEqual([
          ["9001", "opted_out"],
          ["9002", "opted_out"],
          ["9003", "opted_in"],
        ])

        // A service message to Dara goes (promotions only are off), and its
        // delivery report marks it delivered.
        await api.post("/admin/loyalty/settings", { quiet_hours_start: "00:00", quiet_hours_end: "00:00" }, await adminHeaders(container, api))
        const [statement] = await composeMessages(container, "balance_statement", [{ customer_id: dara.customer.id, subject: "d1" }], new Date())
        await service().queueMessages([statement])
        await sendDueMessagesWorkflow(container).run({ input: {} })
        const sms = sent.find((s) => s.receptor === "09121110004")!
        await hook(`messageid=${sms.messageid}&status=4`)
        await hook(`messageid=${sms.messageid}&status=10`)
        await hook(`messageid=${sms.messageid}&status=10`)
        const [message] = await rows(
          `SELECT status, gateway_message_id, delivery_status, delivered_at IS NOT NULL AS has_time FROM loyalty_message WHERE idempotency_key = ?`,
          [statement.idempotency_key]
        )
        expect(message).toEqual({ status: "sent", gateway_message_id: String(sms.messageid), delivery_status: "delivered", has_time: true })
        const reports = await rows(`SELECT external_id, action FROM loyalty_inbound_message WHERE kind = 'delivery' ORDER BY external_id`)
        expect(reports).toEqual([
          { external_id: `${sms.messageid}:10`, action: "delivered" },
          { external_id: `${sms.messageid}:4`, action: "none" },
        ])
      })
    })
  },
})
