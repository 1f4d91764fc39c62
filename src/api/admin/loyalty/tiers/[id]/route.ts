import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteTiersWorkflow, updateTierWorkflow } from "../../../../../workflows"
import { fetchTier } from "../../../../utils/tiers"
import { AdminUpdateTierType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ tier: await fetchTier(req.scope, req.params.id) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateTierType>,
  res: MedusaResponse
) => {
  await fetchTier(req.scope, req.params.id)
  await updateTierWorkflow(req.scope).run({
    input: { id: req.params.id, update: req.validatedBody },
  })
  res.json({ tier: await fetchTier(req.scope, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await fetchTier(req.scope, req.params.id)
  const { result } = await deleteTiersWorkflow(req.scope).run({
    input: { ids: [req.params.id] },
  })
  res.json({
    id: req.params.id,
    object: "tier",
    deleted: true,
    moved_customers: result.changes.length,
  })
}
