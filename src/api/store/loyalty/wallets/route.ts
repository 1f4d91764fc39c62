import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { fetchWalletsWithBalance } from "../../../utils/wallets"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const page = await fetchWalletsWithBalance(req.scope, {
    fields: req.queryConfig.fields,
    // Set after any query filters: a shopper only ever sees their own wallets.
    filters: { ...req.filterableFields, customer_id: req.auth_context.actor_id },
    pagination: req.queryConfig.pagination,
  })
  res.json(page)
}
