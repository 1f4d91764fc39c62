import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validators"
import { AdminCreateCodeBatch, AdminGetBatchCodesParams, AdminGetCodeBatchesParams, AdminIssueCode } from "./validators"

const listConfig = { defaults: ["id"], isList: true }

export const adminCodeBatchRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/loyalty/code-batches",
    middlewares: [validateQuery(AdminGetCodeBatchesParams, listConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/code-batches",
    middlewares: [validateBody(AdminCreateCodeBatch)],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/code-batches/:id/codes",
    middlewares: [validateQuery(AdminGetBatchCodesParams, listConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/code-batches/:id/codes",
    middlewares: [validateBody(AdminIssueCode)],
  },
]
