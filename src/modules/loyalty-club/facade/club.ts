import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import {
  CustomerTierRow,
  MessageResult,
  QueuedMessageRow,
  QueueMessageInput,
  TierChange,
} from "../types"
import { LedgerFacade } from "./ledger"

/**
 * The facade's club part: what cashback paid, tiers and the message queue
 * (services/cashback.ts, tiers.ts, messages.ts).
 */
export class ClubFacade extends LedgerFacade {
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
}
