import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { revokePosKeyWorkflow } from "../../../../../../workflows"

/** Revokes a till key: every later request with it is a 401. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await revokePosKeyWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ pos_key: { id: result.id, revoked_at: result.revoked_at } })
}
