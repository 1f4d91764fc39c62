import { MiddlewareRoute } from "@medusajs/framework/http"

export const adminScoreRoutesMiddlewares: MiddlewareRoute[] = []
