import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createTiersWorkflow } from "../../../../workflows"
import { fetchTier, fetchTiers } from "../../../utils/tiers"
import { AdminCreateTierType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const tiers = await fetchTiers(req.scope)
  res.json({ tiers, count: tiers.length })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateTierType>,
  res: MedusaResponse
) => {
  const { result } = await createTiersWorkflow(req.scope).run({
    input: { tiers: [req.validatedBody] },
  })
  res.status(201).json({ tier: await fetchTier(req.scope, result[0].id) })
}
