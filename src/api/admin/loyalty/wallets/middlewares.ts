import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validators"
import * as QueryConfig from "./query-config"
import {
  AdminCreateWallet,
  AdminCreditWallet,
  AdminDebitWallet,
  AdminFreezeWallet,
  AdminGetWalletsParams,
  AdminGetWalletTransactionsParams,
  AdminUnfreezeWallet,
} from "./validators"

export const adminWalletRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/loyalty/wallets",
    middlewares: [
      validateQuery(
        AdminGetWalletsParams,
        QueryConfig.listWalletsQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/wallets",
    middlewares: [validateBody(AdminCreateWallet)],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/wallets/:id",
    middlewares: [
      validateQuery(
        AdminGetWalletsParams.pick({ fields: true }),
        QueryConfig.retrieveWalletQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/wallets/:id/transactions",
    middlewares: [
      validateQuery(
        AdminGetWalletTransactionsParams,
        QueryConfig.listWalletTransactionsQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/wallets/:id/credit",
    middlewares: [validateBody(AdminCreditWallet)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/wallets/:id/debit",
    middlewares: [validateBody(AdminDebitWallet)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/wallets/:id/freeze",
    middlewares: [validateBody(AdminFreezeWallet)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/wallets/:id/unfreeze",
    middlewares: [validateBody(AdminUnfreezeWallet)],
  },
]
