import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validators"
import { AdminRefreshScores, AdminScoresParams } from "./validators"

// Admin routes are behind Medusa's admin authentication; these check the
// input: a body or query with anything in it is a 400
// loyalty_invalid_request naming the key.
export const adminScoreRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/scores/refresh",
    middlewares: [validateBody(AdminRefreshScores)],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/scores/summary",
    middlewares: [validateQuery(AdminScoresParams, { defaults: [], isList: false })],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/customers/:id/scores",
    middlewares: [validateQuery(AdminScoresParams, { defaults: [], isList: false })],
  },
]
