import { createHmac } from "node:crypto"
import { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { SmsGatewayError } from "../errors"
import {
  verifyWebhookSignature,
  WEBHOOK_TOLERANCE_SECONDS,
} from "../gateways/webhook"
import { parseGatewayJson } from "../http"
import { SmsNotificationProviderService } from "../service"
import { SmsProviderOptions } from "../types"
import {
  createFakeLogger,
  FakeGateway,
  FakeLogger,
  FakeReply,
  gatewayReplies,
  ReceivedRequest,
  startFakeGateway,
} from "./fake-gateway"

const TEXT = "۵۰٬۰۰۰ تومان اعتبار به کیف پول شما اضافه شد"

// Keys with "/" and "+" prove that a key in a URL path is encoded on the
// wire and redacted in both its plain and its encoded form.
const KAVENEGAR_KEY = "KAVE+SECRET/KEY-3f9a1c"
const SMSIR_KEY = "SMSIR-SECRET-KEY-77d2e0"
const MELI_TOKEN = "MELI+TOKEN/SECRET-51b8"
const MELI_PASSWORD = "meli-PASSWORD-secret-9e4"
const GHASEDAK_KEY = "GHASEDAK-SECRET-KEY-c81f"
const TWILIO_SID = "AC0123456789abcdef0123456789abcdef"
const TWILIO_TOKEN = "TWILIO-AUTH-TOKEN-secret-40aa"
const WEBHOOK_SECRET = "whsec-SECRET-0c2d"
// A 19-digit id, as int64 ids run: as a JS number it reads 8792343123456790000.
const LONG_ID = "8792343123456789012"

let gateway: FakeGateway | undefined

afterEach(async () => {
  await gateway?.close()
  gateway = undefined
})

async function fake(...replies: FakeReply[]): Promise<FakeGateway> {
  gateway = await startFakeGateway(replies)
  return gateway
}

function notification(
  overrides: Partial<ProviderSendNotificationDTO> = {}
): ProviderSendNotificationDTO {
  return {
    to: "09121234567",
    channel: "sms",
    template: "cashback_credited",
    content: { text: TEXT },
    ...overrides,
  }
}

async function send(
  options: SmsProviderOptions,
  input: ProviderSendNotificationDTO = notification(),
  logger: FakeLogger = createFakeLogger()
) {
  const provider = new SmsNotificationProviderService({ logger } as any, {
    timeout_ms: 2000,
    max_attempts: 3,
    retry_base_ms: 1,
    ...options,
  })
  return await provider.send(input)
}

async function failure(promise: Promise<unknown>): Promise<SmsGatewayError> {
  try {
    await promise
  } catch (error) {
    return error as SmsGatewayError
  }
  throw new Error("expected the send to fail")
}

function expectSecretHidden(
  secret: string,
  error: Error | undefined,
  logger: FakeLogger
) {
  for (const form of [secret, encodeURIComponent(secret)]) {
    if (error) {
      expect(error.message).not.toContain(form)
      expect(JSON.stringify({ ...error })).not.toContain(form)
    }
    expect(logger.lines.join("\n")).not.toContain(form)
  }
}

describe("SMS gateways", () => {
  describe("kavenegar", () => {
    const ok = {
      status: 200,
      body: {
        return: { status: 200, message: "تایید شد" },
        entries: [
          {
            messageid: 8792343,
            message: TEXT,
            status: 1,
            statustext: "در صف ارسال",
            sender: "10004346",
            receptor: "09121234567",
            date: 1356619709,
            cost: 120,
          },
        ],
      },
    }
    const kavenegar = (url: string): SmsProviderOptions => ({
      gateway: "kavenegar",
      api_key: KAVENEGAR_KEY,
      sender: "10004346",
      base_url: url,
    })

    it("should send text form-encoded with the key in the path and return the message id", async () => {
      const server = await fake(ok)
      const logger = createFakeLogger()

      const result = await send(kavenegar(server.url), notification(), logger)

      expect(result).toEqual({ id: "8792343" })
      expect(server.requests).toHaveLength(1)
      const [request] = server.requests
      expect(request.method).toBe("POST")
      expect(request.path).toBe(
        `/v1/${encodeURIComponent(KAVENEGAR_KEY)}/sms/send.json`
      )
      expect(decodeURIComponent(request.path.split("/")[2])).toBe(KAVENEGAR_KEY)
      expect(request.headers["content-type"]).toBe(
        "application/x-www-form-urlencoded"
      )
      expect(request.form).toEqual({
        receptor: "09121234567",
        message: TEXT,
        sender: "10004346",
      })
      expectSecretHidden(KAVENEGAR_KEY, undefined, logger)
    })

    it("should send an approved template through verify/lookup with its tokens in order", async () => {
      const server = await fake(ok)

      const result = await send(
        kavenegar(server.url),
        notification({
          data: {
            gateway_template: "cashback-credited",
            template_params: ["50000", "Sara", "1404-02-01", "کیف پول"],
          },
        })
      )

      expect(result).toEqual({ id: "8792343" })
      const [request] = server.requests
      expect(request.path).toBe(
        `/v1/${encodeURIComponent(KAVENEGAR_KEY)}/verify/lookup.json`
      )
      expect(request.form).toEqual({
        receptor: "09121234567",
        template: "cashback-credited",
        token: "50000",
        token2: "Sara",
        token3: "1404-02-01",
        token10: "کیف پول",
        type: "sms",
      })
    })

    it("should fill the named token slots when the params use Kavenegar's names", async () => {
      const server = await fake(ok)

      await send(
        kavenegar(server.url),
        notification({
          data: {
            gateway_template: "otp",
            template_params: { token20: "a long value", token: "1234" },
          },
        })
      )

      expect(server.requests[0].form).toEqual({
        receptor: "09121234567",
        template: "otp",
        token: "1234",
        token20: "a long value",
        type: "sms",
      })
    })

    it("should read a 418 inside an HTTP 200 as a permanent no-credit failure, tried once", async () => {
      const server = await fake({
        status: 200,
        body: {
          return: { status: 418, message: "اعتبار حساب شما کافی نیست" },
          entries: null,
        },
      })
      const logger = createFakeLogger()

      const error = await failure(
        send(kavenegar(server.url), notification(), logger)
      )

      expect(error).toBeInstanceOf(SmsGatewayError)
      expect(error).toBeInstanceOf(MedusaError)
      expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
      expect(error.gateway).toBe("kavenegar")
      expect(error.code).toBe("418")
      expect(error.transient).toBe(false)
      expect(error.message).toBe(
        "kavenegar: 418 no credit: اعتبار حساب شما کافی نیست"
      )
      expect(server.requests).toHaveLength(1)
      expect(logger.lines).toEqual([
        "error [sms] sending cashback_credited to +98912***4567 failed: kavenegar: 418 no credit: اعتبار حساب شما کافی نیست",
      ])
      expectSecretHidden(KAVENEGAR_KEY, error, logger)
    })

    it("should retry a 409 (try later) until it is accepted", async () => {
      const busy = {
        status: 200,
        body: {
          return: { status: 409, message: "سرور قادر به پاسخگوئی نیست" },
        },
      }
      const server = await fake(busy, busy, ok)
      const logger = createFakeLogger()

      const result = await send(kavenegar(server.url), notification(), logger)

      expect(result).toEqual({ id: "8792343" })
      expect(server.requests).toHaveLength(3)
      expect(server.requests.map((r) => r.form.message)).toEqual([
        TEXT,
        TEXT,
        TEXT,
      ])
      expect(logger.lines).toHaveLength(2)
      expect(logger.lines[0]).toMatch(
        /^warn \[sms\] kavenegar: 409 try later: .* \(attempt 1 of 3\), retrying in \d+ms$/
      )
      expectSecretHidden(KAVENEGAR_KEY, undefined, logger)
    })

    it("should give up on a 409 after max_attempts with a transient error", async () => {
      const server = await fake({
        status: 200,
        body: { return: { status: 409, message: "busy" } },
      })
      const logger = createFakeLogger()

      const error = await failure(
        send(
          { ...kavenegar(server.url), max_attempts: 4 },
          notification(),
          logger
        )
      )

      expect(error.code).toBe("409")
      expect(error.transient).toBe(true)
      expect(server.requests).toHaveLength(4)
      expect(logger.lines.filter((l) => l.startsWith("warn"))).toHaveLength(3)
      expectSecretHidden(KAVENEGAR_KEY, error, logger)
    })

    it("should read a 403 sent with the same HTTP status as permanent", async () => {
      const server = await fake({
        status: 403,
        body: { return: { status: 403, message: "API-Key معتبر نمی‌باشد" } },
      })
      const logger = createFakeLogger()

      const error = await failure(
        send(kavenegar(server.url), notification(), logger)
      )

      expect(error.code).toBe("403")
      expect(error.http_status).toBe(403)
      expect(error.transient).toBe(false)
      expect(error.message).toMatch(/^kavenegar: 403 invalid API key/)
      expect(server.requests).toHaveLength(1)
      expectSecretHidden(KAVENEGAR_KEY, error, logger)
    })

    it("should redact the key when a proxy's error page echoes the URL", async () => {
      const path = `/v1/${encodeURIComponent(KAVENEGAR_KEY)}/sms/send.json`
      const server = await fake({
        status: 404,
        body: `<pre>Cannot POST ${path} (key ${KAVENEGAR_KEY})</pre>`,
        contentType: "text/html",
      })
      const logger = createFakeLogger()

      const error = await failure(
        send(kavenegar(server.url), notification(), logger)
      )

      expect(error.code).toBe("404")
      expect(error.transient).toBe(false)
      expect(error.message).toBe(
        "kavenegar: 404 <pre>Cannot POST /v1/[redacted]/sms/send.json (key [redacted])</pre>"
      )
      expectSecretHidden(KAVENEGAR_KEY, error, logger)
    })

    it("should return a 19-digit messageid with every digit", async () => {
      const server = await fake(gatewayReplies.kavenegar.sent(LONG_ID, TEXT))

      const result = await send(kavenegar(server.url))

      expect(server.requests).toHaveLength(1)
      expect(result).toEqual({ id: LONG_ID })
    })

    it.each([
      ["the same HTTP status", 501],
      ["HTTP 200", 200],
    ])(
      "should read 501 (a test account may only text its owner) under %s as permanent, tried once",
      async (_, httpStatus) => {
        const server = await fake(
          gatewayReplies.kavenegar.refused(
            501,
            "فقط امکان ارسال پیامک به شماره صاحب حساب وجود دارد",
            httpStatus
          )
        )
        const logger = createFakeLogger()

        const error = await failure(
          send(kavenegar(server.url), notification(), logger)
        )

        expect(error).toBeInstanceOf(SmsGatewayError)
        expect(error.code).toBe("501")
        expect(error.transient).toBe(false)
        expect(error.message).toBe(
          "kavenegar: 501 a test account may only text its owner's number: فقط امکان ارسال پیامک به شماره صاحب حساب وجود دارد"
        )
        expect(server.requests).toHaveLength(1)
        expect(logger.lines.filter((l) => l.startsWith("warn"))).toEqual([])
        expectSecretHidden(KAVENEGAR_KEY, error, logger)
      }
    )

    it("should still retry a proxy's 502 that carries no Kavenegar status", async () => {
      const server = await fake(
        { status: 502, body: "Bad Gateway", contentType: "text/html" },
        gatewayReplies.kavenegar.sent("8792343")
      )

      const result = await send(kavenegar(server.url))

      expect(result).toEqual({ id: "8792343" })
      expect(server.requests).toHaveLength(2)
    })
  })

  describe("smsir", () => {
    const smsir = (url: string): SmsProviderOptions => ({
      gateway: "smsir",
      api_key: SMSIR_KEY,
      line_number: "30007732000000",
      base_url: url,
    })

    it("should send text as JSON to /v1/send/bulk with the key in X-API-KEY", async () => {
      const server = await fake({
        status: 200,
        body: {
          status: 1,
          message: "موفق",
          data: { packId: "b7a3c1e0-pack", messageIds: [885764], cost: 1 },
        },
      })
      const logger = createFakeLogger()

      const result = await send(smsir(server.url), notification(), logger)

      expect(result).toEqual({ id: "885764" })
      const [request] = server.requests
      expect(request.method).toBe("POST")
      expect(request.path).toBe("/v1/send/bulk")
      expect(request.headers["content-type"]).toBe("application/json")
      expect(request.headers["x-api-key"]).toBe(SMSIR_KEY)
      expect(request.json).toEqual({
        lineNumber: 30007732000000,
        messageText: TEXT,
        mobiles: ["09121234567"],
      })
      expectSecretHidden(SMSIR_KEY, undefined, logger)
    })

    it("should send a template to /v1/send/verify with named parameters", async () => {
      const server = await fake({
        status: 200,
        body: {
          status: 1,
          message: "موفق",
          data: { messageId: 9921, cost: 1 },
        },
      })

      const result = await send(
        smsir(server.url),
        notification({
          data: {
            gateway_template: "123456",
            template_params: { AMOUNT: 50000, NAME: "سارا" },
          },
        })
      )

      expect(result).toEqual({ id: "9921" })
      const [request] = server.requests
      expect(request.path).toBe("/v1/send/verify")
      expect(request.json).toEqual({
        mobile: "09121234567",
        templateId: 123456,
        parameters: [
          { name: "AMOUNT", value: "50000" },
          { name: "NAME", value: "سارا" },
        ],
      })
    })

    it("should refuse unnamed template values before calling sms.ir", async () => {
      const server = await fake({ status: 200, body: { status: 1, data: {} } })

      const error = await failure(
        send(
          smsir(server.url),
          notification({
            data: { gateway_template: "123456", template_params: ["1234"] },
          })
        )
      )

      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toMatch(/^smsir templates take named variables/)
      expect(server.requests).toHaveLength(0)
    })

    it("should report a non-2xx reply with sms.ir's status as a permanent failure", async () => {
      const server = await fake({
        status: 401,
        body: { status: 10, message: "کلید وب سرویس نامعتبر است", data: null },
      })
      const logger = createFakeLogger()

      const error = await failure(
        send(smsir(server.url), notification(), logger)
      )

      expect(error.gateway).toBe("smsir")
      expect(error.code).toBe("10")
      expect(error.http_status).toBe(401)
      expect(error.transient).toBe(false)
      expect(error.message).toBe("smsir: 10 کلید وب سرویس نامعتبر است")
      expect(server.requests).toHaveLength(1)
      expectSecretHidden(SMSIR_KEY, error, logger)
    })

    it("should read a status other than 1 under HTTP 200 as a failure", async () => {
      const server = await fake({
        status: 200,
        body: { status: 102, message: "اعتبار کافی نیست", data: null },
      })

      const error = await failure(send(smsir(server.url)))

      expect(error.code).toBe("102")
      expect(error.transient).toBe(false)
      expect(server.requests).toHaveLength(1)
    })

    it("should retry an HTTP 503 and return the id of the attempt that worked", async () => {
      const server = await fake(
        { status: 503, body: "Service Unavailable", contentType: "text/plain" },
        {
          status: 200,
          body: {
            status: 1,
            data: { packId: "p1", messageIds: [42], cost: 1 },
          },
        }
      )

      const result = await send(smsir(server.url))

      expect(result).toEqual({ id: "42" })
      expect(server.requests).toHaveLength(2)
    })

    it("should return 19-digit message ids of bulk and template sends with every digit", async () => {
      const server = await fake(
        gatewayReplies.smsir.bulkSent(LONG_ID),
        gatewayReplies.smsir.verifySent("9223372036854775807")
      )

      const text = await send(smsir(server.url))
      const template = await send(
        smsir(server.url),
        notification({
          data: {
            gateway_template: "123456",
            template_params: { AMOUNT: 50000 },
          },
        })
      )

      expect(text).toEqual({ id: LONG_ID })
      expect(template).toEqual({ id: "9223372036854775807" })
      expect(server.requests.map((r) => r.path)).toEqual([
        "/v1/send/bulk",
        "/v1/send/verify",
      ])
    })
  })

  describe("melipayamak", () => {
    describe("console API", () => {
      const console_ = (url: string): SmsProviderOptions => ({
        gateway: "melipayamak",
        token: MELI_TOKEN,
        from: "50004001234567",
        base_url: url,
      })

      it("should send text as JSON to /api/send/simple/{token}", async () => {
        const server = await fake({
          status: 200,
          body: { recId: 3741437414, status: "ارسال موفق بود" },
        })
        const logger = createFakeLogger()

        const result = await send(console_(server.url), notification(), logger)

        expect(result).toEqual({ id: "3741437414" })
        const [request] = server.requests
        expect(request.method).toBe("POST")
        expect(request.path).toBe(
          `/api/send/simple/${encodeURIComponent(MELI_TOKEN)}`
        )
        expect(request.headers["content-type"]).toBe("application/json")
        expect(request.json).toEqual({
          from: "50004001234567",
          to: "09121234567",
          text: TEXT,
        })
        expectSecretHidden(MELI_TOKEN, undefined, logger)
      })

      it("should send a pattern to /api/send/shared/{token} with bodyId and args in order", async () => {
        const server = await fake({
          status: 200,
          body: { recId: 3741437415, status: "ارسال موفق بود" },
        })

        const result = await send(
          console_(server.url),
          notification({
            data: {
              gateway_template: "154823",
              template_params: { amount: "50000", date: "1404/02/01" },
            },
          })
        )

        expect(result).toEqual({ id: "3741437415" })
        const [request] = server.requests
        expect(request.path).toBe(
          `/api/send/shared/${encodeURIComponent(MELI_TOKEN)}`
        )
        expect(request.json).toEqual({
          bodyId: 154823,
          to: "09121234567",
          args: ["50000", "1404/02/01"],
        })
      })

      it("should read a reply without a message id as a permanent failure", async () => {
        const server = await fake({
          status: 200,
          body: { recId: 0, status: "اعتبار کافی نمی‌باشد" },
        })
        const logger = createFakeLogger()

        const error = await failure(
          send(console_(server.url), notification(), logger)
        )

        expect(error.code).toBe("0")
        expect(error.transient).toBe(false)
        expect(error.message).toBe("melipayamak: 0 اعتبار کافی نمی‌باشد")
        expect(server.requests).toHaveLength(1)
        expectSecretHidden(MELI_TOKEN, error, logger)
      })

      it("should return a 19-digit recId with every digit", async () => {
        const server = await fake(
          gatewayReplies.melipayamak.consoleSent(LONG_ID)
        )

        const result = await send(console_(server.url))

        expect(result).toEqual({ id: LONG_ID })
      })
    })

    describe("REST API", () => {
      const rest = (url: string): SmsProviderOptions => ({
        gateway: "melipayamak",
        melipayamak_api: "rest",
        username: "shop",
        password: MELI_PASSWORD,
        from: "50004001234567",
        base_url: url,
      })

      it("should send text form-encoded to /api/SendSMS/SendSMS", async () => {
        const server = await fake({
          status: 200,
          body: { Value: "2118327761", RetStatus: 1, StrRetStatus: "Ok" },
        })
        const logger = createFakeLogger()

        const result = await send(rest(server.url), notification(), logger)

        expect(result).toEqual({ id: "2118327761" })
        const [request] = server.requests
        expect(request.path).toBe("/api/SendSMS/SendSMS")
        expect(request.headers["content-type"]).toBe(
          "application/x-www-form-urlencoded"
        )
        expect(request.form).toEqual({
          username: "shop",
          password: MELI_PASSWORD,
          to: "09121234567",
          from: "50004001234567",
          text: TEXT,
          isFlash: "false",
        })
        expectSecretHidden(MELI_PASSWORD, undefined, logger)
      })

      it("should read RetStatus other than 1 under HTTP 200 as a permanent failure", async () => {
        const server = await fake({
          status: 200,
          body: {
            Value: "0",
            RetStatus: 2,
            StrRetStatus: "InsufficientCredit",
          },
        })
        const logger = createFakeLogger()

        const error = await failure(
          send(rest(server.url), notification(), logger)
        )

        expect(error.code).toBe("2")
        expect(error.transient).toBe(false)
        expect(error.message).toBe("melipayamak: 2 InsufficientCredit")
        expect(server.requests).toHaveLength(1)
        expectSecretHidden(MELI_PASSWORD, error, logger)
      })

      it("should send the text when a template is asked of the REST API", async () => {
        const server = await fake({
          status: 200,
          body: { Value: "2118327762", RetStatus: 1, StrRetStatus: "Ok" },
        })

        await send(
          rest(server.url),
          notification({
            data: { gateway_template: "154823", template_params: ["1"] },
          })
        )

        expect(server.requests[0].path).toBe("/api/SendSMS/SendSMS")
        expect(server.requests[0].form.text).toBe(TEXT)
      })

      it("should read an error code in Value under RetStatus 1 as a permanent failure, not a message id", async () => {
        const server = await fake(gatewayReplies.melipayamak.rest("11"))
        const logger = createFakeLogger()

        const error = await failure(
          send(rest(server.url), notification(), logger)
        )

        expect(error).toBeInstanceOf(SmsGatewayError)
        expect(error.code).toBe("11")
        expect(error.transient).toBe(false)
        expect(error.message).toBe(
          "melipayamak: 11 not sent (an error code where the message id belongs)"
        )
        expect(server.requests).toHaveLength(1)
        expect(logger.lines).toEqual([
          "error [sms] sending cashback_credited to +98912***4567 failed: melipayamak: 11 not sent (an error code where the message id belongs)",
        ])
        expectSecretHidden(MELI_PASSWORD, error, logger)
      })

      it("should read an empty Value under RetStatus 1 as a failure", async () => {
        const server = await fake(gatewayReplies.melipayamak.rest(""))

        const error = await failure(send(rest(server.url)))

        expect(error.code).toBe("1")
        expect(error.transient).toBe(false)
        expect(error.message).toBe("melipayamak: 1 reply has no message id")
        expect(server.requests).toHaveLength(1)
      })

      it("should return a 19-digit Value with every digit", async () => {
        const server = await fake(gatewayReplies.melipayamak.rest(LONG_ID))

        const result = await send(rest(server.url))

        expect(result).toEqual({ id: LONG_ID })
      })
    })
  })

  describe("ghasedak", () => {
    const ghasedak = (url: string): SmsProviderOptions => ({
      gateway: "ghasedak",
      api_key: GHASEDAK_KEY,
      line_number: "30005088",
      base_url: url,
    })

    it("should send text as JSON to /SendSingleSMS with the key in ApiKey", async () => {
      const server = await fake({
        status: 200,
        body: {
          isSuccess: true,
          statusCode: 200,
          message: "با موفقیت انجام شد",
          data: {
            lineNumber: "30005088",
            receptor: "09121234567",
            cost: 1,
            messageId: "2075812",
            message: TEXT,
            sendDate: "2025-01-01T10:00:00",
          },
        },
      })
      const logger = createFakeLogger()

      const result = await send(
        ghasedak(server.url),
        notification({ id: "noti_01" } as Partial<ProviderSendNotificationDTO>),
        logger
      )

      expect(result).toEqual({ id: "2075812" })
      const [request] = server.requests
      expect(request.path).toBe("/SendSingleSMS")
      expect(request.headers["content-type"]).toBe("application/json")
      expect(request.headers["apikey"]).toBe(GHASEDAK_KEY)
      expect(request.json).toEqual({
        sendDate: expect.any(String),
        lineNumber: "30005088",
        receptor: "09121234567",
        message: TEXT,
        clientReferenceId: "noti_01",
      })
      expect(Number.isNaN(Date.parse(request.json.sendDate))).toBe(false)
      expectSecretHidden(GHASEDAK_KEY, undefined, logger)
    })

    it("should send a template to /SendOtpSMS with named inputs", async () => {
      const server = await fake({
        status: 200,
        body: {
          isSuccess: true,
          statusCode: 200,
          message: "با موفقیت انجام شد",
          data: {
            items: [{ receptor: "09121234567", cost: 1, messageId: "2075813" }],
            totalCost: 1,
          },
        },
      })

      const result = await send(
        ghasedak(server.url),
        notification({
          id: "noti_02",
          data: {
            gateway_template: "cashbackCredited",
            template_params: { amount: "50000" },
          },
        } as Partial<ProviderSendNotificationDTO>)
      )

      expect(result).toEqual({ id: "2075813" })
      const [request] = server.requests
      expect(request.path).toBe("/SendOtpSMS")
      expect(request.json).toEqual({
        sendDate: expect.any(String),
        receptors: [{ mobile: "09121234567", clientReferenceId: "noti_02" }],
        templateName: "cashbackCredited",
        inputs: [{ param: "amount", value: "50000" }],
      })
    })

    it("should read isSuccess false as a permanent failure with Ghasedak's statusCode", async () => {
      const server = await fake({
        status: 200,
        body: {
          isSuccess: false,
          statusCode: 418,
          message: "اعتبار شما کافی نمی‌باشد",
          data: null,
        },
      })
      const logger = createFakeLogger()

      const error = await failure(
        send(ghasedak(server.url), notification(), logger)
      )

      expect(error.code).toBe("418")
      expect(error.transient).toBe(false)
      expect(error.message).toBe("ghasedak: 418 اعتبار شما کافی نمی‌باشد")
      expect(server.requests).toHaveLength(1)
      expectSecretHidden(GHASEDAK_KEY, error, logger)
    })

    it("should read isSuccess true with null data as a failure", async () => {
      const server = await fake({
        status: 200,
        body: { isSuccess: true, statusCode: 200, message: "", data: null },
      })

      const error = await failure(send(ghasedak(server.url)))

      expect(error.code).toBe("200")
      expect(error.transient).toBe(false)
      expect(error.message).toBe("ghasedak: 200 reply has no data")
      expect(server.requests).toHaveLength(1)
    })

    it("should retry an HTTP 500 wrapper up to max_attempts", async () => {
      const server = await fake({
        status: 500,
        body: {
          isSuccess: false,
          statusCode: 500,
          message: "خطای داخلی",
          data: null,
        },
      })

      const error = await failure(send(ghasedak(server.url)))

      expect(error.code).toBe("500")
      expect(error.transient).toBe(true)
      expect(server.requests).toHaveLength(3)
    })

    it("should return a 19-digit messageId sent as a JSON number with every digit", async () => {
      const server = await fake(gatewayReplies.ghasedak.singleSent(LONG_ID))

      const result = await send(ghasedak(server.url))

      expect(result).toEqual({ id: LONG_ID })
    })
  })

  describe("twilio", () => {
    const twilio = (url: string): SmsProviderOptions => ({
      gateway: "twilio",
      account_sid: TWILIO_SID,
      auth_token: TWILIO_TOKEN,
      from: "+15005550006",
      base_url: url,
    })
    const created = {
      status: 201,
      body: {
        sid: "SM1f0e8ae6ade43cb3c0ce4525424e404f",
        status: "queued",
        error_code: null,
        error_message: null,
        num_segments: "1",
      },
    }

    it("should send text form-encoded with Basic auth and return the message sid", async () => {
      const server = await fake(created)
      const logger = createFakeLogger()

      const result = await send(twilio(server.url), notification(), logger)

      expect(result).toEqual({ id: "SM1f0e8ae6ade43cb3c0ce4525424e404f" })
      const [request] = server.requests
      expect(request.method).toBe("POST")
      expect(request.path).toBe(
        `/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`
      )
      expect(request.headers["content-type"]).toBe(
        "application/x-www-form-urlencoded"
      )
      expect(request.headers.authorization).toBe(
        `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString("base64")}`
      )
      expect(request.form).toEqual({
        To: "+989121234567",
        From: "+15005550006",
        Body: TEXT,
      })
      expectSecretHidden(TWILIO_TOKEN, undefined, logger)
    })

    it("should send a messaging service and send the text when a template is asked", async () => {
      const server = await fake(created)

      await send(
        {
          ...twilio(server.url),
          from: undefined,
          messaging_service_sid: "MG0123456789abcdef0123456789abcdef",
          status_callback: "https://shop.example/twilio/status",
        },
        notification({
          to: "+1 201 555 0123",
          data: { gateway_template: "cashback", template_params: ["1"] },
        })
      )

      expect(server.requests[0].form).toEqual({
        To: "+12015550123",
        MessagingServiceSid: "MG0123456789abcdef0123456789abcdef",
        Body: TEXT,
        StatusCallback: "https://shop.example/twilio/status",
      })
    })

    it("should report a 4xx error JSON with Twilio's code as permanent", async () => {
      const server = await fake({
        status: 400,
        body: {
          code: 21211,
          message: "The 'To' number +989121234567 is not a valid phone number.",
          more_info: "https://www.twilio.com/docs/errors/21211",
          status: 400,
        },
      })
      const logger = createFakeLogger()

      const error = await failure(
        send(twilio(server.url), notification(), logger)
      )

      expect(error.gateway).toBe("twilio")
      expect(error.code).toBe("21211")
      expect(error.http_status).toBe(400)
      expect(error.transient).toBe(false)
      expect(error.message).toBe(
        "twilio: 21211 The 'To' number +989121234567 is not a valid phone number."
      )
      expect(server.requests).toHaveLength(1)
      expectSecretHidden(TWILIO_TOKEN, error, logger)
    })

    it("should retry a 5xx and succeed", async () => {
      const server = await fake(
        {
          status: 503,
          body: {
            code: 20503,
            message: "Service unavailable",
            more_info: "https://www.twilio.com/docs/errors/20503",
            status: 503,
          },
        },
        created
      )
      const logger = createFakeLogger()

      const result = await send(twilio(server.url), notification(), logger)

      expect(result.id).toBe("SM1f0e8ae6ade43cb3c0ce4525424e404f")
      expect(server.requests).toHaveLength(2)
      expect(logger.lines[0]).toMatch(
        /^warn \[sms\] twilio: 20503 Service unavailable \(attempt 1 of 3\)/
      )
      expectSecretHidden(TWILIO_TOKEN, undefined, logger)
    })

    it("should retry a 429 until max_attempts and report it as transient", async () => {
      const server = await fake({
        status: 429,
        body: { code: 20429, message: "Too Many Requests", status: 429 },
      })

      const error = await failure(
        send({ ...twilio(server.url), max_attempts: 2 })
      )

      expect(error.code).toBe("20429")
      expect(error.transient).toBe(true)
      expect(server.requests).toHaveLength(2)
    })
  })

  describe("webhook", () => {
    const webhook = (url: string): SmsProviderOptions => ({
      gateway: "webhook",
      url: `${url}/hooks/sms`,
      secret: WEBHOOK_SECRET,
    })

    // What a receiver in any language does: HMAC-SHA256 with the secret over
    // the timestamp header, a dot and the body exactly as received.
    function verifies(request: ReceivedRequest, secret = WEBHOOK_SECRET) {
      const timestamp = request.headers["x-loyalty-timestamp"]
      const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${request.rawBody}`).digest("hex")}`
      return request.headers["x-loyalty-signature"] === expected
    }

    it("should POST a signed JSON body and return the receiver's id", async () => {
      const server = await fake({ status: 202, body: { id: "ext-991" } })
      const logger = createFakeLogger()
      const before = Math.floor(Date.now() / 1000)

      const result = await send(
        webhook(server.url),
        notification({
          id: "noti_01",
          data: {
            gateway_template: "cashback_credited",
            template_params: { amount: "50000" },
          },
        } as Partial<ProviderSendNotificationDTO>),
        logger
      )

      expect(result).toEqual({ id: "ext-991" })
      const [request] = server.requests
      expect(request.method).toBe("POST")
      expect(request.path).toBe("/hooks/sms")
      expect(request.headers["content-type"]).toBe("application/json")
      expect(request.json).toEqual({
        to: "+989121234567",
        text: TEXT,
        template: "cashback_credited",
        params: { amount: "50000" },
        id: "noti_01",
      })
      expect(verifies(request)).toBe(true)
      const timestamp = Number(request.headers["x-loyalty-timestamp"])
      expect(timestamp).toBeGreaterThanOrEqual(before)
      expect(timestamp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000))
      expectSecretHidden(WEBHOOK_SECRET, undefined, logger)
    })

    it("should retry a 500, resend the same id, and use it when the receiver returns none", async () => {
      const server = await fake(
        { status: 500, body: { error: "queue down" } },
        { status: 200, body: "" }
      )
      const logger = createFakeLogger()

      const result = await send(
        webhook(server.url),
        notification({ id: "noti_02" } as Partial<ProviderSendNotificationDTO>),
        logger
      )

      expect(result).toEqual({ id: "noti_02" })
      expect(server.requests).toHaveLength(2)
      for (const request of server.requests) {
        expect(request.json).toEqual({
          to: "+989121234567",
          text: TEXT,
          template: null,
          params: null,
          id: "noti_02",
        })
        expect(verifies(request)).toBe(true)
      }
      expect(logger.lines[0]).toMatch(
        /^warn \[sms\] webhook: 500 queue down \(attempt 1 of 3\)/
      )
      expectSecretHidden(WEBHOOK_SECRET, undefined, logger)
    })

    it("should report a 4xx with the HTTP status as a permanent failure", async () => {
      const server = await fake({
        status: 401,
        body: { message: "bad signature" },
      })
      const logger = createFakeLogger()

      const error = await failure(
        send(webhook(server.url), notification(), logger)
      )

      expect(error.code).toBe("401")
      expect(error.transient).toBe(false)
      expect(error.message).toBe("webhook: 401 bad signature")
      expect(server.requests).toHaveLength(1)
      expectSecretHidden(WEBHOOK_SECRET, error, logger)
    })

    it("should sign the timestamp with the body, so a captured request cannot be replayed later", async () => {
      const server = await fake({ status: 200, body: { id: "ext-1" } })
      const sentAt = 1767225600 // 2026-01-01T00:00:00Z
      const clock = jest.spyOn(Date, "now")

      try {
        clock.mockReturnValue(sentAt * 1000)
        await send(
          webhook(server.url),
          notification({
            id: "noti_03",
          } as Partial<ProviderSendNotificationDTO>)
        )
        clock.mockReturnValue((sentAt + 60) * 1000)
        await send(
          webhook(server.url),
          notification({
            id: "noti_03",
          } as Partial<ProviderSendNotificationDTO>)
        )
      } finally {
        clock.mockRestore()
      }

      const [first, second] = server.requests
      expect(first.headers["x-loyalty-timestamp"]).toBe(String(sentAt))
      expect(second.headers["x-loyalty-timestamp"]).toBe(String(sentAt + 60))
      // Same notification, same body: only the timestamp differs, and the
      // signature with it.
      expect(second.rawBody).toBe(first.rawBody)
      expect(second.headers["x-loyalty-signature"]).not.toBe(
        first.headers["x-loyalty-signature"]
      )
      expect(verifies(first)).toBe(true)
      expect(verifies(second)).toBe(true)
      // A signature over the body alone (the old scheme) is not the one sent.
      expect(first.headers["x-loyalty-signature"]).not.toBe(
        `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(first.rawBody).digest("hex")}`
      )
      // A replay that puts a fresh timestamp on a captured request fails.
      expect(
        verifies({
          ...first,
          headers: {
            ...first.headers,
            "x-loyalty-timestamp": String(sentAt + 3600),
          },
        })
      ).toBe(false)

      const check = (now: number, request = first) =>
        verifyWebhookSignature({
          rawBody: request.rawBody,
          secret: WEBHOOK_SECRET,
          signature: request.headers["x-loyalty-signature"],
          timestamp: request.headers["x-loyalty-timestamp"],
          now,
        })
      expect(WEBHOOK_TOLERANCE_SECONDS).toBe(300)
      expect(check(sentAt)).toBe(true)
      expect(check(sentAt + WEBHOOK_TOLERANCE_SECONDS)).toBe(true)
      expect(check(sentAt + WEBHOOK_TOLERANCE_SECONDS + 1)).toBe(false)
      expect(check(sentAt - WEBHOOK_TOLERANCE_SECONDS - 1)).toBe(false)
      expect(
        verifyWebhookSignature({
          rawBody: first.rawBody.replace("noti_03", "noti_04"),
          secret: WEBHOOK_SECRET,
          signature: first.headers["x-loyalty-signature"],
          timestamp: first.headers["x-loyalty-timestamp"],
          now: sentAt,
        })
      ).toBe(false)
    })

    it("should sign with a secret written as a number", async () => {
      const server = await fake({ status: 200, body: { id: "ext-2" } })

      const result = await send({
        ...webhook(server.url),
        secret: 73019244 as unknown as string,
      })

      expect(result).toEqual({ id: "ext-2" })
      expect(verifies(server.requests[0], "73019244")).toBe(true)
    })
  })

  describe("log", () => {
    it("should log the text with a masked number and never touch the network", async () => {
      const fetchSpy = jest.spyOn(globalThis, "fetch")
      const logger = createFakeLogger()

      try {
        const result = await send({ gateway: "log" }, notification(), logger)

        expect(result.id).toMatch(/^log_[0-9a-f-]{36}$/)
        expect(logger.lines).toEqual([`info [sms] to +98912***4567: ${TEXT}`])
        expect(fetchSpy).not.toHaveBeenCalled()
      } finally {
        fetchSpy.mockRestore()
      }
    })

    it("should be the gateway when none is configured", async () => {
      const logger = createFakeLogger()

      await send({}, notification({ to: "+12015550123" }), logger)

      expect(logger.lines).toEqual([`info [sms] to +1201***0123: ${TEXT}`])
    })

    it("should log a template with its values", async () => {
      const logger = createFakeLogger()

      await send(
        {},
        notification({
          content: null,
          data: { gateway_template: "otp", template_params: { code: "1234" } },
        }),
        logger
      )

      expect(logger.lines).toEqual([
        'info [sms] to +98912***4567: template otp {"code":"1234"}',
      ])
    })
  })

  describe("parseGatewayJson", () => {
    it("should keep integers too long for a JS number as their digits and leave the rest as JSON.parse reads it", () => {
      const text = `{"messageid":${LONG_ID},"ids":[${LONG_ID}, -${LONG_ID}, 885764],"text":"کد ${LONG_ID} \\"q\\"","cost":120.5,"tiny":1.2345678901234567,"status":200}`

      expect(parseGatewayJson(text)).toEqual({
        messageid: LONG_ID,
        ids: [LONG_ID, `-${LONG_ID}`, 885764],
        text: `کد ${LONG_ID} "q"`,
        cost: 120.5,
        tiny: 1.2345678901234567,
        status: 200,
      })
      expect(parseGatewayJson("<html>502</html>")).toBeUndefined()
      expect(parseGatewayJson("")).toBeUndefined()
    })
  })

  describe("timeouts and network failures", () => {
    it("should abort a gateway that never answers after timeout_ms and retry it", async () => {
      const server = await fake("hang")
      const logger = createFakeLogger()
      const started = Date.now()

      const error = await failure(
        send(
          {
            gateway: "kavenegar",
            api_key: KAVENEGAR_KEY,
            base_url: server.url,
            timeout_ms: 100,
            max_attempts: 2,
          },
          notification(),
          logger
        )
      )

      expect(error).toBeInstanceOf(SmsGatewayError)
      expect(error.code).toBe("timeout")
      expect(error.transient).toBe(true)
      expect(error.message).toBe("kavenegar: timeout no reply within 100ms")
      expect(server.requests).toHaveLength(2)
      expect(Date.now() - started).toBeLessThan(2000)
      expectSecretHidden(KAVENEGAR_KEY, error, logger)
    })

    it("should report a refused connection as a transient network error without the URL", async () => {
      const server = await fake({ status: 200 })
      const url = server.url
      await server.close()
      gateway = undefined
      const logger = createFakeLogger()

      const error = await failure(
        send(
          {
            gateway: "melipayamak",
            token: MELI_TOKEN,
            from: "5000",
            base_url: url,
            max_attempts: 2,
          },
          notification(),
          logger
        )
      )

      expect(error.code).toBe("network")
      expect(error.transient).toBe(true)
      expect(error.message).toBe("melipayamak: network ECONNREFUSED")
      expect(logger.lines.filter((l) => l.startsWith("warn"))).toHaveLength(1)
      expect(logger.lines.join("\n")).not.toContain("/api/send")
      expectSecretHidden(MELI_TOKEN, error, logger)
    })
  })
})
