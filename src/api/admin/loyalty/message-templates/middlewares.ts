import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validators"
import { AdminUpsertMessageTemplate } from "./validators"

export const adminMessageTemplateRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/message-templates",
    middlewares: [validateBody(AdminUpsertMessageTemplate)],
  },
]
