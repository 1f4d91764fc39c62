import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setCustomerTierWorkflow } from "../../../../../../workflows"
import { customerTierView } from "../../../../../utils/tiers"
import { AdminSetCustomerTierType } from "../../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({
    customer_tier: await customerTierView(req.scope, req.params.id, { history: true }),
  })
}

/** Pins the customer to a tier (`{ pinned: true, tier_id, note }`) or unpins them. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetCustomerTierType>,
  res: MedusaResponse
) => {
  await setCustomerTierWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      pinned: req.validatedBody.pinned,
      tier_id: req.validatedBody.tier_id ?? null,
      note: req.validatedBody.note ?? null,
      actor_id: req.auth_context.actor_id,
    },
  })
  res.json({
    customer_tier: await customerTierView(req.scope, req.params.id, { history: true }),
  })
}
