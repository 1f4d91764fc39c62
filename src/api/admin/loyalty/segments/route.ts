import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { createSegmentsWorkflow } from "../../../../workflows/segments/workflows"
import { fetchSegment, SEGMENT_FIELDS } from "./helpers"
import { AdminCreateSegmentType, AdminGetSegmentsParamsType } from "./validators"

/**
 * Saved segments, newest first; `q` searches the name. Each has its last
 * count and `usage` (the campaigns, cashback rules and code batches using it).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetSegmentsParamsType>, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { skip = 0, take = 20 } = req.queryConfig.pagination
  const { q } = req.validatedQuery
  const filters = q ? { name: { $ilike: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } } : {}
  const [segments, count] = await service.listAndCountSegments(filters, {
    select: SEGMENT_FIELDS,
    skip,
    take,
    order: { created_at: "DESC", id: "DESC" },
  })
  // At most 100 segments a page, three indexed counts each.
  const usage = await Promise.all(segments.map((segment) => service.segmentUsage(segment.id)))
  res.json({
    segments: segments.map((segment, i) => ({ ...segment, usage: usage[i] })),
    count,
    offset: skip,
    limit: take,
  })
}

/** Saves a segment `{ name, description?, conditions }` with its count as of now. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSegmentType>, res: MedusaResponse) => {
  const { result } = await createSegmentsWorkflow(req.scope).run({
    input: { segments: [{ ...req.validatedBody, created_by: req.auth_context?.actor_id ?? null }] },
  })
  res.status(201).json({ segment: await fetchSegment(req.scope, result[0].id) })
}
