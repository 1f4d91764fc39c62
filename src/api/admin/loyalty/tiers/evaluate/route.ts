import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { evaluateTiersWorkflow } from "../../../../../workflows"

/** Runs the periodic evaluation now ("Evaluate now" in the admin). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await evaluateTiersWorkflow(req.scope).run({ input: {} })
  res.json({
    evaluated: result.evaluated,
    upgraded: result.changes.filter((c) => c.direction === "upgraded").length,
    downgraded: result.changes.filter((c) => c.direction === "downgraded").length,
    in_grace: result.in_grace,
  })
}
