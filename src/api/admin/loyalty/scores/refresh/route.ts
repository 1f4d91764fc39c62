import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { scoreCustomersWorkflow } from "../../../../../workflows/scores"

/**
 * Scores every customer now (the nightly job's work) and answers how many,
 * how long it took and the instant they were scored for. A run already
 * going is waited for (one at a time, under the database's advisory lock).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await scoreCustomersWorkflow(req.scope).run({ input: {} })
  res.json({ scored: result.scored, duration_ms: result.duration_ms, scored_at: result.scored_at })
}
