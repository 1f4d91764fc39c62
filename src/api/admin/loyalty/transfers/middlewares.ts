import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/validators"
import { AdminGetCustomerTransfersParams, AdminGetTransfersParams, AdminSendTransfer } from "./validators"

const listConfig = { defaults: ["id"], isList: true }

export const adminTransferRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/loyalty/transfers",
    middlewares: [validateQuery(AdminGetTransfersParams, listConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/transfers",
    middlewares: [validateBody(AdminSendTransfer)],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/customers/:id/transfers",
    middlewares: [validateQuery(AdminGetCustomerTransfersParams, listConfig)],
  },
]
