import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreSignUp, StoreSignUpVerify } from "./validators"

export const storeSignUpRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/loyalty/sign-up",
    middlewares: [validateAndTransformBody(StoreSignUp)],
  },
  {
    method: ["POST"],
    matcher: "/store/loyalty/sign-up/verify",
    // A logged-in shopper who proves a phone makes it theirs; a kiosk
    // visitor (no login) becomes a new member.
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformBody(StoreSignUpVerify),
    ],
  },
]
