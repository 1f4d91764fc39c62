import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { createHash } from "crypto"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"

export const POS_SCOPES = ["lookup", "earn", "redeem"] as const
export type PosScope = (typeof POS_SCOPES)[number]

export const hashPosKey = (key: string) => createHash("sha256").update(key).digest("hex")

export type PosRequest = MedusaRequest & { pos_key?: { id: string; location: string; scopes: string[] } }

/**
 * Authenticates a till by its key (`x-pos-key: lpos_...` or
 * `Authorization: Bearer lpos_...`): only the key's hash is looked up. A
 * missing, unknown or revoked key is a 401; a key without the route's scope
 * a 403. The key means nothing to Medusa's own auth, so it opens no /admin
 * or /store route.
 */
export function authenticatePosKey(scope: PosScope) {
  return async (req: PosRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const bearer = req.headers.authorization?.match(/^Bearer (lpos_\S+)$/)?.[1]
    const key = (req.headers["x-pos-key"] as string | undefined) ?? bearer
    if (!key) {
      return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "A POS key is required (header x-pos-key)"))
    }
    const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
    const [found] = await service.listPosKeys({ key_hash: hashPosKey(key) })
    if (!found || found.revoked_at) {
      return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "The POS key is unknown or revoked"))
    }
    const scopes = (found.scopes ?? []) as unknown as string[]
    if (!scopes.includes(scope)) {
      return next(new MedusaError(MedusaError.Types.FORBIDDEN, `This POS key may not ${scope} (its scopes: ${scopes.join(", ")})`))
    }
    req.pos_key = { id: found.id, location: found.location, scopes }
    // When the key was last used, for the admin; not worth failing a sale.
    service.updatePosKeys({ id: found.id, last_used_at: new Date() }).catch(() => undefined)
    next()
  }
}
