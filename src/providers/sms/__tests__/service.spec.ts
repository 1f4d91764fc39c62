import { Modules, MedusaError } from "@medusajs/framework/utils"
import smsProvider from "../index"
import { SmsNotificationProviderService } from "../service"
import { SmsProviderOptions } from "../types"
import {
  createFakeLogger,
  FakeGateway,
  FakeReply,
  startFakeGateway,
} from "./fake-gateway"

const TEXT = "۵۰٬۰۰۰ تومان بازگشت وجه به کیف پول شما اضافه شد"
const PERSIAN_NUMBER = "۰۹۱۲۱۲۳۴۵۶۷"

let gateway: FakeGateway | undefined

afterEach(async () => {
  await gateway?.close()
  gateway = undefined
})

async function fake(...replies: FakeReply[]): Promise<FakeGateway> {
  gateway = await startFakeGateway(replies)
  return gateway
}

function provider(options: SmsProviderOptions, logger = createFakeLogger()) {
  return new SmsNotificationProviderService({ logger } as any, {
    retry_base_ms: 1,
    ...options,
  })
}

function validationError(options: unknown): MedusaError | undefined {
  try {
    SmsNotificationProviderService.validateOptions(options as any)
  } catch (error) {
    return error as MedusaError
  }
  return undefined
}

describe("SmsNotificationProviderService", () => {
  it("should be registered as the loyalty-sms notification provider", () => {
    expect(SmsNotificationProviderService.identifier).toBe("loyalty-sms")
    expect(smsProvider.module).toBe(Modules.NOTIFICATION)
    expect(smsProvider.services).toEqual([SmsNotificationProviderService])
  })

  describe("validateOptions", () => {
    it.each([
      [
        { gateway: "kavenegar" },
        "SMS gateway kavenegar needs the option api_key",
      ],
      [
        { gateway: "smsir" },
        "SMS gateway smsir needs the options api_key, line_number",
      ],
      [
        { gateway: "smsir", api_key: "k-123456" },
        "SMS gateway smsir needs the option line_number",
      ],
      [
        { gateway: "melipayamak", from: "5000" },
        "SMS gateway melipayamak (console API) needs the option token",
      ],
      [
        { gateway: "melipayamak", melipayamak_api: "rest", username: "shop" },
        "SMS gateway melipayamak (rest API) needs the options password, from",
      ],
      [
        { gateway: "melipayamak", melipayamak_api: "soap", token: "t" },
        "SMS provider option melipayamak_api (soap) must be console or rest",
      ],
      [
        { gateway: "ghasedak", api_key: "  ", line_number: "3000" },
        "SMS gateway ghasedak needs the option api_key",
      ],
      [
        { gateway: "twilio", account_sid: "AC1", auth_token: "t-123456" },
        "SMS gateway twilio needs the option from or messaging_service_sid",
      ],
      [
        { gateway: "webhook", url: "https://shop.example/sms" },
        "SMS gateway webhook needs the option secret",
      ],
      [
        { gateway: "webhook", url: "ftp://shop.example", secret: "s-123456" },
        "SMS provider option url must be an http(s) URL",
      ],
      [
        { gateway: "kavenegar", api_key: "k", base_url: "api.kavenegar.com" },
        "SMS provider option base_url must be an http(s) URL",
      ],
      [
        { gateway: "magfa" },
        "SMS provider option gateway (magfa) must be one of kavenegar, smsir, melipayamak, ghasedak, twilio, webhook, log",
      ],
      [
        { timeout_ms: 0 },
        "SMS provider option timeout_ms (0) must be an integer of at least 1",
      ],
      [
        { max_attempts: 1.5 },
        "SMS provider option max_attempts (1.5) must be an integer of at least 1",
      ],
      [
        { retry_base_ms: -1 },
        "SMS provider option retry_base_ms (-1) must be an integer of at least 0",
      ],
      [
        { number_format: "local" },
        "SMS provider option number_format (local) must be one of e164, ir_local, ir_98",
      ],
      ["kavenegar", "SMS provider options must be an object"],
    ])("should refuse %j with a 400 naming the problem", (options, message) => {
      const error = validationError(options)

      expect(error).toBeInstanceOf(MedusaError)
      expect(error?.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error?.message).toBe(message)
    })

    it.each([
      [undefined],
      [{}],
      [{ gateway: "log", channels: ["sms"] }],
      [{ gateway: "kavenegar", api_key: "k-123456" }],
      [{ gateway: "smsir", api_key: "k-123456", line_number: 30007732000000 }],
      [{ gateway: "melipayamak", token: "t-123456", from: "5000" }],
      [
        {
          gateway: "melipayamak",
          melipayamak_api: "rest",
          username: "shop",
          password: "p-123456",
          from: "5000",
        },
      ],
      [{ gateway: "ghasedak", api_key: "k-123456", line_number: "3000" }],
      [
        {
          gateway: "twilio",
          account_sid: "AC1",
          auth_token: "t-123456",
          messaging_service_sid: "MG1",
        },
      ],
      [
        {
          gateway: "webhook",
          url: "http://127.0.0.1:9/sms",
          secret: "s-123456",
        },
      ],
    ])("should accept %j", (options) => {
      expect(validationError(options)).toBeUndefined()
    })

    it("should never echo a credential in its message", () => {
      const error = validationError({
        gateway: "twilio",
        account_sid: "AC1",
        auth_token: "TOKEN-should-not-show",
      })

      expect(error?.message).not.toContain("TOKEN-should-not-show")
    })

    it("should also run when the provider is built directly", () => {
      expect(() => provider({ gateway: "kavenegar" })).toThrow(
        "SMS gateway kavenegar needs the option api_key"
      )
    })
  })

  describe("send", () => {
    it.each([
      [
        "kavenegar",
        {
          status: 200,
          body: {
            return: { status: 200, message: "تایید شد" },
            entries: [{ messageid: 1001, status: 1 }],
          },
        },
        (url: string): SmsProviderOptions => ({
          gateway: "kavenegar",
          api_key: "k-123456",
          base_url: url,
        }),
        (server: FakeGateway) => server.requests[0].form.receptor,
        "09121234567",
      ],
      [
        "smsir",
        {
          status: 200,
          body: {
            status: 1,
            data: { packId: "p", messageIds: [1001], cost: 1 },
          },
        },
        (url: string): SmsProviderOptions => ({
          gateway: "smsir",
          api_key: "k-123456",
          line_number: "3000",
          base_url: url,
        }),
        (server: FakeGateway) => server.requests[0].json.mobiles[0],
        "09121234567",
      ],
      [
        "melipayamak",
        { status: 200, body: { recId: 1001, status: "ارسال موفق بود" } },
        (url: string): SmsProviderOptions => ({
          gateway: "melipayamak",
          token: "t-123456",
          from: "5000",
          base_url: url,
        }),
        (server: FakeGateway) => server.requests[0].json.to,
        "09121234567",
      ],
      [
        "ghasedak",
        {
          status: 200,
          body: { isSuccess: true, statusCode: 200, data: { messageId: 1001 } },
        },
        (url: string): SmsProviderOptions => ({
          gateway: "ghasedak",
          api_key: "k-123456",
          line_number: "3000",
          base_url: url,
        }),
        (server: FakeGateway) => server.requests[0].json.receptor,
        "09121234567",
      ],
      [
        "twilio",
        { status: 201, body: { sid: 1001, status: "queued" } },
        (url: string): SmsProviderOptions => ({
          gateway: "twilio",
          account_sid: "AC1",
          auth_token: "t-123456",
          from: "+15005550006",
          base_url: url,
        }),
        (server: FakeGateway) => server.requests[0].form.To,
        "+989121234567",
      ],
      [
        "webhook",
        { status: 200, body: { id: 1001 } },
        (url: string): SmsProviderOptions => ({
          gateway: "webhook",
          url: `${url}/sms`,
          secret: "s-123456",
        }),
        (server: FakeGateway) => server.requests[0].json.to,
        "+989121234567",
      ],
    ])(
      "should deliver a Persian-digit number to %s in the gateway's format",
      async (_name, reply, options, receivedNumber, expected) => {
        const server = await fake(reply as FakeReply)

        const result = await provider(options(server.url)).send({
          to: PERSIAN_NUMBER,
          channel: "sms",
          template: "cashback_credited",
          content: { text: TEXT },
        })

        expect(result).toEqual({ id: "1001" })
        expect(server.requests).toHaveLength(1)
        expect(receivedNumber(server)).toBe(expected)
      }
    )

    it("should send the number in the format number_format asks for", async () => {
      const server = await fake({
        status: 200,
        body: {
          return: { status: 200, message: "تایید شد" },
          entries: [{ messageid: 7 }],
        },
      })

      await provider({
        gateway: "kavenegar",
        api_key: "k-123456",
        base_url: server.url,
        number_format: "ir_98",
      }).send({
        to: "+98 912 123 4567",
        channel: "sms",
        template: "cashback_credited",
        data: { text: "from data.text" },
      })

      expect(server.requests[0].form).toMatchObject({
        receptor: "989121234567",
        message: "from data.text",
      })
    })

    it("should send from the line a message names instead of the configured one", async () => {
      const server = await fake(
        {
          status: 200,
          body: {
            return: { status: 200, message: "تایید شد" },
            entries: [{ messageid: 8 }],
          },
        },
        {
          status: 200,
          body: { status: 1, data: { packId: "p", messageIds: [9], cost: 1 } },
        }
      )
      const message = {
        to: PERSIAN_NUMBER,
        channel: "sms",
        template: "cashback_credited",
        content: { text: TEXT },
      }

      await provider({
        gateway: "kavenegar",
        api_key: "k-123456",
        sender: "10004346",
        base_url: server.url,
      }).send({ ...message, from: "2000660110" })
      await provider({
        gateway: "smsir",
        api_key: "k-123456",
        line_number: "3000",
        base_url: server.url,
      }).send({ ...message, data: { sender: "30007732000000" } })

      expect(server.requests[0].form.sender).toBe("2000660110")
      expect(server.requests[1].json.lineNumber).toBe(30007732000000)
    })

    it("should refuse an invalid number with a 400 before calling the gateway", async () => {
      const server = await fake({ status: 200, body: {} })

      await expect(
        provider({
          gateway: "kavenegar",
          api_key: "k-123456",
          base_url: server.url,
        }).send({
          to: "021-8877-6655",
          channel: "sms",
          template: "cashback_credited",
          content: { text: TEXT },
        })
      ).rejects.toMatchObject({
        type: MedusaError.Types.INVALID_DATA,
        message: "phone (021-8877-6655) is not a valid mobile number",
      })
      expect(server.requests).toHaveLength(0)
    })

    it("should refuse a notification with neither text nor a usable template", async () => {
      const sms = provider({
        gateway: "twilio",
        account_sid: "AC1",
        auth_token: "t-123456",
        from: "+15005550006",
        base_url: "http://127.0.0.1:9",
      })

      await expect(
        sms.send({
          to: PERSIAN_NUMBER,
          channel: "sms",
          template: "cashback_credited",
          content: { text: "  " },
        })
      ).rejects.toMatchObject({
        type: MedusaError.Types.INVALID_DATA,
        message:
          "Notification (cashback_credited) to +98912***4567 has no SMS text: set content.text or data.text",
      })
      await expect(
        sms.send({
          to: PERSIAN_NUMBER,
          channel: "sms",
          template: "cashback_credited",
          data: { gateway_template: "cashback" },
        })
      ).rejects.toMatchObject({
        type: MedusaError.Types.INVALID_DATA,
        message:
          "Notification (cashback_credited) to +98912***4567 has no SMS text: set content.text or data.text, the twilio gateway has no templates",
      })
    })

    it("should log a message's text with the log gateway, but never a one-time code's", async () => {
      const logger = createFakeLogger()
      const sms = provider({}, logger)
      await sms.send({ to: PERSIAN_NUMBER, channel: "sms", template: "cashback_credited", content: { text: TEXT } } as any)
      await sms.send({
        to: PERSIAN_NUMBER,
        channel: "sms",
        template: "one_time_code_signup",
        content: { text: "Your club code: 493817" },
        data: { secret: true, gateway_template: "otp", template_params: { code: "493817" } },
      } as any)
      await sms.send({
        to: PERSIAN_NUMBER,
        channel: "sms",
        template: "one_time_code_redeem",
        content: { text: "Your club code: 502913" },
        data: { secret: true },
      } as any)

      expect(logger.lines).toEqual([
        `info [sms] to +98912***4567: ${TEXT}`,
        "info [sms] to +98912***4567: template otp (a one-time code; its text is not logged)",
        "info [sms] to +98912***4567: (a one-time code; its text is not logged)",
      ])
      expect(logger.lines.join("\n")).not.toMatch(/493817|502913/)
    })

    it("should warn at boot when production would only log messages", () => {
      const previous = process.env.NODE_ENV
      process.env.NODE_ENV = "production"
      const logger = createFakeLogger()
      try {
        provider({}, logger)
      } finally {
        process.env.NODE_ENV = previous
      }

      expect(logger.lines).toEqual([
        "warn [sms] no gateway configured: SMS notifications are only logged",
      ])
    })
  })
})
