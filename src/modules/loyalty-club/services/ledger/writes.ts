import { Context, DAL } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
} from "@medusajs/framework/utils"
import BigNumberJS from "bignumber.js"
import { isKnownCurrency, roundToCurrency } from "../../../../utils/money"
import {
  CreditWalletInput,
  DebitWalletInput,
  LedgerWriteResult,
  LoyaltyClubModuleOptions,
  WalletStatus,
  WalletStatusChange,
  WalletStatusState,
  WalletTransactionRow,
  GiveBackDebitInput,
} from "../../types"
import { ledgerTransaction, sql, SqlManager } from "../sql"
import { LedgerLots, SPENDABLE_LOTS, TX_COLUMNS } from "./lots"
import { LoyaltyErrorCode } from "../../../../utils/error-codes"

/**
 * Wallets (find or create, freeze) and the everyday writes: credit, debit,
 * and giving back part of a debit. `baseRepository_` is the module's, so
 * the `@InjectTransactionManager()` methods open the same ORM transaction
 * the module service's did.
 */
export class LedgerWrites {
  constructor(
    protected readonly baseRepository_: DAL.RepositoryService,
    protected readonly options_: Required<LoyaltyClubModuleOptions>,
    protected readonly lots: LedgerLots
  ) {}

  /**
   * Returns the customer's wallet in a currency, creating it when missing.
   * Safe under concurrency: the unique (customer, currency) index decides.
   */
  async retrieveOrCreateWallet(
    data: { customer_id: string; currency_code: string },
    sharedContext: Context
  ): Promise<{ wallet: Record<string, any>; created: boolean }> {
    return await this.retrieveOrCreateWallet_(data, sharedContext)
  }

  @InjectTransactionManager()
  protected async retrieveOrCreateWallet_(
    data: { customer_id: string; currency_code: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const currency = data.currency_code?.toLowerCase()
    if (!currency || !isKnownCurrency(currency)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `currency_code (${data.currency_code}) is not a known currency code`,
        LoyaltyErrorCode.CURRENCY_UNKNOWN
      )
    }
    const manager = sql(sharedContext)
    const inserted = await manager.execute(
      `INSERT INTO loyalty_wallet (id, customer_id, currency_code, status, created_at, updated_at)
       VALUES (?, ?, ?, 'active', now(), now())
       ON CONFLICT (customer_id, currency_code) WHERE deleted_at IS NULL DO NOTHING
       RETURNING *`,
      [generateEntityId(undefined, "lwal"), data.customer_id, currency]
    )
    if (inserted.length) {
      return { wallet: inserted[0], created: true }
    }
    const [wallet] = await manager.execute(
      `SELECT * FROM loyalty_wallet
       WHERE customer_id = ? AND currency_code = ? AND deleted_at IS NULL`,
      [data.customer_id, currency]
    )
    return { wallet, created: false }
  }

  /**
   * Adds credit to a wallet as a new lot. A repeat of the same
   * (type, reference, reference_id) returns the first transaction unchanged.
   */
  async creditWallet(
    data: CreditWalletInput,
    sharedContext: Context
  ): Promise<LedgerWriteResult> {
    return await ledgerTransaction(sharedContext, (sql) =>
      this.creditWallet_(sql, data)
    )
  }

  protected async creditWallet_(
    manager: SqlManager,
    data: CreditWalletInput,
  ): Promise<LedgerWriteResult> {
    const type = data.type ?? "credit"
    const wallet = await this.lots.lockWallet(manager, data.wallet_id, "credit")
    const amount = this.lots.ledgerAmount(data, wallet.currency_code)
    if (
      data.expires_at &&
      data.available_at &&
      new Date(data.expires_at) <= new Date(data.available_at)
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "expires_at must be later than available_at",
        LoyaltyErrorCode.EXPIRES_AT_INVALID
      )
    }

    const transaction = await this.lots.insertTransaction(manager, {
      wallet_id: wallet.id,
      type,
      amount,
      data,
    })
    if (!transaction) {
      return {
        transaction: (await this.lots.findByKey(manager, wallet.id, type, data))!,
        created: false,
      }
    }
    await this.lots.insertLot(manager, {
      wallet_id: wallet.id,
      transaction_id: transaction.id,
      amount,
      available_at: data.available_at ? new Date(data.available_at) : null,
      expires_at: data.expires_at ? new Date(data.expires_at) : null,
    })
    await this.lots.settleDebt(manager, wallet.id)
    return { transaction, created: true }
  }

  /**
   * Takes credit out of a wallet, from the lots that expire soonest. Refuses
   * with NOT_ALLOWED when the available balance is short. A repeat of the
   * same (type, reference, reference_id) returns the first transaction.
   */
  async debitWallet(
    data: DebitWalletInput,
    sharedContext: Context
  ): Promise<LedgerWriteResult> {
    return await ledgerTransaction(sharedContext, (sql) =>
      this.debitWallet_(sql, data)
    )
  }

  protected async debitWallet_(
    manager: SqlManager,
    data: DebitWalletInput,
  ): Promise<LedgerWriteResult> {
    const type = data.type ?? "debit"
    const wallet = await this.lots.lockWallet(manager, data.wallet_id, "debit")
    const requested = this.lots.ledgerAmount(data, wallet.currency_code)

    // The ledger row goes in first so that a repeated key stops here; when
    // the balance turns out short, the error rolls the row back with the rest.
    let key = { ...data }
    let transaction: WalletTransactionRow | undefined
    for (let attempt = 1; ; attempt++) {
      transaction = await this.lots.insertTransaction(manager, {
        wallet_id: wallet.id,
        type,
        amount: requested.negated(),
        data: key,
      })
      if (transaction) {
        break
      }
      const existing = (await this.lots.findByKey(manager, wallet.id, type, key))!
      if (!data.again_after_reversal || !(await this.lots.isReversed(manager, existing.id))) {
        return { transaction: existing, created: false }
      }
      key = { ...data, reference_id: `${data.reference_id}#${attempt + 1}` }
    }

    // Debt (a take-back that found the credit spent) is paid first: what a
    // debit may take is the balance after debt, whatever became spendable
    // since the debt was written.
    const debt = await this.lots.settleDebt(manager, wallet.id)
    const now = new Date()
    const lots: { id: string; remaining: string }[] = await manager.execute(
      SPENDABLE_LOTS,
      [wallet.id, now, now]
    )
    const available = BigNumberJS.max(MathBN.sub(MathBN.sum(0, ...lots.map((l) => l.remaining)), debt), 0)
    if (MathBN.lt(available, requested)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Wallet (${wallet.id}) has insufficient balance: ${available.toFixed()} ${wallet.currency_code.toUpperCase()} available, ${requested.toFixed()} requested`,
        LoyaltyErrorCode.INSUFFICIENT_BALANCE
      )
    }
    const takes: { lot_id: string; amount: BigNumberJS }[] = []
    let left = requested
    for (const lot of lots) {
      if (!left.isGreaterThan(0)) {
        break
      }
      const take = MathBN.min(lot.remaining, left)
      takes.push({ lot_id: lot.id, amount: take })
      left = MathBN.sub(left, take)
    }
    await this.lots.moveLots(manager, wallet.id, transaction.id, takes, "subtract")
    return { transaction, created: true }
  }

  /**
   * Gives back part of what a debit took (e.g. the wallet-paid share of
   * returned items) as a new lot. `target` is the total to have given back
   * from this debit so far, counting a full reversal and earlier give-backs:
   * the call gives only the difference, keyed by (debit, target), so a
   * repeated event gives nothing more. The lot expires when the latest lot
   * the debit took would have, and never sooner than `restore_grace_days`.
   */
  async giveBackDebit(
    data: GiveBackDebitInput,
    sharedContext: Context
  ): Promise<{ transaction: WalletTransactionRow | null; created: boolean }> {
    return await ledgerTransaction(sharedContext, async (manager) => {
      const [debit] = await manager.execute(
        `SELECT ${TX_COLUMNS} FROM loyalty_wallet_transaction WHERE id = ? AND deleted_at IS NULL`,
        [data.transaction_id]
      )
      if (!debit || !MathBN.lt(debit.amount, 0) || debit.type === "expiry") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Wallet transaction (${data.transaction_id}) is not a debit that can be given back`
        )
      }
      const wallet = await this.lots.lockWallet(manager, debit.wallet_id, "reverse")
      const taken = MathBN.convert(debit.amount).negated()
      const target = MathBN.min(roundToCurrency(data.target, wallet.currency_code, "down"), taken)
      const [{ reversed }] = await manager.execute(
        `SELECT COALESCE(SUM(amount), 0) AS reversed FROM loyalty_wallet_transaction
         WHERE wallet_id = ? AND reverses_id = ? AND type = 'reversal' AND deleted_at IS NULL`,
        [wallet.id, debit.id]
      )
      const given = MathBN.add(reversed, await this.lots.givenBackOf(manager, wallet.id, debit.id))
      const due = MathBN.sub(target, given)
      if (!due.isGreaterThan(0)) {
        return { transaction: null, created: false }
      }
      const transaction = await this.lots.insertTransaction(manager, {
        wallet_id: wallet.id,
        type: "credit",
        amount: due,
        data: {
          reference: "debit_give_back",
          reference_id: `${debit.id}:${target.toFixed()}`,
          note: data.note ?? null,
          actor_type: data.actor_type,
          actor_id: data.actor_id,
          metadata: { ...(data.metadata ?? {}), debit_id: debit.id, target: target.toFixed() },
        },
      })
      if (!transaction) {
        return { transaction: null, created: false }
      }
      const [{ expires_at, never }] = await manager.execute(
        `SELECT MAX(l.expires_at) AS expires_at, bool_or(l.expires_at IS NULL) AS never
         FROM loyalty_wallet_lot_allocation a JOIN loyalty_wallet_lot l ON l.id = a.lot_id
         WHERE a.transaction_id = ? AND a.deleted_at IS NULL`,
        [debit.id]
      )
      const grace = new Date(Date.now() + this.options_.restore_grace_days * 86400000)
      await this.lots.insertLot(manager, {
        wallet_id: wallet.id,
        transaction_id: transaction.id,
        amount: due,
        available_at: null,
        expires_at: never ? null : expires_at && new Date(expires_at) > grace ? new Date(expires_at) : grace,
      })
      await this.lots.settleDebt(manager, wallet.id)
      return { transaction, created: true }
    })
  }

  async setWalletStatus(
    walletId: string,
    status: WalletStatus,
    change: WalletStatusChange,
    sharedContext: Context
  ) {
    return await this.setWalletStatus_(walletId, status, change, sharedContext)
  }

  /**
   * Sets the status with its reason, moment and admin; answers the state
   * before, which an undo writes back as it was.
   */
  @InjectTransactionManager()
  protected async setWalletStatus_(
    walletId: string,
    status: WalletStatus,
    change: WalletStatusChange,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; status: WalletStatus; previous: WalletStatusState }> {
    const manager = sql(sharedContext)
    await this.lots.lockWallet(manager, walletId, "reverse")
    const [before] = await manager.execute(
      `SELECT status, status_reason, status_changed_at, status_changed_by FROM loyalty_wallet WHERE id = ?`,
      [walletId]
    )
    await manager.execute(
      `UPDATE loyalty_wallet
       SET status = ?, status_reason = ?, status_changed_at = ?, status_changed_by = ?, updated_at = now()
       WHERE id = ?`,
      [status, change.reason ?? null, change.at ?? new Date(), change.actor_id ?? null, walletId]
    )
    return {
      id: walletId,
      status,
      previous: {
        status: before.status,
        status_reason: before.status_reason ?? null,
        status_changed_at: before.status_changed_at ? new Date(before.status_changed_at) : null,
        status_changed_by: before.status_changed_by ?? null,
      },
    }
  }
}
