import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createWalletWorkflow } from "../../../../workflows"
import {
  fetchWalletsWithBalance,
  fetchWalletWithBalance,
} from "../../../utils/wallets"
import { AdminCreateWalletType, AdminGetWalletsParamsType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetWalletsParamsType>,
  res: MedusaResponse
) => {
  const page = await fetchWalletsWithBalance(req.scope, {
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json(page)
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateWalletType>,
  res: MedusaResponse
) => {
  const { result } = await createWalletWorkflow(req.scope).run({
    input: {
      customer_id: req.validatedBody.customer_id,
      currency_code: req.validatedBody.currency_code,
    },
  })
  const wallet = await fetchWalletWithBalance(
    req.scope,
    result.wallet.id,
    req.queryConfig?.fields ?? ["*"]
  )
  res.status(result.created ? 201 : 200).json({ wallet })
}
