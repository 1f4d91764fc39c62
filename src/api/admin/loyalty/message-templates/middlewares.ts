import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminUpsertMessageTemplate } from "./validators"

export const adminMessageTemplateRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/message-templates",
    middlewares: [validateAndTransformBody(AdminUpsertMessageTemplate)],
  },
]
