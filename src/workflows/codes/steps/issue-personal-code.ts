import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { DiscountSummary, discountSummaryOf, personalCodeExpiry } from "../../../utils/discount-codes"
import { invalidField, LoyaltyErrorCode, loyaltyError } from "../../../utils/error-codes"

export type IssuePersonalCodeWorkflowInput = {
  /** A personal batch (template). */
  batch_id: string
  customer_id: string
  source: "admin" | "occasion" | "referral" | "campaign"
  /** What issued it (an occasion grant, a referral): the same one again answers the same code. */
  source_id?: string | null
  /** Overrides the batch's `valid_days` (never past the batch's end). */
  expires_at?: string | Date | null
}

export type IssuedPersonalCode = {
  code: { id: string; code: string; batch_id: string; customer_id: string; expires_at: string | null }
  created: boolean
  discount: DiscountSummary
}

export const issuePersonalCodeStepId = "loyalty-issue-personal-code"

/**
 * Issues one personal code from a personal batch. Keyed by (source,
 * source_id): a code already issued for it is answered as it is
 * (`created: false`), whatever became of the batch since. A new one needs a
 * personal batch that is active and not ended, and a customer that exists;
 * it ends `valid_days` after now (or at `expires_at`), never after the
 * batch. The undo removes a code this step made.
 */
export const issuePersonalCodeStep = createStep(
  issuePersonalCodeStepId,
  async (input: IssuePersonalCodeWorkflowInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const batch = await service.getCodeBatch(input.batch_id)
    const answer = (code: any, created: boolean): IssuedPersonalCode => ({
      code: {
        id: code.id,
        code: code.code,
        batch_id: code.batch_id,
        customer_id: code.customer_id,
        expires_at: code.expires_at ? new Date(code.expires_at).toISOString() : null,
      },
      created,
      discount: discountSummaryOf(batch),
    })
    if (input.source_id) {
      const [existing] = await service.listCodes({ source: input.source, source_id: input.source_id })
      if (existing) {
        return new StepResponse<IssuedPersonalCode, string | null>(answer(existing, false), null)
      }
    }
    if (batch.kind !== "personal") {
      throw loyaltyError(
        MedusaError.Types.NOT_ALLOWED,
        `Code batch ${batch.name} (${batch.id}) is a bulk batch: personal codes come from a personal batch`,
        LoyaltyErrorCode.CODE_BATCH_NOT_PERSONAL
      )
    }
    if (batch.status !== "active") {
      throw loyaltyError(
        MedusaError.Types.NOT_ALLOWED,
        `Code batch ${batch.name} (${batch.id}) is ${batch.status}: it issues no codes`,
        LoyaltyErrorCode.CODE_BATCH_DISABLED
      )
    }
    const at = new Date()
    if (batch.ends_at && batch.ends_at <= at) {
      throw loyaltyError(
        MedusaError.Types.NOT_ALLOWED,
        `Code batch ${batch.name} (${batch.id}) ended on ${batch.ends_at.toISOString()}: it issues no codes`,
        LoyaltyErrorCode.CODE_EXPIRED
      )
    }
    const requested = input.expires_at ? new Date(input.expires_at) : null
    if (requested && (isNaN(requested.getTime()) || requested <= at)) {
      throw invalidField("expires_at", "expires_at must be a date in the future")
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: input.customer_id } })
    if (!customers.length) {
      throw loyaltyError(
        MedusaError.Types.NOT_FOUND,
        `Customer with id: ${input.customer_id} was not found`,
        LoyaltyErrorCode.CUSTOMER_NOT_FOUND
      )
    }
    const { code, created } = await service.issuePersonalCodeRow({
      batch_id: batch.id,
      customer_id: input.customer_id,
      source: input.source,
      source_id: input.source_id ?? null,
      expires_at: personalCodeExpiry(batch, at, requested),
      prefix: batch.prefix,
    })
    return new StepResponse<IssuedPersonalCode, string | null>(answer(code, created), created ? code.id : null)
  },
  async (codeId, { container }) => {
    if (!codeId) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.removeCode(codeId)
  }
)
