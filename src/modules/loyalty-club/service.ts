import { Context, DAL } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import {
  Birthday,
  CashbackRule,
  Code,
  CodeBatch,
  CodeUse,
  CreditTransfer,
  CustomerTier,
  Feedback,
  LoyaltySettings,
  Message,
  MessageTemplate,
  Occasion,
  OccasionGrant,
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
import { LoyaltyRecoveryOptions, resolveOptions, ResolvedLoyaltyClubOptions } from "./options"
import {
  CashbackRoom,
  Ledger,
  MessagesRoom,
  RecoveryRoom,
  SettingsRoom,
  TillRoom,
  TiersRoom,
} from "./services"
import { CheckoutDebitState, OrphanCheckoutDebit } from "./services/recovery"
import { CreditTransferRow, SendCreditTransferInput, TransfersRoom } from "./services/transfers"
import { FeedbackBefore, FeedbackFilters, FeedbackRoom, FeedbackStatsOptions, SaveFeedbackInput } from "./services/feedback"
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
  PosReceiptClaim,
  DebitWalletInput,
  GiveBackDebitInput,
  LedgerWriteResult,
  LoyaltyClubModuleOptions,
  ReverseWalletTransactionInput,
  WalletBalance,
  WalletStatus,
  WalletStatusChange,
  WalletTransactionRow,
} from "./types"

type InjectedDependencies = Record<string, unknown>

/**
 * The loyalty club's module service: the one door workflows, routes and
 * jobs use. It keeps the generated CRUD of every model; each other public
 * method puts the manager (or the caller's transaction) in `sharedContext`
 * and hands over to the one room of its domain, where the SQL and the full
 * documentation live (services/, rules in services/index.ts).
 */
class LoyaltyClubModuleService extends MedusaService({
  Birthday,
  CashbackRule,
  Code,
  CodeBatch,
  CodeUse,
  CreditTransfer,
  CustomerTier,
  Feedback,
  LoyaltySettings,
  Message,
  MessageTemplate,
  Occasion,
  OccasionGrant,
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
  protected readonly options_: ResolvedLoyaltyClubOptions
  protected readonly ledger_: Ledger
  protected readonly recovery_: RecoveryRoom
  protected readonly transfers_: TransfersRoom
  protected readonly cashback_ = new CashbackRoom()
  protected readonly tiers_ = new TiersRoom()
  protected readonly messages_ = new MessagesRoom()
  protected readonly settings_ = new SettingsRoom()
  protected readonly feedback_ = new FeedbackRoom()
  protected readonly till_ = new TillRoom((filters, config, sharedContext) =>
    this.listPosPurchases(filters, config, sharedContext)
  )

  constructor(
    container: InjectedDependencies,
    options: LoyaltyClubModuleOptions & LoyaltyRecoveryOptions = {}
  ) {
    // @ts-ignore MedusaService takes the container as its only argument
    super(...arguments)
    this.options_ = resolveOptions(options)
    // The repository MedusaService uses too: the ledger's
    // @InjectTransactionManager() methods open their transactions with it.
    this.ledger_ = new Ledger(container.baseRepository as DAL.RepositoryService, this.options_)
    this.recovery_ = new RecoveryRoom(this.options_)
    this.transfers_ = new TransfersRoom(container.baseRepository as DAL.RepositoryService, this.ledger_, this.options_.lock_timeout_ms)
  }

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

  // Cashback (services/cashback.ts)
  /** What each rule paid, per currency. */
  @InjectManager()
  async getCashbackRuleUsage(
    ruleIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<
    Record<string, { orders: number; amounts: { currency_code: string; awarded: string; taken_back: string }[] }>
  > {
    return await this.cashback_.getCashbackRuleUsage(ruleIds, sharedContext)
  }

  /** An order's cashback credits with their lots. */
  @InjectManager()
  async listOrderCashback(
    orderId: string,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.cashback_.listOrderCashback(orderId, sharedContext)
  }

  /** Cashback a customer received, per currency. */
  @InjectManager()
  async getCashbackReceived(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ currency_code: string; amount: string }[]> {
    return await this.cashback_.getCashbackReceived(customerId, sharedContext)
  }

  // Tiers (services/tiers.ts)
  /** Members per tier. */
  @InjectManager()
  async countTierMembers(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, number>> {
    return await this.tiers_.countTierMembers(sharedContext)
  }

  /** Customers' tier state (all of them without ids). */
  @InjectManager()
  async listCustomerTierStates(
    customerIds?: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CustomerTierRow[]> {
    return await this.tiers_.listCustomerTierStates(customerIds, sharedContext)
  }

  /** Moves customers between tiers, with history. */
  @InjectManager()
  async changeCustomerTiers(
    changes: TierChange[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<(TierChange & { history_id: string })[]> {
    return await this.tiers_.changeCustomerTiers(changes, sharedContext)
  }

  /** Starts or ends customers' grace periods. */
  @InjectManager()
  async markTierGrace(
    marks: { customer_id: string; below_since: Date | null }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.tiers_.markTierGrace(marks, sharedContext)
  }

  /** Puts tier states back and strikes their history. */
  @InjectManager()
  async undoTierChanges(
    data: { states: CustomerTierRow[]; created: string[]; history_ids: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.tiers_.undoTierChanges(data, sharedContext)
  }

  /** The tier a customer had at a moment. */
  @InjectManager()
  async retrieveTierAt(
    customerId: string,
    at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string | null> {
    return await this.tiers_.retrieveTierAt(customerId, at, sharedContext)
  }

  // Messages (services/messages.ts)
  /** Queues messages; a known idempotency key is left out. */
  @InjectManager()
  async queueMessages(
    messages: QueueMessageInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await this.messages_.queueMessages(messages, sharedContext)
  }

  /** Claims due messages for one sender run. */
  @InjectManager()
  async claimDueMessages(
    options: { at?: Date; limit?: number; stale_after_ms?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<QueuedMessageRow[]> {
    return await this.messages_.claimDueMessages(options, sharedContext)
  }

  /** Spendable credit expiring within the windows, per wallet. */
  @InjectManager()
  async listExpiringCredit(
    windows: { from: Date; to: Date }[],
    at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ wallet_id: string; customer_id: string; currency_code: string; amount: string; expires_at: Date }[]> {
    return await this.messages_.listExpiringCredit(windows, at, sharedContext)
  }

  /** Which of these idempotency keys already have a message. */
  @InjectManager()
  async listExistingMessageKeys(
    keys: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Set<string>> {
    return await this.messages_.listExistingMessageKeys(keys, sharedContext)
  }

  /** Withdraws messages not sent yet. */
  @InjectManager()
  async withdrawQueuedMessages(
    ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.messages_.withdrawQueuedMessages(ids, sharedContext)
  }

  /** Records how claimed messages ended. */
  @InjectManager()
  async finishMessages(
    results: MessageResult[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.messages_.finishMessages(results, sharedContext)
  }

  /** Customers' SMS preferences. */
  @InjectManager()
  async listSmsPreferencesOf(
    customerIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, { opted_out: boolean; locale: string | null }>> {
    return await this.messages_.listSmsPreferencesOf(customerIds, sharedContext)
  }

  /** Sets a customer's SMS preference. */
  @InjectManager()
  async upsertSmsPreference(
    data: { customer_id: string; opted_out?: boolean; locale?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; opted_out: boolean; opted_out_at: Date | null; locale: string | null }> {
    return await this.messages_.upsertSmsPreference(data, sharedContext)
  }

  // Till and kiosk (services/till.ts)
  /** Claims a till receipt, once per location. */
  @InjectManager()
  async claimPosReceipt(
    data: PosReceiptClaim,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ purchase: Record<string, any>; created: boolean }> {
    return await this.till_.claimPosReceipt(data, sharedContext)
  }

  /** Issues a one-time code for a phone, unless rate-limited. */
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
    return await this.till_.issueOneTimeCode(data, sharedContext)
  }

  /** Checks a code against the phone's latest one. */
  @InjectManager()
  async verifyOneTimeCode(
    data: { phone: string; purpose: "signup" | "redeem"; code: string; max_attempts?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return await this.till_.verifyOneTimeCode(data, sharedContext)
  }

  /** The member a phone belongs to. */
  @InjectManager()
  async retrieveMemberByPhone(
    phone: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; source: string } | undefined> {
    return await this.till_.retrieveMemberByPhone(phone, sharedContext)
  }

  /** Makes a customer the member for a phone, unless taken. */
  @InjectManager()
  async registerMemberPhone(
    data: { phone: string; customer_id: string; source: "code" | "pos" | "admin" | "import" },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; created: boolean }> {
    return await this.till_.registerMemberPhone(data, sharedContext)
  }

  /** Deletes old one-time codes, a batch per call. */
  @InjectManager()
  async purgeOneTimeCodes(
    data: { before: Date; batch_size?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return await this.till_.purgeOneTimeCodes(data, sharedContext)
  }

  // Recovery (services/recovery.ts)
  /** The recovery jobs' windows: reconcile_after_seconds, catch-up grace and lookback. */
  getRecoveryOptions() {
    return this.recovery_.options()
  }

  /** Checkout debits whose cart has no order and no completion running. */
  @InjectManager()
  async listOrphanCheckoutDebits(
    data: { at: Date; ignore_age?: boolean; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrphanCheckoutDebit[]> {
    return await this.recovery_.listOrphanCheckoutDebits(data, sharedContext)
  }

  /** Whether a checkout debit is reversed, its cart ordered or completing. */
  @InjectManager()
  async retrieveCheckoutDebitState(
    data: { transaction_id: string; at: Date; ignore_age?: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CheckoutDebitState | null> {
    return await this.recovery_.retrieveCheckoutDebitState(data, sharedContext)
  }

  /** A page of orders in a window that have no cashback credit. */
  @InjectManager()
  async listOrdersWithoutCashback(
    data: { after: Date; until: Date; cursor?: { created_at: Date; id: string } | null; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; customer_id: string; created_at: Date }[]> {
    return await this.recovery_.listOrdersWithoutCashback(data, sharedContext)
  }

  // Settings (services/settings.ts)
  /** The shop's loyalty settings (defaults until saved). */
  @InjectManager()
  async retrieveSettings(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltySettingsValues> {
    return await this.settings_.retrieveSettings(sharedContext)
  }

  /** Saves the given settings over the current ones. */
  @InjectManager()
  async updateSettings(
    data: Partial<LoyaltySettingsValues>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltySettingsValues> {
    return await this.settings_.updateSettings(data, sharedContext)
  }

  // Feedback and receipts (services/feedback.ts)
  /** Public links: the address pages are opened at and the signing secret (null: the app's cookie secret). */
  getLinkOptions(): { public_url: string; link_secret: string | null } {
    return { public_url: this.options_.public_url, link_secret: this.options_.link_secret }
  }

  /** Saves an order's answer (a second one edits it); returns it and what it replaced. */
  @InjectManager()
  async saveFeedback(
    data: SaveFeedbackInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ feedback: Record<string, any>; before: FeedbackBefore }> {
    return await this.feedback_.saveFeedback(data, sharedContext)
  }

  /** The undo of `saveFeedback`. */
  @InjectManager()
  async restoreFeedback(
    data: { id: string; before: FeedbackBefore },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.feedback_.restoreFeedback(data, sharedContext)
  }

  /** Claims the one admin notice of an order's low answer. */
  @InjectManager()
  async claimFeedbackNotice(
    data: { order_id: string; low_rating: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; rating: number; comment: string | null } | null> {
    return await this.feedback_.claimFeedbackNotice(data, sharedContext)
  }

  /** The undo of `claimFeedbackNotice`. */
  @InjectManager()
  async releaseFeedbackNotice(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.feedback_.releaseFeedbackNotice(id, sharedContext)
  }

  /** Records the apology gift's ledger row on the answer. */
  @InjectManager()
  async setFeedbackGift(
    data: { order_id: string; transaction_id: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.feedback_.setFeedbackGift(data, sharedContext)
  }

  /** A page of answers with order, customer and gift, newest first. */
  @InjectManager()
  async listFeedbackRows(
    filters: FeedbackFilters,
    page: { skip: number; take: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.feedback_.listFeedbackRows(filters, page, sharedContext)
  }

  /** Count, average and shares of answers, in all and per week or month. */
  @InjectManager()
  async feedbackStats(
    filters: FeedbackFilters,
    options: FeedbackStatsOptions,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.feedback_.feedbackStats(filters, options, sharedContext)
  }

  /** The phone the club knows a member by. */
  @InjectManager()
  async retrieveMemberPhoneOf(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string | null> {
    return await this.feedback_.retrieveMemberPhoneOf(customerId, sharedContext)
  }

  // Credit transfers (services/transfers.ts)
  /** Sends credit to a phone: a pending transfer and the sender's debit, within the shop's limits. */
  @InjectManager()
  async sendCreditTransfer(
    data: SendCreditTransferInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transfer: CreditTransferRow; created: boolean }> {
    return await this.transfers_.sendTransfer(data, sharedContext)
  }

  /** The undo of `sendCreditTransfer`: withdraws a pending transfer and reverses its debit. */
  @InjectManager()
  async withdrawCreditTransfer(
    transferId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.transfers_.withdrawTransfer(transferId, sharedContext)
  }

  /** Gives a pending transfer to its recipient, with the credit, once. */
  @InjectManager()
  async claimCreditTransfer(
    data: { transfer_id: string; recipient_customer_id: string; at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transfer: CreditTransferRow; claimed: boolean }> {
    return await this.transfers_.claimTransfer(data, sharedContext)
  }

  /** Sends an unclaimed transfer back to its sender, once. */
  @InjectManager()
  async returnCreditTransfer(
    data: { transfer_id: string; at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transfer: CreditTransferRow | null; returned: boolean }> {
    return await this.transfers_.returnTransfer(data, sharedContext)
  }

  /** One credit transfer with exact amounts. */
  @InjectManager()
  async getCreditTransfer(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CreditTransferRow> {
    return await this.transfers_.retrieveTransfer(id, sharedContext)
  }

  /** A page of credit transfers (a customer's: sent, received, waiting for their phone), newest first. */
  @InjectManager()
  async listCreditTransferRows(
    filters: { customer_id?: string | null; status?: string[] | null },
    page: { skip?: number; take?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transfers: CreditTransferRow[]; count: number }> {
    return await this.transfers_.listTransfers(filters, page, sharedContext)
  }

  /** Pending transfers whose claim window closed. */
  @InjectManager()
  async listDueCreditTransfers(
    data: { at: Date; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await this.transfers_.listDueTransfers(data, sharedContext)
  }

  // Codes (services/codes.ts): discount code batches, codes and their uses

  // Occasions (services/occasions.ts): birthdays, occasions and their grants
}

export default LoyaltyClubModuleService
