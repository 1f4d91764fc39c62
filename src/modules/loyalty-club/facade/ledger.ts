import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import {
  ClawbackCreditInput,
  ClawbackResult,
  CreditWalletInput,
  DebitWalletInput,
  GiveBackDebitInput,
  LedgerWriteResult,
  ReverseWalletTransactionInput,
  WalletBalance,
  WalletStatus,
  WalletStatusChange,
  WalletTransactionRow,
} from "../types"
import { LoyaltyClubRooms } from "./base"

/**
 * The facade's ledger part: wallets, writes, reversals, expiry and reads,
 * each handed over to ledger/ (services/ledger/).
 */
export class LedgerFacade extends LoyaltyClubRooms {
  // Ledger: wallets and everyday writes (services/ledger/writes.ts)
  /** The customer's wallet in a currency, created when missing. */
  @InjectManager()
  async retrieveOrCreateWallet(
    data: { customer_id: string; currency_code: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ wallet: Record<string, any>; created: boolean }> {
    return await this.ledger_.writes.retrieveOrCreateWallet(data, sharedContext)
  }

  /** Adds credit as a new lot; a repeated key returns the first row. */
  @InjectManager()
  async creditWallet(
    data: CreditWalletInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerWriteResult> {
    return await this.ledger_.writes.creditWallet(data, sharedContext)
  }

  /** Takes credit, soonest-to-expire first; NOT_ALLOWED when short. */
  @InjectManager()
  async debitWallet(
    data: DebitWalletInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerWriteResult> {
    return await this.ledger_.writes.debitWallet(data, sharedContext)
  }

  /** Gives back part of a debit as a new lot, up to `target`. */
  @InjectManager()
  async giveBackDebit(
    data: GiveBackDebitInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transaction: WalletTransactionRow | null; created: boolean }> {
    return await this.ledger_.writes.giveBackDebit(data, sharedContext)
  }

  /** Freezes or unfreezes a wallet, recording why, when and by whom. */
  @InjectManager()
  async setWalletStatus(
    walletId: string,
    status: WalletStatus,
    change: WalletStatusChange = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.ledger_.writes.setWalletStatus(walletId, status, change, sharedContext)
  }

  // Ledger: undoing rows (services/ledger/reversals.ts)
  /** Writes the row that undoes a transaction. */
  @InjectManager()
  async reverseTransaction(
    data: ReverseWalletTransactionInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerWriteResult & { shortfall: string }> {
    return await this.ledger_.reversals.reverseTransaction(data, sharedContext)
  }

  /** Takes back (part of) a credit, up to `target`, by `strategy`. */
  @InjectManager()
  async clawbackCredit(
    data: ClawbackCreditInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClawbackResult> {
    return await this.ledger_.reversals.clawbackCredit(data, sharedContext)
  }

  // Ledger: expiry and releases (services/ledger/expiry.ts)
  /** Expires every lot past its date, in set-based batches. */
  @InjectManager()
  async expireDueLots(
    options: { at?: Date; batch_size?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ lots: number; batches: number }> {
    return await this.ledger_.expiry.expireDueLots(options, sharedContext)
  }

  /** Marks held credit whose date has come as released. */
  @InjectManager()
  async markReleasedLots(
    options: { at?: Date; limit?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<
    { lot_id: string; wallet_id: string; transaction_id: string; amount: string; reference: string; reference_id: string }[]
  > {
    return await this.ledger_.expiry.markReleasedLots(options, sharedContext)
  }

  /** Makes credit that waited for an event spendable. */
  @InjectManager()
  async releaseLots(
    releases: { transaction_id: string; expires_after_days?: number | null }[],
    { at, until }: { at: Date; until: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ lot_id: string; transaction_id: string }[]> {
    return await this.ledger_.expiry.releaseLots(releases, { at, until }, sharedContext)
  }

  /** The undo of `markReleasedLots`. */
  @InjectManager()
  async unmarkReleasedLots(
    lotIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.ledger_.expiry.unmarkReleasedLots(lotIds, sharedContext)
  }

  /** The undo of `releaseLots`. */
  @InjectManager()
  async unreleaseLots(
    lotIds: string[],
    until: Date,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.ledger_.expiry.unreleaseLots(lotIds, until, sharedContext)
  }

  // Ledger: reads (services/ledger/reads.ts)
  /** Available, pending and expiring-soon balances per wallet. */
  @InjectManager()
  async getBalances(
    walletIds: string[],
    options: { expiring_within_days?: number; at?: Date } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, WalletBalance>> {
    return await this.ledger_.reads.getBalances(walletIds, options, sharedContext)
  }

  /** One page of a wallet's ledger, newest first. */
  @InjectManager()
  async listWalletLedger(
    walletId: string,
    page: { skip?: number; take?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transactions: WalletTransactionRow[]; count: number }> {
    return await this.ledger_.reads.listWalletLedger(walletId, page, sharedContext)
  }

  /** When these credits become spendable and expire. */
  @InjectManager()
  async listCreditDates(
    transactionIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, { available_at: Date | null; expires_at: Date | null }>> {
    return await this.ledger_.reads.listCreditDates(transactionIds, sharedContext)
  }

  /** The sum of each wallet's ledger rows. */
  @InjectManager()
  async getLedgerTotals(
    walletIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, string>> {
    return await this.ledger_.reads.getLedgerTotals(walletIds, sharedContext)
  }
}
