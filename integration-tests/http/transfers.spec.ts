import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LogGateway } from "../../src/providers/sms/gateways/log"
import { fetchShopperLedgerPage } from "../../src/api/utils/shopper-ledger"
import { signLinkToken } from "../../src/utils/link-token"
import { linkConfig } from "../../src/utils/receipt-page-links"
import { formatDate } from "../../src/utils/sms-messages"
import returnUnclaimedTransfersJob from "../../src/jobs/return-unclaimed-transfers"
import { returnUnclaimedTransfersWorkflow } from "../../src/workflows/transfers"
import { adminHeaders, failure, publishableKey, shopper } from "../helpers"

jest.setTimeout(240000)

// One-time codes appear only in the SMS: read them where the SMS leaves.
const sendText = jest.spyOn(LogGateway.prototype, "sendText")
const lastCode = (to: string) => {
  const call = [...sendText.mock.calls].reverse().find(([phone]) => phone === to)
  return /(\d{6})/.exec(call![1])![1]
}

const DAY = 86400000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const service = () => getContainer().resolve("loyalty_club") as any
    const rows = async (sql: string, params: unknown[] = []) => (await pg().raw(sql, params)).rows

    // Everything the ledger holds, and what the wallets' cached balances say.
    const ledgerSums = async () => {
      const [{ rows: total }, { rows: cached }] = await Promise.all([
        pg().raw(`SELECT COALESCE(SUM(amount), 0)::text AS s FROM loyalty_wallet_transaction`),
        pg().raw(`SELECT COALESCE(SUM(balance), 0)::text AS s FROM loyalty_wallet`),
      ])
      return { ledger: total[0].s, cached: cached[0].s }
    }

    const setup = async () => {
      const container = getContainer()
      const admin = await adminHeaders(container, api)
      const { key } = await publishableKey(container)
      const base = { headers: { "x-publishable-api-key": key } }
      // A member with credit in lots: 300,000 expiring in 10 days, 500,000 in 60.
      const member = async (email: string, lots: [string, number][] = [["300000", 10], ["500000", 60]], phone?: string) => {
        const who = await shopper(api, key, { email, phone })
        const { data } = await api.post(
          "/admin/loyalty/wallets",
          { customer_id: who.customer.id, currency_code: "irr" },
          admin
        )
        for (const [amount, days] of lots) {
          await api.post(
            `/admin/loyalty/wallets/${data.wallet.id}/credit`,
            { amount, expires_at: new Date(Date.now() + days * DAY).toISOString() },
            admin
          )
        }
        return { ...who, wallet_id: data.wallet.id as string }
      }
      const settings = (body: Record<string, unknown>) => api.post("/admin/loyalty/settings", body, admin)
      return { admin, key, base, member, settings }
    }

    let keys = 0
    // A member (from `shopper`) sends credit with a key of their own.
    const send = (who: { headers: { headers: Record<string, string> } }, body: Record<string, unknown>, key = `key-${++keys}`) =>
      api.post("/store/loyalty/transfers", { currency_code: "irr", ...body }, {
        headers: { ...who.headers.headers, "idempotency-key": key },
      })
    const available = async (walletId: string) => (await service().getBalances([walletId]))[walletId].available
    const claimToken = async (transferId: string) => {
      const [message] = await rows(
        `SELECT body, phone, locale FROM loyalty_message WHERE event = 'transfer_received' AND data->>'transfer_id' = ?`,
        [transferId]
      )
      return { ...message, token: /\/r\/t\/([A-Za-z0-9_-]+)/.exec(message.body)![1] }
    }

    describe("Credit transfers", () => {
      it("should send credit to a new phone and let it claim with a code, as a new member keeping the earliest expiry", async () => {
        const { base, member, admin } = await setup()
        const sara = await member("sara@example.com")
        const before = await ledgerSums()
        expect(before.ledger).toBe("800000")

        const noKey = await failure(
          api.post("/store/loyalty/transfers", { currency_code: "irr", amount: "400000", phone: "09125551234" }, sara.headers)
        )
        expect(noKey.status).toBe(400)
        expect(noKey.data.code).toBe("loyalty_idempotency_key_required")
        expect(noKey.data.message).toContain("Idempotency-Key")

        const body = { amount: "400000", phone: "۰۹۱۲ ۵۵۵ ۱۲۳۴", message: "Happy birthday <b>Ali</b>" }
        const sent = await send(sara, body, "gift-1")
        expect(sent.status).toBe(201)
        const transfer = sent.data.transfer
        expect(transfer).toEqual(
          expect.objectContaining({
            direction: "sent",
            amount: "400000",
            currency_code: "irr",
            status: "pending",
            phone: "+989125551234",
            message: "Happy birthday <b>Ali</b>",
          })
        )
        // The amount left at once, the 10-day lot first: the transfer keeps its expiry.
        expect(await available(sara.wallet_id)).toBe("400000")
        const [lotA] = await rows(
          `SELECT expires_at FROM loyalty_wallet_lot WHERE wallet_id = ? ORDER BY expires_at LIMIT 1`,
          [sara.wallet_id]
        )
        expect(new Date(transfer.credit_expires_at).getTime()).toBe(new Date(lotA.expires_at).getTime())
        const window = new Date(transfer.claim_expires_at).getTime() - new Date(transfer.created_at).getTime()
        expect(window).toBe(7 * DAY)

        // The same key: the first transfer, nothing more taken; another body: a 409 naming it.
        const again = await send(sara, body, "gift-1")
        expect(again.status).toBe(200)
        expect(again.data.transfer.id).toBe(transfer.id)
        expect(await available(sara.wallet_id)).toBe("400000")
        const clash = await failure(send(sara, { ...body, amount: "300000" }, "gift-1"))
        expect(clash.status).toBe(409)
        expect(clash.data.code).toBe("loyalty_transfer_key_mismatch")
        expect(clash.data.message).toContain("amount")

        // One SMS to the phone with no customer yet: sender, amount, deadline, link.
        const sms = await rows(`SELECT phone, body, locale, status FROM loyalty_message WHERE event = 'transfer_received'`)
        expect(sms).toHaveLength(1)
        expect(sms[0]).toEqual(expect.objectContaining({ phone: "+989125551234", locale: "fa", status: "queued" }))
        expect(sms[0].body).toContain("sara")
        expect(sms[0].body).toContain("۴۰٬۰۰۰ تومان")
        // The claim deadline in Persian: a Jalali date in the shop's time zone.
        const deadline = formatDate(new Date(transfer.claim_expires_at), {
          locale: "fa",
          money_display: "toman",
          time_zone: "Asia/Tehran",
        })
        expect(deadline).toMatch(/۱۴۰[۵۶]/)
        expect(sms[0].body).toContain(deadline)
        const { token } = await claimToken(transfer.id)
        expect(token.length).toBeLessThan(60)

        // The claim page, in Persian by default and in English, escaping the message.
        const page = await api.get(`/r/t/${token}`)
        expect(page.status).toBe(200)
        expect(page.data).toContain('dir="rtl"')
        expect(page.data).toContain("Happy birthday &lt;b&gt;Ali&lt;/b&gt;")
        expect(page.data).not.toContain("<b>Ali</b>")
        const english = await api.get(`/r/t/${token}?lang=en`)
        expect(english.data).toContain("sent you")
        expect(english.data).toContain("0912***1234")
        expect(page.data).toContain("۰۹۱۲***۱۲۳۴")

        // A claim needs the code texted to that phone; a wrong one is refused.
        const noCode = await failure(api.post("/store/loyalty/transfers/claim", { token }, base))
        expect(noCode.status).toBe(400)
        expect(noCode.data.code).toBe("loyalty_transfer_code_required")
        const asked = await api.post("/store/loyalty/transfers/claim/code", { token }, base)
        expect(asked.data).toEqual(expect.objectContaining({ sent: true, phone: "+98912***1234" }))
        const code = lastCode("+989125551234")
        const wrong = await failure(
          api.post("/store/loyalty/transfers/claim", { token, code: code === "000000" ? "111111" : "000000" }, base)
        )
        expect(wrong.status).toBe(400)

        const claimed = await api.post("/store/loyalty/transfers/claim", { token, code: lastCode("+989125551234") }, base)
        expect(claimed.data.transfer).toEqual(
          expect.objectContaining({ id: transfer.id, direction: "received", status: "claimed", sender_name: "sara", phone: null })
        )
        // The phone's owner is a member now, with the credit in one lot that keeps the earliest expiry.
        const [phoneMember] = await rows(`SELECT customer_id FROM loyalty_member_phone WHERE phone = '+989125551234'`)
        expect(claimed.data.club_card).toBeTruthy()
        const [wallet] = await service().listWallets({ customer_id: phoneMember.customer_id, currency_code: "irr" })
        const lots = await rows(`SELECT amount::text, expires_at FROM loyalty_wallet_lot WHERE wallet_id = ?`, [wallet.id])
        expect(lots).toHaveLength(1)
        expect(lots[0].amount).toBe("400000")
        expect(new Date(lots[0].expires_at).getTime()).toBe(new Date(lotA.expires_at).getTime())
        expect(await available(wallet.id)).toBe("400000")

        // Claimed once: the link claims nothing more, and the page says so.
        const twice = await failure(api.post("/store/loyalty/transfers/claim", { token, code: "123456" }, base))
        expect(twice.status).toBe(400)
        expect(twice.data.code).toBe("loyalty_transfer_not_claimable")
        expect((await api.get(`/r/t/${token}?lang=en`)).data).toContain("already claimed")

        // Both ledgers show it, in words.
        const sender = await api.get(`/store/loyalty/wallets/${sara.wallet_id}/transactions?locale=en`, sara.headers)
        expect(sender.data.transactions[0]).toEqual(
          expect.objectContaining({ kind: "transfer_sent", amount: "-400000", description: "Credit sent to 0912***1234" })
        )
        const recipient = await fetchShopperLedgerPage(getContainer(), wallet.id, { skip: 0, take: 20 }, phoneMember.customer_id, "fa")
        expect(recipient.transactions[0]).toEqual(
          expect.objectContaining({ kind: "transfer_received", amount: "400000", description: "دریافت اعتبار از sara" })
        )
        expect(new Date(recipient.transactions[0].expires_at!).getTime()).toBe(new Date(lotA.expires_at).getTime())

        // The lists: the member's, the admin's, the customer's.
        const mine = await api.get("/store/loyalty/transfers", sara.headers)
        expect(mine.data.count).toBe(1)
        expect(mine.data.transfers[0]).toEqual(expect.objectContaining({ id: transfer.id, status: "claimed" }))
        expect(mine.data.transfers[0]).not.toHaveProperty("idempotency_key")
        const all = await api.get("/admin/loyalty/transfers?status=claimed", admin)
        expect(all.data.transfers).toEqual([
          expect.objectContaining({
            id: transfer.id,
            sender: expect.objectContaining({ id: sara.customer.id, first_name: "sara" }),
            recipient: expect.objectContaining({ id: phoneMember.customer_id }),
            recipient_phone: "+989125551234",
            status: "claimed",
          }),
        ])
        const theirs = await api.get(`/admin/loyalty/customers/${phoneMember.customer_id}/transfers`, admin)
        expect(theirs.data.transfers.map((t: any) => t.id)).toEqual([transfer.id])
        expect((await api.get("/admin/loyalty/transfers?status=pending", admin)).data.count).toBe(0)
        const badPage = await failure(api.get("/store/loyalty/transfers?limit=1000", sara.headers))
        expect(badPage.status).toBe(400)

        // Nothing lost or made.
        const after = await ledgerSums()
        expect(after.ledger).toBe(before.ledger)
        expect(after.cached).toBe(after.ledger)
      })

      it("should return unclaimed transfers to their sender, restoring the lots they took, and text the sender", async () => {
        const { member, admin } = await setup()
        const sara = await member("sara@example.com")
        const before = await ledgerSums()
        const lotsBefore = await rows(
          `SELECT id, remaining::text, expires_at FROM loyalty_wallet_lot WHERE wallet_id = ? ORDER BY id`,
          [sara.wallet_id]
        )
        const { data } = await send(sara, { amount: "400000", phone: "09125551234" })
        const { token } = await claimToken(data.transfer.id)

        // Staff send on her behalf too, with a key of their own.
        const staffBody = { customer_id: sara.customer.id, currency_code: "irr", amount: "100000", phone: "09125559999" }
        const noKey = await failure(api.post("/admin/loyalty/transfers", staffBody, admin))
        expect(noKey.data.code).toBe("loyalty_idempotency_key_required")
        const staff = { headers: { ...admin.headers, "idempotency-key": "counter-1" } }
        const byStaff = await api.post("/admin/loyalty/transfers", staffBody, staff)
        expect(byStaff.status).toBe(201)
        expect(byStaff.data.transfer).toEqual(
          expect.objectContaining({
            sender: expect.objectContaining({ id: sara.customer.id }),
            recipient: null,
            recipient_phone: "+989125559999",
            amount: "100000",
            status: "pending",
            created_by_type: "user",
          })
        )
        expect((await api.post("/admin/loyalty/transfers", staffBody, staff)).status).toBe(200)
        expect(await available(sara.wallet_id)).toBe("300000")

        // Not due yet: nothing moves.
        const early = await returnUnclaimedTransfersWorkflow(getContainer()).run({ input: {} })
        expect(early.result.returned).toHaveLength(0)

        const at = new Date(Date.now() + 8 * DAY)
        const { result } = await returnUnclaimedTransfersWorkflow(getContainer()).run({ input: { at } })
        expect(result.returned.map((t: any) => t.id).sort()).toEqual([data.transfer.id, byStaff.data.transfer.id].sort())
        expect(await available(sara.wallet_id)).toBe("800000")
        const lotsAfter = await rows(
          `SELECT id, remaining::text, expires_at FROM loyalty_wallet_lot WHERE wallet_id = ? ORDER BY id`,
          [sara.wallet_id]
        )
        expect(lotsAfter).toEqual(lotsBefore)

        // Once: a second run returns nothing; the claim link claims nothing.
        const again = await returnUnclaimedTransfersWorkflow(getContainer()).run({ input: { at } })
        expect(again.result.returned).toHaveLength(0)
        expect(await available(sara.wallet_id)).toBe("800000")
        const late = await failure(api.post("/store/loyalty/transfers/claim/code", { token }, sara.headers))
        expect(late.status).toBe(400)
        expect(late.data.code).toBe("loyalty_transfer_not_claimable")

        const sms = await rows(
          `SELECT customer_id, body FROM loyalty_message WHERE event = 'transfer_returned' AND data->>'transfer_id' = ?`,
          [data.transfer.id]
        )
        expect(sms).toHaveLength(1)
        expect(sms[0].customer_id).toBe(sara.customer.id)
        expect(sms[0].body).toContain("۴۰٬۰۰۰ تومان")
        const [{ n }] = await rows(`SELECT count(*)::int AS n FROM loyalty_message WHERE event = 'transfer_returned'`)
        expect(n).toBe(2)
        const ledger = await api.get(`/store/loyalty/wallets/${sara.wallet_id}/transactions?locale=en`, sara.headers)
        expect(ledger.data.transactions.slice(0, 2)).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              kind: "transfer_returned",
              amount: "400000",
              description: "Credit sent to 0912***1234 came back: not claimed in time",
            }),
            expect.objectContaining({ kind: "transfer_returned", amount: "100000" }),
          ])
        )
        const listed = await api.get("/store/loyalty/transfers", sara.headers)
        expect(listed.data.transfers.map((t: any) => t.status)).toEqual(["returned", "returned"])

        // The scheduled job returns what is due now.
        const third = await send(sara, { amount: "50000", phone: "09125551234" })
        await pg().raw(`UPDATE loyalty_credit_transfer SET claim_expires_at = now() - interval '1 minute' WHERE id = ?`, [
          third.data.transfer.id,
        ])
        await returnUnclaimedTransfersJob(getContainer())
        expect((await service().getCreditTransfer(third.data.transfer.id)).status).toBe("returned")
        expect(await available(sara.wallet_id)).toBe("800000")

        const after = await ledgerSums()
        expect(after.ledger).toBe(before.ledger)
        expect(after.cached).toBe(after.ledger)
      })

      it("should settle a claim and a return racing on exactly one side", async () => {
        const { member, settings, base } = await setup()
        await settings({ transfer_daily_count: 100 })
        const sara = await member("sara@example.com", [["10000000", 60]])
        const reza = await member("reza@example.com", [])
        const before = await ledgerSums()
        const at = new Date(Date.now() + 8 * DAY)

        // The two writes themselves, started together, twelve times.
        const winners: string[] = []
        for (let i = 0; i < 12; i++) {
          const { data } = await send(sara, { amount: "100000", phone: `0912666${String(i).padStart(4, "0")}` })
          const id = data.transfer.id
          const [claim, back] = await Promise.allSettled([
            service().claimCreditTransfer({ transfer_id: id, recipient_customer_id: reza.customer.id, at: new Date() }),
            service().returnCreditTransfer({ transfer_id: id, at }),
          ])
          const claimed = claim.status === "fulfilled"
          const returned = back.status === "fulfilled" && back.value.returned
          expect(claimed !== returned).toBe(true)
          if (!claimed) {
            expect((claim as PromiseRejectedResult).reason.code).toBe("loyalty_transfer_not_claimable")
          }
          winners.push(claimed ? "claim" : "return")
          const [{ credits, reversals }] = await rows(
            `SELECT
               (SELECT count(*)::int FROM loyalty_wallet_transaction WHERE reference = 'transfer' AND reference_id = ? AND type = 'credit') AS credits,
               (SELECT count(*)::int FROM loyalty_wallet_transaction WHERE type = 'reversal' AND reverses_id = ?) AS reversals`,
            [id, (await service().getCreditTransfer(id)).debit_transaction_id]
          )
          expect(credits + reversals).toBe(1)
        }

        // And end to end: the HTTP claim with its code against the return job's workflow.
        const { data } = await send(sara, { amount: "100000", phone: "09127770000" })
        const { token } = await claimToken(data.transfer.id)
        await api.post("/store/loyalty/transfers/claim/code", { token }, base)
        const [claim, back] = await Promise.allSettled([
          api.post("/store/loyalty/transfers/claim", { token, code: lastCode("+989127770000") }, base),
          returnUnclaimedTransfersWorkflow(getContainer()).run({ input: { at } }),
        ])
        const claimed = claim.status === "fulfilled"
        const returned = back.status === "fulfilled" && back.value.result.returned.some((t: any) => t.id === data.transfer.id)
        expect(claimed !== returned).toBe(true)
        const final = await service().getCreditTransfer(data.transfer.id)
        expect(final.status).toBe(claimed ? "claimed" : "returned")

        const after = await ledgerSums()
        expect(after.ledger).toBe(before.ledger)
        expect(after.cached).toBe(after.ledger)
        // Every transfer went one way: what Sara lost, Reza and the new members hold.
        const [{ pending }] = await rows(`SELECT count(*)::int AS pending FROM loyalty_credit_transfer WHERE status = 'pending'`)
        expect(pending).toBe(0)
        expect(winners).toHaveLength(12)
      })

      it("should hold the shop's limits, under concurrency too", async () => {
        const { member, settings, admin } = await setup()
        const sara = await member("sara@example.com", [["2000000", 60]], "09121110000")
        const code = async (p: Promise<any>) => {
          const res = await failure(p)
          expect(res.status).toBe(400)
          return res.data.code
        }

        await settings({ transfer_max_amount: { irr: "300000" }, transfer_daily_limit: { irr: "500000" }, transfer_daily_count: 3 })
        expect(await code(send(sara, { amount: "300001", phone: "09125551234" }))).toBe("loyalty_transfer_over_max_amount")
        expect((await send(sara, { amount: "300000", phone: "09125551234" })).status).toBe(201)
        expect((await send(sara, { amount: "200000", phone: "09125551235" })).status).toBe(201)
        expect(await code(send(sara, { amount: "1", phone: "09125551234" }))).toBe("loyalty_transfer_daily_limit")
        await settings({ transfer_daily_limit: null })
        expect((await send(sara, { amount: "10", phone: "09125551234" })).status).toBe(201)
        expect(await code(send(sara, { amount: "10", phone: "09125551234" }))).toBe("loyalty_transfer_daily_count")
        await settings({ transfer_max_amount: null, transfer_daily_count: 100 })

        // The sender's own number (on the account), foreign and broken numbers, a long message.
        expect(await code(send(sara, { amount: "10", phone: "+98 912 111 0000" }))).toBe("loyalty_transfer_own_phone")
        expect(await code(send(sara, { amount: "10", phone: "+1 201 555 0123" }))).toBe("loyalty_transfer_phone_not_served")
        expect(await code(send(sara, { amount: "10", phone: "12345" }))).toBe("loyalty_phone_invalid")
        expect(await code(send(sara, { amount: "10", phone: "09125551234", message: "x".repeat(141) }))).toBe(
          "loyalty_invalid_request"
        )
        expect(await code(send(sara, { amount: "10.5", phone: "09125551234" }))).toBe("loyalty_amount_invalid")

        // Pending credit cannot be sent, only what is spendable now.
        const reza = await member("reza@example.com", [["100000", 30]])
        await service().creditWallet({
          wallet_id: reza.wallet_id,
          amount: "500000",
          reference: "test",
          reference_id: "held",
          available_at: new Date(Date.now() + 14 * DAY),
        })
        const short = await failure(send(reza, { amount: "200000", phone: "09125551234" }))
        expect(short.data.code).toBe("loyalty_insufficient_balance")
        expect(short.data.message).toContain("100000 IRR available")
        expect((await send(reza, { amount: "100000", phone: "09125551234" })).status).toBe(201)

        // Credit that expires before the claim window would close closes it.
        const lila = await member("lila@example.com", [["100000", 2]])
        const soon = (await send(lila, { amount: "100000", phone: "09125551234" })).data.transfer
        const [lilaLot] = await rows(`SELECT expires_at FROM loyalty_wallet_lot WHERE wallet_id = ?`, [lila.wallet_id])
        expect(new Date(soon.credit_expires_at).getTime()).toBe(new Date(lilaLot.expires_at).getTime())
        expect(soon.claim_expires_at).toBe(soon.credit_expires_at)

        // A frozen wallet sends nothing; transfers off, nobody sends.
        await api.post(`/admin/loyalty/wallets/${sara.wallet_id}/freeze`, { reason: "Checking a complaint" }, admin)
        expect(await code(send(sara, { amount: "10", phone: "09125551234" }))).toBe("loyalty_wallet_frozen")
        await api.post(`/admin/loyalty/wallets/${sara.wallet_id}/unfreeze`, {}, admin)
        await settings({ transfers_enabled: false })
        expect(await code(send(sara, { amount: "10", phone: "09125551234" }))).toBe("loyalty_transfers_disabled")
        await settings({ transfers_enabled: true })

        // Ten sends at once: the daily amount holds, then the balance, then the count.
        const race = async (who: any, n: number, amount: string) =>
          (await Promise.all(
            Array.from({ length: n }, (_, i) =>
              send(who, { amount, phone: `09128880${String(i).padStart(3, "0")}` }).catch((e: any) => e.response)
            )
          )).map((r: any) => (r.status === 201 ? "sent" : r.data.code))
        const count = (results: string[], what: string) => results.filter((r) => r === what).length

        const ali = await member("ali@example.com", [["1000000", 60]])
        await settings({ transfer_daily_limit: { irr: "700000" } })
        const byAmount = await race(ali, 10, "100000")
        expect(count(byAmount, "sent")).toBe(7)
        expect(count(byAmount, "loyalty_transfer_daily_limit")).toBe(3)
        expect(await available(ali.wallet_id)).toBe("300000")

        await settings({ transfer_daily_limit: null })
        const mina = await member("mina@example.com", [["500000", 60]])
        const byBalance = await race(mina, 10, "100000")
        expect(count(byBalance, "sent")).toBe(5)
        expect(count(byBalance, "loyalty_insufficient_balance")).toBe(5)
        expect(await available(mina.wallet_id)).toBe("0")

        await settings({ transfer_daily_count: 3 })
        const omid = await member("omid@example.com", [["1000000", 60]])
        const byCount = await race(omid, 8, "1000")
        expect(count(byCount, "sent")).toBe(3)
        expect(count(byCount, "loyalty_transfer_daily_count")).toBe(5)
        expect(await available(omid.wallet_id)).toBe("997000")

        // The limits the shop sets are refused by their own names.
        for (const [field, value] of [
          ["transfer_max_amount", { irr: "-1" }],
          ["transfer_max_amount", { xyz: "5" }],
          ["transfer_daily_limit", { irr: "abc" }],
          ["transfer_daily_limit", { usd: "1.234" }],
        ] as const) {
          const refused = await failure(settings({ [field]: value }))
          expect([refused.status, refused.data.code]).toEqual([400, `loyalty_${field}_invalid`])
          expect(refused.data.message).toContain(field)
        }

        // A send that waits too long for another send of the same member is
        // a 409 of its own, not a till's.
        await pg().transaction(async (trx: any) => {
          await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`loyalty-transfer-sender:${omid.customer.id}`])
          for (const busy of [
            await failure(send(omid, { amount: "1000", phone: "09125551234" })),
            await failure(
              api.post(
                "/admin/loyalty/transfers",
                { customer_id: omid.customer.id, currency_code: "irr", amount: "1000", phone: "09125551234" },
                { headers: { ...admin.headers, "idempotency-key": "busy-1" } }
              )
            ),
          ]) {
            expect([busy.status, busy.data.code]).toEqual([409, "loyalty_transfer_busy"])
            expect(busy.data.message).toBe(`Another transfer of customer (${omid.customer.id}) is being sent, try again`)
          }
        })
        expect(await available(omid.wallet_id)).toBe("997000")

        const sums = await ledgerSums()
        expect(sums.cached).toBe(sums.ledger)
      })

      it("should keep another shopper out, and let a member whose phone the club proved claim with the link alone", async () => {
        const { member, base, key } = await setup()
        const sara = await member("sara@example.com")
        const { data } = await send(sara, { amount: "100000", phone: "09125551234" })
        const { token } = await claimToken(data.transfer.id)
        const nosy = await shopper(api, key, { email: "nosy@example.com", phone: "09125551234" })

        // Not in their list; a typed phone proves nothing; an altered link opens nothing.
        expect((await api.get("/store/loyalty/transfers", nosy.headers)).data.count).toBe(0)
        const typed = await failure(api.post("/store/loyalty/transfers/claim", { token }, nosy.headers))
        expect(typed.data.code).toBe("loyalty_transfer_code_required")
        const tampered = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA")
        const bad = await failure(api.post("/store/loyalty/transfers/claim", { token: tampered, code: "123456" }, nosy.headers))
        expect(bad.status).toBe(400)
        expect(bad.data.code).toBe("loyalty_transfer_link_invalid")
        const badCode = await failure(api.post("/store/loyalty/transfers/claim/code", { token: tampered }, base))
        expect(badCode.data.code).toBe("loyalty_transfer_link_invalid")
        const page = await failure(api.get(`/r/t/${tampered}?lang=en`))
        expect(page.status).toBe(404)
        expect(page.data).toContain("This link is not right")
        // A genuine link past its date is Gone, as a receipt's is; one to no transfer is not found.
        const { secret } = linkConfig(getContainer())
        const expired = signLinkToken({ kind: "transfer", id: data.transfer.id, expires_at: new Date(Date.now() - 1000) }, secret)
        const gone = await failure(api.get(`/r/t/${expired}?lang=en`))
        expect(gone.status).toBe(410)
        expect(gone.data).toContain("This link has expired")
        expect((await failure(api.post(`/r/t/${expired}?lang=en`, "action=code", {
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }))).status).toBe(410)
        const unknown = signLinkToken({ kind: "transfer", id: "lct_01JDQ8Z5B7W3K9M2N4P6R8T0VX", expires_at: new Date(Date.now() + DAY) }, secret)
        expect((await failure(api.get(`/r/t/${unknown}?lang=en`))).status).toBe(404)
        const guess = await failure(api.post("/store/loyalty/transfers/claim", { token, code: "000000" }, nosy.headers))
        expect(guess.status).toBe(400)
        expect((await service().getCreditTransfer(data.transfer.id)).status).toBe("pending")

        // The phone's owner proves it once at sign-up, logged in; then the link alone claims.
        const owner = await shopper(api, key, { email: "owner@example.com" })
        await api.post("/store/loyalty/sign-up", { phone: "09125551234" }, owner.headers)
        await api.post("/store/loyalty/sign-up/verify", { phone: "09125551234", code: lastCode("+989125551234") }, owner.headers)
        const claimed = await api.post("/store/loyalty/transfers/claim", { token }, owner.headers)
        expect(claimed.data.transfer).toEqual(expect.objectContaining({ status: "claimed", sender_name: "sara" }))
        const [wallet] = await service().listWallets({ customer_id: owner.customer.id, currency_code: "irr" })
        expect(await available(wallet.id)).toBe("100000")
        expect((await api.get("/store/loyalty/transfers", owner.headers)).data.transfers[0]).toEqual(
          expect.objectContaining({ direction: "received", status: "claimed" })
        )
        expect((await api.get("/store/loyalty/transfers", nosy.headers)).data.count).toBe(0)

        // The claim page's own forms: ask for the code, a wrong one, the right one.
        const second = await send(sara, { amount: "50000", phone: "09127772222" })
        const link = `/r/t/${(await claimToken(second.data.transfer.id)).token}?lang=en`
        const form = (body: string) =>
          api.post(link, body, { headers: { "content-type": "application/x-www-form-urlencoded" } })
        expect((await api.get(link)).data).toContain("Text me the code")
        const asked = await form("action=code")
        expect(asked.status).toBe(200)
        expect(asked.data).toContain("The code was sent to")
        const code = lastCode("+989127772222")
        const wrong = await failure(form(`action=claim&code=${code === "000000" ? "111111" : "000000"}`))
        expect(wrong.status).toBe(400)
        expect(wrong.data).toContain("That code is not right")
        const done = await form(`action=claim&code=${code}`)
        expect(done.status).toBe(200)
        expect(done.data).toContain("is now in your wallet")
        expect((await service().getCreditTransfer(second.data.transfer.id)).status).toBe("claimed")
        expect((await api.get(link)).data).toContain("already claimed")
      })
    })
  },
})
