import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { authenticatePosKey } from "../../utils/pos-auth"
import { PosGetMemberParams, PosRedeem, PosRedeemCode, PosRegisterPurchase } from "./validators"

export const posLoyaltyRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/pos/loyalty/members",
    middlewares: [
      authenticatePosKey("lookup") as any,
      validateAndTransformQuery(PosGetMemberParams, { defaults: [], isList: false }),
    ],
  },
  {
    method: ["POST"],
    matcher: "/pos/loyalty/purchases",
    middlewares: [authenticatePosKey("earn") as any, validateAndTransformBody(PosRegisterPurchase)],
  },
  {
    method: ["POST"],
    matcher: "/pos/loyalty/purchases/:receipt_id/void",
    middlewares: [authenticatePosKey("earn") as any],
  },
  {
    method: ["POST"],
    matcher: "/pos/loyalty/redemptions/code",
    middlewares: [authenticatePosKey("redeem") as any, validateAndTransformBody(PosRedeemCode)],
  },
  {
    method: ["POST"],
    matcher: "/pos/loyalty/redemptions",
    middlewares: [authenticatePosKey("redeem") as any, validateAndTransformBody(PosRedeem)],
  },
]
