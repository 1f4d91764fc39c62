import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../../../utils/validators"
import { GetGiftsParams } from "../../../code-batches/validators"

export const adminCustomerGiftRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/loyalty/customers/:id/gifts",
    middlewares: [validateQuery(GetGiftsParams, { defaults: ["id"], isList: true })],
  },
]
