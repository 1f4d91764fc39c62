import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LoyaltyErrorCode, loyaltyError } from "../../../utils/error-codes"
import { SegmentGroup, validateSegmentConditions } from "../../../utils/segment-conditions"

export const validateSegmentsStepId = "loyalty-validate-segments"

export type SegmentInput = {
  name?: string
  description?: string | null
  conditions?: unknown
  created_by?: string | null
}

/** The longest segment name the admin may give. */
export const SEGMENT_NAME_MAX = 200

/**
 * Checks segments' names and conditions and answers them in their stored
 * shape (conditions normalised by `validateSegmentConditions`). Fields left
 * out of an update stay out. A validation step: nothing to undo.
 */
export const validateSegmentsStep = createStep(
  validateSegmentsStepId,
  async (input: { segments: SegmentInput[]; partial?: boolean }) => {
    const segments = input.segments.map((segment) => {
      const out = { ...segment } as SegmentInput & { conditions?: SegmentGroup }
      if (segment.name !== undefined || !input.partial) {
        const name = typeof segment.name === "string" ? segment.name.trim() : ""
        if (!name || name.length > SEGMENT_NAME_MAX) {
          throw loyaltyError(
            MedusaError.Types.INVALID_DATA,
            `name must be a text of 1 to ${SEGMENT_NAME_MAX} characters`,
            LoyaltyErrorCode.SEGMENT_INVALID
          )
        }
        out.name = name
      }
      if (segment.conditions !== undefined || !input.partial) {
        out.conditions = validateSegmentConditions(segment.conditions)
      }
      return out
    })
    return new StepResponse(segments)
  }
)
