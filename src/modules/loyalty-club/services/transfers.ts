import { Context, DAL } from "@medusajs/framework/types"
import {
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
} from "@medusajs/framework/utils"
import { entityIds } from "../../../utils/ids"
import { LoyaltyErrorCode } from "../../../utils/error-codes"
import { rawAmount } from "../../../utils/money"
import { transferNotClaimable } from "../../../utils/transfer-errors"
import type { LedgerReversals } from "./ledger/reversals"
import type { LedgerWrites } from "./ledger/writes"
import { sql, SqlManager } from "./sql"

/**
 * The ledger writes a transfer makes, handed in by the facade: a transfer's
 * status moves in the same database transaction as its ledger row (a debit
 * when sent, a credit when claimed, a reversal when returned), so a claim
 * and a return racing can never both pay. The room writes no ledger table
 * itself; these methods join its transaction through `sharedContext`.
 */
export type TransferLedger = {
  writes: Pick<LedgerWrites, "retrieveOrCreateWallet" | "debitWallet" | "creditWallet">
  reversals: Pick<LedgerReversals, "reverseTransaction">
}

export type CreditTransferRow = {
  id: string
  sender_customer_id: string
  sender_wallet_id: string
  currency_code: string
  amount: string
  recipient_phone: string
  recipient_customer_id: string | null
  recipient_wallet_id: string | null
  status: "pending" | "claimed" | "returned"
  idempotency_key: string
  created_by_type: string
  created_by_id: string | null
  message: string | null
  claim_expires_at: Date
  credit_expires_at: Date | null
  debit_transaction_id: string | null
  credit_transaction_id: string | null
  return_transaction_id: string | null
  claimed_at: Date | null
  returned_at: Date | null
  created_at: Date
}

export type SendCreditTransferInput = {
  sender_customer_id: string
  currency_code: string
  /** Checked against the currency's precision by the caller. */
  amount: string
  /** E.164. */
  recipient_phone: string
  message?: string | null
  idempotency_key: string
  created_by_type: "customer" | "user"
  created_by_id?: string | null
  at: Date
  /** The shop's limits, read by the caller from the settings. */
  limits: {
    /** The largest single transfer in this currency; null: none. */
    max_amount: string | null
    /** The most sent per shop day in this currency; null: none. */
    daily_limit: string | null
    daily_count: number
    /** When the shop day `at` falls on began (the shop's time zone). */
    day_start: Date
    claim_days: number
  }
}

const COLUMNS = `id, sender_customer_id, sender_wallet_id, currency_code, amount, recipient_phone,
  recipient_customer_id, recipient_wallet_id, status, idempotency_key, created_by_type, created_by_id,
  message, claim_expires_at, credit_expires_at, debit_transaction_id, credit_transaction_id,
  return_transaction_id, claimed_at, returned_at, created_at`

const DAY_MS = 86400000

/** "+989121234567" -> "+98912***4567": who it went to, for the ledger's note. */
const maskPhone = (phone: string) =>
  phone.length > 8 ? `${phone.slice(0, phone.length - 7)}***${phone.slice(-4)}` : phone

/**
 * Credit a member sends to a phone: sending (limits checked under a lock on
 * the sender, the debit taken at once), claiming and returning (each a
 * conditional status move with its ledger write, in one transaction), the
 * transfers due back, and reads with exact amounts (one, a page).
 */
export class TransfersRoom {
  constructor(
    protected readonly baseRepository_: DAL.RepositoryService,
    protected readonly ledger: TransferLedger,
    protected readonly lockTimeoutMs: number
  ) {}

  /**
   * Sends credit: a pending transfer and the sender's debit keyed by it
   * ("transfer", id), which takes spendable credit only, soonest-to-expire
   * first. The transfer keeps the earliest expiry of the lots the debit
   * took, and its claim window never outlives that credit. The sender is
   * locked for the whole check-and-write (a transaction-scoped advisory
   * lock), so concurrent sends cannot pass the per-transfer, daily amount
   * and daily count limits, and the wallet lock the debit takes keeps them
   * from overdrawing. The same key again answers the first transfer
   * (`created: false`); the same key with another amount, currency, phone
   * or message is a CONFLICT naming what differs.
   */
  async sendTransfer(
    data: SendCreditTransferInput,
    sharedContext: Context
  ): Promise<{ transfer: CreditTransferRow; created: boolean }> {
    return await this.sendTransfer_(data, sharedContext)
  }

  @InjectTransactionManager()
  protected async sendTransfer_(
    data: SendCreditTransferInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transfer: CreditTransferRow; created: boolean }> {
    const manager = sql(sharedContext)
    await this.lockSender(manager, data.sender_customer_id)
    const currency = data.currency_code.toLowerCase()
    const message = data.message?.trim() || null

    const [existing] = await manager.execute(
      `SELECT ${COLUMNS} FROM loyalty_credit_transfer
       WHERE sender_customer_id = ? AND idempotency_key = ? AND deleted_at IS NULL`,
      [data.sender_customer_id, data.idempotency_key]
    )
    if (existing) {
      const transfer = this.format(existing)
      const differs = [
        transfer.currency_code !== currency && "currency_code",
        !MathBN.eq(transfer.amount, data.amount) && "amount",
        transfer.recipient_phone !== data.recipient_phone && "phone",
        (transfer.message ?? null) !== message && "message",
      ].filter(Boolean)
      if (differs.length) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Idempotency-Key (${data.idempotency_key}) was used for transfer ${transfer.id} with a different ${differs.join(", ")}`,
          LoyaltyErrorCode.TRANSFER_KEY_MISMATCH
        )
      }
      return { transfer, created: false }
    }

    const [wallet] = await manager.execute(
      `SELECT id, status FROM loyalty_wallet
       WHERE customer_id = ? AND currency_code = ? AND deleted_at IS NULL`,
      [data.sender_customer_id, currency]
    )
    if (!wallet) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Customer (${data.sender_customer_id}) has no ${currency.toUpperCase()} credit to send`,
        LoyaltyErrorCode.INSUFFICIENT_BALANCE
      )
    }
    if (wallet.status === "frozen") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Wallet (${wallet.id}) is frozen: it cannot send credit`,
        LoyaltyErrorCode.WALLET_FROZEN
      )
    }

    const { limits } = data
    if (limits.max_amount !== null && MathBN.gt(data.amount, limits.max_amount)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `amount ${data.amount} is more than the ${limits.max_amount} ${currency.toUpperCase()} one transfer may send`,
        LoyaltyErrorCode.TRANSFER_OVER_MAX_AMOUNT
      )
    }
    // Everything sent since the shop day began, returned transfers too:
    // the limits are on sending, whatever became of it.
    const [today] = await manager.execute(
      `SELECT count(*)::int AS count,
         COALESCE(SUM(amount) FILTER (WHERE currency_code = ?), 0)::text AS sent
       FROM loyalty_credit_transfer
       WHERE sender_customer_id = ? AND created_at >= ? AND deleted_at IS NULL`,
      [currency, data.sender_customer_id, limits.day_start.toISOString()]
    )
    if (today.count >= limits.daily_count) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Customer (${data.sender_customer_id}) already sent ${today.count} transfers today, the most the shop allows`,
        LoyaltyErrorCode.TRANSFER_DAILY_COUNT
      )
    }
    if (limits.daily_limit !== null && MathBN.gt(MathBN.add(today.sent, data.amount), limits.daily_limit)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `amount ${data.amount} would pass the daily limit: ${MathBN.convert(today.sent).toFixed()} of ${limits.daily_limit} ${currency.toUpperCase()} already sent today`,
        LoyaltyErrorCode.TRANSFER_DAILY_LIMIT
      )
    }

    const [id] = entityIds("lctr", 1)
    const amount = MathBN.convert(data.amount)
    await manager.execute(
      `INSERT INTO loyalty_credit_transfer (id, sender_customer_id, sender_wallet_id, currency_code, amount,
         raw_amount, recipient_phone, status, idempotency_key, created_by_type, created_by_id, message,
         claim_expires_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, 'pending', ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        data.sender_customer_id,
        wallet.id,
        currency,
        amount.toFixed(),
        rawAmount(amount),
        data.recipient_phone,
        data.idempotency_key,
        data.created_by_type,
        data.created_by_id ?? null,
        message,
        new Date(data.at.getTime() + limits.claim_days * DAY_MS).toISOString(),
        data.at.toISOString(),
        data.at.toISOString(),
      ]
    )
    const debit = await this.ledger.writes.debitWallet(
      {
        wallet_id: wallet.id,
        amount: amount.toFixed(),
        reference: "transfer",
        reference_id: id,
        note: `Credit sent to ${maskPhone(data.recipient_phone)}`,
        actor_type: data.created_by_type,
        actor_id: data.created_by_id ?? data.sender_customer_id,
        metadata: { transfer_id: id },
      },
      sharedContext
    )
    // The earliest expiry of what was sent (credit that never expires has
    // none): the recipient's credit keeps it, and the claim closes by then.
    const [row] = await manager.execute(
      `WITH sent AS (
         SELECT min(l.expires_at) AS expires_at
         FROM loyalty_wallet_lot_allocation a JOIN loyalty_wallet_lot l ON l.id = a.lot_id
         WHERE a.transaction_id = ? AND a.deleted_at IS NULL
       )
       UPDATE loyalty_credit_transfer t
       SET debit_transaction_id = ?, credit_expires_at = sent.expires_at,
           claim_expires_at = LEAST(t.claim_expires_at, COALESCE(sent.expires_at, t.claim_expires_at))
       FROM sent WHERE t.id = ?
       RETURNING ${COLUMNS}`,
      [debit.transaction.id, debit.transaction.id, id]
    )
    return { transfer: this.format(row), created: true }
  }

  /**
   * Undoes a send that its workflow could not finish: the pending transfer
   * is withdrawn (its key free again) and its debit reversed, restoring the
   * lots it took, in one transaction. Nothing when it was claimed or
   * returned meanwhile.
   */
  async withdrawTransfer(transferId: string, sharedContext: Context): Promise<void> {
    return await this.withdrawTransfer_(transferId, sharedContext)
  }

  @InjectTransactionManager()
  protected async withdrawTransfer_(
    transferId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const [row] = await sql(sharedContext).execute(
      `UPDATE loyalty_credit_transfer SET deleted_at = now(), updated_at = now()
       WHERE id = ? AND status = 'pending' AND deleted_at IS NULL
       RETURNING debit_transaction_id`,
      [transferId]
    )
    if (row?.debit_transaction_id) {
      await this.ledger.reversals.reverseTransaction(
        { transaction_id: row.debit_transaction_id, note: "Transfer withdrawn", metadata: { transfer_id: transferId } },
        sharedContext
      )
    }
  }

  /**
   * Gives a pending transfer to `recipient_customer_id`: the status moves
   * from `pending` to `claimed` only while the claim window is open, and
   * the recipient's wallet gets the credit (keyed ("transfer", id), expiring
   * with the credit sent), in the same transaction. A return that moved it
   * first leaves nothing to claim (NOT_ALLOWED); the same recipient claiming
   * again gets the transfer back unchanged (`claimed: false`).
   */
  async claimTransfer(
    data: { transfer_id: string; recipient_customer_id: string; at: Date },
    sharedContext: Context
  ): Promise<{ transfer: CreditTransferRow; claimed: boolean }> {
    return await this.claimTransfer_(data, sharedContext)
  }

  @InjectTransactionManager()
  protected async claimTransfer_(
    data: { transfer_id: string; recipient_customer_id: string; at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transfer: CreditTransferRow; claimed: boolean }> {
    const manager = sql(sharedContext)
    const [moved] = await manager.execute(
      `UPDATE loyalty_credit_transfer
       SET status = 'claimed', claimed_at = ?, recipient_customer_id = ?, updated_at = now()
       WHERE id = ? AND status = 'pending' AND claim_expires_at > ? AND deleted_at IS NULL
       RETURNING ${COLUMNS}`,
      [data.at.toISOString(), data.recipient_customer_id, data.transfer_id, data.at.toISOString()]
    )
    if (!moved) {
      const current = await this.retrieve(manager, data.transfer_id)
      if (current.status === "claimed" && current.recipient_customer_id === data.recipient_customer_id) {
        return { transfer: current, claimed: false }
      }
      throw transferNotClaimable(current)
    }
    const transfer = this.format(moved)
    const { wallet } = await this.ledger.writes.retrieveOrCreateWallet(
      { customer_id: data.recipient_customer_id, currency_code: transfer.currency_code },
      sharedContext
    )
    const credit = await this.ledger.writes.creditWallet(
      {
        wallet_id: wallet.id,
        amount: transfer.amount,
        reference: "transfer",
        reference_id: transfer.id,
        expires_at: transfer.credit_expires_at,
        note: "Credit received from a club member",
        actor_type: "customer",
        actor_id: data.recipient_customer_id,
        metadata: { transfer_id: transfer.id },
      },
      sharedContext
    )
    const [row] = await manager.execute(
      `UPDATE loyalty_credit_transfer SET recipient_wallet_id = ?, credit_transaction_id = ?
       WHERE id = ? RETURNING ${COLUMNS}`,
      [wallet.id, credit.transaction.id, transfer.id]
    )
    return { transfer: this.format(row), claimed: true }
  }

  /**
   * Sends an unclaimed transfer back: the status moves from `pending` to
   * `returned` only once the claim window has closed at `at`, and the
   * sender's debit is reversed (the lots it took come back; one that
   * expired meanwhile comes back with the ledger's grace period), in the
   * same transaction. A claim that moved it first leaves nothing to return
   * (`returned: false`).
   */
  async returnTransfer(
    data: { transfer_id: string; at: Date },
    sharedContext: Context
  ): Promise<{ transfer: CreditTransferRow | null; returned: boolean }> {
    return await this.returnTransfer_(data, sharedContext)
  }

  @InjectTransactionManager()
  protected async returnTransfer_(
    data: { transfer_id: string; at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transfer: CreditTransferRow | null; returned: boolean }> {
    const manager = sql(sharedContext)
    const [moved] = await manager.execute(
      `UPDATE loyalty_credit_transfer SET status = 'returned', returned_at = ?, updated_at = now()
       WHERE id = ? AND status = 'pending' AND claim_expires_at <= ? AND deleted_at IS NULL
       RETURNING ${COLUMNS}`,
      [data.at.toISOString(), data.transfer_id, data.at.toISOString()]
    )
    if (!moved) {
      return { transfer: null, returned: false }
    }
    const reversal = await this.ledger.reversals.reverseTransaction(
      {
        transaction_id: moved.debit_transaction_id,
        note: "Transfer not claimed in time: credit returned",
        actor_type: "system",
        metadata: { transfer_id: moved.id },
      },
      sharedContext
    )
    const [row] = await manager.execute(
      `UPDATE loyalty_credit_transfer SET return_transaction_id = ? WHERE id = ? RETURNING ${COLUMNS}`,
      [reversal.transaction.id, moved.id]
    )
    return { transfer: this.format(row), returned: true }
  }

  /** Pending transfers whose claim window closed by `at`, oldest first. */
  async listDueTransfers(
    data: { at: Date; limit?: number },
    sharedContext: Context
  ): Promise<string[]> {
    const rows = await sql(sharedContext).execute(
      `SELECT id FROM loyalty_credit_transfer
       WHERE status = 'pending' AND claim_expires_at <= ? AND deleted_at IS NULL
       ORDER BY claim_expires_at, id LIMIT ?`,
      [data.at.toISOString(), data.limit ?? 500]
    )
    return rows.map((r: any) => r.id)
  }

  /** One transfer, as the room reads it (exact amounts). */
  async retrieveTransfer(id: string, sharedContext: Context): Promise<CreditTransferRow> {
    return await this.retrieve(sql(sharedContext), id)
  }

  /**
   * A page of transfers, newest first, with the count. `customer_id` keeps
   * those the customer sent or received, and those still waiting to be
   * claimed at a phone the club proved theirs (its member phone table).
   */
  async listTransfers(
    filters: { customer_id?: string | null; status?: string[] | null },
    page: { skip?: number; take?: number },
    sharedContext: Context
  ): Promise<{ transfers: CreditTransferRow[]; count: number }> {
    const where = ["deleted_at IS NULL"]
    const params: unknown[] = []
    if (filters.customer_id) {
      where.push(
        `(sender_customer_id = ? OR recipient_customer_id = ?
          OR (status = 'pending' AND recipient_phone IN (
            SELECT phone FROM loyalty_member_phone WHERE customer_id = ? AND deleted_at IS NULL)))`
      )
      params.push(filters.customer_id, filters.customer_id, filters.customer_id)
    }
    if (filters.status?.length) {
      where.push(`status IN (SELECT jsonb_array_elements_text(?::jsonb))`)
      params.push(JSON.stringify(filters.status))
    }
    const manager = sql(sharedContext)
    const rows = await manager.execute(
      `SELECT ${COLUMNS} FROM loyalty_credit_transfer WHERE ${where.join(" AND ")}
       ORDER BY created_at DESC, id DESC OFFSET ? LIMIT ?`,
      [...params, page.skip ?? 0, page.take ?? 20]
    )
    const [{ count }] = await manager.execute(
      `SELECT count(*)::int AS count FROM loyalty_credit_transfer WHERE ${where.join(" AND ")}`,
      params
    )
    return { transfers: rows.map((row: any) => this.format(row)), count }
  }

  // Two sends of one sender wait for each other until the first commits, so
  // the second counts the first against the limits. A wait longer than the
  // ledger's lock timeout is a CONFLICT rather than a held connection.
  protected async lockSender(manager: SqlManager, customerId: string) {
    try {
      await manager.execute(
        `SELECT pg_advisory_xact_lock(hashtext(?))
         FROM (SELECT set_config('lock_timeout', ?, true)) AS timeout`,
        [`loyalty-transfer-sender:${customerId}`, String(this.lockTimeoutMs)]
      )
    } catch (error: any) {
      if (error?.code === "55P03") {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Another transfer of customer (${customerId}) is being sent, try again`,
          LoyaltyErrorCode.TRANSFER_BUSY
        )
      }
      throw error
    }
  }

  protected async retrieve(manager: SqlManager, id: string): Promise<CreditTransferRow> {
    const [row] = await manager.execute(
      `SELECT ${COLUMNS} FROM loyalty_credit_transfer WHERE id = ? AND deleted_at IS NULL`,
      [id]
    )
    if (!row) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Credit transfer with id: ${id} was not found`,
        LoyaltyErrorCode.TRANSFER_NOT_FOUND
      )
    }
    return this.format(row)
  }

  protected format(row: any): CreditTransferRow {
    const date = (v: unknown) => (v ? new Date(v as string) : null)
    return {
      ...row,
      amount: MathBN.convert(row.amount).toFixed(),
      claim_expires_at: new Date(row.claim_expires_at),
      credit_expires_at: date(row.credit_expires_at),
      claimed_at: date(row.claimed_at),
      returned_at: date(row.returned_at),
      created_at: new Date(row.created_at),
    }
  }
}
