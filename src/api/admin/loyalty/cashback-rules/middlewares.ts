import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validators"
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
      validateQuery(
        AdminGetCashbackRulesParams,
        QueryConfig.listCashbackRulesQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/cashback-rules",
    middlewares: [
      validateBody(AdminCreateCashbackRule),
      validateQuery(
        AdminGetCashbackRulesParams.pick({ fields: true }),
        QueryConfig.retrieveCashbackRuleQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/cashback-rules/:id",
    middlewares: [
      validateQuery(
        AdminGetCashbackRulesParams.pick({ fields: true }),
        QueryConfig.retrieveCashbackRuleQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/cashback-rules/:id",
    middlewares: [
      validateBody(AdminUpdateCashbackRule),
      validateQuery(
        AdminGetCashbackRulesParams.pick({ fields: true }),
        QueryConfig.retrieveCashbackRuleQueryConfig
      ),
    ],
  },
]
