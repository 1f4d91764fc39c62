import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import {
  FeedbackBefore,
  FeedbackFilters,
  FeedbackStatsOptions,
  SaveFeedbackInput,
} from "../services/feedback"
import { CreditTransferRow, SendCreditTransferInput } from "../services/transfers"
import { TillFacade } from "./till"

/**
 * The facade's part for what members do through links and the store:
 * answers after a purchase and credit sent to a phone
 * (services/feedback.ts, transfers.ts).
 */
export class MembersFacade extends TillFacade {
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
}
