import { Context } from "@medusajs/framework/types"
import { generateEntityId, MathBN, MedusaError } from "@medusajs/framework/utils"
import BigNumberJS from "bignumber.js"
import { parsePositiveAmount, rawAmount, roundToCurrency } from "../../../../utils/money"
import {
  CreditWalletInput,
  LoyaltyClubModuleOptions,
  WalletTransactionRow,
} from "../../types"
import { ledgerTransaction, sql, SqlManager } from "../sql"
import { LoyaltyErrorCode } from "../../../../utils/error-codes"

export const TX_COLUMNS = `id, wallet_id, type, amount, reference, reference_id, note,
  actor_type, actor_id, reverses_id, metadata, created_at`

const UPDATE_BALANCE = `
  UPDATE loyalty_wallet
  SET balance = balance + ?::numeric,
      raw_balance = jsonb_build_object('value', (balance + ?::numeric)::text, 'precision', 20),
      updated_at = now()
  WHERE id = ?`

// Lots a debit may take from right now, soonest-to-expire first; credit that
// never expires goes last. Locked so expiry and reversals wait for the debit.
export const SPENDABLE_LOTS = `
  SELECT id, remaining FROM loyalty_wallet_lot
  WHERE wallet_id = ? AND remaining > 0 AND expired_at IS NULL AND deleted_at IS NULL
    AND (available_at IS NULL OR available_at <= ?)
    AND (expires_at IS NULL OR expires_at > ?)
  ORDER BY expires_at ASC NULLS LAST, created_at ASC, id ASC
  FOR UPDATE`

/**
 * The ledger's internals: the wallet lock, ledger rows, lots, their
 * allocations and debt. Called only from the other files of ledger/ (see
 * services/index.ts): nothing outside the ledger writes a lot or a ledger
 * row. Methods take the SqlManager of the transaction they run in.
 */
export class LedgerLots {
  constructor(protected readonly options_: Required<LoyaltyClubModuleOptions>) {}

  async lockWallet(
    manager: SqlManager,
    walletId: string,
    purpose: "credit" | "debit" | "reverse"
  ) {
    let wallet: { id: string; status: string; currency_code: string } | undefined
    try {
      // A write waiting for a busy wallet gives up after lock_timeout instead
      // of holding a connection forever. set_config(..., true) lasts for this
      // transaction and runs before the row lock, in the same round trip.
      ;[wallet] = await manager.execute(
        `SELECT id, status, currency_code FROM loyalty_wallet
         WHERE id = ? AND deleted_at IS NULL
           AND set_config('lock_timeout', ?, true) IS NOT NULL
         FOR UPDATE`,
        [walletId, String(Number(this.options_.lock_timeout_ms))]
      )
    } catch (error: any) {
      if (error?.code === "55P03") {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Wallet (${walletId}) is busy, try again`
        )
      }
      throw error
    }
    if (!wallet) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Wallet with id: ${walletId} was not found`,
        LoyaltyErrorCode.WALLET_NOT_FOUND
      )
    }
    if (wallet.status === "frozen" && purpose !== "reverse") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Wallet (${walletId}) is frozen: it cannot be ${purpose === "credit" ? "credited" : "debited"}`,
        LoyaltyErrorCode.WALLET_FROZEN
      )
    }
    return wallet
  }

  async findByKey(
    manager: SqlManager,
    walletId: string,
    type: string,
    key: { reference: string; reference_id: string }
  ): Promise<WalletTransactionRow | undefined> {
    const [row] = await manager.execute(
      `SELECT ${TX_COLUMNS} FROM loyalty_wallet_transaction
       WHERE wallet_id = ? AND type = ? AND reference = ? AND reference_id = ?
         AND deleted_at IS NULL`,
      [walletId, type, key.reference, key.reference_id]
    )
    return row ? this.formatTransaction(row) : undefined
  }

  /**
   * What partial give-backs returned of a debit so far: its give-back
   * credits less what undoing them took back again.
   */
  async givenBackOf(manager: SqlManager, walletId: string, debitId: string) {
    const [{ given }] = await manager.execute(
      `WITH credits AS (
         SELECT id, amount FROM loyalty_wallet_transaction
         WHERE wallet_id = ? AND type = 'credit' AND reference = 'debit_give_back'
           AND reference_id LIKE ? AND deleted_at IS NULL
       )
       SELECT COALESCE((SELECT SUM(amount) FROM credits), 0)
         + COALESCE((SELECT SUM(r.amount) FROM loyalty_wallet_transaction r
             WHERE r.wallet_id = ? AND r.type = 'reversal' AND r.deleted_at IS NULL
               AND r.reverses_id IN (SELECT id FROM credits)), 0) AS given`,
      [walletId, `${debitId.replace(/[\\%_]/g, "\\$&")}:%`, walletId]
    )
    return MathBN.convert(given)
  }

  async isReversed(manager: SqlManager, transactionId: string) {
    const rows = await manager.execute(
      `SELECT 1 FROM loyalty_wallet_transaction
       WHERE reverses_id = ? AND type = 'reversal' AND deleted_at IS NULL LIMIT 1`,
      [transactionId]
    )
    return rows.length > 0
  }

  ledgerAmount(
    data: { amount: unknown; rounding?: CreditWalletInput["rounding"] },
    currencyCode: string
  ): BigNumberJS {
    if (data.rounding) {
      const rounded = roundToCurrency(data.amount as any, currencyCode, data.rounding)
      return parsePositiveAmount(rounded, currencyCode)
    }
    return parsePositiveAmount(data.amount, currencyCode)
  }

  async insertTransaction(
    manager: SqlManager,
    {
      wallet_id,
      type,
      amount,
      data,
      reverses_id,
    }: {
      wallet_id: string
      type: string
      amount: BigNumberJS
      data: {
        reference: string
        reference_id: string
        note?: string | null
        actor_type?: string | null
        actor_id?: string | null
        metadata?: Record<string, unknown> | null
      }
      reverses_id?: string
    }
  ): Promise<WalletTransactionRow | undefined> {
    if (!data.reference || !data.reference_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "reference and reference_id are required for every ledger write"
      )
    }
    // A row with the same (wallet, type, reference, reference_id) already
    // there means this write happened before: nothing is inserted.
    const [row] = await manager.execute(
      `INSERT INTO loyalty_wallet_transaction (id, wallet_id, type, amount, raw_amount,
         reference, reference_id, note, actor_type, actor_id, reverses_id, metadata,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, clock_timestamp(), clock_timestamp())
       ON CONFLICT (wallet_id, type, reference, reference_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING ${TX_COLUMNS}`,
      [
        generateEntityId(undefined, "lwtx"),
        wallet_id,
        type,
        amount.toFixed(),
        rawAmount(amount),
        data.reference,
        data.reference_id,
        data.note ?? null,
        data.actor_type ?? null,
        data.actor_id ?? null,
        reverses_id ?? null,
        data.metadata ? JSON.stringify(data.metadata) : null,
      ]
    )
    return row ? this.formatTransaction(row) : undefined
  }

  /**
   * A new lot for a credit (or for credit given back after its own lot
   * expired), and the cached balance raised by it, in one statement.
   */
  async insertLot(
    manager: SqlManager,
    lot: {
      wallet_id: string
      transaction_id: string
      amount: BigNumberJS
      available_at: Date | null
      expires_at: Date | null
    }
  ) {
    await manager.execute(
      `WITH lot AS (
         INSERT INTO loyalty_wallet_lot (id, wallet_id, transaction_id, amount, raw_amount,
           remaining, raw_remaining, available_at, expires_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, now(), now())
         RETURNING id
       )
       ${UPDATE_BALANCE}`,
      [
        generateEntityId(undefined, "lwlot"),
        lot.wallet_id,
        lot.transaction_id,
        lot.amount.toFixed(),
        rawAmount(lot.amount),
        lot.amount.toFixed(),
        rawAmount(lot.amount),
        lot.available_at,
        lot.expires_at,
        lot.amount.toFixed(),
        lot.amount.toFixed(),
        lot.wallet_id,
      ]
    )
  }

  /**
   * Pays off debt (negative lots left by a `force_negative` take-back) from
   * the wallet's spendable lots, soonest-to-expire first. Runs on every
   * credit, release and debit of the wallet. The cached balance
   * already counts both, so only the lots move. One indexed read when there
   * is no debt.
   */
  async settleDebt(manager: SqlManager, walletId: string): Promise<BigNumberJS> {
    const debts: { id: string; remaining: string }[] = await manager.execute(
      `SELECT id, remaining FROM loyalty_wallet_lot
       WHERE wallet_id = ? AND remaining < 0 AND deleted_at IS NULL
       ORDER BY created_at, id FOR UPDATE`,
      [walletId]
    )
    if (!debts.length) {
      return new BigNumberJS(0)
    }
    // Only spendable credit pays: held credit may still be taken back with
    // its own order, and is settled when it is released or spent.
    const now = new Date()
    const credits: { id: string; remaining: string }[] = await manager.execute(SPENDABLE_LOTS, [
      walletId,
      now,
      now,
    ])
    const deltas = new Map<string, BigNumberJS>()
    let left = new BigNumberJS(0)
    let c = 0
    let creditLeft = credits.length ? MathBN.convert(credits[0].remaining) : null
    for (const debt of debts) {
      let owed = MathBN.convert(debt.remaining).negated()
      while (owed.isGreaterThan(0) && creditLeft) {
        const pay = MathBN.min(owed, creditLeft)
        owed = MathBN.sub(owed, pay)
        creditLeft = MathBN.sub(creditLeft, pay)
        deltas.set(debt.id, MathBN.add(deltas.get(debt.id) ?? 0, pay))
        deltas.set(credits[c].id, MathBN.sub(deltas.get(credits[c].id) ?? 0, pay))
        if (!creditLeft.isGreaterThan(0)) {
          c += 1
          creditLeft = c < credits.length ? MathBN.convert(credits[c].remaining) : null
        }
      }
      left = MathBN.add(left, owed)
    }
    if (!deltas.size) {
      return left
    }
    const moves = [...deltas]
    await manager.execute(
      `UPDATE loyalty_wallet_lot l
       SET remaining = l.remaining + m.delta,
           raw_remaining = jsonb_build_object('value', (l.remaining + m.delta)::text, 'precision', 20),
           updated_at = now()
       FROM (VALUES ${moves.map(() => "(?, ?::numeric)").join(", ")}) AS m (id, delta)
       WHERE l.id = m.id`,
      moves.flatMap(([id, delta]) => [id, delta.toFixed()])
    )
    return left
  }

  /**
   * Pays the debt of these wallets from what just became spendable (held
   * cashback released), one wallet at a time under its lock. Wallets with
   * no debt cost one read for all.
   */
  async settleDebtsOf(walletIds: string[], sharedContext: Context) {
    if (!walletIds.length) {
      return
    }
    const indebted = await sql(sharedContext).execute(
      `SELECT DISTINCT wallet_id FROM loyalty_wallet_lot
       WHERE wallet_id IN (SELECT jsonb_array_elements_text(?::jsonb))
         AND remaining < 0 AND deleted_at IS NULL`,
      [JSON.stringify([...new Set(walletIds)])]
    )
    for (const { wallet_id } of indebted) {
      await ledgerTransaction(sharedContext, async (sql) => {
        await this.lockWallet(sql, wallet_id, "reverse")
        await this.settleDebt(sql, wallet_id)
      })
    }
  }

  /**
   * Takes from ("subtract") or gives back to ("add") the given lots, records
   * them as the allocations of `transactionId` and moves the cached balance
   * by the same total, in one statement.
   */
  async moveLots(
    manager: SqlManager,
    walletId: string,
    transactionId: string,
    moves: { lot_id: string; amount: BigNumberJS }[],
    direction: "add" | "subtract"
  ) {
    if (!moves.length) {
      return
    }
    const sign = direction === "add" ? "+" : "-"
    const total = MathBN.sum(0, ...moves.map((t) => t.amount))
    const delta = direction === "add" ? total : total.negated()
    await manager.execute(
      `WITH moves (id, allocation_id, amount) AS (
         VALUES ${moves.map(() => "(?, ?, ?::numeric)").join(", ")}
       ), moved AS (
         UPDATE loyalty_wallet_lot l
         SET remaining = l.remaining ${sign} m.amount,
             raw_remaining = jsonb_build_object('value', (l.remaining ${sign} m.amount)::text, 'precision', 20),
             updated_at = now()
         FROM moves m WHERE l.id = m.id
         RETURNING 1
       ), allocated AS (
         INSERT INTO loyalty_wallet_lot_allocation (id, transaction_id, lot_id, amount,
           raw_amount, created_at, updated_at)
         SELECT m.allocation_id, ?, m.id, m.amount,
           jsonb_build_object('value', m.amount::text, 'precision', 20), now(), now()
         FROM moves m
         RETURNING 1
       )
       ${UPDATE_BALANCE}`,
      [
        ...moves.flatMap((m) => [
          m.lot_id,
          generateEntityId(undefined, "lwalc"),
          m.amount.toFixed(),
        ]),
        transactionId,
        delta.toFixed(),
        delta.toFixed(),
        walletId,
      ]
    )
  }

  formatTransaction(row: any): WalletTransactionRow {
    return {
      id: row.id,
      wallet_id: row.wallet_id,
      type: row.type,
      amount: MathBN.convert(row.amount).toFixed(),
      reference: row.reference,
      reference_id: row.reference_id,
      note: row.note ?? null,
      actor_type: row.actor_type ?? null,
      actor_id: row.actor_id ?? null,
      reverses_id: row.reverses_id ?? null,
      metadata: row.metadata ?? null,
      created_at: new Date(row.created_at),
    }
  }
}
