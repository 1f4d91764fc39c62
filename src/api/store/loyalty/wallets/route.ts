import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { fetchWalletsWithBalance } from "../../../utils/wallets"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const { wallets, metadata } = await fetchWalletsWithBalance(req.scope, {
    fields: req.queryConfig.fields,
    // Set after any query filters: a shopper only ever sees their own wallets.
    filters: { ...req.filterableFields, customer_id: req.auth_context.actor_id },
    pagination: req.queryConfig.pagination,
  })
  res.json({
    wallets,
    count: metadata?.count ?? wallets.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? wallets.length,
  })
}
