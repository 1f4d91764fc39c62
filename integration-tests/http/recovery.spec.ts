import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import orderPlacedCashback from "../../src/subscribers/order-placed-cashback"
import { catchUpLoyaltyWorkflow, reconcileCheckoutDebitsWorkflow } from "../../src/workflows"
import {
  adminHeaders,
  applyCredit,
  checkout,
  demoStore,
  failure,
  prepareCart,
  settled,
  shopper,
  shopperWithCredit,
} from "../helpers"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const service = (): LoyaltyClubModuleService => getContainer().resolve(LOYALTY_CLUB_MODULE)
    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const balance = async (walletId: string) => (await service().getBalances([walletId]))[walletId].available

    const setup = async ({ rules = true } = {}) => {
      const container = getContainer()
      const store = await demoStore(container)
      const admin = await adminHeaders(container, api)
      if (!rules) {
        const { data: { cashback_rules } } = await api.get("/admin/loyalty/cashback-rules", admin)
        for (const rule of cashback_rules) {
          await api.post(`/admin/loyalty/cashback-rules/${rule.id}`, { is_active: false }, admin)
        }
      }
      return { ...store, admin }
    }

    // A cart with 1,000,000 IRR of wallet credit on it whose completion died
    // after the validate hook's debit: the debit is written as the hook
    // writes it, the order never comes, and the debit is aged past
    // reconcile_after_seconds.
    const orphanCart = async (s: any, email: string) => {
      const buyer = await shopperWithCredit(api, s.admin, s.pk, email, "3000000")
      const cartId = await prepareCart(api, buyer.headers, s.regions[0].id, [s.variant("vacuum-cleaner")])
      await applyCredit(api, cartId, buyer.headers, { amount: "1000000" })
      const { transaction } = await service().debitWallet({
        wallet_id: buyer.wallet_id,
        amount: "1000000",
        reference: "cart",
        reference_id: cartId,
        again_after_reversal: true,
        note: "Paid at checkout",
        actor_type: "customer",
        actor_id: buyer.customer.id,
        metadata: { cart_id: cartId },
      })
      await age(transaction.id)
      return { ...buyer, cartId, debitId: transaction.id }
    }
    const age = (transactionId: string) =>
      db().raw(`UPDATE loyalty_wallet_transaction SET created_at = now() - interval '10 minutes' WHERE id = ?`, [
        transactionId,
      ])
    const reversalsOf = async (debitId: string) =>
      (await db().raw(`SELECT * FROM loyalty_wallet_transaction WHERE reverses_id = ? AND type = 'reversal'`, [debitId]))
        .rows
    const cartDebits = async (cartId: string) =>
      (
        await db().raw(
          `SELECT reference_id, amount::text AS amount FROM loyalty_wallet_transaction
           WHERE reference = 'cart' AND type = 'debit' AND metadata->>'cart_id' = ? ORDER BY created_at`,
          [cartId]
        )
      ).rows
    const reconcile = async () =>
      (await reconcileCheckoutDebitsWorkflow(getContainer()).run({ input: {} })).result
    const complete = (cartId: string, h: any) =>
      api.post(`/store/carts/${cartId}/complete`, {}, h).then(
        (res: any) => ({ status: res.status, data: res.data }),
        (err: any) => ({ status: err.response.status, data: err.response.data })
      )

    describe("reconcileCheckoutDebitsWorkflow", () => {
      it("should give an orphan checkout debit back once when two runs race, then make a later completion pay again", async () => {
        const s = await setup({ rules: false })
        const buyer = await orphanCart(s, "orphan@example.com")
        expect(await balance(buyer.wallet_id)).toBe("2000000")

        const [a, b] = await Promise.all([reconcile(), reconcile()])
        const reversals = await reversalsOf(buyer.debitId)
        expect(reversals.map((r: any) => [String(r.amount), r.metadata.reason, r.metadata.cart_id])).toEqual([
          ["1000000", "checkout_not_completed", buyer.cartId],
        ])
        expect(reversals[0].note).toBe("Returned: the checkout that used this credit never completed (no order)")
        // (The scheduled job may have taken it first: never more than once.)
        expect(a.returned.length + b.returned.length).toBeLessThanOrEqual(1)
        expect(await balance(buyer.wallet_id)).toBe("3000000")
        expect((await reconcile()).returned).toEqual([])
        // The shopper reads why the credit came back, in their language.
        const { data: history } = await api.get(
          `/store/loyalty/wallets/${buyer.wallet_id}/transactions?locale=fa`,
          buyer.headers
        )
        expect(history.transactions[0]).toMatchObject({
          kind: "checkout_credit_returned",
          description: "بازگشت اعتبار از خریدی که تکمیل نشد",
          amount: "1000000",
        })

        // The shopper comes back and completes: the cart pays again.
        const done = await complete(buyer.cartId, buyer.headers)
        expect([done.status, done.data.type]).toEqual([200, "order"])
        expect(await cartDebits(buyer.cartId)).toEqual([
          { reference_id: buyer.cartId, amount: "-1000000" },
          { reference_id: `${buyer.cartId}#2`, amount: "-1000000" },
        ])
        expect(await balance(buyer.wallet_id)).toBe("2000000")
        // An order's debit is never given back by the reconciliation.
        await db().raw(`UPDATE loyalty_wallet_transaction SET created_at = now() - interval '10 minutes' WHERE reference_id = ?`, [
          `${buyer.cartId}#2`,
        ])
        expect((await reconcile()).returned).toEqual([])
        expect(await balance(buyer.wallet_id)).toBe("2000000")
      })

      it("should refuse a later completion whose wallet no longer covers the credit", async () => {
        const s = await setup({ rules: false })
        const buyer = await orphanCart(s, "short@example.com")
        await reconcile()
        expect(await balance(buyer.wallet_id)).toBe("3000000")
        await api.post(`/admin/loyalty/wallets/${buyer.wallet_id}/debit`, { amount: "2500000", note: "Spent" }, s.admin)

        const refused = await complete(buyer.cartId, buyer.headers)
        expect([refused.status, refused.data.code]).toEqual([400, "loyalty_insufficient_balance"])
        expect(refused.data.message).toContain("insufficient balance: 500000 IRR available, 1000000 requested")
        const { data: orders } = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: buyer.cartId } })
        expect(orders).toEqual([])
        expect(await balance(buyer.wallet_id)).toBe("500000")
      })

      it("should leave alone a cart whose completion holds its lock or is still running, and a cart with an order", async () => {
        const s = await setup({ rules: false })
        const locked = await orphanCart(s, "locked@example.com")
        // Core's completeCartWorkflow takes the cart id as its lock key.
        const locking = getContainer().resolve(Modules.LOCKING)
        await locking.acquire(locked.cartId, { expire: 120 })
        const whileLocked = await reconcile()
        expect(whileLocked.returned).toEqual([])
        expect(whileLocked.skipped_locked).toBeGreaterThanOrEqual(1)
        expect(await reversalsOf(locked.debitId)).toEqual([])
        await locking.release(locked.cartId)
        expect((await reconcile()).returned.map((r) => r.cart_id)).toEqual([locked.cartId])

        // A cart that became an order keeps its debit, however old.
        const paid = await shopperWithCredit(api, s.admin, s.pk, "paid@example.com", "3000000")
        const paidCart = await prepareCart(api, paid.headers, s.regions[0].id, [s.variant("vacuum-cleaner")])
        await applyCredit(api, paidCart, paid.headers, { amount: "1000000" })
        expect((await complete(paidCart, paid.headers)).data.type).toBe("order")
        const [paidDebit] = (
          await db().raw(`SELECT id FROM loyalty_wallet_transaction WHERE reference = 'cart' AND reference_id = ?`, [paidCart])
        ).rows
        await age(paidDebit.id)

        // A completion still running: the engine's record of a
        // complete-cart run (shaped like the finished one just written)
        // that has not ended.
        const running = await orphanCart(s, "running@example.com")
        const { rows: finished } = await db().raw(
          `SELECT id FROM workflow_execution
           WHERE workflow_id = 'complete-cart' AND context->'data'->'payload'->>'id' = ?`,
          [paidCart]
        )
        expect(finished.length).toBe(1)
        await db().raw(
          `INSERT INTO workflow_execution (id, workflow_id, transaction_id, run_id, execution, context, state, created_at, updated_at)
           SELECT 'wf_exec_running', workflow_id, 'auto-running', 'run-running', execution,
             jsonb_set(context, '{data,payload,id}', to_jsonb(?::text)), 'invoking', now(), now()
           FROM workflow_execution WHERE id = ?`,
          [running.cartId, finished[0].id]
        )
        const pass = await reconcile()
        expect(pass.returned).toEqual([])
        expect(await reversalsOf(paidDebit.id)).toEqual([])
        expect(await reversalsOf(running.debitId)).toEqual([])

        // The process running it died: its record stays unfinished, and
        // once older than the wait it no longer holds the debit.
        await db().raw(`UPDATE workflow_execution SET created_at = now() - interval '10 minutes' WHERE id = 'wf_exec_running'`)
        const afterDeath = await reconcile()
        // (The runner waits for unfinished executions after each test.)
        await db().raw(`UPDATE workflow_execution SET state = 'failed' WHERE id = 'wf_exec_running'`)
        expect(afterDeath.returned.map((r) => r.cart_id)).toEqual([running.cartId])
        expect(await balance(running.wallet_id)).toBe("3000000")
      })
    })

    describe("catchUpLoyaltyWorkflow", () => {
      const catchUp = async () =>
        (await catchUpLoyaltyWorkflow(getContainer()).run({ input: { ignore_grace: true } })).result

      it("should award an order whose subscriber failed, once, and nothing more when the subscriber is replayed", async () => {
        const s = await setup()
        const buyer = await shopper(api, s.pk, { email: "lost-award@example.com" })
        const { data } = await api.post(
          "/admin/loyalty/wallets",
          { customer_id: buyer.customer.id, currency_code: "irr" },
          s.admin
        )
        const walletId = data.wallet.id
        // A real failure: the award's credit is refused on a frozen wallet,
        // so order.placed's subscriber throws.
        await api.post(`/admin/loyalty/wallets/${walletId}/freeze`, { reason: "Checking a dispute" }, s.admin)
        const order = await settled(getContainer(), () =>
          checkout(api, buyer.headers, s.regions[0].id, [s.variant("vacuum-cleaner")])
        )
        expect(await service().listOrderCashback(order.id)).toEqual([])
        await api.post(`/admin/loyalty/wallets/${walletId}/unfreeze`, { reason: "Settled" }, s.admin)

        const first = await catchUp()
        expect(first.orders.awarded).toEqual([order.id])
        const cashback = await service().listOrderCashback(order.id)
        expect(cashback.length).toBe(1)
        const awarded = String(cashback[0].amount)
        expect(MathBN.gt(awarded, 0)).toBe(true)

        // The event bus retries the subscriber later: it pays nothing more.
        await orderPlacedCashback({
          event: { name: "order.placed", data: { id: order.id } },
          container: getContainer(),
        } as any)
        const second = await catchUp()
        expect(second.orders.awarded).toEqual([])
        expect((await service().listOrderCashback(order.id)).map((c: any) => String(c.amount))).toEqual([awarded])
        expect(await service().getLedgerTotals([walletId])).toEqual({ [walletId]: awarded })
      })

      it("should let a subscriber that fails once on a busy wallet succeed by its own retry", async () => {
        const s = await setup()
        const buyer = await shopper(api, s.pk, { email: "busy@example.com" })
        const { data } = await api.post(
          "/admin/loyalty/wallets",
          { customer_id: buyer.customer.id, currency_code: "irr" },
          s.admin
        )
        const walletId = data.wallet.id
        await api.post(`/admin/loyalty/wallets/${walletId}/freeze`, { reason: "Checking a dispute" }, s.admin)
        const order = await settled(getContainer(), () =>
          checkout(api, buyer.headers, s.regions[0].id, [s.variant("vacuum-cleaner")])
        )
        await api.post(`/admin/loyalty/wallets/${walletId}/unfreeze`, { reason: "Settled" }, s.admin)

        // Another transaction holds the wallet row: the award's first try
        // gives up after lock_timeout (a 55P03, "Wallet is busy").
        const holder = await db().transaction()
        await holder.raw(`SELECT id FROM loyalty_wallet WHERE id = ? FOR UPDATE`, [walletId])
        const waiting = () =>
          db()
            .raw(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'`)
            .then((r: any) => r.rows[0].n as number)
        const started = Date.now()
        const run = orderPlacedCashback({
          event: { name: "order.placed", data: { id: order.id } },
          container: getContainer(),
        } as any)
        while (!(await waiting())) await new Promise((r) => setTimeout(r, 50))
        while (await waiting()) await new Promise((r) => setTimeout(r, 20))
        await holder.commit()
        await run
        expect(Date.now() - started).toBeGreaterThanOrEqual(5000)
        expect((await service().listOrderCashback(order.id)).length).toBe(1)
      })
    })

    describe("Till conflicts", () => {
      it("should answer the till's 409s with our code and message", async () => {
        const s = await setup()
        const { data: full } = await api.post(
          "/admin/loyalty/pos-keys",
          { name: "Till 9", location: "Tehran, Valiasr", scopes: ["lookup", "earn", "redeem"] },
          s.admin
        )
        const till = { headers: { "x-pos-key": full.pos_key.key } }
        const purchase = { phone: "09121119999", amount: "5000000", currency_code: "irr", receipt_id: "till-9-0001" }
        const bought = await api.post("/pos/loyalty/purchases", purchase, till)
        expect(bought.status).toBe(201)

        // A receipt another request has claimed and not finished.
        await service().claimPosReceipt({
          receipt_id: "till-9-0002",
          customer_id: bought.data.purchase.customer_id,
          phone: "+989121119999",
          amount: "5000000",
          currency_code: "irr",
          location: "Tehran, Valiasr",
        })
        const inProgress = await failure(api.post("/pos/loyalty/purchases", { ...purchase, receipt_id: "till-9-0002" }, till))
        expect([inProgress.status, inProgress.data.code, inProgress.data.message]).toEqual([
          409,
          "loyalty_receipt_in_progress",
          "Receipt till-9-0002 is being registered; try again",
        ])

        // A new member's phone whose lock another request (or a dead
        // instance, until the lock expires) holds.
        const locking = getContainer().resolve(Modules.LOCKING)
        await locking.acquire("loyalty-member-phone:+989121118888", { expire: 60 })
        const busy = await failure(
          api.post("/pos/loyalty/purchases", { ...purchase, phone: "09121118888", receipt_id: "till-9-0003" }, till)
        )
        await locking.release("loyalty-member-phone:+989121118888")
        expect([busy.status, busy.data.code, busy.data.message]).toEqual([
          409,
          "loyalty_till_busy",
          "Another request for this member or receipt is still running; try again in a few seconds",
        ])
      })
    })
  },
})
