import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import * as QueryConfig from "./query-config"
import {
  AdminCreateCashbackRule,
  AdminGetCashbackRulesParams,
  AdminUpdateCashbackRule,
} from "./validators"

export const adminCashbackRuleRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/loyalty/cashback-rules",
    middlewares: [
      validateAndTransformQuery(
        AdminGetCashbackRulesParams,
        QueryConfig.listCashbackRulesQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/cashback-rules",
    middlewares: [
      validateAndTransformBody(AdminCreateCashbackRule),
      validateAndTransformQuery(
        AdminGetCashbackRulesParams.pick({ fields: true }),
        QueryConfig.retrieveCashbackRuleQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/cashback-rules/:id",
    middlewares: [
      validateAndTransformQuery(
        AdminGetCashbackRulesParams.pick({ fields: true }),
        QueryConfig.retrieveCashbackRuleQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/cashback-rules/:id",
    middlewares: [
      validateAndTransformBody(AdminUpdateCashbackRule),
      validateAndTransformQuery(
        AdminGetCashbackRulesParams.pick({ fields: true }),
        QueryConfig.retrieveCashbackRuleQueryConfig
      ),
    ],
  },
]
