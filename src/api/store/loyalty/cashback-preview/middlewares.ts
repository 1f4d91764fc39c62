import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { StoreGetCashbackPreviewParams } from "./validators"

export const storeCashbackPreviewRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/loyalty/cashback-preview",
    middlewares: [
      // Product pages are public; a logged-in shopper sees their own rates.
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformQuery(StoreGetCashbackPreviewParams, {}),
    ],
  },
]
