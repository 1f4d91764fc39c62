import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreUpdateSmsPreference } from "./validators"

export const storeSmsPreferenceRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET", "POST"],
    matcher: "/store/loyalty/sms-preferences",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["POST"],
    matcher: "/store/loyalty/sms-preferences",
    middlewares: [validateAndTransformBody(StoreUpdateSmsPreference)],
  },
]
