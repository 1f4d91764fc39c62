import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validators"
import { StoreClaimCode, StoreClaimTransfer, StoreGetTransfersParams, StoreSendTransfer } from "./validators"

export const storeTransferRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET", "POST"],
    matcher: "/store/loyalty/transfers",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["GET"],
    matcher: "/store/loyalty/transfers",
    middlewares: [validateQuery(StoreGetTransfersParams, { defaults: ["id"], isList: true })],
  },
  {
    method: ["POST"],
    matcher: "/store/loyalty/transfers",
    middlewares: [validateBody(StoreSendTransfer)],
  },
  {
    method: ["POST"],
    matcher: "/store/loyalty/transfers/claim",
    // A logged-in member whose phone the club proved may claim with the
    // link alone; anyone else (a new phone, no login) with the SMS code.
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateBody(StoreClaimTransfer),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/loyalty/transfers/claim/code",
    middlewares: [validateBody(StoreClaimCode)],
  },
]
