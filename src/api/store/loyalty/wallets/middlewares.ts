import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { listWalletTransactionsQueryConfig } from "../../../admin/loyalty/wallets/query-config"
import { storeListWalletsQueryConfig } from "./query-config"
import {
  StoreGetWalletsParams,
  StoreGetWalletTransactionsParams,
} from "./validators"

export const storeWalletRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/loyalty/wallets*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["GET"],
    matcher: "/store/loyalty/wallets",
    middlewares: [
      validateAndTransformQuery(StoreGetWalletsParams, storeListWalletsQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/store/loyalty/wallets/:id/transactions",
    middlewares: [
      validateAndTransformQuery(
        StoreGetWalletTransactionsParams,
        listWalletTransactionsQueryConfig
      ),
    ],
  },
]
