import path from "path"
import { createMedusaContainer, MedusaError } from "@medusajs/framework/utils"
import { moduleProviderLoader } from "@medusajs/framework/modules-sdk"
import { SmsNotificationProviderService } from "../service"

/**
 * Boots the provider the way Medusa does for `medusa db:migrate`,
 * `medusa develop` and `medusa start`: the notification module hands each
 * configured provider to the module-provider loader, which calls
 * `validateOptions` before anything is built.
 */
async function loadProvider(options: Record<string, unknown>) {
  await moduleProviderLoader({
    container: createMedusaContainer(),
    providers: [{ resolve: path.join(__dirname, ".."), id: "sms", options }],
    registerServiceFn: async () => {},
  })
}

async function bootError(
  options: Record<string, unknown>
): Promise<MedusaError> {
  try {
    await loadProvider(options)
  } catch (error) {
    return error as MedusaError
  }
  throw new Error("expected the provider to refuse its options")
}

describe("SmsNotificationProviderService", () => {
  describe("validateOptions at boot", () => {
    it("should refuse a Kavenegar config whose key is unset with one sentence naming api_key", async () => {
      // The README's example with KAVENEGAR_API_KEY not exported.
      const error = await bootError({
        channels: ["sms"],
        gateway: "kavenegar",
        api_key: process.env.LOYALTY_TEST_UNSET_KAVENEGAR_API_KEY,
        sender: "10004346",
      })

      expect(error).toBeInstanceOf(MedusaError)
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toBe(
        "SMS gateway kavenegar needs the option api_key"
      )
    })

    it("should load a complete config", async () => {
      await expect(
        loadProvider({
          channels: ["sms"],
          gateway: "kavenegar",
          api_key: "k-123456",
        })
      ).resolves.toBeUndefined()
    })

    it.each([
      [
        { gateway: "kavenegar", apiKey: "k-123456" },
        "SMS gateway kavenegar needs the option api_key (apiKey is spelt api_key)",
      ],
      [
        { gateway: "smsir", API_KEY: "k-123456", "line-number": "3000" },
        "SMS gateway smsir needs the options api_key, line_number (API_KEY is spelt api_key, line-number is spelt line_number)",
      ],
      [
        { gateway: "webhook", url: "https://shop.example/sms", secret: true },
        "SMS provider option secret must be a string, not a boolean",
      ],
      [
        { gateway: "kavenegar", api_key: { value: "k-123456" } },
        "SMS provider option api_key must be a string, not an object",
      ],
      [
        { gateway: "twilio", account_sid: ["AC1"], auth_token: "t", from: "1" },
        "SMS provider option account_sid must be a string, not a list",
      ],
    ])(
      "should refuse %j with one sentence naming the option",
      async (options, message) => {
        const error = await bootError({ channels: ["sms"], ...options })

        expect(error).toBeInstanceOf(MedusaError)
        expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
        expect(error.message).toBe(message)
        expect(() =>
          SmsNotificationProviderService.validateOptions(options)
        ).toThrow(message)
      }
    )

    it("should never echo a wrongly typed credential", async () => {
      const error = await bootError({
        gateway: "kavenegar",
        api_key: { key: "KEY-should-not-show" },
      })

      expect(error.message).not.toContain("KEY-should-not-show")
    })
  })
})
