import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import * as QueryConfig from "./query-config"
import {
  AdminCreateWallet,
  AdminCreditWallet,
  AdminDebitWallet,
  AdminGetWalletsParams,
  AdminGetWalletTransactionsParams,
} from "./validators"

export const adminWalletRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/loyalty/wallets",
    middlewares: [
      validateAndTransformQuery(
        AdminGetWalletsParams,
        QueryConfig.listWalletsQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/wallets",
    middlewares: [validateAndTransformBody(AdminCreateWallet)],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/wallets/:id",
    middlewares: [
      validateAndTransformQuery(
        AdminGetWalletsParams.pick({ fields: true }),
        QueryConfig.retrieveWalletQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/wallets/:id/transactions",
    middlewares: [
      validateAndTransformQuery(
        AdminGetWalletTransactionsParams,
        QueryConfig.listWalletTransactionsQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/wallets/:id/credit",
    middlewares: [validateAndTransformBody(AdminCreditWallet)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/wallets/:id/debit",
    middlewares: [validateAndTransformBody(AdminDebitWallet)],
  },
]
