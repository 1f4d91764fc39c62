import { replyIntent, replyKeyword } from "../../../utils/sms-messages"
import { readInbound } from "../inbound/pull"
import { readKavenegarPush, readTwilioPush, readWebhookPush, twilioSignature } from "../inbound/push"
import { FakeGateway, startFakeGateway } from "./fake-gateway"

describe("SMS inbound", () => {
  let fake: FakeGateway | undefined
  afterEach(async () => {
    await fake?.close()
    fake = undefined
  })

  describe("replyIntent", () => {
    it("should read the opt-out keywords in any digits, spacing and case", () => {
      for (const text of ["لغو۱۱", "لغو 11", " لغو١١ ", "لغو", "stop", "STOP ", "Unsubscribe", "cancel", "End", "quit", "STOPALL"]) {
        expect([text, replyIntent(text)]).toEqual([text, "opt_out"])
      }
      for (const text of ["start", "UNSTOP", "شروع"]) {
        expect([text, replyIntent(text)]).toEqual([text, "opt_in"])
      }
      for (const text of ["سلام", "لغو سفارش من", "11", "", null]) {
        expect([text, replyIntent(text)]).toEqual([text, null])
      }
      expect(replyKeyword("لغو\u200c۱۱")).toBe("لغو11")
    })
  })

  describe("twilioSignature", () => {
    it("should sign like Twilio's documented example", () => {
      const params = { CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" }
      expect(twilioSignature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params)).toBe("0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
    })
  })

  describe("push readers", () => {
    const now = new Date("2026-11-30T08:00:00Z")

    it("should tell Twilio's replies from its status reports", () => {
      expect(readTwilioPush({ MessageSid: "SM1", From: "+989121234567", Body: "STOP", To: "+15005550006" }, now)).toEqual([
        { gateway: "twilio", kind: "reply", external_id: "SM1", phone: "+989121234567", body: "STOP", received_at: now, data: { to: "+15005550006" } },
      ])
      expect(readTwilioPush({ MessageSid: "SM2", MessageStatus: "delivered" }, now)).toEqual([
        expect.objectContaining({ kind: "delivery", external_id: "SM2:delivered", message_ref: "SM2", status: "delivered" }),
      ])
      expect(readTwilioPush({ MessageSid: "SM2", MessageStatus: "failed", ErrorCode: "30003" }, now)[0].status).toBe("undelivered")
      expect(readTwilioPush({ Body: "no sid" }, now)).toEqual([])
    })

    it("should read Kavenegar's forwarded replies and delivery codes", () => {
      expect(readKavenegarPush({ from: "09121234567", to: "10004346", message: "لغو۱۱", messageid: "77" }, now)).toEqual([
        { gateway: "kavenegar", kind: "reply", external_id: "77", phone: "+989121234567", body: "لغو۱۱", received_at: now, data: { to: "10004346" } },
      ])
      expect(readKavenegarPush({ messageid: "1001", status: "10" }, now)[0]).toEqual(
        expect.objectContaining({ kind: "delivery", external_id: "1001:10", message_ref: "1001", status: "delivered" })
      )
      expect(readKavenegarPush({ messageid: "1001", status: "11" }, now)[0].status).toBe("undelivered")
      expect(readKavenegarPush({ status: "10" }, now)).toEqual([])
    })

    it("should read our webhook's replies and reports", () => {
      expect(readWebhookPush({ id: "in_1", type: "reply", from: "+989121234567", text: "STOP" }, now)[0]).toEqual(
        expect.objectContaining({ kind: "reply", external_id: "in_1", phone: "+989121234567", body: "STOP" })
      )
      expect(readWebhookPush({ id: "dr_1", type: "delivery", message_id: "wh_9", status: "delivered" }, now)[0]).toEqual(
        expect.objectContaining({ kind: "delivery", external_id: "dr_1", message_ref: "wh_9", status: "delivered" })
      )
    })
  })

  describe("readInbound", () => {
    const now = new Date("2026-11-30T08:00:00Z")

    it("should pull Kavenegar's unread replies with the key in the path, and name the refusal without the key", async () => {
      fake = await startFakeGateway([
        {
          status: 200,
          body: {
            return: { status: 200, message: "تایید شد" },
            entries: [{ messageid: 9001, message: "لغو ۱۱", sender: "09121234567", receptor: "10004346", date: 1764489600 }],
          },
        },
        { status: 200, body: { return: { status: 403, message: "کد شناسایی API-Key معتبر نمی‌باشد" }, entries: null } },
      ])
      const options = { gateway: "kavenegar" as const, api_key: "secret-key-123", sender: "10004346", base_url: fake.url }
      expect(await readInbound(options, { now })).toEqual([
        {
          gateway: "kavenegar",
          kind: "reply",
          external_id: "9001",
          phone: "+989121234567",
          body: "لغو ۱۱",
          received_at: new Date(1764489600 * 1000),
          data: { receptor: "10004346" },
        },
      ])
      expect(fake.requests[0].path).toBe("/v1/secret-key-123/sms/receive.json?linenumber=10004346&isread=0")
      const refused = await readInbound(options, { now }).catch((e) => e)
      expect(refused.message).toBe("kavenegar: inbox refused (403: کد شناسایی API-Key معتبر نمی‌باشد)")
      expect(refused.message).not.toContain("secret-key-123")
    })

    it("should pull sms.ir's live inbox and make an id for entries without one", async () => {
      const entry = { number: "30007732", mobile: "989121234567", messageText: "لغو11", receivedDateTime: "2026-11-30T11:20:00" }
      fake = await startFakeGateway([
        { status: 200, body: { status: 1, message: "موفق", data: [entry] } },
        { status: 200, body: { status: 1, message: "موفق", data: [entry] } },
        { status: 401, body: { status: 0, message: "کلید نامعتبر", data: null } },
      ])
      const options = { gateway: "smsir" as const, api_key: "k", line_number: "30007732", base_url: fake.url }
      const [first] = await readInbound(options, { now })
      const [again] = await readInbound(options, { now })
      expect(first).toEqual(
        expect.objectContaining({ gateway: "smsir", kind: "reply", phone: "+989121234567", body: "لغو11", received_at: new Date("2026-11-30T07:50:00Z") })
      )
      expect(again.external_id).toBe(first.external_id)
      expect(fake.requests[0].path).toBe("/v1/receive/live?pageSize=100&pageNumber=1")
      expect(fake.requests[0].headers["x-api-key"]).toBe("k")
      expect((await readInbound(options, { now }).catch((e) => e)).message).toBe("smsir: inbox refused (0: کلید نامعتبر)")
    })

    it("should pull Ghasedak's and Melipayamak's inboxes, reading the verdict from the body", async () => {
      fake = await startFakeGateway([
        { status: 200, body: { isSuccess: true, statusCode: 200, message: "", data: [{ id: 55, sender: "09121234567", message: "STOP" }] } },
        { status: 200, body: { isSuccess: false, statusCode: 401, message: "ApiKey نامعتبر", data: null } },
        { status: 200, body: { Value: "1", RetStatus: 1, StrRetStatus: "Ok", Data: [{ MsgID: 7, Body: "لغو", Sender: "9121234567", Receiver: "5000" }] } },
        { status: 200, body: { Value: "0", RetStatus: 0, StrRetStatus: "InvalidUserPass", Data: null } },
      ])
      const ghasedak = { gateway: "ghasedak" as const, api_key: "g", line_number: "3000", base_url: fake.url }
      expect(await readInbound(ghasedak, { now })).toEqual([
        expect.objectContaining({ gateway: "ghasedak", external_id: "55", phone: "+989121234567", body: "STOP" }),
      ])
      expect(fake.requests[0].path).toBe("/GetReceivedSmses?LineNumber=3000&IsRead=false")
      expect((await readInbound(ghasedak, { now }).catch((e) => e)).message).toBe("ghasedak: inbox refused (401: ApiKey نامعتبر)")

      const meli = { gateway: "melipayamak" as const, melipayamak_api: "rest" as const, username: "u", password: "p", from: "5000", base_url: fake.url }
      expect(await readInbound(meli, { now })).toEqual([
        expect.objectContaining({ gateway: "melipayamak", external_id: "7", phone: "+989121234567", body: "لغو" }),
      ])
      expect([fake.requests[2].path, fake.requests[2].form]).toEqual([
        "/api/SendSMS/GetMessages",
        { username: "u", password: "p", location: "1", from: "5000", index: "0", count: "100" },
      ])
      expect((await readInbound(meli, { now }).catch((e) => e)).message).toBe("melipayamak: inbox refused (0: InvalidUserPass)")
    })

    it("should read nothing from gateways that push", async () => {
      expect(await readInbound({ gateway: "twilio" }, { now })).toEqual([])
      expect(await readInbound({ gateway: "log" }, { now })).toEqual([])
    })
  })
})
