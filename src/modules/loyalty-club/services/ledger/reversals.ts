import { Context } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import BigNumberJS from "bignumber.js"
import { roundToCurrency } from "../../../../utils/money"
import {
  ClawbackCreditInput,
  ClawbackResult,
  LedgerWriteResult,
  LoyaltyClubModuleOptions,
  ReverseWalletTransactionInput,
} from "../../types"
import { ledgerTransaction, SqlManager } from "../sql"
import { LedgerLots, SPENDABLE_LOTS, TX_COLUMNS } from "./lots"

/** Undoing ledger rows: full reversals and (partial) take-backs of credit. */
export class LedgerReversals {
  constructor(
    protected readonly options_: Required<LoyaltyClubModuleOptions>,
    protected readonly lots: LedgerLots
  ) {}

  /**
   * Writes the row that undoes a transaction. Undoing a debit (or an expiry)
   * gives back exactly the lots it took; a lot that expired meanwhile comes
   * back as a new lot with a grace period. Undoing a credit takes back what is
   * left of its lot; what was already spent is recorded as `shortfall`.
   * Reversing twice returns the first reversal; a reversal is not reversible.
   */
  async reverseTransaction(
    data: ReverseWalletTransactionInput,
    sharedContext: Context
  ): Promise<LedgerWriteResult & { shortfall: string }> {
    return await ledgerTransaction(sharedContext, (sql) =>
      this.reverseTransaction_(sql, data)
    )
  }

  protected async reverseTransaction_(
    manager: SqlManager,
    data: ReverseWalletTransactionInput,
  ): Promise<LedgerWriteResult & { shortfall: string }> {
    const [original] = await manager.execute(
      `SELECT ${TX_COLUMNS} FROM loyalty_wallet_transaction WHERE id = ? AND deleted_at IS NULL`,
      [data.transaction_id]
    )
    if (!original) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Wallet transaction with id: ${data.transaction_id} was not found`
      )
    }
    if (original.type === "reversal") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Wallet transaction (${original.id}) is a reversal and cannot be reversed`
      )
    }
    // Compensation must work on a frozen wallet too: freezing stops new
    // spending and earning, not the undoing of a half-done operation.
    const wallet = await this.lots.lockWallet(manager, original.wallet_id, "reverse")
    const key = { reference: "transaction", reference_id: original.id }
    const existing = await this.lots.findByKey(manager, wallet.id, "reversal", key)
    if (existing) {
      return {
        transaction: existing,
        created: false,
        shortfall: existing.metadata?.shortfall ?? "0",
      }
    }

    const originalAmount = MathBN.convert(original.amount)
    const write = {
      ...key,
      note: data.note ?? null,
      actor_type: data.actor_type,
      actor_id: data.actor_id,
      metadata: data.metadata,
    }

    if (originalAmount.isNegative()) {
      const allocations: { lot_id: string; amount: string; expired: boolean }[] =
        await manager.execute(
          `SELECT a.lot_id, a.amount,
             (l.expired_at IS NOT NULL OR (l.expires_at IS NOT NULL AND l.expires_at <= now())) AS expired
           FROM loyalty_wallet_lot_allocation a
           JOIN loyalty_wallet_lot l ON l.id = a.lot_id
           WHERE a.transaction_id = ? AND a.deleted_at IS NULL
           ORDER BY l.id
           FOR UPDATE OF l`,
          [original.id]
        )
      // What earlier partial give-backs (a return, a refund) already gave
      // back of this debit is not given twice: read under the wallet lock,
      // so a cancel racing a return still gives back at most the debit.
      const givenBack = await this.lots.givenBackOf(manager, wallet.id, original.id)
      const restored = BigNumberJS.max(MathBN.sub(originalAmount.negated(), givenBack), 0)
      // The reversal key was checked under the wallet lock: this inserts.
      const transaction = (await this.lots.insertTransaction(manager, {
        wallet_id: wallet.id,
        type: "reversal",
        amount: restored,
        data: givenBack.isGreaterThan(0)
          ? { ...write, metadata: { ...(data.metadata ?? {}), given_back_before: givenBack.toFixed() } }
          : write,
        reverses_id: original.id,
      }))!
      // Lots that are still open come back first, then what expired.
      let left = restored
      const reopen: { lot_id: string; amount: BigNumberJS }[] = []
      for (const a of allocations.filter((a) => !a.expired)) {
        const amount = MathBN.min(a.amount, left)
        if (amount.isGreaterThan(0)) {
          reopen.push({ lot_id: a.lot_id, amount })
          left = MathBN.sub(left, amount)
        }
      }
      await this.lots.moveLots(manager, wallet.id, transaction.id, reopen, "add")

      const expired = left
      if (expired.isGreaterThan(0)) {
        await this.lots.insertLot(manager, {
          wallet_id: wallet.id,
          transaction_id: transaction.id,
          amount: expired,
          available_at: null,
          expires_at: new Date(Date.now() + this.options_.restore_grace_days * 86400000),
        })
      }
      await this.lots.settleDebt(manager, wallet.id)
      return { transaction, created: true, shortfall: "0" }
    }

    // Taking back a credit: only what is left of its lot can come back.
    const [lot] = await manager.execute(
      `SELECT id, remaining FROM loyalty_wallet_lot
       WHERE transaction_id = ? AND deleted_at IS NULL FOR UPDATE`,
      [original.id]
    )
    const left = lot ? MathBN.convert(lot.remaining) : new BigNumberJS(0)
    const take = MathBN.min(left, originalAmount)
    const shortfall = MathBN.sub(originalAmount, take)
    const transaction = (await this.lots.insertTransaction(manager, {
      wallet_id: wallet.id,
      type: "reversal",
      amount: take.negated(),
      data: {
        ...write,
        metadata: { ...(data.metadata ?? {}), shortfall: shortfall.toFixed() },
      },
      reverses_id: original.id,
    }))!
    const takes = take.isGreaterThan(0) ? [{ lot_id: lot.id, amount: take }] : []
    await this.lots.moveLots(manager, wallet.id, transaction.id, takes, "subtract")
    return { transaction, created: true, shortfall: shortfall.toFixed() }
  }

  /**
   * Takes back (part of) a credit, e.g. an order's cashback after a return.
   * `target` is the total to have taken back from this credit so far: the
   * call takes only what is still due, keyed by (credit, target), so a
   * repeated event changes nothing. What is due comes first from what is
   * left of the credit's own lot; when the shopper already spent it, the
   * strategy decides: `partial` takes the wallet's other spendable credit and
   * records the rest as `shortfall`, `force_negative` does the same and takes
   * the rest below zero as debt (a negative lot that later credit pays off),
   * `skip` lets the spent part go (recorded as `skipped`).
   */
  async clawbackCredit(
    data: ClawbackCreditInput,
    sharedContext: Context
  ): Promise<ClawbackResult> {
    return await ledgerTransaction(sharedContext, (sql) =>
      this.clawbackCredit_(sql, data)
    )
  }

  protected async clawbackCredit_(
    manager: SqlManager,
    data: ClawbackCreditInput
  ): Promise<ClawbackResult> {
    const [original] = await manager.execute(
      `SELECT ${TX_COLUMNS} FROM loyalty_wallet_transaction WHERE id = ? AND deleted_at IS NULL`,
      [data.transaction_id]
    )
    if (!original || !MathBN.gt(original.amount, 0) || original.type === "reversal") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Wallet transaction (${data.transaction_id}) is not a credit that can be taken back`
      )
    }
    const wallet = await this.lots.lockWallet(manager, original.wallet_id, "reverse")
    const credited = MathBN.convert(original.amount)
    const target = MathBN.min(
      roundToCurrency(data.target, wallet.currency_code, "down"),
      credited
    )
    // Everything taken back from this credit so far, including what earlier
    // take-backs found spent (shortfall, skipped): that part is settled too.
    const [{ claimed }] = await manager.execute(
      `SELECT COALESCE(SUM(-amount
         + COALESCE((metadata->>'shortfall')::numeric, 0)
         + COALESCE((metadata->>'skipped')::numeric, 0)), 0) AS claimed
       FROM loyalty_wallet_transaction
       WHERE reverses_id = ? AND type = 'reversal' AND deleted_at IS NULL`,
      [original.id]
    )
    const due = MathBN.sub(target, claimed)
    const nothing = { taken: "0", shortfall: "0", skipped: "0", debt: "0" }
    if (!due.isGreaterThan(0)) {
      return { transaction: null, created: false, ...nothing }
    }

    const [own] = await manager.execute(
      `SELECT id, remaining FROM loyalty_wallet_lot
       WHERE transaction_id = ? AND deleted_at IS NULL FOR UPDATE`,
      [original.id]
    )
    const takes: { lot_id: string; amount: BigNumberJS }[] = []
    let rest = due
    const ownLeft = own && MathBN.gt(own.remaining, 0) ? MathBN.convert(own.remaining) : null
    if (ownLeft) {
      const take = MathBN.min(ownLeft, rest)
      takes.push({ lot_id: own.id, amount: take })
      rest = MathBN.sub(rest, take)
    }
    let skipped = new BigNumberJS(0)
    let shortfall = new BigNumberJS(0)
    let debt = new BigNumberJS(0)
    if (rest.isGreaterThan(0) && data.strategy === "skip") {
      skipped = rest
    } else if (rest.isGreaterThan(0)) {
      const now = new Date()
      const lots: { id: string; remaining: string }[] = await manager.execute(
        SPENDABLE_LOTS,
        [wallet.id, now, now]
      )
      for (const lot of lots) {
        if (!rest.isGreaterThan(0)) {
          break
        }
        if (lot.id === own?.id) {
          continue
        }
        const take = MathBN.min(lot.remaining, rest)
        takes.push({ lot_id: lot.id, amount: take })
        rest = MathBN.sub(rest, take)
      }
      if (data.strategy === "force_negative") {
        debt = rest
      } else {
        shortfall = rest
      }
    }
    const taken = MathBN.sub(due, skipped, shortfall)
    const transaction = await this.lots.insertTransaction(manager, {
      wallet_id: wallet.id,
      type: "reversal",
      amount: taken.negated(),
      data: {
        reference: "clawback",
        reference_id: `${original.id}:${target.toFixed()}`,
        note: data.note ?? null,
        actor_type: data.actor_type,
        actor_id: data.actor_id,
        metadata: {
          ...(data.metadata ?? {}),
          strategy: data.strategy,
          target: target.toFixed(),
          shortfall: shortfall.toFixed(),
          skipped: skipped.toFixed(),
          debt: debt.toFixed(),
        },
      },
      reverses_id: original.id,
    })
    if (!transaction) {
      // Under the wallet lock a row with this key means `claimed` already
      // covers the target; kept for safety.
      return { transaction: null, created: false, ...nothing }
    }
    await this.lots.moveLots(manager, wallet.id, transaction.id, takes, "subtract")
    if (debt.isGreaterThan(0)) {
      await this.lots.insertLot(manager, {
        wallet_id: wallet.id,
        transaction_id: transaction.id,
        amount: debt.negated(),
        available_at: null,
        expires_at: null,
      })
      await this.lots.settleDebt(manager, wallet.id)
    }
    return {
      transaction,
      created: true,
      taken: taken.toFixed(),
      shortfall: shortfall.toFixed(),
      skipped: skipped.toFixed(),
      debt: debt.toFixed(),
    }
  }
}
