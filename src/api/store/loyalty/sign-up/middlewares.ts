import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
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
    middlewares: [validateAndTransformBody(StoreSignUpVerify)],
  },
]
