import { MiddlewareRoute } from "@medusajs/framework/http"

export const adminCampaignRoutesMiddlewares: MiddlewareRoute[] = []
