import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { SegmentInput, updateSegmentStep, validateSegmentsStep } from "../steps"

export const updateSegmentWorkflowId = "loyalty-update-segment"

/**
 * Updates a saved segment's name, description or conditions (conditions
 * given replace the stored ones whole and are counted again).
 *
 * @example
 * await updateSegmentWorkflow(container).run({ input: { id: "lseg_123", update: { name: "Champions" } } })
 */
export const updateSegmentWorkflow = createWorkflow(
  updateSegmentWorkflowId,
  (input: { id: string; update: SegmentInput }) => {
    useQueryGraphStep({
      entity: "segment",
      fields: ["id"],
      filters: { id: input.id },
      options: { throwIfKeyNotFound: true },
    })
    const validated = validateSegmentsStep(
      transform({ input }, ({ input }) => ({ segments: [input.update], partial: true }))
    )
    const update = transform({ input, validated }, ({ input, validated }) => ({ id: input.id, update: validated[0] }))
    return new WorkflowResponse(updateSegmentStep(update))
  }
)
