import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const issueBulkCodesStepId = "loyalty-issue-bulk-codes"

/** Codes inserted per statement (and per transaction). */
export const BULK_CHUNK = 10000

/**
 * Makes a bulk batch's codes in chunks until `issued` reaches `quantity`
 * (each chunk one transaction under the batch's row lock, so a second run
 * for the same batch shares the work instead of doubling it). A run that
 * fails leaves the batch `creating` with the error noted: the job resumes
 * it. No undo: every chunk is committed progress.
 */
export const issueBulkCodesStep = createStep(
  issueBulkCodesStepId,
  async (input: { batch_id: string; chunk?: number }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    let result = { issued: 0, quantity: 0, status: "creating", added: 0 }
    let idle = 0
    try {
      for (;;) {
        result = await service.issueBulkCodes({ batch_id: input.batch_id, chunk: input.chunk ?? BULK_CHUNK })
        if (result.status !== "creating") {
          break
        }
        // Every code of a chunk taken already (a one-in-a-trillion draw, or a
        // prefix crowded with codes): try a few more chunks, then stop.
        idle = result.added ? 0 : idle + 1
        if (idle >= 5) {
          throw new Error(`no free codes found in 5 chunks (${result.issued} of ${result.quantity} issued)`)
        }
      }
    } catch (error: any) {
      await service.noteCodeBatchError({ id: input.batch_id, error: String(error?.message ?? error) })
      throw error
    }
    return new StepResponse({ batch_id: input.batch_id, issued: result.issued, quantity: result.quantity, status: result.status })
  }
)
