import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { LOYALTY_CLUB_MODULE } from ".."
import LoyaltyClubModuleService from "../service"

jest.setTimeout(60000)

const DAY = 86400000

moduleIntegrationTestRunner<LoyaltyClubModuleService>({
  moduleName: LOYALTY_CLUB_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    const newWallet = async (currency = "irr", customer = "cus_1") =>
      (
        await service.retrieveOrCreateWallet({
          customer_id: customer,
          currency_code: currency,
        })
      ).wallet

    const credit = (wallet_id: string, amount: string, ref: string, extra = {}) =>
      service.creditWallet({
        wallet_id,
        amount,
        reference: "test",
        reference_id: ref,
        ...extra,
      })

    const debit = (wallet_id: string, amount: string, ref: string) =>
      service.debitWallet({
        wallet_id,
        amount,
        reference: "test",
        reference_id: ref,
      })

    const lots = async (walletId: string) =>
      (
        await service.listWalletLots(
          { wallet_id: walletId },
          { order: { created_at: "ASC" } }
        )
      ).map((l: any) => ({
        remaining: String(l.remaining),
        expired: !!l.expired_at,
      }))

    // The cached balance, the ledger sum and the lots must always agree.
    const expectConsistent = async (walletId: string) => {
      const ledger = (await service.getLedgerTotals([walletId]))[walletId]
      const wallet = await service.retrieveWallet(walletId)
      const lotRows = await service.listWalletLots({ wallet_id: walletId })
      const lotSum = lotRows
        .reduce((sum: any, l: any) => sum.plus(String(l.remaining)), new (require("bignumber.js"))(0))
        .toFixed()
      expect(String(wallet.balance)).toBe(ledger)
      expect(lotSum).toBe(ledger)
    }

    const available = async (walletId: string) =>
      (await service.getBalances([walletId]))[walletId].available

    describe("Wallet", () => {
      describe("retrieveOrCreateWallet", () => {
        it("should return the same wallet for the same customer and currency", async () => {
          const first = await service.retrieveOrCreateWallet({
            customer_id: "cus_1",
            currency_code: "IRR",
          })
          const second = await service.retrieveOrCreateWallet({
            customer_id: "cus_1",
            currency_code: "irr",
          })
          expect(first.created).toBe(true)
          expect(second.created).toBe(false)
          expect(second.wallet.id).toBe(first.wallet.id)
          expect(first.wallet.currency_code).toBe("irr")
        })

        it("should refuse an unknown currency", async () => {
          await expect(
            service.retrieveOrCreateWallet({
              customer_id: "cus_1",
              currency_code: "xyz",
            })
          ).rejects.toThrow("currency_code (xyz) is not a known currency code")
        })
      })

      describe("creditWallet", () => {
        it("should write one transaction for a repeated reference", async () => {
          const wallet = await newWallet()
          const first = await credit(wallet.id, "1000", "order_1")
          const again = await credit(wallet.id, "1000", "order_1")
          expect(first.created).toBe(true)
          expect(again.created).toBe(false)
          expect(again.transaction.id).toBe(first.transaction.id)
          const [rows, count] = await service.listAndCountWalletTransactions({
            wallet_id: wallet.id,
          })
          expect(count).toBe(1)
          expect(String(rows[0].amount)).toBe("1000")
          expect(await available(wallet.id)).toBe("1000")
        })

        it("should refuse amounts with more decimals than the currency has, or rounds them when asked", async () => {
          const irr = await newWallet("irr")
          const usd = await newWallet("usd")
          await expect(credit(irr.id, "10.5", "a")).rejects.toThrow(
            "amount 10.5 has more decimals than IRR allows (0)"
          )
          await expect(credit(usd.id, "0.001", "b")).rejects.toThrow(
            "amount 0.001 has more decimals than USD allows (2)"
          )
          await expect(credit(irr.id, "0", "c")).rejects.toThrow(
            "amount must be greater than 0, got 0"
          )
          await expect(credit(irr.id, "-5", "d")).rejects.toThrow(
            "amount must be greater than 0, got -5"
          )
          await expect(credit(irr.id, "abc", "e")).rejects.toThrow(
            'amount must be a number, got "abc"'
          )
          const rounded = await credit(irr.id, "1234.99", "f", { rounding: "down" })
          expect(rounded.transaction.amount).toBe("1234")
          const cents = await credit(usd.id, "10.005", "g", { rounding: "half_up" })
          expect(cents.transaction.amount).toBe("10.01")
          expect(await available(irr.id)).toBe("1234")
          expect(await available(usd.id)).toBe("10.01")
        })

        it("should keep pending credit out of the available balance until it is released", async () => {
          const wallet = await newWallet()
          await credit(wallet.id, "500", "now")
          await credit(wallet.id, "700", "later", {
            available_at: new Date(Date.now() + 3 * DAY),
          })
          const [balance] = Object.values(await service.getBalances([wallet.id]))
          expect(balance.available).toBe("500")
          expect(balance.pending).toBe("700")
          await expect(debit(wallet.id, "600", "spend")).rejects.toThrow(
            "has insufficient balance: 500 IRR available, 600 requested"
          )
          const later = await service.getBalances([wallet.id], {
            at: new Date(Date.now() + 4 * DAY),
          })
          expect(later[wallet.id].available).toBe("1200")
        })
      })

      describe("debitWallet", () => {
        it("should take from the lots that expire soonest and restore exactly those on reversal", async () => {
          const wallet = await newWallet()
          await credit(wallet.id, "300", "never")
          await credit(wallet.id, "200", "late", {
            expires_at: new Date(Date.now() + 20 * DAY),
          })
          await credit(wallet.id, "100", "soon", {
            expires_at: new Date(Date.now() + 2 * DAY),
          })
          const spent = await debit(wallet.id, "250", "cart_1")
          expect(spent.transaction.amount).toBe("-250")
          expect(await lots(wallet.id)).toEqual([
            { remaining: "300", expired: false },
            { remaining: "50", expired: false },
            { remaining: "0", expired: false },
          ])
          const balance = (await service.getBalances([wallet.id]))[wallet.id]
          expect(balance.available).toBe("350")
          expect(balance.expiring_soon).toBe("0")

          const reversal = await service.reverseTransaction({
            transaction_id: spent.transaction.id,
          })
          expect(reversal.transaction.type).toBe("reversal")
          expect(reversal.transaction.amount).toBe("250")
          expect(reversal.transaction.reverses_id).toBe(spent.transaction.id)
          expect(await lots(wallet.id)).toEqual([
            { remaining: "300", expired: false },
            { remaining: "200", expired: false },
            { remaining: "100", expired: false },
          ])
          const again = await service.reverseTransaction({
            transaction_id: spent.transaction.id,
          })
          expect(again.created).toBe(false)
          expect(await available(wallet.id)).toBe("600")
          await expectConsistent(wallet.id)
          await expect(
            service.reverseTransaction({ transaction_id: reversal.transaction.id })
          ).rejects.toThrow("is a reversal and cannot be reversed")
        })

        it("should refuse debits and credits on a frozen wallet", async () => {
          const wallet = await newWallet()
          await credit(wallet.id, "100", "x")
          await service.setWalletStatus(wallet.id, "frozen")
          await expect(debit(wallet.id, "10", "y")).rejects.toThrow(
            `Wallet (${wallet.id}) is frozen: it cannot be debited`
          )
          await expect(credit(wallet.id, "10", "z")).rejects.toThrow(
            `Wallet (${wallet.id}) is frozen: it cannot be credited`
          )
          await service.setWalletStatus(wallet.id, "active")
          expect((await debit(wallet.id, "10", "y")).transaction.amount).toBe("-10")
        })

        it("should keep why, when and by whom the status changed, and answer the state before for an undo", async () => {
          const wallet = await newWallet()
          const at = new Date("2026-01-02T03:04:05.000Z")
          const frozen = await service.setWalletStatus(wallet.id, "frozen", {
            reason: "Chargeback",
            actor_id: "user_1",
            at,
          })
          expect(frozen.previous).toEqual({
            status: "active",
            status_reason: null,
            status_changed_at: null,
            status_changed_by: null,
          })
          const thawed = await service.setWalletStatus(wallet.id, "active", { actor_id: "user_2" })
          expect(thawed.previous).toEqual({
            status: "frozen",
            status_reason: "Chargeback",
            status_changed_at: at,
            status_changed_by: "user_1",
          })
          // Writing the state before back restores it exactly.
          await service.setWalletStatus(wallet.id, "frozen", {
            reason: thawed.previous.status_reason,
            actor_id: thawed.previous.status_changed_by,
            at: thawed.previous.status_changed_at,
          })
          const stored = await service.retrieveWallet(wallet.id)
          expect([stored.status, stored.status_reason, stored.status_changed_by, stored.status_changed_at]).toEqual([
            "frozen",
            "Chargeback",
            "user_1",
            at,
          ])
        })

        it("should never overdraw under concurrent debits", async () => {
          const wallet = await newWallet()
          await credit(wallet.id, "1000", "seed")
          const results = await Promise.allSettled(
            Array.from({ length: 20 }, (_, i) => debit(wallet.id, "100", `d${i}`))
          )
          const ok = results.filter((r) => r.status === "fulfilled")
          const refused = results.filter(
            (r) => r.status === "rejected"
          ) as PromiseRejectedResult[]
          expect(ok).toHaveLength(10)
          expect(refused).toHaveLength(10)
          for (const r of refused) {
            expect(r.reason.message).toMatch(
              /insufficient balance: 0 IRR available, 100 requested/
            )
          }
          expect(await available(wallet.id)).toBe("0")
          expect((await service.getLedgerTotals([wallet.id]))[wallet.id]).toBe("0")
          await expectConsistent(wallet.id)
        })
      })

      describe("reverseTransaction of a credit", () => {
        it("should take back what is left and record the shortfall", async () => {
          const wallet = await newWallet()
          const earned = await credit(wallet.id, "1000", "order_9")
          await debit(wallet.id, "400", "cart_9")
          const back = await service.reverseTransaction({
            transaction_id: earned.transaction.id,
          })
          expect(back.transaction.amount).toBe("-600")
          expect(back.shortfall).toBe("400")
          expect(await available(wallet.id)).toBe("0")
          await expectConsistent(wallet.id)
        })
      })

      describe("expireDueLots", () => {
        it("should expire only due lots, one expiry transaction each, and be safe to repeat", async () => {
          const wallet = await newWallet()
          const other = await newWallet("irr", "cus_2")
          await credit(wallet.id, "100", "due1", { expires_at: new Date(Date.now() + 1 * DAY) })
          await credit(wallet.id, "200", "due2", { expires_at: new Date(Date.now() + 2 * DAY) })
          await credit(wallet.id, "400", "notdue", { expires_at: new Date(Date.now() + 30 * DAY) })
          await credit(other.id, "50", "due3", { expires_at: new Date(Date.now() + 1 * DAY) })
          await debit(wallet.id, "30", "spent")

          const at = new Date(Date.now() + 3 * DAY)
          const first = await service.expireDueLots({ at, batch_size: 2 })
          expect(first.lots).toBe(3)
          const second = await service.expireDueLots({ at })
          expect(second.lots).toBe(0)

          const expiries = await service.listWalletTransactions(
            { wallet_id: [wallet.id, other.id], type: "expiry" },
            { order: { amount: "ASC" } }
          )
          expect(expiries.map((t: any) => String(t.amount)).sort()).toEqual(
            ["-200", "-50", "-70"].sort()
          )
          const balances = await service.getBalances([wallet.id, other.id], { at })
          expect(balances[wallet.id].available).toBe("400")
          expect(balances[other.id].available).toBe("0")
          const totals = await service.getLedgerTotals([wallet.id, other.id])
          expect(totals[wallet.id]).toBe("400")
          expect(totals[other.id]).toBe("0")
          await expectConsistent(wallet.id)
          await expectConsistent(other.id)
        })

        it("should give back expired credit with a grace period when a debit is reversed", async () => {
          const wallet = await newWallet()
          await credit(wallet.id, "100", "e", { expires_at: new Date(Date.now() + DAY) })
          const spent = await debit(wallet.id, "100", "cart")
          // The lot's date passes while the money is out of the wallet.
          await service.updateWalletLots({
            selector: { wallet_id: wallet.id },
            data: { expires_at: new Date(Date.now() - 1000) },
          })
          await service.reverseTransaction({ transaction_id: spent.transaction.id })
          const balance = (await service.getBalances([wallet.id]))[wallet.id]
          expect(balance.available).toBe("100")
          expect(balance.expiring_soon).toBe("100")
          await expectConsistent(wallet.id)
        })
      })

      describe("debt under force_negative", () => {
        // Cashback A is spent, A is canceled while B's cashback is held: the
        // take-back leaves a debt that B's release must pay before anything
        // of B can be spent.
        const indebted = async (release: "time" | "event") => {
          const wallet = await newWallet()
          const a = await credit(wallet.id, "1000", "order_a")
          const until = new Date(Date.UTC(9999, 0, 1))
          const b = await credit(wallet.id, "600", "order_b", {
            available_at: release === "time" ? new Date(Date.now() + 1500) : until,
          })
          await debit(wallet.id, "1000", "cart_spend_a")
          const taken = await service.clawbackCredit({
            transaction_id: a.transaction.id,
            target: "1000",
            strategy: "force_negative",
          })
          expect(taken.debt).toBe("1000")
          if (release === "time") {
            await new Promise((r) => setTimeout(r, 1600))
            await service.markReleasedLots()
          } else {
            await service.releaseLots([{ transaction_id: b.transaction.id }], { at: new Date(), until })
          }
          return wallet
        }

        it.each(["time", "event"] as const)(
          "should pay the debt from credit released by %s before it can be spent",
          async (release) => {
            const wallet = await indebted(release)
            await expect(debit(wallet.id, "1", "cart_after")).rejects.toThrow(
              `Wallet (${wallet.id}) has insufficient balance: 0 IRR available, 1 requested`
            )
            expect((await service.getBalances([wallet.id]))[wallet.id].available).toBe("-400")
            expect((await lots(wallet.id)).map((l) => l.remaining)).toEqual(["0", "0", "-400"])
            await expectConsistent(wallet.id)
            // Later credit pays the rest of the debt first.
            await credit(wallet.id, "500", "gift")
            expect((await service.getBalances([wallet.id]))[wallet.id].available).toBe("100")
            expect((await debit(wallet.id, "100", "cart_last")).transaction.amount).toBe("-100")
            await expect(debit(wallet.id, "1", "cart_more")).rejects.toThrow("insufficient balance")
            await expectConsistent(wallet.id)
          }
        )

        it("should count the debt when the held credit becomes spendable without any write", async () => {
          const wallet = await newWallet()
          const a = await credit(wallet.id, "1000", "order_a")
          await credit(wallet.id, "600", "order_b", { available_at: new Date(Date.now() + 1000) })
          await debit(wallet.id, "1000", "cart_spend_a")
          await service.clawbackCredit({ transaction_id: a.transaction.id, target: "1000", strategy: "force_negative" })
          await new Promise((r) => setTimeout(r, 1100))
          // No release run yet: the debit itself pays the debt first.
          await expect(debit(wallet.id, "600", "cart_b")).rejects.toThrow(
            "has insufficient balance: 0 IRR available, 600 requested"
          )
          await expectConsistent(wallet.id)
        })
      })

      describe("giving back a debit", () => {
        it("should give back at most the debit when a cancel and a return race", async () => {
          for (let round = 0; round < 8; round++) {
            const wallet = await newWallet("irr", `cus_race_${round}`)
            await credit(wallet.id, "1000", "seed")
            const spent = await debit(wallet.id, "1000", "cart_race")
            // A return gives back 400 of it while the order is canceled.
            await Promise.all([
              service.giveBackDebit({ transaction_id: spent.transaction.id, target: "400" }),
              service.reverseTransaction({ transaction_id: spent.transaction.id }),
            ])
            expect((await service.getBalances([wallet.id]))[wallet.id].available).toBe("1000")
            await expectConsistent(wallet.id)
          }
        })

        it("should reverse only what partial give-backs left, and give nothing after a reversal", async () => {
          const wallet = await newWallet()
          await credit(wallet.id, "1000", "seed")
          const spent = await debit(wallet.id, "1000", "cart_partial")
          await service.giveBackDebit({ transaction_id: spent.transaction.id, target: "250" })
          const reversal = await service.reverseTransaction({ transaction_id: spent.transaction.id })
          expect(reversal.transaction.amount).toBe("750")
          const after = await service.giveBackDebit({ transaction_id: spent.transaction.id, target: "1000" })
          expect(after.created).toBe(false)
          expect((await service.getBalances([wallet.id]))[wallet.id].available).toBe("1000")
          await expectConsistent(wallet.id)
        })
      })
    })
  },
})
