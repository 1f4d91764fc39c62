import { Context } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import {
  LoyaltyClubModuleOptions,
  WalletBalance,
  WalletTransactionRow,
} from "../../types"
import { sql } from "../sql"
import { LedgerLots, TX_COLUMNS } from "./lots"

/** Reading the ledger: balances, pages of rows, credit dates, totals. */
export class LedgerReads {
  constructor(
    protected readonly options_: Required<LoyaltyClubModuleOptions>,
    protected readonly lots: LedgerLots
  ) {}

  /**
   * Balances: available (spendable now), pending (not yet spendable),
   * expiring within `expiring_soon_days`, and the next expiry. Read from the
   * cached ledger sum and only the lots that are pending or near expiry, so
   * the cost does not grow with the wallet's history.
   */
  async getBalances(
    walletIds: string[],
    options: { expiring_within_days?: number; at?: Date } = {},
    sharedContext: Context
  ): Promise<Record<string, WalletBalance>> {
    if (!walletIds.length) {
      return {}
    }
    const manager = sql(sharedContext)
    const at = options.at ?? new Date()
    const days = options.expiring_within_days ?? this.options_.expiring_soon_days
    const soon = new Date(at.getTime() + days * 86400000)
    const open = "l.wallet_id = w.id AND l.remaining > 0 AND l.expired_at IS NULL AND l.deleted_at IS NULL"
    const rows = await manager.execute(
      `SELECT w.id, w.balance,
         (SELECT COALESCE(SUM(l.remaining), 0) FROM loyalty_wallet_lot l
           WHERE ${open} AND l.available_at > ?) AS pending,
         (SELECT COALESCE(SUM(l.remaining), 0) FROM loyalty_wallet_lot l
           WHERE ${open} AND l.expires_at <= ?) AS overdue,
         (SELECT COALESCE(SUM(l.remaining), 0) FROM loyalty_wallet_lot l
           WHERE ${open} AND l.expires_at > ? AND l.expires_at <= ?
             AND (l.available_at IS NULL OR l.available_at <= ?)) AS expiring_soon,
         (SELECT MIN(l.expires_at) FROM loyalty_wallet_lot l
           WHERE ${open} AND l.expires_at > ?
             AND (l.available_at IS NULL OR l.available_at <= ?)) AS next_expiry_at
       FROM loyalty_wallet w
       WHERE w.id IN (?) AND w.deleted_at IS NULL`,
      [at, at, at, soon, at, at, at, walletIds]
    )
    const result: Record<string, WalletBalance> = {}
    for (const row of rows) {
      // Credit past its date still counts in the ledger until the expiry run
      // writes it off, but it can no longer be spent.
      const available = MathBN.sub(row.balance, row.pending, row.overdue)
      result[row.id] = {
        available: available.toFixed(),
        pending: MathBN.convert(row.pending).toFixed(),
        expiring_soon: MathBN.convert(row.expiring_soon).toFixed(),
        expiring_within_days: days,
        next_expiry_at: row.next_expiry_at ? new Date(row.next_expiry_at) : null,
      }
    }
    return result
  }

  /** One page of a wallet's ledger, newest first, amounts as exact strings. */
  async listWalletLedger(
    walletId: string,
    page: { skip?: number; take?: number } = {},
    sharedContext: Context
  ): Promise<{ transactions: WalletTransactionRow[]; count: number }> {
    const manager = sql(sharedContext)
    const rows = await manager.execute(
      `SELECT ${TX_COLUMNS} FROM loyalty_wallet_transaction
       WHERE wallet_id = ? AND deleted_at IS NULL
       ORDER BY created_at DESC, id DESC
       LIMIT ? OFFSET ?`,
      [walletId, page.take ?? 20, page.skip ?? 0]
    )
    const [{ count }] = await manager.execute(
      `SELECT count(*)::int AS count FROM loyalty_wallet_transaction
       WHERE wallet_id = ? AND deleted_at IS NULL`,
      [walletId]
    )
    return { transactions: rows.map((r: any) => this.lots.formatTransaction(r)), count }
  }

  /** When the credit of these transactions becomes spendable and expires (their lots). */
  async listCreditDates(
    transactionIds: string[],
    sharedContext: Context
  ): Promise<Record<string, { available_at: Date | null; expires_at: Date | null }>> {
    if (!transactionIds.length) {
      return {}
    }
    const rows = await sql(sharedContext).execute(
      `SELECT transaction_id, available_at, expires_at FROM loyalty_wallet_lot
       WHERE transaction_id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND amount > 0
         AND deleted_at IS NULL`,
      [JSON.stringify(transactionIds)]
    )
    return Object.fromEntries(
      rows.map((r: any) => [
        r.transaction_id,
        {
          available_at: r.available_at ? new Date(r.available_at) : null,
          expires_at: r.expires_at ? new Date(r.expires_at) : null,
        },
      ])
    )
  }

  /**
   * The sum of each wallet's ledger rows. It equals the remaining amount of
   * its unexpired lots: tests hold the derived balances to this.
   */
  async getLedgerTotals(
    walletIds: string[],
    sharedContext: Context
  ): Promise<Record<string, string>> {
    const rows = await sql(sharedContext).execute(
      `SELECT wallet_id, COALESCE(SUM(amount), 0) AS total
       FROM loyalty_wallet_transaction
       WHERE wallet_id IN (?) AND deleted_at IS NULL GROUP BY wallet_id`,
      [walletIds]
    )
    const result: Record<string, string> = {}
    for (const id of walletIds) {
      result[id] = "0"
    }
    for (const row of rows) {
      result[row.wallet_id] = MathBN.convert(row.total).toFixed()
    }
    return result
  }
}
