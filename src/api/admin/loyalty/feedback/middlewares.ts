import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../utils/validators"
import { AdminGetFeedbackParams, AdminGetFeedbackStatsParams } from "./validators"

export const adminFeedbackRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/loyalty/feedback",
    middlewares: [validateQuery(AdminGetFeedbackParams, { defaults: ["id"], isList: true })],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/feedback/stats",
    middlewares: [validateQuery(AdminGetFeedbackStatsParams, { defaults: ["id"], isList: false })],
  },
]
