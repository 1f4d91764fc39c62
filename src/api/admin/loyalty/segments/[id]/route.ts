import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../modules/loyalty-club/service"
import { deleteSegmentsWorkflow, updateSegmentWorkflow } from "../../../../../workflows/segments/workflows"
import { fetchSegment } from "../helpers"
import { AdminUpdateSegmentType } from "../validators"

/** A saved segment and where it is used (`usage`: campaigns, cashback rules, code batches). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const segment = await fetchSegment(req.scope, req.params.id)
  res.json({ segment: { ...segment, usage: await service.segmentUsage(segment.id) } })
}

/** Updates the name, description or conditions (counted again). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSegmentType>, res: MedusaResponse) => {
  await fetchSegment(req.scope, req.params.id)
  await updateSegmentWorkflow(req.scope).run({ input: { id: req.params.id, update: req.validatedBody } })
  res.json({ segment: await fetchSegment(req.scope, req.params.id) })
}

/** Deletes the segment unless something uses it (400 `loyalty_segment_in_use`). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await fetchSegment(req.scope, req.params.id)
  await deleteSegmentsWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "segment", deleted: true })
}
