import path from "path"
import { INotificationModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { createFakeLogger, FakeGateway, startFakeGateway } from "./fake-gateway"

jest.setTimeout(60000)

const TEXT = "۵۰٬۰۰۰ تومان بازگشت وجه به کیف پول شما اضافه شد"

// The provider's options are read when the module boots, after the fake
// gateway has its port: the object is shared, so the hook fills in the URL.
const smsOptions: Record<string, unknown> = {
  channels: ["sms"],
  gateway: "webhook",
  secret: "whsec-module-test",
  retry_base_ms: 1,
  max_attempts: 2,
}
const logger = createFakeLogger()
let server: FakeGateway | undefined

moduleIntegrationTestRunner<INotificationModuleService>({
  moduleName: Modules.NOTIFICATION,
  resolve: path.dirname(require.resolve("@medusajs/notification/package.json")),
  moduleOptions: {
    providers: [
      {
        resolve: path.join(__dirname, ".."),
        id: "sms",
        options: smsOptions,
      },
    ],
  },
  injectedDependencies: { logger },
  hooks: {
    beforeModuleInit: async () => {
      server = await startFakeGateway([
        { status: 500, body: { error: "busy" } },
        { status: 200, body: { id: "ext-1" } },
      ])
      smsOptions.url = `${server.url}/sms`
    },
  },
  testSuite: ({ service }) => {
    afterEach(async () => {
      await server?.close()
      server = undefined
    })

    describe("notification module with the SMS provider", () => {
      it("should send an sms notification through the configured gateway and store its external id", async () => {
        const [notification] = await service.createNotifications([
          {
            to: "۰۹۱۲۱۲۳۴۵۶۷",
            channel: "sms",
            template: "cashback_credited",
            content: { text: TEXT },
            idempotency_key: "cashback_credited:order_1",
          },
        ])

        expect(notification).toMatchObject({
          status: "success",
          external_id: "ext-1",
          provider_id: "sms",
        })
        expect(server!.requests).toHaveLength(2)
        expect(server!.requests[1].json).toEqual({
          to: "+989121234567",
          text: TEXT,
          template: null,
          params: null,
          id: notification.id,
        })
        expect(logger.lines).toContainEqual(
          expect.stringMatching(
            /^warn \[sms\] webhook: 500 busy \(attempt 1 of 2\), retrying in \d+ms$/
          )
        )
        expect(logger.lines.join("\n")).not.toContain("whsec-module-test")
      })

      it("should mark the notification failed and name the bad number", async () => {
        await expect(
          service.createNotifications([
            {
              to: "021-8877-6655",
              channel: "sms",
              template: "cashback_credited",
              content: { text: TEXT },
              idempotency_key: "cashback_credited:order_2",
            },
          ])
        ).rejects.toThrow("phone (021-8877-6655) is not a valid mobile number")

        const [stored] = await service.listNotifications({
          to: "021-8877-6655",
        })
        expect(stored.status).toBe("failure")
        expect(server!.requests).toHaveLength(0)
      })
    })
  },
})
