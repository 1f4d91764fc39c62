import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { previewCashbackWorkflow } from "../../../../workflows"
import { StoreGetCashbackPreviewParamsType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetCashbackPreviewParamsType>,
  res: MedusaResponse
) => {
  const { result } = await previewCashbackWorkflow(req.scope).run({
    input: {
      ...(req.validatedQuery as StoreGetCashbackPreviewParamsType),
      customer_id: req.auth_context?.actor_id ?? null,
    },
  })
  res.json({ cashback: result })
}
