import { authenticate, MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../modules/loyalty-club/service"
import { normalizeCode } from "../../../../../utils/discount-codes"
import { LoyaltyErrorCode, loyaltyError } from "../../../../../utils/error-codes"

/**
 * Shoppers type club codes the way phones let them: lower case, spaces,
 * Persian or Arabic digits. Core looks a promotion up by its exact code, so
 * a typed code that is one of the club's codes once normalised is replaced
 * by that code before core's route runs. Codes that are not the club's
 * (the shop's own Medusa promotions) pass untouched, case and all.
 */
async function normalizeClubCodes(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  // Core's body validation may run before or after this middleware: fix both.
  const bodies = [req.validatedBody as any, req.body as any].filter(
    (b) => b && Array.isArray(b.promo_codes) && b.promo_codes.every((c: unknown) => typeof c === "string")
  )
  const typed = Array.from(new Set(bodies.flatMap((b) => b.promo_codes as string[])))
  const candidates = new Map<string, string>()
  for (const code of typed.slice(0, 20)) {
    const normalized = normalizeCode(code)
    if (normalized && normalized !== code) {
      candidates.set(code, normalized)
    }
  }
  if (candidates.size) {
    const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
    const found = await service.listCodes(
      { code: Array.from(new Set(candidates.values())) },
      { select: ["code"], take: 20 }
    )
    const ours = new Set(found.map((c) => c.code))
    for (const body of bodies) {
      body.promo_codes = body.promo_codes.map((c: string) => {
        const normalized = candidates.get(c)
        return normalized && ours.has(normalized) ? normalized : c
      })
    }
  }
  next()
}

/**
 * A personal code goes on a cart only in a request of its owner, logged
 * in. The cart hook checks the cart's customer too, but core puts a
 * registered customer on a guest's cart when the guest types that
 * customer's email, so the cart alone cannot tell the owner from someone
 * who knows their email: the request's login can. Runs on every store
 * route that takes `promo_codes` (add codes, create or update a cart).
 */
async function personalCodesOfTheShopper(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = req.body as any
  const typed: string[] = Array.isArray(body?.promo_codes)
    ? body.promo_codes.filter((c: unknown) => typeof c === "string" && c.length <= 100).slice(0, 20)
    : []
  if (!typed.length) {
    return next()
  }
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const candidates = Array.from(new Set([...typed, ...typed.map(normalizeCode)]))
  const codes = await service.listCodes({ code: candidates }, { select: ["code", "customer_id"], take: 40 })
  const auth = (req as any).auth_context
  const shopper = auth?.actor_type === "customer" && auth.actor_id ? (auth.actor_id as string) : null
  for (const code of codes) {
    if (code.customer_id && code.customer_id !== shopper) {
      throw shopper
        ? loyaltyError(
            MedusaError.Types.NOT_ALLOWED,
            `Code ${code.code} is a personal code of another customer`,
            LoyaltyErrorCode.CODE_NOT_YOURS
          )
        : loyaltyError(
            MedusaError.Types.NOT_ALLOWED,
            `Code ${code.code} is a personal code: log in as its owner to use it`,
            LoyaltyErrorCode.CODE_LOGIN_REQUIRED
          )
    }
  }
  next()
}

const shopperOptional = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

// Core's store routes that take promo codes.
export const storeCartPromotionCodeRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/carts/:id/promotions",
    middlewares: [normalizeClubCodes, shopperOptional, personalCodesOfTheShopper],
  },
  { method: ["DELETE"], matcher: "/store/carts/:id/promotions", middlewares: [normalizeClubCodes] },
  { method: ["POST"], matcher: "/store/carts/:id", middlewares: [normalizeClubCodes, shopperOptional, personalCodesOfTheShopper] },
  { method: ["POST"], matcher: "/store/carts", middlewares: [normalizeClubCodes, shopperOptional, personalCodesOfTheShopper] },
]
