import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validators"
import { AdminUpdateLoyaltySettings } from "./validators"

export const adminLoyaltySettingsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/loyalty/settings",
    middlewares: [validateBody(AdminUpdateLoyaltySettings)],
  },
]
