import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import { createHash } from "crypto"
import { LogGateway } from "../../src/providers/sms/gateways/log"
import sendScheduledCampaignsJob from "../../src/jobs/send-scheduled-campaigns"
import { sendDueMessagesWorkflow } from "../../src/workflows"
import { runAutomations, sendDueCampaigns } from "../../src/workflows/campaigns"
import { adminHeaders, failure } from "../helpers"

jest.setTimeout(240000)

const DAY = 86400000
const sendText = jest.spyOn(LogGateway.prototype, "sendText")
const textsTo = (to: string) => sendText.mock.calls.filter(([phone]) => phone === to).map(([, text]) => text)
const md5 = (text: string) => createHash("md5").update(text).digest("hex")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const rows = async (sql: string, params: unknown[] = []) => (await pg().raw(sql, params)).rows

    // A shop with quiet hours off (messages go at once), an admin, and
    // `count` customers in a new customer group, phones 0912<5-digit
    // group number><n>; returns them and a segment of the group.
    const shop = async () => {
      const container = getContainer()
      const admin = await adminHeaders(container, api)
      await api.post("/admin/loyalty/settings", { quiet_hours_start: "00:00", quiet_hours_end: "00:00" }, admin)
      return { container, admin }
    }
    let groupNumber = 0
    const groupOf = async (admin: any, count: number, phone = (i: number) => `0912${String(groupNumber).padStart(3, "0")}${String(i).padStart(4, "0")}`) => {
      const customers = getContainer().resolve(Modules.CUSTOMER)
      groupNumber++
      const [group] = await customers.createCustomerGroups([{ name: `Group ${groupNumber}` }])
      const created = await customers.createCustomers(
        Array.from({ length: count }, (_, i) => ({
          email: `g${groupNumber}-${i}@example.com`,
          first_name: `Member${i}`,
          phone: phone(i) || undefined,
        }))
      )
      await customers.addCustomerToGroup(created.map((c) => ({ customer_id: c.id, customer_group_id: group.id })))
      const { data } = await api.post(
        "/admin/loyalty/segments",
        {
          name: `Segment of group ${groupNumber}`,
          conditions: { match: "all", conditions: [{ field: "customer_group", group_ids: [group.id] }] },
        },
        admin
      )
      return { group, customers: created, segment: data.segment }
    }
    const optOut = async (customerId: string, column: "opted_out" | "promotions_opted_out", at = new Date()) =>
      rows(
        `INSERT INTO loyalty_sms_preference (id, customer_id, ${column}, ${column}_at, created_at, updated_at)
         VALUES (?, ?, true, ?, now(), now())`,
        [`lsmp_${customerId}`, customerId, at.toISOString()]
      )
    const messagesOf = (campaignId: string) =>
      rows(
        `SELECT customer_id, status, reason, body, phone FROM loyalty_message
         WHERE campaign_id = ? AND deleted_at IS NULL ORDER BY customer_id`,
        [campaignId]
      )
    const recipientsOf = (campaignId: string) =>
      rows(
        `SELECT id, customer_id, occurrence, holdout, entered_at, message_id, skip_reason, gift
         FROM loyalty_campaign_recipient WHERE campaign_id = ? AND deleted_at IS NULL ORDER BY customer_id`,
        [campaignId]
      )
    const sendRun = (at = new Date()) => sendDueMessagesWorkflow(getContainer()).run({ input: { at, limit: 500 } })

    describe("Campaigns", () => {
      it("should reach exactly the segment less the opted-out and the holdout, queue once when two sends race, and lose or repeat nothing across pause and resume", async () => {
        const { admin } = await shop()
        const { customers, segment } = await groupOf(admin, 20, (i) => (i === 19 ? "" : `09121000${String(i).padStart(3, "0")}`))
        await optOut(customers[0].id, "opted_out")
        await optOut(customers[1].id, "promotions_opted_out")
        expect(segment.customer_count).toBe(20)

        const body = { fa: "{first_name} عزیز، حراج آخر هفته در {store_name}", en: "Hi {first_name}, weekend sale" }
        const { data: preview } = await api.post(
          "/admin/loyalty/campaigns/preview",
          { segment_id: segment.id, bodies: body, holdout_percent: 10 },
          admin
        )
        expect(preview).toEqual(
          expect.objectContaining({
            segment_count: 20,
            holdout: 2,
            parts: { fa: expect.objectContaining({ encoding: "ucs2", parts: 1 }), en: expect.objectContaining({ encoding: "ucs2" }) },
          })
        )
        // Two opted out and one without a phone: the targets' share of three.
        expect(preview.skipped.opted_out + preview.skipped.no_phone).toBe(3)
        expect(preview.recipients).toBe(15)

        const { data: created } = await api.post(
          "/admin/loyalty/campaigns",
          { name: "Weekend sale", segment_id: segment.id, bodies: body, throttle_per_minute: 1000 },
          admin
        )
        const id = created.campaign.id
        expect(created.campaign).toEqual(
          expect.objectContaining({ status: "draft", holdout_percent: 10, window_days: 14, segment: { id: segment.id, name: segment.name } })
        )

        // Two sends at once: one queues, the other is told it is already going.
        const [a, b] = await Promise.allSettled([
          api.post(`/admin/loyalty/campaigns/${id}/send`, {}, admin),
          api.post(`/admin/loyalty/campaigns/${id}/send`, {}, admin),
        ])
        const ok = [a, b].filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<any>[]
        const refused = [a, b].filter((r) => r.status === "rejected") as PromiseRejectedResult[]
        expect(ok).toHaveLength(1)
        expect(refused.map((r) => [r.reason.response.status, r.reason.response.data.code])).toEqual([
          [400, "loyalty_campaign_status_invalid"],
        ])

        // The holdout: the first round(20 × 10%) = 2 members by md5(campaign id || customer id).
        const ranked = [...customers].sort((x, y) => (md5(id + x.id) < md5(id + y.id) ? -1 : 1))
        const heldOut = new Set(ranked.slice(0, 2).map((c) => c.id))
        const recipients = await recipientsOf(id)
        expect(recipients).toHaveLength(20)
        expect(new Set(recipients.filter((r: any) => r.holdout).map((r: any) => r.customer_id))).toEqual(heldOut)

        // Messages: every target has one row; exactly segment − opted-out − no phone − holdout are queued.
        const unreachable = new Set([customers[0].id, customers[1].id, customers[19].id])
        const expected = customers.filter((c) => !heldOut.has(c.id) && !unreachable.has(c.id)).map((c) => c.id).sort()
        const messages = await messagesOf(id)
        expect(messages.filter((m: any) => m.status === "queued").map((m: any) => m.customer_id)).toEqual(expected)
        const reasons = Object.fromEntries(
          messages.filter((m: any) => m.status === "skipped").map((m: any) => [m.customer_id, m.reason])
        )
        const expectedReasons: Record<string, string> = {}
        for (const [i, reason] of [[0, "opted_out"], [1, "promotions_opted_out"], [19, "no_phone"]] as const) {
          if (!heldOut.has(customers[i].id)) expectedReasons[customers[i].id] = reason
        }
        expect(reasons).toEqual(expectedReasons)
        expect(messages.filter((m: any) => heldOut.has(m.customer_id))).toEqual([])
        // Promotional: the opt-out line on its own last line.
        expect(messages.find((m: any) => m.status === "queued").body).toMatch(/حراج آخر هفته.*\nلغو۱۱$/s)
        const { data: sending } = await api.get(`/admin/loyalty/campaigns/${id}`, admin)
        expect(sending.campaign).toEqual(
          expect.objectContaining({ status: "sending", recipients: expected.length, holdout: 2, skipped: 18 - expected.length })
        )

        // Paused: two sender runs send nothing of it.
        await api.post(`/admin/loyalty/campaigns/${id}/pause`, {}, admin)
        await Promise.all([sendRun(), sendRun()])
        const phones = messages.filter((m: any) => m.status === "queued").map((m: any) => m.phone)
        expect(phones.flatMap(textsTo)).toEqual([])
        expect((await failure(api.post(`/admin/loyalty/campaigns/${id}/pause`, {}, admin))).data.code).toBe(
          "loyalty_campaign_status_invalid"
        )

        // Resumed: two runs at once send each target once; a third sends nothing more.
        await api.post(`/admin/loyalty/campaigns/${id}/resume`, {}, admin)
        await Promise.all([sendRun(), sendRun()])
        await sendRun()
        for (const phone of phones) {
          expect(textsTo(phone)).toHaveLength(1)
        }
        const notifications = await rows(
          `SELECT "to", count(*)::int AS n FROM notification WHERE "to" IN (SELECT jsonb_array_elements_text(?::jsonb)) GROUP BY "to"`,
          [JSON.stringify(phones)]
        )
        expect(notifications.map((n: any) => n.n)).toEqual(phones.map(() => 1))

        // Results: done once nothing is left; sent counts every target messaged.
        const { data: results } = await api.get(`/admin/loyalty/campaigns/${id}/results`, admin)
        expect(results).toEqual(
          expect.objectContaining({
            status: "done",
            sent: expected.length,
            failed: 0,
            skipped: 18 - expected.length,
            window_days: 14,
            target: expect.objectContaining({ customers: 18, buyers: 0, orders: 0, revenue: "0" }),
            holdout: expect.objectContaining({ customers: 2, revenue: "0" }),
          })
        )
        // Sent campaigns are not edited or sent again.
        expect((await failure(api.post(`/admin/loyalty/campaigns/${id}`, { name: "Again" }, admin))).data.code).toBe(
          "loyalty_campaign_status_invalid"
        )

        // The customer widget shows it.
        const target = expected[0]
        const { data: widget } = await api.get(`/admin/loyalty/customers/${target}/campaigns`, admin)
        expect(widget.campaigns).toEqual([
          expect.objectContaining({ id, name: "Weekend sale", kind: "campaign", holdout: false, message: expect.objectContaining({ status: "sent" }), gift: null }),
        ])
      })

      it("should give each target one credit lot, exactly, and attribute orders only within the window", async () => {
        const { container, admin } = await shop()
        // Results are read in the store's default currency.
        const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["id"] })
        await updateStoresWorkflow(container).run({
          input: { selector: { id: store.id }, update: { supported_currencies: [{ currency_code: "irr", is_default: true }] } },
        })
        const { customers, segment } = await groupOf(admin, 4)
        const { data: created } = await api.post(
          "/admin/loyalty/campaigns",
          {
            name: "Credit for you",
            segment_id: segment.id,
            bodies: { fa: "{first_name} عزیز، {amount} هدیه تا {expires_at}" },
            gift: { type: "credit", amounts: { irr: "500000" }, expires_after_days: 7 },
            holdout_percent: 50,
          },
          admin
        )
        const id = created.campaign.id
        await api.post(`/admin/loyalty/campaigns/${id}/send`, {}, admin)
        // The job later finds nothing to queue again.
        await sendScheduledCampaignsJob(container)
        await sendDueCampaigns(container)

        const recipients = await recipientsOf(id)
        const targets = recipients.filter((r: any) => !r.holdout)
        const holdout = recipients.filter((r: any) => r.holdout)
        expect([targets.length, holdout.length]).toEqual([2, 2])
        const lots = await rows(
          `SELECT w.customer_id, t.amount::text, t.reference_id, l.expires_at FROM loyalty_wallet_transaction t
           JOIN loyalty_wallet w ON w.id = t.wallet_id JOIN loyalty_wallet_lot l ON l.transaction_id = t.id
           WHERE t.reference = 'campaign' ORDER BY w.customer_id`
        )
        expect(lots.map((l: any) => [l.customer_id, l.amount, l.reference_id])).toEqual(
          targets.map((r: any) => [r.customer_id, "500000", `${id}:${r.customer_id}:once`])
        )
        expect(targets.map((r: any) => r.gift)).toEqual(
          targets.map(() => expect.objectContaining({ amount: "500000", currency_code: "irr", transaction_id: expect.any(String) }))
        )
        const messages = await messagesOf(id)
        expect(messages.map((m: any) => m.body.split("\n")[0])).toEqual(
          targets.map((r: any) => expect.stringContaining("۵۰٬۰۰۰ تومان هدیه تا"))
        )

        // Orders: a target buys inside the window (and before entering, and
        // after the window: neither counts); a holdout member buys inside.
        const orders = container.resolve(Modules.ORDER)
        const order = async (customerId: string, price: number, offsetDays: number, entered: Date) => {
          const [o] = await orders.createOrders([
            {
              currency_code: "irr",
              customer_id: customerId,
              email: "buyer@example.com",
              items: [{ title: "Vacuum cleaner", quantity: 1, unit_price: price }],
            } as any,
          ])
          await pg().raw(`UPDATE "order" SET created_at = ? WHERE id = ?`, [
            new Date(entered.getTime() + offsetDays * DAY).toISOString(),
            o.id,
          ])
          return o
        }
        const [t0] = targets
        const [h0] = holdout
        await order(t0.customer_id, 1000000, 1, new Date(t0.entered_at))
        await order(t0.customer_id, 5000000, 15, new Date(t0.entered_at))
        await order(t0.customer_id, 7000000, -1, new Date(t0.entered_at))
        await order(h0.customer_id, 400000, 2, new Date(h0.entered_at))
        expect(customers).toHaveLength(4)

        const { data: results } = await api.get(`/admin/loyalty/campaigns/${id}/results`, admin)
        expect(results.target).toEqual({
          customers: 2,
          buyers: 1,
          orders: 1,
          revenue: "1000000",
          revenue_per_head: "500000",
          conversion: "0.5000",
        })
        expect(results.holdout).toEqual({
          customers: 2,
          buyers: 1,
          orders: 1,
          revenue: "400000",
          revenue_per_head: "200000",
          conversion: "0.5000",
        })
        // Welch: s²ₜ = 5e11, s²ₕ = 8e10; se = √(2.5e11 + 4e10) = 538516.48; × 1.96 = 1055472.91.
        expect(results.lift).toEqual({
          revenue_per_head: "300000",
          percent: "150.0",
          ci_low: "-755473",
          ci_high: "1355473",
          confidence: 0.95,
        })
        expect(results.gifts).toEqual({ given: 2, used: 0 })
        expect(results.currency_code).toBe("irr")
      })

      it("should send an automation when a customer enters its segment, not at the baseline, and not twice within the cooldown", async () => {
        const { container, admin } = await shop()
        const { group, customers, segment } = await groupOf(admin, 1)
        const { data: created } = await api.post(
          "/admin/loyalty/campaigns",
          { name: "Welcome to the group", kind: "automation", segment_id: segment.id, bodies: { fa: "{first_name} عزیز، خوش آمدید" }, holdout_percent: 0, cooldown_days: 30 },
          admin
        )
        const id = created.campaign.id
        expect(created.campaign).toEqual(expect.objectContaining({ kind: "automation", status: "draft", is_active: false, cooldown_days: 30 }))
        const { data: on } = await api.post(`/admin/loyalty/campaigns/${id}`, { is_active: true }, admin)
        expect(on.campaign).toEqual(expect.objectContaining({ status: "sending", is_active: true }))
        // Editing while on is refused.
        expect((await failure(api.post(`/admin/loyalty/campaigns/${id}`, { name: "x" }, admin))).data.code).toBe(
          "loyalty_campaign_status_invalid"
        )

        // The baseline: the member already in the segment did not enter it.
        expect((await runAutomations(container)).find((r) => r.id === id)).toEqual(
          expect.objectContaining({ baseline: true, recipients: 0 })
        )
        expect(await recipientsOf(id)).toEqual([])

        const service = container.resolve(Modules.CUSTOMER)
        const [late] = await service.createCustomers([{ email: "late@example.com", first_name: "Late", phone: "09129990001" }])
        await service.addCustomerToGroup([{ customer_id: late.id, customer_group_id: group.id }])
        await Promise.all([runAutomations(container), runAutomations(container)])
        expect((await recipientsOf(id)).map((r: any) => r.customer_id)).toEqual([late.id])
        expect((await messagesOf(id)).map((m: any) => [m.customer_id, m.status])).toEqual([[late.id, "queued"]])

        // Leaves and comes back within 30 days: entered again, not messaged.
        await service.removeCustomerFromGroup([{ customer_id: late.id, customer_group_id: group.id }])
        await runAutomations(container, { at: new Date(Date.now() + 5 * DAY) })
        await service.addCustomerToGroup([{ customer_id: late.id, customer_group_id: group.id }])
        await runAutomations(container, { at: new Date(Date.now() + 10 * DAY) })
        expect(await recipientsOf(id)).toHaveLength(1)

        // Again after the cooldown: messaged again.
        await service.removeCustomerFromGroup([{ customer_id: late.id, customer_group_id: group.id }])
        await runAutomations(container, { at: new Date(Date.now() + 40 * DAY) })
        await service.addCustomerToGroup([{ customer_id: late.id, customer_group_id: group.id }])
        await runAutomations(container, { at: new Date(Date.now() + 41 * DAY) })
        expect((await recipientsOf(id)).map((r: any) => r.customer_id)).toEqual([late.id, late.id])
        expect(await messagesOf(id)).toHaveLength(2)
        expect(customers).toHaveLength(1)
      })

      it("should refuse bad input with the field's code, and schedule, cancel and delete", async () => {
        const { container, admin } = await shop()
        const { segment } = await groupOf(admin, 2)
        const base = { name: "Bad", segment_id: segment.id, bodies: { fa: "سلام" } }
        const codeOf = async (body: Record<string, unknown>) =>
          (await failure(api.post("/admin/loyalty/campaigns", { ...base, ...body }, admin))).data
        expect(await codeOf({ holdout_percent: 60 })).toEqual(
          expect.objectContaining({ code: "loyalty_holdout_percent_invalid", message: expect.stringContaining("holdout_percent") })
        )
        expect(await codeOf({ bodies: { fa: "{tier} عزیز" } })).toEqual(
          expect.objectContaining({ code: "loyalty_campaign_body_invalid", message: expect.stringContaining("bodies.fa") })
        )
        expect(await codeOf({ bodies: { fa: "کد شما {code}" } })).toEqual(
          expect.objectContaining({ code: "loyalty_campaign_body_invalid" })
        )
        expect(await codeOf({ bodies: {} })).toEqual(expect.objectContaining({ code: "loyalty_campaign_body_invalid" }))
        expect(await codeOf({ segment_id: "lseg_missing" })).toEqual(
          expect.objectContaining({ code: "loyalty_segment_not_found" })
        )
        expect(await codeOf({ gift: { type: "credit", amounts: { irr: "10.5" } } })).toEqual(
          expect.objectContaining({ code: "loyalty_campaign_gift_invalid", message: expect.stringContaining("gift.amounts.irr") })
        )
        expect(await codeOf({ gift: { type: "code", batch_id: "lcb_missing" } })).toEqual(
          expect.objectContaining({ code: "loyalty_campaign_gift_invalid" })
        )
        const missing = await failure(api.get("/admin/loyalty/campaigns/lcmp_missing/results", admin))
        expect([missing.status, missing.data.code]).toEqual([404, "loyalty_campaign_not_found"])

        const { data: created } = await api.post("/admin/loyalty/campaigns", base, admin)
        const id = created.campaign.id
        const past = await failure(api.post(`/admin/loyalty/campaigns/${id}/send`, { scheduled_at: "2020-01-01T00:00:00Z" }, admin))
        expect(past.data.code).toBe("loyalty_campaign_schedule_invalid")
        const at = new Date(Date.now() + 2 * 3600000)
        const { data: scheduled } = await api.post(`/admin/loyalty/campaigns/${id}/send`, { scheduled_at: at.toISOString() }, admin)
        expect(scheduled.campaign).toEqual(expect.objectContaining({ status: "scheduled", scheduled_at: at.toISOString() }))
        // Not due yet: the job leaves it; due: the job queues it.
        expect((await sendDueCampaigns(container)).queued).toEqual([])
        expect((await sendDueCampaigns(container, { at: new Date(at.getTime() + 60000) })).queued).toEqual([id])
        expect((await messagesOf(id)).length).toBe(2 - Math.floor(2 * 0.1 + 0.5))

        const { data: canceled } = await api.post(`/admin/loyalty/campaigns/${id}/cancel`, {}, admin)
        expect(canceled).toEqual(expect.objectContaining({ withdrawn: 2, campaign: expect.objectContaining({ status: "canceled" }) }))
        expect(await messagesOf(id)).toEqual([])
        const { data: deleted } = await api.delete(`/admin/loyalty/campaigns/${id}`, admin)
        expect(deleted).toEqual({ id, object: "campaign", deleted: true })
        const { data: list } = await api.get("/admin/loyalty/campaigns?limit=10", admin)
        expect(list).toEqual({ campaigns: [], count: 0, limit: 10, offset: 0 })
        expect((await failure(api.get("/admin/loyalty/campaigns?limit=500", admin))).status).toBe(400)
      })
    })
  },
})
