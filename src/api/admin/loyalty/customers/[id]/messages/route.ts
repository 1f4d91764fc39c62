import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerMessages } from "../../../../../utils/messages"

/** The customer's SMS log and whether they opted out. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await customerMessages(req.scope, req.params.id))
}
