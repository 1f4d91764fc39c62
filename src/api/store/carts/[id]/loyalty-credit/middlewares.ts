import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { retrieveTransformQueryConfig } from "@medusajs/medusa/api/store/carts/query-config"
import { StoreGetCartsCart } from "@medusajs/medusa/api/store/carts/validators"
import { StoreApplyCartCredit } from "./validators"

export const storeCartCreditRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST", "DELETE"],
    matcher: "/store/carts/:id/loyalty-credit",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      validateAndTransformQuery(StoreGetCartsCart, retrieveTransformQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/carts/:id/loyalty-credit",
    middlewares: [validateAndTransformBody(StoreApplyCartCredit)],
  },
]
