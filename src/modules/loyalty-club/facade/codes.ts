import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import {
  CodeBatchRow,
  CodeBatchStats,
  CodeOnCart,
  CodeRow,
  CreateCodeBatchInput,
  GiftRow,
  IssuePersonalCodeInput,
  RecordCodeUsesInput,
  ReleasedCodeUse,
} from "../services/codes"
import { MembersFacade } from "./members"

/**
 * The facade's codes part: discount code batches, personal codes and their
 * uses (services/codes.ts, code-uses.ts).
 */
export class CodesFacade extends MembersFacade {
  // Codes (services/codes.ts): discount code batches, codes and their uses
  /** Writes a code batch (the template; its campaign is made by the caller). */
  @InjectManager()
  async createCodeBatchRow(
    data: CreateCodeBatchInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CodeBatchRow> {
    return await this.codes_.createBatch(data, sharedContext)
  }

  /** The undo of `createCodeBatchRow`: the batch and its codes. */
  @InjectManager()
  async removeCodeBatch(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return await this.codes_.deleteBatch(id, sharedContext)
  }

  /** One batch with exact amounts; NOT_FOUND naming it. */
  @InjectManager()
  async getCodeBatch(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CodeBatchRow> {
    return await this.codes_.retrieveBatch(id, sharedContext)
  }

  /** A page of batches, newest first. */
  @InjectManager()
  async listCodeBatchRows(
    filters: { kind?: string | null; status?: string | null; q?: string | null },
    page: { skip: number; take: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ batches: CodeBatchRow[]; count: number }> {
    return await this.codes_.listBatches(filters, page, sharedContext)
  }

  /** Marks a batch disabled; returns the promotions its codes became. */
  @InjectManager()
  async disableCodeBatchRow(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ batch: CodeBatchRow; promotion_ids: string[]; disabled: boolean }> {
    return await this.codes_.disableBatch(id, sharedContext)
  }

  /** The undo of `disableCodeBatchRow`. */
  @InjectManager()
  async restoreCodeBatchStatus(
    data: { id: string; status: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.codes_.restoreBatchStatus(data, sharedContext)
  }

  /** Adds a chunk of codes to a bulk batch being made, under its row lock. */
  @InjectManager()
  async issueBulkCodes(
    data: { batch_id: string; chunk: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ issued: number; quantity: number; status: string; added: number }> {
    return await this.codes_.issueBulkCodes(data, sharedContext)
  }

  /** Records why a batch's background issue stopped. */
  @InjectManager()
  async noteCodeBatchError(
    data: { id: string; error: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.codes_.noteBatchError(data, sharedContext)
  }

  /** Bulk batches still being made with no progress for `idle_seconds`. */
  @InjectManager()
  async listStalledCodeBatches(
    data: { idle_seconds: number; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await this.codes_.listStalledBatches(data, sharedContext)
  }

  /** Issues one personal code, keyed by (source, source_id). */
  @InjectManager()
  async issuePersonalCodeRow(
    data: IssuePersonalCodeInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ code: CodeRow; created: boolean }> {
    return await this.codes_.issuePersonalCode(data, sharedContext)
  }

  /** The undo of a new personal code. */
  @InjectManager()
  async removeCode(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return await this.codes_.deleteCode(id, sharedContext)
  }

  /** The club's codes among `codes`, with their batch and whether their use is taken. */
  @InjectManager()
  async listCodesOnCart(
    codes: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CodeOnCart[]> {
    return await this.codes_.listCodesOnCart(codes, sharedContext)
  }

  /** Records the promotion a code became (the first one stays); returns the code's promotion. */
  @InjectManager()
  async setCodePromotion(
    data: { code_id: string; promotion_id: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string> {
    return await this.codes_.setCodePromotion(data, sharedContext)
  }

  /** A page of a batch's codes with their use; `after` pages by id for exports (no count). */
  @InjectManager()
  async listBatchCodeRows(
    batchId: string,
    filters: { q?: string | null; customer_id?: string | null },
    page: { skip: number; take: number; after?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.codes_.listBatchCodes(batchId, filters, page, sharedContext)
  }

  /** Records the codes an order used, once per (code, order). */
  @InjectManager()
  async recordCodeUses(
    data: RecordCodeUsesInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return await this.codes_.uses.recordUses(data, sharedContext)
  }

  /** Gives back a canceled order's uses, once; returns those this call released. */
  @InjectManager()
  async releaseCodeUses(
    data: RecordCodeUsesInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReleasedCodeUse[]> {
    return await this.codes_.uses.releaseUses(data, sharedContext)
  }

  /** The undo of `releaseCodeUses`. */
  @InjectManager()
  async unreleaseCodeUses(
    released: ReleasedCodeUse[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.codes_.uses.restoreUses(released, sharedContext)
  }

  /** Codes, uses, redemption rate, revenue and discount per batch. */
  @InjectManager()
  async codeBatchStats(
    batches: { id: string; issued: number }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, CodeBatchStats>> {
    return await this.codes_.uses.batchStats(batches, sharedContext)
  }

  /** A customer's personal codes and occasion credit, newest first. */
  @InjectManager()
  async listGiftRows(
    customerId: string,
    page: { skip: number; take: number },
    at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ gifts: GiftRow[]; count: number }> {
    return await this.codes_.uses.listGifts(customerId, page, at, sharedContext)
  }
}
