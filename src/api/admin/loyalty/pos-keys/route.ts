import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { createPosKeyWorkflow } from "../../../../workflows"
import { AdminCreatePosKeyType } from "./validators"

const FIELDS = ["id", "name", "location", "scopes", "key_prefix", "revoked_at", "last_used_at", "created_by", "created_at"]

const shown = (key: Record<string, any>) => Object.fromEntries(FIELDS.map((f) => [f, key[f] ?? null]))

/** The till keys (never the keys themselves). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const keys = await service.listPosKeys({}, { order: { created_at: "DESC" } })
  res.json({ pos_keys: keys.map(shown), count: keys.length })
}

/** Creates a till key; the answer carries the key once (`key`). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreatePosKeyType>,
  res: MedusaResponse
) => {
  const { result } = await createPosKeyWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context.actor_id },
  })
  res.status(201).json({ pos_key: { ...shown(result.pos_key), key: result.key } })
}
