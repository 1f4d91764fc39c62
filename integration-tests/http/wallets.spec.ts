import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  createStep,
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { debitWalletStep } from "../../src/workflows"
import { adminHeaders, failure, publishableKey, settled, shopper } from "../helpers"

jest.setTimeout(120000)

// A workflow that debits, then fails: the debit step's undo must run.
const failAfterDebitStep = createStep("test-fail-after-debit", async () => {
  throw new Error("Payment authorization failed")
})
const debitThenFailWorkflow = createWorkflow(
  "test-debit-then-fail",
  (input: { wallet_id: string; amount: string }) => {
    const result = debitWalletStep({
      wallet_id: input.wallet_id,
      amount: input.amount,
      reference: "cart",
      reference_id: "cart_failing",
    })
    failAfterDebitStep()
    return new WorkflowResponse(result)
  }
)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let pk: string
    let sara: Awaited<ReturnType<typeof shopper>>
    let reza: Awaited<ReturnType<typeof shopper>>

    // Once per suite: the runner copies the database into its template before
    // the first test and restores that copy before each one, so every test
    // still starts with exactly these (same ids, same logins).
    beforeAll(async () => {
      const container = getContainer()
      await settled(container, async () => {
        admin = await adminHeaders(container, api)
        pk = (await publishableKey(container)).key
        sara = await shopper(api, pk, { email: "sara@example.com", phone: "+989121234567" })
        reza = await shopper(api, pk, { email: "reza@example.com", phone: "+989351112233" })
      })
    })

    const openWallet = async (customerId: string, currency = "irr") =>
      (
        await api.post(
          "/admin/loyalty/wallets",
          { customer_id: customerId, currency_code: currency },
          admin
        )
      ).data.wallet

    const credit = (id: string, body: any, headers: Record<string, string> = {}) =>
      api.post(`/admin/loyalty/wallets/${id}/credit`, body, {
        headers: { ...admin.headers, ...headers },
      })

    const debit = (id: string, body: any) =>
      api.post(`/admin/loyalty/wallets/${id}/debit`, body, admin)

    describe("Admin wallets", () => {
      it("should open one wallet per customer and currency, and refuse unknown ones", async () => {
        const first = await api.post(
          "/admin/loyalty/wallets",
          { customer_id: sara.customer.id, currency_code: "irr" },
          admin
        )
        expect(first.status).toBe(201)
        expect(first.data.wallet).toEqual(
          expect.objectContaining({
            customer_id: sara.customer.id,
            currency_code: "irr",
            status: "active",
            balance: expect.objectContaining({ available: "0", pending: "0" }),
          })
        )
        const again = await api.post(
          "/admin/loyalty/wallets",
          { customer_id: sara.customer.id, currency_code: "IRR" },
          admin
        )
        expect(again.status).toBe(200)
        expect(again.data.wallet.id).toBe(first.data.wallet.id)

        const unknownCustomer = await failure(
          api.post(
            "/admin/loyalty/wallets",
            { customer_id: "cus_missing", currency_code: "irr" },
            admin
          )
        )
        expect(unknownCustomer.status).toBe(404)
        expect(unknownCustomer.data.message).toBe(
          "customer_id: Customer with id: cus_missing was not found"
        )
        expect(unknownCustomer.data.code).toBe("loyalty_customer_not_found")
        const unknownCurrency = await failure(
          api.post(
            "/admin/loyalty/wallets",
            { customer_id: sara.customer.id, currency_code: "xyz" },
            admin
          )
        )
        expect(unknownCurrency.status).toBe(400)
        expect(unknownCurrency.data.message).toBe(
          "currency_code (xyz) is not a known currency code"
        )
        expect(unknownCurrency.data.code).toBe("loyalty_currency_unknown")

        const list = await api.get(
          `/admin/loyalty/wallets?customer_id=${sara.customer.id}`,
          admin
        )
        expect(list.data.count).toBe(1)
        expect(list.data.wallets[0].id).toBe(first.data.wallet.id)
      })

      it("should credit, debit and show the ledger newest first with the balance breakdown", async () => {
        const wallet = await openWallet(sara.customer.id)
        const soon = new Date(Date.now() + 3 * 86400000).toISOString()
        const first = await credit(
          wallet.id,
          { amount: 150000, note: "Welcome gift", expires_at: soon },
          { "idempotency-key": "gift-1" }
        )
        expect(first.status).toBe(201)
        const replay = await credit(
          wallet.id,
          { amount: 150000, note: "Welcome gift", expires_at: soon },
          { "idempotency-key": "gift-1" }
        )
        expect(replay.status).toBe(200)
        expect(replay.data.transaction.id).toBe(first.data.transaction.id)

        await credit(wallet.id, { amount: "50000", note: "Goodwill" })
        const spent = await debit(wallet.id, { amount: 120000, note: "Till purchase" })
        expect(spent.data.transaction.amount).toBe("-120000")
        expect(spent.data.wallet.balance).toEqual({
          available: "80000",
          pending: "0",
          // The soonest-expiring lot was spent first: 30000 of it is left.
          expiring_soon: "30000",
          expiring_within_days: 7,
          next_expiry_at: soon,
        })

        const short = await failure(debit(wallet.id, { amount: 80001 }))
        expect(short.status).toBe(400)
        expect(short.data.message).toBe(
          `Wallet (${wallet.id}) has insufficient balance: 80000 IRR available, 80001 requested`
        )
        expect(short.data.code).toBe("loyalty_insufficient_balance")

        const ledger = await api.get(
          `/admin/loyalty/wallets/${wallet.id}/transactions?limit=2`,
          admin
        )
        expect([ledger.data.count, ledger.data.offset, ledger.data.limit]).toEqual([3, 0, 2])
        expect(ledger.data.transactions.map((t: any) => [t.type, t.amount, t.note])).toEqual([
          ["debit", "-120000", "Till purchase"],
          ["credit", "50000", "Goodwill"],
        ])
        expect(ledger.data.transactions[0].actor_type).toBe("user")
        // The next page holds the oldest row; without paging, 20 newest first.
        const next = await api.get(
          `/admin/loyalty/wallets/${wallet.id}/transactions?limit=2&offset=2`,
          admin
        )
        expect([next.data.count, next.data.offset, next.data.limit]).toEqual([3, 2, 2])
        expect(next.data.transactions.map((t: any) => [t.type, t.amount, t.note])).toEqual([
          ["credit", "150000", "Welcome gift"],
        ])
        const all = await api.get(`/admin/loyalty/wallets/${wallet.id}/transactions`, admin)
        expect([all.data.count, all.data.offset, all.data.limit]).toEqual([3, 0, 20])
        expect(all.data.transactions.map((t: any) => t.amount)).toEqual(["-120000", "50000", "150000"])
        // A page is at most 200 rows.
        const big = await failure(
          api.get(`/admin/loyalty/wallets/${wallet.id}/transactions?limit=201`, admin)
        )
        expect([big.status, big.data.code]).toEqual([400, "loyalty_invalid_request"])
        expect(big.data.message).toContain("limit")
        const max = await api.get(`/admin/loyalty/wallets/${wallet.id}/transactions?limit=200`, admin)
        expect(max.data.limit).toBe(200)

        const detail = await api.get(`/admin/loyalty/wallets/${wallet.id}`, admin)
        expect(detail.data.wallet.balance.available).toBe("80000")
      })

      it("should refuse bad amounts and unknown wallets with the field named", async () => {
        const wallet = await openWallet(sara.customer.id)
        const usd = await openWallet(sara.customer.id, "usd")
        const cases: [string, any, string][] = [
          [wallet.id, { amount: -5 }, "amount must be greater than 0, got -5"],
          [wallet.id, { amount: 0 }, "amount must be greater than 0, got 0"],
          [wallet.id, { amount: "ten" }, 'amount must be a number, got "ten"'],
          [wallet.id, { amount: 10.5 }, "amount 10.5 has more decimals than IRR allows (0)"],
          [usd.id, { amount: "1.005" }, "amount 1.005 has more decimals than USD allows (2)"],
        ]
        for (const [id, body, message] of cases) {
          const res = await failure(credit(id, body))
          expect(res.status).toBe(400)
          expect(res.data.message).toBe(message)
          // The admin translates the code; the field is in it.
          expect(res.data.code).toBe("loyalty_amount_invalid")
        }
        const missing = await failure(credit(wallet.id, { note: "no amount" }))
        expect(missing.status).toBe(400)
        expect(missing.data.message).toContain("amount")
        expect(missing.data.code).toBe("loyalty_invalid_request")
        const extra = await failure(credit(wallet.id, { amount: 5, colour: "red" }))
        expect(extra.status).toBe(400)
        expect(extra.data.message).toContain("colour")
        expect(extra.data.code).toBe("loyalty_invalid_request")
        const past = await failure(credit(wallet.id, { amount: 5, expires_at: "2020-01-01T00:00:00Z" }))
        expect([past.status, past.data.code, past.data.message]).toEqual([
          400,
          "loyalty_expires_at_invalid",
          "expires_at must be in the future",
        ])

        const unknown = await failure(credit("lwal_missing", { amount: 5 }))
        expect(unknown.status).toBe(404)
        expect(unknown.data.message).toBe("Wallet with id: lwal_missing was not found")
        expect(unknown.data.code).toBe("loyalty_wallet_not_found")

        const cents = await credit(usd.id, { amount: "12.50" })
        expect(cents.data.wallet.balance.available).toBe("12.5")
        const ledger = await api.get(`/admin/loyalty/wallets/${wallet.id}/transactions`, admin)
        expect(ledger.data.count).toBe(0)
      })

      it("should freeze only with a reason, keep who and why, and refuse credits and debits until unfrozen", async () => {
        const wallet = await openWallet(sara.customer.id)
        await credit(wallet.id, { amount: 1000 })
        const { data: me } = await api.get("/admin/users/me", admin)
        const freeze = (body: any) => api.post(`/admin/loyalty/wallets/${wallet.id}/freeze`, body, admin)

        // No reason, a blank one or a too long one: a 400 naming the field,
        // and the wallet stays active.
        const refused: [any, string, string][] = [
          [{}, "loyalty_reason_required", "reason is required to freeze a wallet: say why in 1 to 500 characters"],
          [{ reason: "   " }, "loyalty_reason_required", "reason is required to freeze a wallet: say why in 1 to 500 characters"],
          [{ reason: "x".repeat(501) }, "loyalty_reason_too_long", "reason must be at most 500 characters, got 501"],
          [{ reason: 42 }, "loyalty_reason_required", "reason must be text, got number"],
        ]
        for (const [body, code, message] of refused) {
          const res = await failure(freeze(body))
          expect([res.status, res.data.code, res.data.message]).toEqual([400, code, message])
        }
        const untouched = await api.get(`/admin/loyalty/wallets/${wallet.id}`, admin)
        expect(untouched.data.wallet).toEqual(
          expect.objectContaining({
            status: "active",
            status_reason: null,
            status_changed_at: null,
            status_changed_by: null,
          })
        )

        const started = Date.now()
        const frozen = await freeze({ reason: "  Refund under dispute  " })
        expect(frozen.data.wallet).toEqual(
          expect.objectContaining({
            status: "frozen",
            status_reason: "Refund under dispute",
            status_changed_by: me.user.id,
          })
        )
        expect(new Date(frozen.data.wallet.status_changed_at).getTime()).toBeGreaterThanOrEqual(started - 1000)
        // The detail and the list show the same.
        const detail = await api.get(`/admin/loyalty/wallets/${wallet.id}`, admin)
        const list = await api.get(`/admin/loyalty/wallets?status=frozen`, admin)
        for (const shown of [detail.data.wallet, list.data.wallets[0]]) {
          expect(shown).toEqual(
            expect.objectContaining({
              id: wallet.id,
              status: "frozen",
              status_reason: "Refund under dispute",
              status_changed_by: me.user.id,
              status_changed_at: frozen.data.wallet.status_changed_at,
            })
          )
        }
        // The shopper sees the wallet frozen, not the shop's note.
        const mine = await api.get("/store/loyalty/wallets", sara.headers)
        expect(mine.data.wallets[0].status).toBe("frozen")
        expect(mine.data.wallets[0]).not.toHaveProperty("status_reason")
        expect(mine.data.wallets[0]).not.toHaveProperty("status_changed_by")
        // Asking for the fields does not show them either.
        const peek = await api.get(
          "/store/loyalty/wallets?fields=status_reason,status_changed_by",
          sara.headers
        )
        expect(peek.data.wallets[0].id).toBe(wallet.id)
        expect(peek.data.wallets[0]).not.toHaveProperty("status_reason")
        expect(peek.data.wallets[0]).not.toHaveProperty("status_changed_by")

        const noDebit = await failure(debit(wallet.id, { amount: 10 }))
        expect(noDebit.status).toBe(400)
        expect(noDebit.data.message).toBe(`Wallet (${wallet.id}) is frozen: it cannot be debited`)
        expect(noDebit.data.code).toBe("loyalty_wallet_frozen")
        const noCredit = await failure(credit(wallet.id, { amount: 10 }))
        expect(noCredit.status).toBe(400)
        expect(noCredit.data.message).toBe(`Wallet (${wallet.id}) is frozen: it cannot be credited`)
        expect(noCredit.data.code).toBe("loyalty_wallet_frozen")

        // Unfreezing takes an optional reason.
        const active = await api.post(`/admin/loyalty/wallets/${wallet.id}/unfreeze`, {}, admin)
        expect(active.data.wallet).toEqual(
          expect.objectContaining({ status: "active", status_reason: null, status_changed_by: me.user.id })
        )
        const ok = await debit(wallet.id, { amount: 10 })
        expect(ok.data.wallet.balance.available).toBe("990")
        await freeze({ reason: "Second look" })
        const explained = await api.post(
          `/admin/loyalty/wallets/${wallet.id}/unfreeze`,
          { reason: "Cleared by the owner" },
          admin
        )
        expect(explained.data.wallet).toEqual(
          expect.objectContaining({ status: "active", status_reason: "Cleared by the owner" })
        )
        const missing = await failure(
          api.post("/admin/loyalty/wallets/lwal_missing/freeze", { reason: "Test" }, admin)
        )
        expect([missing.status, missing.data.code]).toEqual([404, "loyalty_wallet_not_found"])
      })

      it("should let exactly 10 of 20 concurrent debits of 100 through on a wallet of 1000", async () => {
        const wallet = await openWallet(sara.customer.id)
        await credit(wallet.id, { amount: 1000 })
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, () => debit(wallet.id, { amount: 100 }))
        )
        const ok = results.filter((r) => r.status === "fulfilled")
        const refused = results
          .filter((r): r is PromiseRejectedResult => r.status === "rejected")
          .map((r) => r.reason.response)
        expect(ok).toHaveLength(10)
        expect(refused).toHaveLength(10)
        for (const res of refused) {
          expect(res.status).toBe(400)
          expect(res.data.message).toBe(
            `Wallet (${wallet.id}) has insufficient balance: 0 IRR available, 100 requested`
          )
        }
        const detail = await api.get(`/admin/loyalty/wallets/${wallet.id}`, admin)
        expect(detail.data.wallet.balance.available).toBe("0")
        const service: LoyaltyClubModuleService =
          getContainer().resolve(LOYALTY_CLUB_MODULE)
        expect((await service.getLedgerTotals([wallet.id]))[wallet.id]).toBe("0")
      })

      it("should give the lots back with a reversal row when a step after the debit fails", async () => {
        const wallet = await openWallet(sara.customer.id)
        const soon = new Date(Date.now() + 2 * 86400000).toISOString()
        await credit(wallet.id, { amount: 300, expires_at: soon })
        await credit(wallet.id, { amount: 700 })

        const { errors } = await debitThenFailWorkflow(getContainer()).run({
          input: { wallet_id: wallet.id, amount: "500" },
          throwOnError: false,
        })
        expect(errors[0].error.message).toBe("Payment authorization failed")

        const detail = await api.get(`/admin/loyalty/wallets/${wallet.id}`, admin)
        expect(detail.data.wallet.balance.available).toBe("1000")
        expect(detail.data.wallet.balance.expiring_soon).toBe("300")
        const ledger = await api.get(`/admin/loyalty/wallets/${wallet.id}/transactions`, admin)
        expect(ledger.data.transactions.map((t: any) => [t.type, t.amount])).toEqual([
          ["reversal", "500"],
          ["debit", "-500"],
          ["credit", "700"],
          ["credit", "300"],
        ])
        const service: LoyaltyClubModuleService =
          getContainer().resolve(LOYALTY_CLUB_MODULE)
        const lots = await service.listWalletLots(
          { wallet_id: wallet.id },
          { order: { created_at: "ASC" } }
        )
        expect(lots.map((l: any) => String(l.remaining))).toEqual(["300", "700"])
      })
    })

    describe("Store wallets", () => {
      it("should show a shopper only their own wallets and ledger", async () => {
        const saraWallet = await openWallet(sara.customer.id)
        const rezaWallet = await openWallet(reza.customer.id)
        await credit(saraWallet.id, { amount: 25000, note: "Cashback" })
        await credit(rezaWallet.id, { amount: 99000 })

        const override = await failure(
          api.get(`/store/loyalty/wallets?customer_id=${reza.customer.id}`, sara.headers)
        )
        expect(override.status).toBe(400)
        expect(override.data.message).toContain("customer_id")

        const mine = await api.get("/store/loyalty/wallets", sara.headers)
        expect(mine.data.wallets).toHaveLength(1)
        expect(mine.data.wallets[0]).toEqual(
          expect.objectContaining({
            id: saraWallet.id,
            currency_code: "irr",
            balance: expect.objectContaining({ available: "25000" }),
          })
        )
        const ledger = await api.get(
          `/store/loyalty/wallets/${saraWallet.id}/transactions`,
          sara.headers
        )
        expect(ledger.data.transactions.map((t: any) => t.amount)).toEqual(["25000"])

        const other = await failure(
          api.get(`/store/loyalty/wallets/${rezaWallet.id}/transactions`, sara.headers)
        )
        expect(other.status).toBe(404)

        const anonymous = await failure(
          api.get("/store/loyalty/wallets", { headers: { "x-publishable-api-key": pk } })
        )
        expect(anonymous.status).toBe(401)
      })
    })
  },
})
