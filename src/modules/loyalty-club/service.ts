import { BigNumberInput, Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import BigNumberJS from "bignumber.js"
import {
  isKnownCurrency,
  parsePositiveAmount,
  rawAmount,
  roundToCurrency,
} from "../../utils/money"
import { entityIds } from "../../utils/ids"
import { createHash, randomInt } from "crypto"

// A code's hash is salted with its row id, so equal codes hash apart.
const codeHash = (id: string, code: string) => createHash("sha256").update(`${id}:${code}`).digest("hex")
import {
  CashbackRule,
  CustomerTier,
  LoyaltySettings,
  Message,
  MessageTemplate,
  OneTimeCode,
  PosKey,
  PosPurchase,
  SmsPreference,
  Tier,
  TierHistory,
  Wallet,
  WalletLot,
  WalletLotAllocation,
  WalletTransaction,
} from "./models"
import {
  ClawbackCreditInput,
  CustomerTierRow,
  MessageResult,
  QueuedMessageRow,
  QueueMessageInput,
  TierChange,
  ClawbackResult,
  CreditWalletInput,
  LoyaltySettingsValues,
  DebitWalletInput,
  LedgerWriteResult,
  LoyaltyClubModuleOptions,
  ReverseWalletTransactionInput,
  WalletBalance,
  WalletTransactionRow,
} from "./types"

type InjectedDependencies = Record<string, unknown>

type SqlManager = {
  execute<T = any[]>(sql: string, params?: unknown[], method?: string): Promise<T>
}

const DEFAULT_OPTIONS: Required<LoyaltyClubModuleOptions> = {
  expiring_soon_days: 7,
  restore_grace_days: 7,
  lock_timeout_ms: 5000,
  expiry_batch_size: 50000,
}

const DEFAULT_SETTINGS: LoyaltySettingsValues = {
  clawback_strategy: "partial",
  include_credit_paid: false,
  credit_pays_shipping: true,
  max_credit_share: null,
  min_redeem_balance: null,
  auto_apply: false,
  tier_grace_days: 30,
  sms_events: null,
  reminder_days: null,
  quiet_hours_start: "22:00",
  quiet_hours_end: "09:00",
  time_zone: "Asia/Tehran",
  sender_line: null,
  store_name: null,
  default_locale: "fa",
  money_display: "toman",
  win_back_days: 60,
  signup_bonus: null,
  pos_redeem_requires_code: true,
  pos_max_purchase: null,
  signup_countries: null,
  signup_hourly_cap: 300,
  signup_per_address_limit: 10,
  signup_behind_proxy: false,
}
// Settings stored as JSON.
const JSON_SETTINGS = new Set([
  "min_redeem_balance",
  "sms_events",
  "reminder_days",
  "signup_bonus",
  "pos_max_purchase",
  "signup_countries",
])
const SETTINGS_FIELDS = Object.keys(DEFAULT_SETTINGS) as (keyof LoyaltySettingsValues)[]
// The shop's settings are one row with a fixed id.
const SETTINGS_ID = "lset_shop"

const TX_COLUMNS = `id, wallet_id, type, amount, reference, reference_id, note,
  actor_type, actor_id, reverses_id, metadata, created_at`

const UPDATE_BALANCE = `
  UPDATE loyalty_wallet
  SET balance = balance + ?::numeric,
      raw_balance = jsonb_build_object('value', (balance + ?::numeric)::text, 'precision', 20),
      updated_at = now()
  WHERE id = ?`

// Lots a debit may take from right now, soonest-to-expire first; credit that
// never expires goes last. Locked so expiry and reversals wait for the debit.
const SPENDABLE_LOTS = `
  SELECT id, remaining FROM loyalty_wallet_lot
  WHERE wallet_id = ? AND remaining > 0 AND expired_at IS NULL AND deleted_at IS NULL
    AND (available_at IS NULL OR available_at <= ?)
    AND (expires_at IS NULL OR expires_at > ?)
  ORDER BY expires_at ASC NULLS LAST, created_at ASC, id ASC
  FOR UPDATE`

/**
 * The wallet ledger. Every write goes through one SQL transaction that locks
 * the wallet row first, so concurrent debits of one wallet run one after the
 * other and can never overdraw it; writes of different wallets do not wait on
 * each other. The hot paths are plain SQL on purpose: a debit is a handful of
 * statements, not an ORM unit of work.
 */
class LoyaltyClubModuleService extends MedusaService({
  CashbackRule,
  CustomerTier,
  LoyaltySettings,
  Message,
  MessageTemplate,
  OneTimeCode,
  PosKey,
  PosPurchase,
  SmsPreference,
  Tier,
  TierHistory,
  Wallet,
  WalletTransaction,
  WalletLot,
  WalletLotAllocation,
}) {
  protected readonly options_: Required<LoyaltyClubModuleOptions>

  constructor(
    container: InjectedDependencies,
    options: LoyaltyClubModuleOptions = {}
  ) {
    // @ts-ignore MedusaService takes the container as its only argument
    super(...arguments)
    this.options_ = { ...DEFAULT_OPTIONS, ...(options ?? {}) }
  }

  /**
   * Returns the customer's wallet in a currency, creating it when missing.
   * Safe under concurrency: the unique (customer, currency) index decides.
   */
  @InjectManager()
  async retrieveOrCreateWallet(
    data: { customer_id: string; currency_code: string },
    @MedusaContext() sharedContext: Context = {}
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
        `currency_code (${data.currency_code}) is not a known currency code`
      )
    }
    const manager = this.sql(sharedContext)
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
  @InjectManager()
  async creditWallet(
    data: CreditWalletInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerWriteResult> {
    return await this.ledgerTransaction(sharedContext, (sql) =>
      this.creditWallet_(sql, data)
    )
  }

  protected async creditWallet_(
    manager: SqlManager,
    data: CreditWalletInput,
  ): Promise<LedgerWriteResult> {
    const type = data.type ?? "credit"
    const wallet = await this.lockWallet(manager, data.wallet_id, "credit")
    const amount = this.ledgerAmount(data, wallet.currency_code)
    if (
      data.expires_at &&
      data.available_at &&
      new Date(data.expires_at) <= new Date(data.available_at)
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "expires_at must be later than available_at"
      )
    }

    const transaction = await this.insertTransaction(manager, {
      wallet_id: wallet.id,
      type,
      amount,
      data,
    })
    if (!transaction) {
      return {
        transaction: (await this.findByKey(manager, wallet.id, type, data))!,
        created: false,
      }
    }
    await this.insertLot(manager, {
      wallet_id: wallet.id,
      transaction_id: transaction.id,
      amount,
      available_at: data.available_at ? new Date(data.available_at) : null,
      expires_at: data.expires_at ? new Date(data.expires_at) : null,
    })
    await this.settleDebt(manager, wallet.id)
    return { transaction, created: true }
  }

  /**
   * Takes credit out of a wallet, from the lots that expire soonest. Refuses
   * with NOT_ALLOWED when the available balance is short. A repeat of the
   * same (type, reference, reference_id) returns the first transaction.
   */
  @InjectManager()
  async debitWallet(
    data: DebitWalletInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerWriteResult> {
    return await this.ledgerTransaction(sharedContext, (sql) =>
      this.debitWallet_(sql, data)
    )
  }

  protected async debitWallet_(
    manager: SqlManager,
    data: DebitWalletInput,
  ): Promise<LedgerWriteResult> {
    const type = data.type ?? "debit"
    const wallet = await this.lockWallet(manager, data.wallet_id, "debit")
    const requested = this.ledgerAmount(data, wallet.currency_code)

    // The ledger row goes in first so that a repeated key stops here; when
    // the balance turns out short, the error rolls the row back with the rest.
    let key = { ...data }
    let transaction: WalletTransactionRow | undefined
    for (let attempt = 1; ; attempt++) {
      transaction = await this.insertTransaction(manager, {
        wallet_id: wallet.id,
        type,
        amount: requested.negated(),
        data: key,
      })
      if (transaction) {
        break
      }
      const existing = (await this.findByKey(manager, wallet.id, type, key))!
      if (!data.again_after_reversal || !(await this.isReversed(manager, existing.id))) {
        return { transaction: existing, created: false }
      }
      key = { ...data, reference_id: `${data.reference_id}#${attempt + 1}` }
    }

    // Debt (a take-back that found the credit spent) is paid first: what a
    // debit may take is the balance after debt, whatever became spendable
    // since the debt was written.
    await this.settleDebt(manager, wallet.id)
    const now = new Date()
    const lots: { id: string; remaining: string }[] = await manager.execute(
      SPENDABLE_LOTS,
      [wallet.id, now, now]
    )
    const [{ debt }] = await manager.execute(
      `SELECT COALESCE(SUM(remaining), 0) AS debt FROM loyalty_wallet_lot
       WHERE wallet_id = ? AND remaining < 0 AND deleted_at IS NULL`,
      [wallet.id]
    )
    const available = BigNumberJS.max(MathBN.sum(debt, ...lots.map((l) => l.remaining)), 0)
    if (MathBN.lt(available, requested)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Wallet (${wallet.id}) has insufficient balance: ${available.toFixed()} ${wallet.currency_code.toUpperCase()} available, ${requested.toFixed()} requested`
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
    await this.moveLots(manager, wallet.id, transaction.id, takes, "subtract")
    return { transaction, created: true }
  }

  /**
   * Writes the row that undoes a transaction. Undoing a debit (or an expiry)
   * gives back exactly the lots it took; a lot that expired meanwhile comes
   * back as a new lot with a grace period. Undoing a credit takes back what is
   * left of its lot; what was already spent is recorded as `shortfall`.
   * Reversing twice returns the first reversal; a reversal is not reversible.
   */
  @InjectManager()
  async reverseTransaction(
    data: ReverseWalletTransactionInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerWriteResult & { shortfall: string }> {
    return await this.ledgerTransaction(sharedContext, (sql) =>
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
    const wallet = await this.lockWallet(manager, original.wallet_id, "reverse")
    const key = { reference: "transaction", reference_id: original.id }
    const existing = await this.findByKey(manager, wallet.id, "reversal", key)
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
      const givenBack = await this.givenBackOf(manager, wallet.id, original.id)
      const restored = BigNumberJS.max(MathBN.sub(originalAmount.negated(), givenBack), 0)
      // The reversal key was checked under the wallet lock: this inserts.
      const transaction = (await this.insertTransaction(manager, {
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
      await this.moveLots(manager, wallet.id, transaction.id, reopen, "add")

      const expired = left
      if (expired.isGreaterThan(0)) {
        await this.insertLot(manager, {
          wallet_id: wallet.id,
          transaction_id: transaction.id,
          amount: expired,
          available_at: null,
          expires_at: new Date(Date.now() + this.options_.restore_grace_days * 86400000),
        })
      }
      await this.settleDebt(manager, wallet.id)
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
    const transaction = (await this.insertTransaction(manager, {
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
    await this.moveLots(manager, wallet.id, transaction.id, takes, "subtract")
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
  @InjectManager()
  async clawbackCredit(
    data: ClawbackCreditInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClawbackResult> {
    return await this.ledgerTransaction(sharedContext, (sql) =>
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
    const wallet = await this.lockWallet(manager, original.wallet_id, "reverse")
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
    const transaction = await this.insertTransaction(manager, {
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
    await this.moveLots(manager, wallet.id, transaction.id, takes, "subtract")
    if (debt.isGreaterThan(0)) {
      await this.insertLot(manager, {
        wallet_id: wallet.id,
        transaction_id: transaction.id,
        amount: debt.negated(),
        available_at: null,
        expires_at: null,
      })
      await this.settleDebt(manager, wallet.id)
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

  /**
   * How much each rule has paid: orders that earned from it and the amounts
   * credited and taken back, per currency.
   */
  @InjectManager()
  async getCashbackRuleUsage(
    ruleIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<
    Record<string, { orders: number; amounts: { currency_code: string; awarded: string; taken_back: string }[] }>
  > {
    const usage: Record<string, any> = {}
    for (const id of ruleIds) {
      usage[id] = { orders: 0, amounts: [] }
    }
    if (!ruleIds.length) {
      return usage
    }
    const rows = await this.sql(sharedContext).execute(
      `SELECT split_part(t.reference_id, ':', 2) AS rule_id, w.currency_code,
         count(*)::int AS orders, SUM(t.amount) AS awarded,
         COALESCE(SUM(back.amount), 0) AS taken_back
       FROM loyalty_wallet_transaction t
       JOIN loyalty_wallet w ON w.id = t.wallet_id
       LEFT JOIN LATERAL (
         SELECT -SUM(r.amount) AS amount FROM loyalty_wallet_transaction r
         WHERE r.reverses_id = t.id AND r.reverses_id IS NOT NULL AND r.deleted_at IS NULL
       ) back ON true
       WHERE t.type = 'credit' AND t.reference = 'order' AND t.deleted_at IS NULL
         AND split_part(t.reference_id, ':', 2) IN (?)
       GROUP BY 1, 2 ORDER BY 2`,
      [ruleIds]
    )
    for (const row of rows) {
      usage[row.rule_id].orders += row.orders
      usage[row.rule_id].amounts.push({
        currency_code: row.currency_code,
        awarded: MathBN.convert(row.awarded).toFixed(),
        taken_back: MathBN.convert(row.taken_back).toFixed(),
      })
    }
    return usage
  }

  /**
   * An order's cashback credits with their lots and what was taken back:
   * the raw facts behind the order page's cashback widget.
   */
  @InjectManager()
  async listOrderCashback(
    orderId: string,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const rows = await this.sql(sharedContext).execute(
      `SELECT t.id, t.wallet_id, t.amount, t.note, t.metadata, t.created_at, w.currency_code,
         l.remaining, l.available_at, l.expires_at, l.expired_at,
         COALESCE((SELECT -SUM(r.amount) FROM loyalty_wallet_transaction r
           WHERE r.reverses_id = t.id AND r.reverses_id IS NOT NULL AND r.deleted_at IS NULL), 0) AS taken_back
       FROM loyalty_wallet_transaction t
       JOIN loyalty_wallet w ON w.id = t.wallet_id
       LEFT JOIN loyalty_wallet_lot l ON l.transaction_id = t.id AND l.deleted_at IS NULL
       WHERE t.type = 'credit' AND t.reference = 'order' AND t.reference_id LIKE ?
         AND t.deleted_at IS NULL
       ORDER BY t.created_at, t.id`,
      [`${orderId.replace(/[\\%_]/g, "\\$&")}:%`]
    )
    return rows.map((r: any) => ({
      transaction_id: r.id as string,
      wallet_id: r.wallet_id as string,
      rule_id: (r.metadata?.rule_id ?? null) as string | null,
      note: r.note as string | null,
      currency_code: r.currency_code as string,
      amount: MathBN.convert(r.amount).toFixed(),
      remaining: MathBN.convert(r.remaining ?? 0).toFixed(),
      taken_back: MathBN.convert(r.taken_back).toFixed(),
      available_at: r.available_at ? new Date(r.available_at) : null,
      expires_at: r.expires_at ? new Date(r.expires_at) : null,
      expired_at: r.expired_at ? new Date(r.expired_at) : null,
      created_at: new Date(r.created_at),
    }))
  }

  /**
   * Gives back part of what a debit took (e.g. the wallet-paid share of
   * returned items) as a new lot. `target` is the total to have given back
   * from this debit so far, counting a full reversal and earlier give-backs:
   * the call gives only the difference, keyed by (debit, target), so a
   * repeated event gives nothing more. The lot expires when the latest lot
   * the debit took would have, and never sooner than `restore_grace_days`.
   */
  @InjectManager()
  async giveBackDebit(
    data: {
      transaction_id: string
      target: BigNumberInput
      note?: string | null
      actor_type?: string | null
      actor_id?: string | null
      metadata?: Record<string, unknown> | null
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transaction: WalletTransactionRow | null; created: boolean }> {
    return await this.ledgerTransaction(sharedContext, async (manager) => {
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
      const wallet = await this.lockWallet(manager, debit.wallet_id, "reverse")
      const taken = MathBN.convert(debit.amount).negated()
      const target = MathBN.min(roundToCurrency(data.target, wallet.currency_code, "down"), taken)
      const [{ reversed }] = await manager.execute(
        `SELECT COALESCE(SUM(amount), 0) AS reversed FROM loyalty_wallet_transaction
         WHERE wallet_id = ? AND reverses_id = ? AND type = 'reversal' AND deleted_at IS NULL`,
        [wallet.id, debit.id]
      )
      const given = MathBN.add(reversed, await this.givenBackOf(manager, wallet.id, debit.id))
      const due = MathBN.sub(target, given)
      if (!due.isGreaterThan(0)) {
        return { transaction: null, created: false }
      }
      const transaction = await this.insertTransaction(manager, {
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
      await this.insertLot(manager, {
        wallet_id: wallet.id,
        transaction_id: transaction.id,
        amount: due,
        available_at: null,
        expires_at: never ? null : expires_at && new Date(expires_at) > grace ? new Date(expires_at) : grace,
      })
      await this.settleDebt(manager, wallet.id)
      return { transaction, created: true }
    })
  }

  /** Members per tier (customers whose current tier it is). */
  @InjectManager()
  async countTierMembers(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, number>> {
    const rows = await this.sql(sharedContext).execute(
      `SELECT tier_id, count(*)::int AS members FROM loyalty_customer_tier
       WHERE deleted_at IS NULL AND tier_id IS NOT NULL GROUP BY tier_id`
    )
    return Object.fromEntries(rows.map((r: any) => [r.tier_id, r.members]))
  }

  /**
   * Customers' tier state; without ids, every customer that has one (the
   * periodic evaluation reads them all in one query).
   */
  @InjectManager()
  async listCustomerTierStates(
    customerIds?: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CustomerTierRow[]> {
    const rows = await this.boundSql(sharedContext).execute(
      `SELECT ct.customer_id, ct.tier_id, ct.pinned, ct.pin_note, ct.achieved_at, ct.below_since
       FROM loyalty_customer_tier ct
       WHERE ct.deleted_at IS NULL
         ${customerIds ? "AND ct.customer_id IN (SELECT jsonb_array_elements_text(?::jsonb))" : ""}`,
      customerIds ? [JSON.stringify(customerIds)] : []
    )
    return rows.map((r: any) => ({
      customer_id: r.customer_id,
      tier_id: r.tier_id,
      pinned: r.pinned,
      pin_note: r.pin_note,
      achieved_at: r.achieved_at ? new Date(r.achieved_at) : null,
      below_since: r.below_since ? new Date(r.below_since) : null,
    }))
  }

  /**
   * Moves customers between tiers, set-based, and records each move in the
   * history. Each change names the tier it expects the customer to be in
   * (`from_tier_id`): a customer whose tier moved meanwhile (a concurrent
   * order, an admin's pin) is left alone, so two evaluations of one customer
   * at once move them once. Pinned customers only move by a pin, an unpin or
   * the deletion of their tier. Returns the changes that were made.
   */
  @InjectManager()
  async changeCustomerTiers(
    changes: TierChange[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<(TierChange & { history_id: string })[]> {
    if (!changes.length) {
      return []
    }
    const stateIds = entityIds("lctr", changes.length)
    const historyIds = entityIds("lthis", changes.length)
    const rows = changes.map((c, i) => ({
      ...c,
      id: stateIds[i],
      history_id: historyIds[i],
      order_id: c.order_id ?? null,
      note: c.note ?? null,
      actor_id: c.actor_id ?? null,
      pinned: c.pinned ?? false,
      pin_note: c.pinned ? c.note ?? null : null,
      at: (c.at ?? new Date()).toISOString(),
    }))
    const input = JSON.stringify(rows)
    const recordset = `jsonb_to_recordset(?::jsonb) AS i(id text, history_id text,
      customer_id text, from_tier_id text, to_tier_id text, reason text, order_id text,
      note text, actor_id text, pinned boolean, pin_note text, at timestamptz)`
    return await this.ledgerTransaction(sharedContext, async (sql) => {
      await sql.execute(
        `INSERT INTO loyalty_customer_tier (id, customer_id, tier_id, pinned, created_at, updated_at)
         SELECT DISTINCT ON (customer_id) id, customer_id, NULL, false, now(), now() FROM ${recordset}
         ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING`,
        [input]
      )
      const applied = await sql.execute(
        `WITH moved AS (
           UPDATE loyalty_customer_tier ct
           SET tier_id = i.to_tier_id, pinned = i.pinned, pin_note = i.pin_note,
               achieved_at = i.at, below_since = NULL, updated_at = now()
           FROM ${recordset}
           WHERE ct.customer_id = i.customer_id AND ct.deleted_at IS NULL
             AND ct.tier_id IS NOT DISTINCT FROM i.from_tier_id
             AND (ct.pinned = false OR i.reason IN ('pin', 'unpin', 'tier_deleted'))
           RETURNING i.*
         )
         INSERT INTO loyalty_tier_history
           (id, customer_id, from_tier_id, to_tier_id, reason, order_id, note, actor_id, created_at, updated_at)
         SELECT history_id, customer_id, from_tier_id, to_tier_id, reason, order_id, note, actor_id, at, now()
         FROM moved
         RETURNING id AS history_id, customer_id, from_tier_id, to_tier_id, reason, order_id, note, actor_id`,
        [input]
      )
      return applied as (TierChange & { history_id: string })[]
    })
  }

  /**
   * Starts or ends customers' grace periods (`below_since`), set-based.
   * Starting one leaves a running one alone.
   */
  @InjectManager()
  async markTierGrace(
    marks: { customer_id: string; below_since: Date | null }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    if (!marks.length) {
      return
    }
    await this.boundSql(sharedContext).execute(
      `UPDATE loyalty_customer_tier ct
       SET below_since = CASE WHEN i.below_since IS NULL THEN NULL
                              ELSE coalesce(ct.below_since, i.below_since) END,
           updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS i(customer_id text, below_since timestamptz)
       WHERE ct.customer_id = i.customer_id AND ct.deleted_at IS NULL AND ct.pinned = false`,
      [JSON.stringify(marks)]
    )
  }

  /**
   * Puts customers' tier state back as it was and strikes the history rows
   * of the changes being undone (a workflow that failed after moving them).
   */
  @InjectManager()
  async undoTierChanges(
    data: { states: CustomerTierRow[]; created: string[]; history_ids: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.ledgerTransaction(sharedContext, async (sql) => {
      if (data.states.length) {
        await sql.execute(
          `UPDATE loyalty_customer_tier ct
           SET tier_id = i.tier_id, pinned = i.pinned, pin_note = i.pin_note,
               achieved_at = i.achieved_at, below_since = i.below_since, updated_at = now()
           FROM jsonb_to_recordset(?::jsonb) AS i(customer_id text, tier_id text, pinned boolean,
             pin_note text, achieved_at timestamptz, below_since timestamptz)
           WHERE ct.customer_id = i.customer_id AND ct.deleted_at IS NULL`,
          [JSON.stringify(data.states)]
        )
      }
      if (data.created.length) {
        await sql.execute(
          `UPDATE loyalty_customer_tier SET deleted_at = now()
           WHERE customer_id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL`,
          [JSON.stringify(data.created)]
        )
      }
      if (data.history_ids.length) {
        await sql.execute(
          `UPDATE loyalty_tier_history SET deleted_at = now()
           WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
          [JSON.stringify(data.history_ids)]
        )
      }
    })
  }

  /**
   * The tier a customer had at a moment, from the history: the cashback of
   * an order uses the tier of when it was placed, not the one the order
   * itself earned a second later.
   */
  @InjectManager()
  async retrieveTierAt(
    customerId: string,
    at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string | null> {
    const [row] = await this.sql(sharedContext).execute(
      `SELECT to_tier_id FROM loyalty_tier_history
       WHERE customer_id = ? AND created_at <= ? AND deleted_at IS NULL
       ORDER BY created_at DESC, id DESC LIMIT 1`,
      [customerId, at.toISOString()]
    )
    return row?.to_tier_id ?? null
  }

  /**
   * Queues messages, set-based; a message whose idempotency key is already
   * there (a retried job, a duplicate event) is left out. Returns the ids of
   * the rows written.
   */
  @InjectManager()
  async queueMessages(
    messages: QueueMessageInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    if (!messages.length) {
      return []
    }
    const ids = entityIds("lmsg", messages.length)
    const rows = messages.map((m, i) => ({
      id: ids[i],
      customer_id: m.customer_id,
      event: m.event,
      locale: m.locale,
      phone: m.phone ?? null,
      body: m.body,
      gateway_template: m.gateway_template ?? null,
      template_params: m.template_params ?? null,
      idempotency_key: m.idempotency_key,
      status: m.status ?? "queued",
      reason: m.reason ?? null,
      send_after: m.send_after.toISOString(),
      data: m.data ?? null,
    }))
    const inserted = await this.boundSql(sharedContext).execute(
      `INSERT INTO loyalty_message (id, customer_id, event, locale, phone, body, gateway_template,
         template_params, idempotency_key, status, reason, send_after, data, attempts, created_at, updated_at)
       SELECT id, customer_id, event, locale, phone, body, gateway_template, template_params,
         idempotency_key, status, reason, send_after, data, 0, now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS i(id text, customer_id text, event text, locale text,
         phone text, body text, gateway_template text, template_params jsonb, idempotency_key text,
         status text, reason text, send_after timestamptz, data jsonb)
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [JSON.stringify(rows)]
    )
    return inserted.map((r: any) => r.id)
  }

  /**
   * Claims due messages for one sender run: queued ones whose time has come,
   * and ones a run claimed long ago and never finished (it died). Rows another
   * run is claiming are skipped, so two runs never take the same message.
   */
  @InjectManager()
  async claimDueMessages(
    options: { at?: Date; limit?: number; stale_after_ms?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<QueuedMessageRow[]> {
    const at = options.at ?? new Date()
    const stale = new Date(Date.now() - (options.stale_after_ms ?? 10 * 60 * 1000))
    return await this.ledgerTransaction(sharedContext, async (sql) => {
      const rows = await sql.execute(
        `WITH due AS (
           SELECT id FROM loyalty_message
           WHERE deleted_at IS NULL AND (
             (status = 'queued' AND send_after <= ?)
             OR (status = 'sending' AND claimed_at < ?))
           ORDER BY send_after
           LIMIT ?
           FOR UPDATE SKIP LOCKED
         )
         UPDATE loyalty_message m
         SET status = 'sending', claimed_at = now(), attempts = m.attempts + 1, updated_at = now()
         FROM due WHERE m.id = due.id
         RETURNING m.id, m.customer_id, m.event, m.locale, m.phone, m.body, m.gateway_template,
           m.template_params, m.idempotency_key, m.attempts, m.failures`,
        [at.toISOString(), stale.toISOString(), options.limit ?? 500]
      )
      return rows as QueuedMessageRow[]
    })
  }

  /**
   * Spendable credit that expires within the given windows, per wallet: the
   * amount and the earliest expiry. One statement over the open lots.
   */
  @InjectManager()
  async listExpiringCredit(
    windows: { from: Date; to: Date }[],
    at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ wallet_id: string; customer_id: string; currency_code: string; amount: string; expires_at: Date }[]> {
    if (!windows.length) {
      return []
    }
    const rows = await this.sql(sharedContext).execute(
      `SELECT w.id AS wallet_id, w.customer_id, w.currency_code,
         sum(l.remaining)::text AS amount, min(l.expires_at) AS expires_at
       FROM loyalty_wallet_lot l
       JOIN loyalty_wallet w ON w.id = l.wallet_id AND w.deleted_at IS NULL AND w.status = 'active'
       JOIN jsonb_to_recordset(?::jsonb) AS win("from" timestamptz, "to" timestamptz)
         ON l.expires_at >= win."from" AND l.expires_at < win."to"
       WHERE l.remaining > 0 AND l.expired_at IS NULL AND l.deleted_at IS NULL
         AND (l.available_at IS NULL OR l.available_at <= ?) AND l.expires_at > ?
       GROUP BY w.id, w.customer_id, w.currency_code`,
      [
        JSON.stringify(windows.map((w) => ({ from: w.from.toISOString(), to: w.to.toISOString() }))),
        at.toISOString(),
        at.toISOString(),
      ]
    )
    return rows.map((r: any) => ({ ...r, expires_at: new Date(r.expires_at) }))
  }

  /** Which of these idempotency keys already have a message. */
  @InjectManager()
  async listExistingMessageKeys(
    keys: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Set<string>> {
    if (!keys.length) {
      return new Set()
    }
    const rows = await this.boundSql(sharedContext).execute(
      `SELECT idempotency_key FROM loyalty_message
       WHERE deleted_at IS NULL AND idempotency_key IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(keys)]
    )
    return new Set(rows.map((r: any) => r.idempotency_key))
  }

  /**
   * Like `sql()`, with the values sent as bound parameters: MikroORM's
   * `execute` writes every value into the SQL text, escaping it character by
   * character (about 200 ms for the 1.7 MB of JSON that a page of 5,000
   * messages is), where Postgres takes a parameter as it is.
   */
  protected boundSql(sharedContext: Context): SqlManager {
    const manager = this.sql(sharedContext) as any
    return {
      execute: async (sql: string, params: unknown[] = []) => {
        const runner = manager.getTransactionContext?.() ?? manager.getKnex()
        return (await runner.raw(sql, params)).rows
      },
    } as SqlManager
  }

  /**
   * Claims a till receipt for a purchase: the first claim writes the row,
   * a repeat (or a concurrent duplicate) gets the row that is there, so a
   * receipt is registered once per location. Receipts are keyed by location
   * (the till key's), so another shop's "0001" is its own purchase.
   */
  @InjectManager()
  async claimPosReceipt(
    data: {
      receipt_id: string
      customer_id: string
      phone?: string | null
      amount: string
      currency_code: string
      pos_key_id?: string | null
      location: string
      note?: string | null
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ purchase: Record<string, any>; created: boolean }> {
    const amount = MathBN.convert(data.amount).toFixed()
    const inserted = await this.sql(sharedContext).execute(
      `INSERT INTO loyalty_pos_purchase (id, receipt_id, customer_id, phone, pos_key_id, location, amount, raw_amount,
         currency_code, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?::numeric, jsonb_build_object('value', ?::text, 'precision', 20), ?, ?, now(), now())
       ON CONFLICT (location, receipt_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [
        entityIds("lposp", 1)[0],
        data.receipt_id,
        data.customer_id,
        data.phone ?? null,
        data.pos_key_id ?? null,
        data.location,
        amount,
        amount,
        data.currency_code.toLowerCase(),
        data.note ?? null,
      ]
    )
    const [purchase] = await this.listPosPurchases(
      { receipt_id: data.receipt_id, location: data.location },
      {},
      sharedContext
    )
    return { purchase, created: inserted.length > 0 }
  }

  /**
   * Cashback a customer received per currency: order credits, less what was
   * taken back from them (reversals and clawbacks point at the credit).
   */
  @InjectManager()
  async getCashbackReceived(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ currency_code: string; amount: string }[]> {
    const rows = await this.sql(sharedContext).execute(
      `SELECT w.currency_code,
         (coalesce(sum(t.amount), 0) + coalesce(sum((
           SELECT sum(r.amount) FROM loyalty_wallet_transaction r
           WHERE r.reverses_id = t.id AND r.deleted_at IS NULL)), 0))::text AS amount
       FROM loyalty_wallet_transaction t
       JOIN loyalty_wallet w ON w.id = t.wallet_id AND w.deleted_at IS NULL
       WHERE w.customer_id = ? AND t.type = 'credit' AND t.reference = 'order' AND t.deleted_at IS NULL
       GROUP BY w.currency_code ORDER BY w.currency_code`,
      [customerId]
    )
    return rows.map((r: any) => ({ currency_code: r.currency_code, amount: MathBN.convert(r.amount).toFixed() }))
  }

  /**
   * Issues a one-time code for a phone, unless the phone or the address asked
   * too often lately, or (sign-up) the shop sent its hourly cap of codes
   * (then `limited`, and no code). Only the code's hash is stored. Returns
   * the code to send.
   */
  @InjectManager()
  async issueOneTimeCode(
    data: {
      phone: string
      purpose: "signup" | "redeem"
      ip?: string | null
      ttl_ms?: number
      limits?: { per_phone: number; per_ip: number; window_ms: number; per_hour?: number | null }
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ limited: true } | { limited: false; id: string; code: string; expires_at: Date }> {
    const limits = data.limits ?? { per_phone: 3, per_ip: 10, window_ms: 10 * 60 * 1000 }
    const since = new Date(Date.now() - limits.window_ms).toISOString()
    return await this.ledgerTransaction(sharedContext, async (sql) => {
      // One request at a time per phone, so a burst cannot pass the limit;
      // the shop-wide cap and the address take their own locks, in this
      // order in every request, so bursts across phones cannot pass them.
      await sql.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`otp:${data.phone}`])
      if (data.ip) {
        await sql.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`otp-ip:${data.ip}`])
      }
      if (limits.per_hour != null) {
        await sql.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`otp-all:${data.purpose}`])
      }
      // Each count reads its own index: (phone, purpose, created_at),
      // (ip, created_at) and (purpose, created_at).
      const [counts] = await sql.execute(
        `SELECT
           (SELECT count(*) FROM loyalty_one_time_code
            WHERE phone = ? AND purpose = ? AND created_at >= ? AND deleted_at IS NULL)::int AS phone,
           (SELECT count(*) FROM loyalty_one_time_code
            WHERE ?::text IS NOT NULL AND ip = ? AND created_at >= ? AND deleted_at IS NULL)::int AS ip,
           (SELECT count(*) FROM loyalty_one_time_code
            WHERE ?::boolean AND purpose = ? AND created_at >= ? AND deleted_at IS NULL)::int AS hour`,
        [
          data.phone,
          data.purpose,
          since,
          data.ip ?? null,
          data.ip ?? null,
          since,
          limits.per_hour != null,
          data.purpose,
          new Date(Date.now() - 60 * 60 * 1000).toISOString(),
        ]
      )
      if (
        counts.phone >= limits.per_phone ||
        (data.ip && counts.ip >= limits.per_ip) ||
        (limits.per_hour != null && counts.hour >= limits.per_hour)
      ) {
        return { limited: true as const }
      }
      const id = entityIds("lotc", 1)[0]
      const code = String(randomInt(0, 1000000)).padStart(6, "0")
      const expiresAt = new Date(Date.now() + (data.ttl_ms ?? 5 * 60 * 1000))
      await sql.execute(
        `INSERT INTO loyalty_one_time_code (id, phone, purpose, code_hash, expires_at, attempts, ip, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 0, ?, now(), now())`,
        [id, data.phone, data.purpose, codeHash(id, code), expiresAt.toISOString(), data.ip ?? null]
      )
      return { limited: false as const, id, code, expires_at: expiresAt }
    })
  }

  /**
   * Checks a code against the phone's latest one: right, not expired, not
   * used, fewer than `max_attempts` wrong guesses so far. A wrong guess
   * counts; a right one uses the code up. One answer for every failure, so
   * a guesser learns nothing.
   */
  @InjectManager()
  async verifyOneTimeCode(
    data: { phone: string; purpose: "signup" | "redeem"; code: string; max_attempts?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return await this.ledgerTransaction(sharedContext, async (sql) => {
      const [row] = await sql.execute(
        `SELECT id, code_hash, attempts, expires_at, consumed_at FROM loyalty_one_time_code
         WHERE phone = ? AND purpose = ? AND deleted_at IS NULL
         ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE`,
        [data.phone, data.purpose]
      )
      if (!row || row.consumed_at || new Date(row.expires_at) <= new Date() || row.attempts >= (data.max_attempts ?? 5)) {
        return false
      }
      if (codeHash(row.id, data.code) !== row.code_hash) {
        await sql.execute(`UPDATE loyalty_one_time_code SET attempts = attempts + 1, updated_at = now() WHERE id = ?`, [row.id])
        return false
      }
      await sql.execute(`UPDATE loyalty_one_time_code SET consumed_at = now(), updated_at = now() WHERE id = ?`, [row.id])
      return true
    })
  }

  /** The member a phone (E.164) belongs to, from the club's own phone table. */
  @InjectManager()
  async retrieveMemberByPhone(
    phone: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; source: string } | undefined> {
    const [row] = await this.sql(sharedContext).execute(
      `SELECT customer_id, source FROM loyalty_member_phone WHERE phone = ? AND deleted_at IS NULL`,
      [phone]
    )
    return row ? { customer_id: row.customer_id, source: row.source } : undefined
  }

  /**
   * Makes a customer the member for a phone (E.164), unless the phone
   * already has one: the unique phone index decides between concurrent
   * requests, and the one that lost gets the member that won
   * (`created: false`). `source` says how the phone was proven.
   */
  @InjectManager()
  async registerMemberPhone(
    data: { phone: string; customer_id: string; source: "code" | "pos" | "admin" | "import" },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; created: boolean }> {
    const inserted = await this.sql(sharedContext).execute(
      `INSERT INTO loyalty_member_phone (id, phone, customer_id, source, verified_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, CASE WHEN ? = 'code' THEN now() END, now(), now())
       ON CONFLICT (phone) WHERE deleted_at IS NULL DO NOTHING
       RETURNING customer_id`,
      [entityIds("lmph", 1)[0], data.phone, data.customer_id, data.source, data.source]
    )
    if (inserted.length) {
      return { customer_id: inserted[0].customer_id, created: true }
    }
    const member = await this.retrieveMemberByPhone(data.phone, sharedContext)
    return { customer_id: member!.customer_id, created: false }
  }

  /**
   * Deletes one-time codes created before `before` (codes live minutes, the
   * rate limits look back an hour): a batch per call, oldest first. Returns
   * how many went.
   */
  @InjectManager()
  async purgeOneTimeCodes(
    data: { before: Date; batch_size?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const rows = await this.sql(sharedContext).execute(
      `DELETE FROM loyalty_one_time_code WHERE id IN (
         SELECT id FROM loyalty_one_time_code WHERE created_at < ? AND deleted_at IS NULL ORDER BY created_at LIMIT ?)
       RETURNING id`,
      [data.before.toISOString(), data.batch_size ?? 10000]
    )
    return rows.length
  }

  /** Withdraws messages not sent yet (the undo of queueing them). */
  @InjectManager()
  async withdrawQueuedMessages(
    ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.sql(sharedContext).execute(
      `UPDATE loyalty_message SET deleted_at = now(), updated_at = now()
       WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND status IN ('queued', 'skipped')`,
      [JSON.stringify(ids)]
    )
  }

  /** Records how claimed messages ended: sent, failed, skipped, or queued again (a retry). */
  @InjectManager()
  async finishMessages(
    results: MessageResult[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    if (!results.length) {
      return
    }
    await this.sql(sharedContext).execute(
      `UPDATE loyalty_message m
       SET status = i.status, reason = i.reason, notification_id = coalesce(i.notification_id, m.notification_id),
           failures = m.failures + CASE WHEN i.status IN ('queued', 'failed') THEN 1 ELSE 0 END,
           sent_at = CASE WHEN i.status = 'sent' THEN now() ELSE m.sent_at END,
           send_after = coalesce(i.send_after, m.send_after), claimed_at = NULL, updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS i(id text, status text, reason text,
         notification_id text, send_after timestamptz)
       WHERE m.id = i.id`,
      [
        JSON.stringify(
          results.map((r) => ({ ...r, send_after: r.send_after?.toISOString() ?? null }))
        ),
      ]
    )
  }

  /** Customers' SMS preferences (opted out, language); missing ones are absent. */
  @InjectManager()
  async listSmsPreferencesOf(
    customerIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, { opted_out: boolean; locale: string | null }>> {
    if (!customerIds.length) {
      return {}
    }
    const rows = await this.sql(sharedContext).execute(
      `SELECT customer_id, opted_out, locale FROM loyalty_sms_preference
       WHERE deleted_at IS NULL AND customer_id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(customerIds)]
    )
    return Object.fromEntries(
      rows.map((r: any) => [r.customer_id, { opted_out: r.opted_out, locale: r.locale }])
    )
  }

  /** Sets a customer's SMS preference (opt out / in, language); what is not given stays. */
  @InjectManager()
  async upsertSmsPreference(
    data: { customer_id: string; opted_out?: boolean; locale?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; opted_out: boolean; opted_out_at: Date | null; locale: string | null }> {
    return await this.ledgerTransaction(sharedContext, async (sql) => {
      await sql.execute(
        `INSERT INTO loyalty_sms_preference (id, customer_id, opted_out, created_at, updated_at)
         VALUES (?, ?, false, now(), now())
         ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING`,
        [entityIds("lsmp", 1)[0], data.customer_id]
      )
      const [current] = await sql.execute(
        `SELECT opted_out, opted_out_at, locale FROM loyalty_sms_preference
         WHERE customer_id = ? AND deleted_at IS NULL FOR UPDATE`,
        [data.customer_id]
      )
      const optedOut = data.opted_out ?? current.opted_out
      // The moment of opting out is kept while the customer stays out.
      const optedOutAt = !optedOut ? null : current.opted_out ? current.opted_out_at : new Date()
      const locale = data.locale !== undefined ? data.locale : current.locale
      const [row] = await sql.execute(
        `UPDATE loyalty_sms_preference SET opted_out = ?, opted_out_at = ?, locale = ?, updated_at = now()
         WHERE customer_id = ? AND deleted_at IS NULL
         RETURNING customer_id, opted_out, opted_out_at, locale`,
        [optedOut, optedOutAt, locale, data.customer_id]
      )
      return row
    })
  }

  /** The shop's loyalty settings (defaults until an admin saves them). */
  @InjectManager()
  async retrieveSettings(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltySettingsValues> {
    const [row] = await this.sql(sharedContext).execute(
      `SELECT ${SETTINGS_FIELDS.join(", ")} FROM loyalty_settings
       WHERE id = ? AND deleted_at IS NULL`,
      [SETTINGS_ID]
    )
    const settings = { ...DEFAULT_SETTINGS }
    for (const field of SETTINGS_FIELDS) {
      if (row && row[field] !== undefined) {
        ;(settings as any)[field] = row[field]
      }
    }
    return settings
  }

  /** Saves the given settings over the current ones; returns the result. */
  @InjectManager()
  async updateSettings(
    data: Partial<LoyaltySettingsValues>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltySettingsValues> {
    const next = { ...(await this.retrieveSettings(sharedContext)), ...data }
    const values = SETTINGS_FIELDS.map((f) =>
      JSON_SETTINGS.has(f) && next[f] != null ? JSON.stringify(next[f]) : next[f]
    )
    await this.sql(sharedContext).execute(
      `INSERT INTO loyalty_settings (id, ${SETTINGS_FIELDS.join(", ")}, created_at, updated_at)
       VALUES (?, ${SETTINGS_FIELDS.map(() => "?").join(", ")}, now(), now())
       ON CONFLICT (id) DO UPDATE SET
         ${SETTINGS_FIELDS.map((f) => `${f} = EXCLUDED.${f}`).join(", ")},
         updated_at = now(), deleted_at = NULL`,
      [SETTINGS_ID, ...values]
    )
    return next
  }

  /**
   * Marks held credit whose date has come as released and returns it, so
   * `loyalty.cashback.released` is sent once per lot. Rows another run is
   * marking are skipped, so concurrent runs do not announce twice.
   */
  @InjectManager()
  async markReleasedLots(
    options: { at?: Date; limit?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<
    { lot_id: string; wallet_id: string; transaction_id: string; amount: string; reference: string; reference_id: string }[]
  > {
    const at = options.at ?? new Date()
    const released = await this.ledgerTransaction(sharedContext, async (sql) => {
      const rows = await sql.execute(
        `WITH due AS (
           SELECT id FROM loyalty_wallet_lot
           WHERE released_at IS NULL AND available_at IS NOT NULL AND deleted_at IS NULL
             AND available_at <= ?
           ORDER BY available_at
           LIMIT ?
           FOR UPDATE SKIP LOCKED
         ), marked AS (
           UPDATE loyalty_wallet_lot l SET released_at = ?, updated_at = now()
           FROM due WHERE l.id = due.id
           RETURNING l.id, l.wallet_id, l.transaction_id, l.remaining
         )
         SELECT m.id AS lot_id, m.wallet_id, m.transaction_id, m.remaining AS amount,
           t.reference, t.reference_id
         FROM marked m JOIN loyalty_wallet_transaction t ON t.id = m.transaction_id`,
        [at, options.limit ?? 1000, at]
      )
      return rows.map((r: any) => ({ ...r, amount: MathBN.convert(r.amount).toFixed() }))
    })
    await this.settleDebtsOf(released.map((r) => r.wallet_id), sharedContext)
    return released
  }

  /**
   * Pays the debt of these wallets from what just became spendable (held
   * cashback released), one wallet at a time under its lock. Wallets with
   * no debt cost one read for all.
   */
  protected async settleDebtsOf(walletIds: string[], sharedContext: Context) {
    if (!walletIds.length) {
      return
    }
    const indebted = await this.sql(sharedContext).execute(
      `SELECT DISTINCT wallet_id FROM loyalty_wallet_lot
       WHERE wallet_id IN (SELECT jsonb_array_elements_text(?::jsonb))
         AND remaining < 0 AND deleted_at IS NULL`,
      [JSON.stringify([...new Set(walletIds)])]
    )
    for (const { wallet_id } of indebted) {
      await this.ledgerTransaction(sharedContext, async (sql) => {
        await this.lockWallet(sql, wallet_id, "reverse")
        await this.settleDebt(sql, wallet_id)
      })
    }
  }

  @InjectManager()
  async setWalletStatus(
    walletId: string,
    status: "active" | "frozen",
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.setWalletStatus_(walletId, status, sharedContext)
  }

  @InjectTransactionManager()
  protected async setWalletStatus_(
    walletId: string,
    status: "active" | "frozen",
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = this.sql(sharedContext)
    const wallet = await this.lockWallet(manager, walletId, "reverse")
    const previous = wallet.status as "active" | "frozen"
    await manager.execute(
      `UPDATE loyalty_wallet SET status = ?, updated_at = now() WHERE id = ?`,
      [status, walletId]
    )
    return { id: walletId, status, previous_status: previous }
  }

  /**
   * Balances: available (spendable now), pending (not yet spendable),
   * expiring within `expiring_soon_days`, and the next expiry. Read from the
   * cached ledger sum and only the lots that are pending or near expiry, so
   * the cost does not grow with the wallet's history.
   */
  @InjectManager()
  async getBalances(
    walletIds: string[],
    options: { expiring_within_days?: number; at?: Date } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, WalletBalance>> {
    if (!walletIds.length) {
      return {}
    }
    const manager = this.sql(sharedContext)
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

  /**
   * Expires every lot whose `expires_at` has passed, in set-based batches:
   * one statement per batch zeroes the lots and writes one `expiry`
   * transaction (with its allocation) per lot. Lots a debit holds right now
   * are skipped and picked up by the next run, so this is safe to run
   * concurrently with spending and with itself.
   */
  @InjectManager()
  async expireDueLots(
    options: { at?: Date; batch_size?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ lots: number; batches: number }> {
    const batchSize = options.batch_size ?? this.options_.expiry_batch_size
    const at = options.at ?? new Date()
    let lots = 0
    let batches = 0
    for (;;) {
      const expired = await this.expireBatch_(at, batchSize, sharedContext)
      batches += 1
      lots += expired
      if (expired < batchSize) {
        break
      }
    }
    return { lots, batches }
  }

  @InjectTransactionManager()
  protected async expireBatch_(
    at: Date,
    batchSize: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const manager = this.sql(sharedContext)
    const [{ count }] = await manager.execute(
      `WITH due AS (
         SELECT l.id, l.wallet_id, l.remaining
         FROM loyalty_wallet_lot l
         JOIN loyalty_wallet w ON w.id = l.wallet_id
         WHERE l.expires_at <= ? AND l.remaining > 0 AND l.expired_at IS NULL
           AND l.deleted_at IS NULL
         ORDER BY l.expires_at
         LIMIT ?
         -- Wallets in the middle of a write are skipped, never waited for:
         -- a debit holds its wallet and then its lots, so waiting here could
         -- deadlock with it. The next run picks them up.
         FOR UPDATE OF l, w SKIP LOCKED
       ), lowered AS (
         UPDATE loyalty_wallet w
         SET balance = w.balance - d.total,
             raw_balance = jsonb_build_object('value', (w.balance - d.total)::text, 'precision', 20),
             updated_at = now()
         FROM (SELECT wallet_id, SUM(remaining) AS total FROM due GROUP BY wallet_id) d
         WHERE w.id = d.wallet_id
         RETURNING 1
       ), zeroed AS (
         UPDATE loyalty_wallet_lot l
         SET remaining = 0, raw_remaining = '{"value":"0","precision":20}'::jsonb,
             expired_at = ?, updated_at = now()
         FROM due WHERE l.id = due.id
         RETURNING l.id
       ), tx AS (
         INSERT INTO loyalty_wallet_transaction (id, wallet_id, type, amount, raw_amount,
           reference, reference_id, note, actor_type, created_at, updated_at)
         SELECT 'lwtx_' || upper(replace(gen_random_uuid()::text, '-', '')), due.wallet_id,
           'expiry', -due.remaining,
           jsonb_build_object('value', (-due.remaining)::text, 'precision', 20),
           'lot', due.id, 'Credit expired', 'system', now(), now()
         FROM due
         ON CONFLICT (wallet_id, type, reference, reference_id) WHERE deleted_at IS NULL DO NOTHING
         RETURNING id, reference_id, amount
       ), alloc AS (
         INSERT INTO loyalty_wallet_lot_allocation (id, transaction_id, lot_id, amount,
           raw_amount, created_at, updated_at)
         SELECT 'lwalc_' || upper(replace(gen_random_uuid()::text, '-', '')), tx.id,
           tx.reference_id, -tx.amount,
           jsonb_build_object('value', (-tx.amount)::text, 'precision', 20), now(), now()
         FROM tx
         RETURNING 1
       )
       SELECT count(*)::int AS count FROM zeroed`,
      [at, batchSize, at]
    )
    return count
  }

  /**
   * Makes credit that waited for an event (`available_at` = `until`)
   * spendable at `at`, with its expiry counted from then. Returns the lots
   * released; lots already released are left alone, so a repeat is a no-op.
   */
  @InjectManager()
  async releaseLots(
    releases: { transaction_id: string; expires_after_days?: number | null }[],
    { at, until }: { at: Date; until: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ lot_id: string; transaction_id: string }[]> {
    const result = await this.ledgerTransaction(sharedContext, async (sql) => {
      const released: { lot_id: string; transaction_id: string; wallet_id: string }[] = []
      for (const r of releases) {
        const rows = await sql.execute(
          `UPDATE loyalty_wallet_lot
           SET available_at = ?, released_at = ?,
               expires_at = CASE WHEN ?::int IS NULL THEN NULL ELSE ?::timestamptz + (?::int * interval '1 day') END,
               updated_at = now()
           WHERE transaction_id = ? AND available_at = ? AND deleted_at IS NULL
           RETURNING id, wallet_id`,
          [at, at, r.expires_after_days ?? null, at, r.expires_after_days ?? null, r.transaction_id, until]
        )
        released.push(
          ...rows.map((row: any) => ({ lot_id: row.id, transaction_id: r.transaction_id, wallet_id: row.wallet_id }))
        )
      }
      return released
    })
    await this.settleDebtsOf(result.map((r) => r.wallet_id), sharedContext)
    return result.map(({ lot_id, transaction_id }) => ({ lot_id, transaction_id }))
  }

  /** Clears the release mark of lots (the undo of `markReleasedLots`). */
  @InjectManager()
  async unmarkReleasedLots(
    lotIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    if (!lotIds.length) {
      return
    }
    await this.sql(sharedContext).execute(
      `UPDATE loyalty_wallet_lot SET released_at = NULL, updated_at = now() WHERE id IN (?)`,
      [lotIds]
    )
  }

  /** Puts released lots back to waiting (the undo of `releaseLots`). */
  @InjectManager()
  async unreleaseLots(
    lotIds: string[],
    until: Date,
    @MedusaContext() sharedContext: Context = {}
  ) {
    if (!lotIds.length) {
      return
    }
    await this.ledgerTransaction(sharedContext, (sql) =>
      sql.execute(
        `UPDATE loyalty_wallet_lot SET available_at = ?, expires_at = NULL, released_at = NULL, updated_at = now()
         WHERE id IN (${lotIds.map(() => "?").join(", ")})`,
        [until, ...lotIds]
      )
    )
  }

  /** One page of a wallet's ledger, newest first, amounts as exact strings. */
  @InjectManager()
  async listWalletLedger(
    walletId: string,
    page: { skip?: number; take?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transactions: WalletTransactionRow[]; count: number }> {
    const manager = this.sql(sharedContext)
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
    return { transactions: rows.map((r: any) => this.formatTransaction(r)), count }
  }

  /** When the credit of these transactions becomes spendable and expires (their lots). */
  @InjectManager()
  async listCreditDates(
    transactionIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, { available_at: Date | null; expires_at: Date | null }>> {
    if (!transactionIds.length) {
      return {}
    }
    const rows = await this.sql(sharedContext).execute(
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
  @InjectManager()
  async getLedgerTotals(
    walletIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, string>> {
    const rows = await this.sql(sharedContext).execute(
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

  /**
   * Runs a ledger write in one database transaction. Inside a caller's
   * transaction it joins it; otherwise it takes a connection from the
   * module's pool and runs BEGIN ... COMMIT on it directly. The writes are
   * hand-written SQL with no entity to flush, and going around the ORM's unit
   * of work and query builder halves the cost of a debit (measured with
   * bench/wallet.bench.js against the same SQL sent with node-postgres).
   */
  protected async ledgerTransaction<T>(
    sharedContext: Context,
    task: (sql: SqlManager) => Promise<T>
  ): Promise<T> {
    if (sharedContext.transactionManager) {
      return await task(this.sql(sharedContext))
    }
    const client = (sharedContext.manager as any).getKnex().client
    const connection = await client.acquireConnection()
    try {
      await connection.query("BEGIN")
      const result = await task({
        execute: async (sql: string, params: unknown[] = []) => {
          let n = 0
          const text = sql.replace(/\?/g, () => `$${++n}`)
          return (await connection.query(text, params)).rows
        },
      } as SqlManager)
      await connection.query("COMMIT")
      return result
    } catch (error) {
      await connection.query("ROLLBACK").catch(() => undefined)
      throw error
    } finally {
      await client.releaseConnection(connection)
    }
  }

  protected sql(sharedContext: Context): SqlManager {
    return (sharedContext.transactionManager ?? sharedContext.manager) as SqlManager
  }

  protected async lockWallet(
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
        `Wallet with id: ${walletId} was not found`
      )
    }
    if (wallet.status === "frozen" && purpose !== "reverse") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Wallet (${walletId}) is frozen: it cannot be ${purpose === "credit" ? "credited" : "debited"}`
      )
    }
    return wallet
  }

  protected async findByKey(
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
  protected async givenBackOf(manager: SqlManager, walletId: string, debitId: string) {
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

  protected async isReversed(manager: SqlManager, transactionId: string) {
    const rows = await manager.execute(
      `SELECT 1 FROM loyalty_wallet_transaction
       WHERE reverses_id = ? AND type = 'reversal' AND deleted_at IS NULL LIMIT 1`,
      [transactionId]
    )
    return rows.length > 0
  }

  protected ledgerAmount(
    data: { amount: unknown; rounding?: CreditWalletInput["rounding"] },
    currencyCode: string
  ): BigNumberJS {
    if (data.rounding) {
      const rounded = roundToCurrency(data.amount as any, currencyCode, data.rounding)
      return parsePositiveAmount(rounded, currencyCode)
    }
    return parsePositiveAmount(data.amount, currencyCode)
  }

  protected async insertTransaction(
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
  protected async insertLot(
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
  protected async settleDebt(manager: SqlManager, walletId: string) {
    const debts: { id: string; remaining: string }[] = await manager.execute(
      `SELECT id, remaining FROM loyalty_wallet_lot
       WHERE wallet_id = ? AND remaining < 0 AND deleted_at IS NULL
       ORDER BY created_at, id FOR UPDATE`,
      [walletId]
    )
    if (!debts.length) {
      return
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
    }
    if (!deltas.size) {
      return
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
  }

  /**
   * Takes from ("subtract") or gives back to ("add") the given lots, records
   * them as the allocations of `transactionId` and moves the cached balance
   * by the same total, in one statement.
   */
  protected async moveLots(
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

  protected formatTransaction(row: any): WalletTransactionRow {
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

export default LoyaltyClubModuleService
