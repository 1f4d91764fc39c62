import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { disableCodeBatchWorkflow } from "../../../../../../workflows/codes"
import { codeBatchViews } from "../../views"

/** Disables a batch: its codes stop working and their Medusa promotions are switched off. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result: batch } = await disableCodeBatchWorkflow(req.scope).run({ input: { id: req.params.id } })
  const [code_batch] = await codeBatchViews(req.scope, [batch])
  res.json({ code_batch })
}
