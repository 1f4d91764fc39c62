import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SegmentGroup } from "../../../utils/segment-conditions"
import { createSegmentsStep, SegmentInput, validateSegmentsStep } from "../steps"

export const createSegmentsWorkflowId = "loyalty-create-segments"

/**
 * Creates saved segments after checking their conditions (a 400
 * `loyalty_segment_invalid` naming the path of a bad one), each with its
 * count as of now.
 *
 * @example
 * await createSegmentsWorkflow(container).run({
 *   input: { segments: [{ name: "At risk, reachable", conditions: { match: "all", conditions: [
 *     { field: "rfm_segment", segments: ["at_risk"] }, { field: "sms_opted_in", value: true }] } }] },
 * })
 */
export const createSegmentsWorkflow = createWorkflow(
  createSegmentsWorkflowId,
  (input: { segments: SegmentInput[] }) => {
    const segments = validateSegmentsStep({ segments: input.segments })
    const valid = transform({ segments }, ({ segments }) => segments as (SegmentInput & { conditions: SegmentGroup })[])
    return new WorkflowResponse(createSegmentsStep(valid))
  }
)
