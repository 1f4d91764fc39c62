import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import tierUpgradedMessage from "../../src/subscribers/tier-upgraded-message"
import { evaluateTiersWorkflow, sendDueMessagesWorkflow } from "../../src/workflows"
import { adminHeaders, checkout, demoStore, shopper, waitFor } from "../helpers"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)
    const tierMessages = async (customerId: string) =>
      await service().listMessages({ customer_id: customerId, event: "tier_upgraded" }, { order: { created_at: "ASC" } })

    // Three shoppers, each lifted to Silver by their first order (185,500,000
    // IRR, Silver asks 150,000,000) on the same day. The third reads her
    // SMS in English, the others in the shop's Persian.
    const liftThree = async () => {
      const container = getContainer()
      const { pk, regions, variant } = await demoStore(container)
      const admin = await adminHeaders(container, api)
      await api.post("/admin/loyalty/settings", { quiet_hours_start: "00:00", quiet_hours_end: "00:00" }, admin)
      const { data: { tiers } } = await api.get("/admin/loyalty/tiers", admin)
      const buyers: Awaited<ReturnType<typeof shopper>>[] = []
      for (const n of [1, 2, 3]) {
        const buyer = await shopper(api, pk, { email: `lift${n}@example.com`, phone: `0912555000${n}` })
        if (n === 3) {
          await api.post("/store/loyalty/sms-preferences", { locale: "en" }, buyer.headers)
        }
        await checkout(api, buyer.headers, regions[0].id, [variant("vacuum-cleaner")])
        buyers.push(buyer)
      }
      return { container, admin, silver: tiers[0], buyers }
    }

    describe("Tier upgrade messages", () => {
      it("should text every customer an order lifts to the same tier on one day, and nothing more for a duplicate event", async () => {
        const { container, silver, buyers } = await liftThree()
        for (const buyer of buyers) {
          const [message] = await waitFor(async () => {
            const messages = await tierMessages(buyer.customer.id)
            return messages.length ? messages : undefined
          })
          // Queued, or already sent when the every-minute sender job (jobs
          // run inside the test app) ticked in between.
          expect(message).toEqual(
            expect.objectContaining({
              status: expect.stringMatching(/^(queued|sent)$/),
              phone: expect.stringMatching(/^\+98912555000[123]$/),
            })
          )
        }
        // Each reads the tier's name in their own language.
        const bodies = await Promise.all(buyers.map(async (b) => (await tierMessages(b.customer.id))[0].body))
        expect(bodies[0]).toBe("lift1 عزیز، تبریک! شما به سطح نقره\u200cای باشگاه مشتریان Loyalty Club Demo رسیدید.")
        expect(bodies[1]).toContain("سطح نقره\u200cای")
        expect(bodies[2]).toBe("Congratulations lift3! You reached Silver in the Loyalty Club Demo club.")
        // Each message is keyed by the customer's move (their history row).
        const moves = await service().listTierHistories({ customer_id: buyers.map((b) => b.customer.id) })
        expect(moves).toHaveLength(3)
        const keys = (await Promise.all(buyers.map((b) => tierMessages(b.customer.id)))).flat().map((m) => m.idempotency_key)
        expect(keys.sort()).toEqual(moves.map((m) => `tier_upgraded:${m.id}:once`).sort())

        // The event bus delivers the first buyer's event again: nothing more.
        const [move] = moves.filter((m) => m.customer_id === buyers[0].customer.id)
        const duplicate = {
          customer_id: move.customer_id,
          from_tier_id: null,
          to_tier_id: silver.id,
          reason: "order" as const,
          order_id: move.order_id,
          history_id: move.id,
        }
        await tierUpgradedMessage({ event: { name: "loyalty.tier.upgraded", data: duplicate }, container } as any)
        await tierUpgradedMessage({ event: { name: "loyalty.tier.upgraded", data: duplicate }, container } as any)
        expect(await tierMessages(buyers[0].customer.id)).toHaveLength(1)

        // All three go out.
        await sendDueMessagesWorkflow(container).run({ input: {} })
        for (const buyer of buyers) {
          expect((await tierMessages(buyer.customer.id)).map((m) => m.status)).toEqual(["sent"])
        }
      })

      it("should text every customer the periodic evaluation lifts, once per move", async () => {
        const { container, silver, buyers } = await liftThree()
        const ids = buyers.map((b) => b.customer.id)
        for (const id of ids) {
          await waitFor(async () => ((await tierMessages(id)).length ? true : undefined))
        }
        // Their tiers dropped (as after a data fix): the evaluation lifts all
        // three back, three new moves on the same day.
        await service().changeCustomerTiers(
          ids.map((customer_id) => ({ customer_id, from_tier_id: silver.id, to_tier_id: null, reason: "pin" as const, pinned: false }))
        )
        const { result } = await evaluateTiersWorkflow(container).run({ input: {} })
        expect([result.upgraded, result.downgraded]).toEqual([3, 0])
        for (const id of ids) {
          const messages = await tierMessages(id)
          expect(messages).toHaveLength(2)
          const [lift] = await service().listTierHistories({ customer_id: id, reason: "evaluation" })
          expect(messages[1].idempotency_key).toBe(`tier_upgraded:${lift.id}:once`)
          // The evaluation names the tier in the customer's language too.
          expect(messages[1].body).toContain(id === ids[2] ? "reached Silver" : "سطح نقره\u200cای")
        }
        // A second run moves nobody and texts nobody; the evaluation's own
        // events, delivered again, text nobody either.
        const again = await evaluateTiersWorkflow(container).run({ input: {} })
        expect(again.result.changes).toEqual([])
        const [lift] = await service().listTierHistories({ customer_id: ids[0], reason: "evaluation" })
        await tierUpgradedMessage({
          event: {
            name: "loyalty.tier.upgraded",
            data: { customer_id: ids[0], from_tier_id: null, to_tier_id: silver.id, reason: "evaluation", order_id: null, history_id: lift.id },
          },
          container,
        } as any)
        for (const id of ids) {
          expect(await tierMessages(id)).toHaveLength(2)
        }
      })
    })
  },
})
